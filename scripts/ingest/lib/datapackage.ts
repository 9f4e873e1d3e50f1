/** A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/) describing every dataset. */
import { formulaSafeSql } from '../../../src/lib/text/safe';
import { LICENSES, type License } from './licenses';
import type { DatasetDecl, SourceDecl } from './types';

export interface FileFacts {
  path: string;
  bytes: number;
  hash: string;
}

export interface ResourceFacts {
  rows: number;
  coverage: { start: string; end: string } | null;
  parquet: FileFacts;
  csv: FileFacts;
}

const FIELD_FORMAT = { integer: 'integer', number: 'number', string: 'string', date: 'date', boolean: 'boolean' } as const;

export function licensesOf(sources: SourceDecl[]): License[] {
  const ids = [...new Set(sources.map((s) => s.license))].sort();
  return ids.map((id) => LICENSES[id]);
}

export function resource(d: DatasetDecl, sources: SourceDecl[], facts: ResourceFacts) {
  const licenses = licensesOf(sources);
  return {
    name: d.name,
    title: d.title,
    description: d.description,
    path: facts.parquet.path,
    format: 'parquet',
    mediatype: 'application/vnd.apache.parquet',
    bytes: facts.parquet.bytes,
    hash: `sha256:${facts.parquet.hash}`,
    csv: { path: facts.csv.path, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', bytes: facts.csv.bytes, hash: `sha256:${facts.csv.hash}` },
    rows: facts.rows,
    temporal: facts.coverage ? { field: d.temporal, ...facts.coverage } : null,
    schema: {
      fields: d.fields.map((f) => ({
        name: f.name,
        type: FIELD_FORMAT[f.type],
        description: f.description,
        ...(f.unit ? { unit: f.unit } : {}),
        ...(f.required || d.primaryKey.includes(f.name) ? { constraints: { required: true } } : {}),
      })),
      primaryKey: d.primaryKey,
      missingValues: [''],
    },
    sources: sources.map((s) => ({ title: s.title, publisher: s.publisher, ...(s.homepage ? { path: s.homepage } : {}), ...(s.via ? { via: s.via } : {}) })),
    licenses,
    attribution: sources.map((s) => s.attribution).join(' '),
    shareAlike: licenses.some((l) => l.shareAlikeNonCommercial),
  };
}

export function datapackage(resources: ReturnType<typeof resource>[], release: string) {
  const all = new Map<string, License>();
  for (const r of resources) for (const l of r.licenses) all.set(l.name, l);
  return {
    profile: 'data-package',
    name: 'detention-data-dashboard',
    title: 'US incarceration and immigration-detention data',
    description:
      'Public figures on ICE immigration detention, prisons and jails, each dataset with its sources, licenses and temporal coverage. Each resource carries the license of its inputs; where one input is CC BY-NC-SA 4.0 the resource is too.',
    version: release,
    licenses: [...all.values()],
    resources,
  };
}

/**
 * The COPY that writes a dataset's CSV: the ingest runs it to record the sha256, build-data.ts to
 * make the file it serves and check that hash, so both must be this one statement. A text cell a
 * spreadsheet would run as a formula (=HYPERLINK(…), +cmd|…, @SUM, -2+3) gets a leading apostrophe
 * (OWASP "CSV injection"); numbers and dates are typed columns and never touched. The Parquet
 * keeps every value as published: it is typed data, not a spreadsheet.
 */
export function csvCopySql(o: { from: string; fields: { name: string; type: string }[]; path: string; orderBy?: string[] }): string {
  const cols = o.fields.map((f) => (f.type === 'string' ? `${formulaSafeSql(`"${f.name}"`)} AS "${f.name}"` : `"${f.name}"`)).join(', ');
  const order = o.orderBy?.length ? ` ORDER BY ${o.orderBy.map((k) => `"${k}"`).join(', ')}` : '';
  return `COPY (SELECT ${cols} FROM "${o.from}"${order}) TO '${o.path.replace(/'/g, "''")}' (FORMAT csv, HEADER true)`;
}
