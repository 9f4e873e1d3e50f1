/**
 * A result as a file that keeps its provenance: CSV inside a zip with a Frictionless
 * datapackage.json and a README (the query, the datasets it read, their sources and licenses), or
 * one Parquet file with the same in its key-value metadata. Written in the browser: duckdb-wasm
 * cannot write Parquet offline (../shared/STACK.md pitfall 1), so hyparquet-writer does. The CSV's
 * text cells and column names go through neutralizeFormula ($lib/text/safe, the rule of every CSV
 * the site writes), so a query returning '=HYPERLINK(…)' cannot run as a spreadsheet formula.
 */
import Papa from 'papaparse';
import { zipSync, strToU8 } from 'fflate';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { neutralizeFormula } from '$lib/text/safe';
import type { Result, Kind } from './result';
import { provenanceText, type Dataset } from './schema';

export interface About {
  result: Result;
  datasets: Dataset[];
  /** The address that reopens this query. */
  url: string;
  /** When the file was made (ISO), named in its notes. */
  made: string;
}

const FRICTIONLESS: Record<Kind, string> = { number: 'number', date: 'date', timestamp: 'datetime', boolean: 'boolean', text: 'string' };
const integers = (result: Result, i: number) => result.rows.every((r) => r[i] === null || Number.isSafeInteger(r[i]));

function note({ result, datasets, url, made }: About): string {
  const rows =
    result.stoppedAfterMs !== undefined
      ? `${result.rows.length} of at least ${result.rowCount} rows (the query was stopped after ${Math.round(result.stoppedAfterMs / 1000)} s, the explorer's time limit)`
      : result.rows.length < result.rowCount
        ? `${result.rows.length} of the ${result.rowCount} rows the query returns (the explorer keeps the first ${result.rows.length})`
        : `${result.rowCount} rows`;
  return [
    'Query result from the detention data dashboard explorer',
    '',
    `Made: ${made}`,
    `Reopen: ${url}`,
    `Rows: ${rows}`,
    '',
    'SQL:',
    result.sql,
    '',
    'Datasets read, with their licenses and the attribution their sources ask for:',
    provenanceText(datasets) || '(none of the published datasets)',
    '',
    'Spreadsheet safety: in result.csv, a text cell or column name that starts with =, +, -, @, a tab or',
    "a carriage return is written with an apostrophe (') in front, so a spreadsheet shows it as text",
    'instead of running it as a formula. Numbers are written as they are; the Parquet file keeps every',
    'value exactly as the query returned it.',
  ].join('\n');
}

function packageJson(about: About): object {
  const { result, datasets } = about;
  return {
    profile: 'tabular-data-package',
    name: 'explorer-result',
    created: about.made,
    resources: [
      {
        name: 'result',
        path: 'result.csv',
        profile: 'tabular-data-resource',
        schema: { fields: result.columns.map((c, i) => ({ name: c.name, type: c.kind === 'number' && integers(result, i) ? 'integer' : FRICTIONLESS[c.kind] })) },
        query: result.sql,
        url: about.url,
        sources: datasets.flatMap((d) => d.sources),
        licenses: [...new Map(datasets.flatMap((d) => d.licenses).map((l) => [l.name, l])).values()],
        datasets: datasets.map((d) => ({ name: d.name, title: d.title, attribution: d.attribution })),
      },
    ],
  };
}

/** The CSV of a result; text that a spreadsheet would run as a formula is neutralized (see the README note). */
export function csvText(result: Result): string {
  const safe = (v: unknown) => (typeof v === 'string' ? neutralizeFormula(v) : v);
  return Papa.unparse({ fields: result.columns.map((c) => neutralizeFormula(c.name)), data: result.rows.map((r) => r.map(safe)) }, { newline: '\n' });
}

/** result.csv, datapackage.json and README.txt in one zip. */
export function csvZip(about: About): Uint8Array {
  return zipSync({
    'result.csv': strToU8(csvText(about.result)),
    'datapackage.json': strToU8(JSON.stringify(packageJson(about), null, 2)),
    'README.txt': strToU8(note(about)),
  });
}

/** A Parquet file of the kept rows; provenance in its key-value metadata. */
export function parquet(about: About): ArrayBuffer {
  const { result, datasets } = about;
  const schema: Parameters<typeof parquetWriteBuffer>[0]['schema'] = [{ name: 'root', num_children: result.columns.length }];
  const columnData = result.columns.map((c, i) => {
    const values = result.rows.map((r) => r[i] ?? null);
    const name = c.name;
    if (c.kind === 'number' && integers(result, i)) {
      schema.push({ name, type: 'INT64', repetition_type: 'OPTIONAL' });
      return { name, data: values.map((v) => (v === null ? null : BigInt(v as number))) };
    }
    if (c.kind === 'number') {
      schema.push({ name, type: 'DOUBLE', repetition_type: 'OPTIONAL' });
      return { name, data: values };
    }
    if (c.kind === 'date') {
      schema.push({ name, type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' });
      return { name, data: values.map((v) => (v === null ? null : new Date(`${v}T00:00:00Z`))) };
    }
    if (c.kind === 'boolean') {
      schema.push({ name, type: 'BOOLEAN', repetition_type: 'OPTIONAL' });
      return { name, data: values };
    }
    // Timestamps stay as the ISO text the table shows: the explorer keeps no time zone.
    schema.push({ name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' });
    return { name, data: values.map((v) => (v === null ? null : String(v))) };
  });
  return parquetWriteBuffer({
    columnData,
    schema,
    kvMetadata: [
      { key: 'query', value: result.sql },
      { key: 'url', value: about.url },
      { key: 'created', value: about.made },
      { key: 'sources', value: JSON.stringify(datasets.flatMap((d) => d.sources)) },
      { key: 'licenses', value: JSON.stringify([...new Set(datasets.flatMap((d) => d.licenses.map((l) => l.name)))]) },
      { key: 'provenance', value: provenanceText(datasets) },
    ],
    createdBy: 'detention-data-dashboard explorer (hyparquet-writer)',
  });
}
