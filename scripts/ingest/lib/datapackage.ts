/** A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/) describing every dataset. */
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
