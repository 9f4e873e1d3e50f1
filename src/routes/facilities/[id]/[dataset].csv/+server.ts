/**
 * /facilities/<id>/<dataset>.csv: a facility's own rows of one dataset, every column, in the
 * dataset's column order (the same papaparse call as every chart CSV). Linked from the facility
 * page, so prerendering finds exactly the files that have rows.
 */
import { error } from '@sveltejs/kit';
import { toCsv } from '$lib/charts/csv';
import { datapackage, query } from '$lib/server/data';
import type { Row } from '$lib/charts/types';

export const prerender = true;

/** Datasets a facility page offers, and the column holding the facility's key in each. */
const KEYS: Record<string, (id: string) => string> = {
  ice_facility_fy: (id) => `facility_id = '${id}' ORDER BY fiscal_year`,
  ucla_facilities: (id) => `ucla_id = (SELECT ucla_id FROM facilities WHERE facility_id = '${id}')`,
};

export async function GET({ params }) {
  const where = KEYS[params.dataset];
  if (!where) error(404, `no per-facility CSV for ${params.dataset}; known: ${Object.keys(KEYS).join(', ')}`);
  if (!/^[a-z0-9-]{1,64}$/.test(params.id)) error(404, `not a facility id: ${params.id}`);
  const fields = datapackage().resources.find((r) => r.name === params.dataset)!.schema.fields;
  const rows = await query<Row>(`SELECT * FROM ${params.dataset} WHERE ${where(params.id)}`);
  if (!rows.length) error(404, `${params.dataset} has no rows for ${params.id}`);
  return new Response(toCsv(rows, fields.map((f) => ({ field: f.name, label: f.name, format: 'text' }))), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
