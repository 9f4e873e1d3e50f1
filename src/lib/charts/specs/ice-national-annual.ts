import { count } from '$lib/format';
import type { Annotation, ChartSpec, Row } from '../types';
import { fiscalYearSpan } from '../period';

const SOURCES: Record<string, string> = {
  'marshall-detention': 'The Marshall Project',
  'ncraig-adp': 'Nathan Craig',
  'ice-workbooks': 'ICE workbooks',
};
const name = (r: Row) => SOURCES[String(r.source_id)] ?? String(r.source_id);
const valued = (rows: Row[]) => rows.filter((r) => r.adp !== null);

/** The fiscal year where the sources' figures for one year are furthest apart. */
function widestGap(rows: Row[]): { year: string; lo: Row; hi: Row } | null {
  const byYear = new Map<string, Row[]>();
  for (const r of valued(rows)) byYear.set(String(r.fiscal_year), [...(byYear.get(String(r.fiscal_year)) ?? []), r]);
  let best: { year: string; lo: Row; hi: Row } | null = null;
  for (const [year, rs] of byYear) {
    if (rs.length < 2 || rs.some((r) => r.partial)) continue;
    const sorted = [...rs].sort((a, b) => Number(a.adp) - Number(b.adp));
    const lo = sorted[0]!;
    const hi = sorted.at(-1)!;
    if (!best || Number(hi.adp) - Number(lo.adp) > Number(best.hi.adp) - Number(best.lo.adp)) best = { year, lo, hi };
  }
  return best;
}

export default {
  id: 'ice-national-annual',
  kind: 'line',
  title: () => 'People in ICE and INS detention, average per day, by fiscal year',
  subtitle: (_, rows) => `National average daily population, ${fiscalYearSpan(rows.filter((r) => r.adp !== null), 'fiscal_year')}, as three sources compiled it, one line each`,
  topic: 'ice',
  datasets: ['ice_national_annual'],
  query: () => `
    SELECT CAST(fiscal_year AS VARCHAR) AS fiscal_year, source_id,
      CASE source_id ${Object.entries(SOURCES).map(([id, n]) => `WHEN '${id}' THEN '${n}'`).join(' ')} ELSE source_id END AS source,
      adp, partial,
      CASE WHEN adp IS NULL THEN 'not reported (' || coalesce(missing, 'no value') || ')'
           WHEN partial THEN 'partial year: ' || coalesce(note, 'not all months')
           ELSE 'full year' END AS coverage,
      source_file || coalesce(', sheet "' || source_sheet || '"', '') || ', row ' || source_row || coalesce(', column ' || source_column, '') AS read_from
    FROM ice_national_annual ORDER BY fiscal_year, source_id`,
  x: { field: 'fiscal_year', label: 'Fiscal year', type: 'time' },
  y: { field: 'adp', label: 'People detained (average per day)', unit: 'persons' },
  series: { field: 'source_id', labels: SOURCES },
  columns: [
    { field: 'fiscal_year', label: 'Fiscal year', format: 'year' },
    { field: 'source', label: 'Source', format: 'text' },
    { field: 'adp', label: 'Average daily population', format: 'count' },
    { field: 'coverage', label: 'Coverage', format: 'text' },
    { field: 'read_from', label: 'Read from', format: 'text' },
  ],
  method:
    'Average daily population (ADP) in INS and, from 2003, ICE detention, by federal fiscal year (October to September). The Marshall Project ("Detained", FY1979–FY2019) and Nathan Craig (FY1979–FY2021) each compiled the series from INS/ICE budget documents and year-end statistics; ICE\'s own figure is the "FY Overall" ADP in each yearly detention workbook (FY2019 on). Each source is drawn as it published its numbers, so where they disagree the lines part.',
  caveats: [
    'Partial years are marked in the table: Nathan Craig\'s FY2021 covers October 2020 to April 2021 only, and an ICE workbook\'s year is partial when its data end before September 30 (the current year always is).',
    'Nathan Craig\'s series has no value for FY1993 (a blank cell): it is shown as not reported, a gap in the line, not 0.',
    'The two compilations differ in some years (most in FY2006–FY2007) because they drew on different INS/ICE documents; neither is corrected here.',
  ],
  describe: (rows) => {
    const v = valued(rows);
    const first = v[0];
    const full = v.filter((r) => !r.partial);
    const peak = [...full].sort((a, b) => Number(b.adp) - Number(a.adp))[0];
    const latest = v.at(-1);
    const gap = widestGap(rows);
    if (!first || !peak || !latest) return 'National average daily population in ICE and INS detention by fiscal year, from three sources.';
    const parts = [
      `On an average day in FY${first.fiscal_year}, ${count(Number(first.adp))} people were in INS detention (${name(first)}).`,
      `The highest full-year figure is ${count(Number(peak.adp))} in FY${peak.fiscal_year} (${name(peak)}).`,
      `The latest, FY${latest.fiscal_year}, is ${count(Number(latest.adp))} (${name(latest)}${latest.partial ? `, ${String(latest.coverage)}` : ''}).`,
    ];
    if (gap) parts.push(`The sources differ most in FY${gap.year}: ${count(Number(gap.lo.adp))} (${name(gap.lo)}) against ${count(Number(gap.hi.adp))} (${name(gap.hi)}).`);
    return parts.join(' ');
  },
  annotate: (rows) => {
    const out: Annotation[] = [];
    const gap = widestGap(rows);
    if (gap) out.push({ x: gap.year, y: Number(gap.hi.adp), series: String(gap.hi.source_id), label: `FY${gap.year}: sources differ by ${count(Number(gap.hi.adp) - Number(gap.lo.adp))}` });
    const latest = valued(rows).at(-1);
    if (latest) out.push({ x: String(latest.fiscal_year), y: Number(latest.adp), series: String(latest.source_id), label: `FY${latest.fiscal_year}${latest.partial ? ' so far' : ''}: ${count(Number(latest.adp))}` });
    return out;
  },
} satisfies ChartSpec;
