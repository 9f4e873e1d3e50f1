/** How the pages cite a source cell: file, sheet and row, as the datasets' provenance columns give them. */
import type { FacilityPage } from './types';

/** "ice/…/FY20-detentionstats.xlsx, sheet “Facilities EOYFY20 ”, row 8" (the sheet name exactly as in the file, spaces included). */
export function cellRef({ file, sheet, row }: { file: string; sheet?: string | null; row?: number | null }): string {
  return [file, sheet ? `sheet “${sheet}”` : null, row !== null && row !== undefined ? `row ${row}` : null].filter(Boolean).join(', ');
}

/** 12.3 miles -> "12 mi (20 km)"; under 10, one decimal. */
export function distance(miles: number, km: number): string {
  const f = (v: number) => (v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US'));
  return `${f(miles)} mi (${f(km)} km)`;
}

/** Where a facility's latest population (facilities.population) comes from, to quote beside it. */
export function populationSource(f: FacilityPage): string | null {
  const m = f.population_measure ?? '';
  const fy = /^ICE average daily population, FY(\d{4})\b/.exec(m);
  const year = fy ? f.ice?.years.find((y) => y.fiscal_year === Number(fy[1])) : undefined;
  if (year) return `ICE Detention Statistics, ${cellRef({ file: year.source_file, sheet: year.source_sheet, row: year.source_row })}`;
  if (m.startsWith('DDP')) return 'Deportation Data Project, ICE detention records (ice_facility_daily)';
  if (m.startsWith('UCLA')) return `UCLA Law COVID Behind Bars facility data${f.ucla?.population_feb20_source ? ` (UCLA’s source: ${f.ucla.population_feb20_source})` : ''}`;
  return null;
}
