/**
 * Guided questions for readers who don't write SQL: a dataset, filters, a grouping and a measure
 * become one SELECT, shown and editable. Identifiers come from the schema only and values are
 * quoted as literals, so no choice in the form can change the query's shape.
 */
import type { Dataset, Field } from './schema';

export type Op = '=' | '<>' | '>' | '>=' | '<' | '<=' | 'contains' | 'missing' | 'present';
export interface Filter {
  column: string;
  op: Op;
  value: string;
}
export type Aggregate = 'count' | 'sum' | 'avg' | 'min' | 'max' | 'count_distinct';

export interface Guided {
  dataset: string;
  filters: Filter[];
  /** A column, or a date column by period: "date:year", "date:month". Empty: no grouping. */
  group: string;
  aggregate: Aggregate;
  /** The measured column (not used by count). */
  measure: string;
}

export const OP_LABELS: Record<Op, string> = {
  '=': 'is',
  '<>': 'is not',
  '>': 'greater than',
  '>=': 'at least',
  '<': 'less than',
  '<=': 'at most',
  contains: 'contains',
  missing: 'is not reported',
  present: 'is reported',
};

export const AGGREGATE_LABELS: Record<Aggregate, string> = {
  count: 'Number of rows',
  sum: 'Sum of',
  avg: 'Average of',
  min: 'Smallest',
  max: 'Largest',
  count_distinct: 'Number of distinct',
};

export const numeric = (f: Field) => f.type === 'integer' || f.type === 'number';

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (v: string) => `'${v.replace(/'/g, "''")}'`;

export class GuidedError extends Error {}

/** The ops that make sense for a column's type. */
export function opsFor(f: Field): Op[] {
  if (numeric(f) || f.type === 'date') return ['=', '<>', '>', '>=', '<', '<=', 'missing', 'present'];
  if (f.type === 'boolean') return ['=', 'missing', 'present'];
  return ['=', '<>', 'contains', 'missing', 'present'];
}

function condition(f: Field, { op, value }: Filter): string {
  const col = ident(f.name);
  if (op === 'missing') return `${col} IS NULL`;
  if (op === 'present') return `${col} IS NOT NULL`;
  const v = value.trim();
  if (op === 'contains') return `${col} ILIKE ${literal(`%${v.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)} ESCAPE '\\'`;
  if (numeric(f)) {
    if (v === '' || !Number.isFinite(Number(v))) throw new GuidedError(`Filter on ${f.name}: "${value}" is not a number`);
    return `${col} ${op} ${Number(v)}`;
  }
  if (f.type === 'date') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new GuidedError(`Filter on ${f.name}: "${value}" is not a date (YYYY-MM-DD)`);
    return `${col} ${op} DATE ${literal(v)}`;
  }
  if (f.type === 'boolean') {
    if (!/^(true|false)$/i.test(v)) throw new GuidedError(`Filter on ${f.name}: "${value}" is not true or false`);
    return `${col} = ${v.toLowerCase()}`;
  }
  return `${col} ${op} ${literal(v)}`;
}

function groupExpr(dataset: Dataset, group: string): { expr: string; alias: string } {
  const [name, period] = group.split(':') as [string, string | undefined];
  const f = dataset.fields.find((x) => x.name === name);
  if (!f) throw new GuidedError(`${dataset.name} has no column ${name}`);
  if (!period) return { expr: ident(name), alias: ident(name) };
  if (f.type !== 'date' || (period !== 'year' && period !== 'month')) throw new GuidedError(`${name} cannot be grouped by ${period}`);
  // Text, not a DATE: the chart reads "2024" and "2024-05" as time, like the site's other charts.
  const fmt = period === 'year' ? '%Y' : '%Y-%m';
  return { expr: `strftime(${ident(name)}, '${fmt}')`, alias: ident(`${name}_${period}`) };
}

/** The SELECT a guided question asks. Throws GuidedError naming the bad choice. */
export function guidedSql(schema: Dataset[], g: Guided): string {
  const dataset = schema.find((d) => d.name === g.dataset);
  if (!dataset) throw new GuidedError(`No dataset named ${g.dataset}`);
  const field = (name: string) => {
    const f = dataset.fields.find((x) => x.name === name);
    if (!f) throw new GuidedError(`${dataset.name} has no column ${name}`);
    return f;
  };
  let measure = 'count(*) AS rows';
  if (g.aggregate !== 'count') {
    const f = field(g.measure);
    if ((g.aggregate === 'sum' || g.aggregate === 'avg') && !numeric(f)) throw new GuidedError(`${AGGREGATE_LABELS[g.aggregate]} needs a number column; ${f.name} is ${f.type}`);
    const fn = g.aggregate === 'count_distinct' ? `count(DISTINCT ${ident(f.name)})` : `${g.aggregate}(${ident(f.name)})`;
    measure = `${g.aggregate === 'avg' ? `round(${fn}, 1)` : fn} AS ${ident(`${g.aggregate}_${f.name}`)}`;
  }
  const where = g.filters.map((x) => condition(field(x.column), x));
  const lines: string[] = [];
  const group = g.group ? groupExpr(dataset, g.group) : null;
  lines.push(group ? `SELECT ${group.expr} AS ${group.alias}, ${measure}` : `SELECT ${measure}`);
  lines.push(`FROM ${dataset.name}`);
  if (where.length) lines.push(`WHERE ${where.join('\n  AND ')}`);
  if (group) lines.push('GROUP BY 1', 'ORDER BY 1');
  return lines.join('\n');
}
