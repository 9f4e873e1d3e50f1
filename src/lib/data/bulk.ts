/**
 * A dataset CSV over BULK_CSV_BYTES is served only as a gzip file (`<name>.csv.gz`): the daily
 * series alone is 113 MB as CSV and about a tenth of that gzipped, static hosts limit file sizes
 * (Cloudflare Pages: 25 MiB a file) and what a host is given in all (issue 20: 250 MB). Over 1 MB,
 * four more (UCLA's COVID-19 counts, the city, ZIP and district look-ups) went from 9.5 MB to 1.6 MB.
 * One rule, for the build that writes the files (scripts/build-data.ts) and the pages that link
 * them. Framework-free.
 */
export const BULK_CSV_BYTES = 1_000_000;

/** Whether a CSV of `bytes` (its size uncompressed, datapackage.json's csv.bytes) is served gzipped. */
export const isBulkCsv = (bytes: number) => bytes > BULK_CSV_BYTES;

/** The file a dataset's CSV is served as: its path, or the path + ".gz" for a bulk one. */
export const csvFile = (path: string, bytes: number) => (isBulkCsv(bytes) ? `${path}.gz` : path);
