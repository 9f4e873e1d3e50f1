/**
 * What a script read aloud must not hold, each fault named: a file path, a sheet or row, a name
 * in capitals, a zero or a missing figure said as if it were one. Shared by the template tests and
 * shown able to fail on planted text (templates.test.ts).
 */
/** Acronyms a name keeps in capitals (4 letters or more; shorter words and bracketed initialisms are not checked). */
const ACRONYMS = new Set(['USMS', 'IGSA', 'DIGSA', 'NWIPC', 'ICDC']);

export function spokenFaults(text: string): string[] {
  const faults: string[] = [];
  if (/\w+\/\w+\/|\.(xlsx|xls|csv|parquet|json|txt)\b/i.test(text)) faults.push('file path');
  if (/\bsheet\b/i.test(text)) faults.push('sheet name');
  if (/\brows? \d+/i.test(text)) faults.push('row number');
  // A name's initialism in brackets ("(CLIPC)") is read as letters, as its source writes it.
  const caps = (text.replace(/\([A-Z]{3,}\)/g, '').match(/\b[A-Z][A-Z.'-]{3,}\b/g) ?? []).filter((w) => !ACRONYMS.has(w) && /[AEIOU]/.test(w));
  if (caps.length) faults.push(`capitals: ${caps.join(' ')}`);
  if (/(^|[^\d,.])0(\.0+)? (people|person)\b|\bwhere 0\b/.test(text)) faults.push('zero figure');
  if (/not reported|\bnull\b|undefined|NaN/.test(text)) faults.push('missing figure said');
  if (/population|ADP|DDP/.test(text)) faults.push('dataset words');
  return faults;
}
