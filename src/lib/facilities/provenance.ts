/** How the pages cite a source cell: file, sheet and row, as the datasets' provenance columns give them. */

/** "ice/…/FY20-detentionstats.xlsx, sheet “Facilities EOYFY20 ”, row 8" (the sheet name exactly as in the file, spaces included). */
export function cellRef({ file, sheet, row }: { file: string; sheet?: string | null; row?: number | null }): string {
  return [file, sheet ? `sheet “${sheet}”` : null, row !== null && row !== undefined ? `row ${row}` : null].filter(Boolean).join(', ');
}

/** 12.3 miles -> "12 mi (20 km)"; under 10, one decimal. */
export function distance(miles: number, km: number): string {
  const f = (v: number) => (v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US'));
  return `${f(miles)} mi (${f(km)} km)`;
}
