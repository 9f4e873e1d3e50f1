/**
 * ICE's reasons for empty cells. The ingest keeps "not reported" as null and writes why in a
 * `missing` column: "guaranteed_minimum: blank; last_inspection_date: Scheduled FY27", naming
 * the workbook column without its dataset prefix (level_a for adp_level_a, alos for alos_days).
 */

/** "a: blank; b: Scheduled FY27" -> { a: 'blank', b: 'Scheduled FY27' }. */
export function parseMissing(text: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (text ?? '').split(';')) {
    const i = part.indexOf(':');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

/** The reason a field is null, looked up under the field's own name or its workbook name. */
export function reasonFor(missing: Record<string, string>, field: string): string | null {
  return missing[field] ?? missing[field.replace(/^adp_/, '')] ?? missing[field.replace(/_days$/, '')] ?? null;
}

/** How a reason reads beside "not reported": a blank cell, or what ICE wrote in it. */
export function reasonText(reason: string | null): string {
  if (reason === null) return '';
  if (reason === 'blank') return 'blank in ICE’s file';
  return `ICE wrote “${reason}”`;
}
