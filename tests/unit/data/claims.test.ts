/**
 * The claims' verdicts and notes over the committed data: the "2.3 million in prison" claim is the
 * right number for a broader count, and every number a note prints is a value of a dataset row
 * (queried here), so no figure is typed into the text.
 */
import { describe, expect, it } from 'vitest';
import { query } from '$lib/server/data';

interface ClaimRow {
  claim_id: string;
  stated_value: number;
  checked_value: number;
  verdict: string;
  note: string;
}

const claims = () => query<ClaimRow>('SELECT claim_id, stated_value, checked_value, verdict, note FROM claims');
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Every figure printed in a note: "1,430,165", "2.3 million", years (the day of "December 31" is a date, not a figure). */
const numbersIn = (text: string) => text.replace(/\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}\b/g, '$1').match(/\d+(?:,\d{3})*(?:\.\d+)?(?: million)?/g) ?? [];

/** Every number the notes may print, each read from a dataset row. */
async function traced(): Promise<Set<string>> {
  const out = new Set<string>();
  for (const c of await claims()) [fmt(c.stated_value), fmt(c.checked_value), `${(c.stated_value / 1e6).toFixed(1)} million`].forEach((x) => out.add(x));
  for (const p of await query<{ year: number; prisoners: number }>(`SELECT year, prisoners FROM prison_population WHERE jurisdiction = 'US'`)) out.add(fmt(p.prisoners)).add(String(p.year));
  for (const m of await query<{ month: string; adp: number }>('SELECT month, adp FROM ice_national_monthly')) out.add(fmt(m.adp)).add(m.month.slice(0, 4));
  return out;
}

describe('claims', () => {
  it('calls "2.3 million in prison" the right number for a broader count, and says how many prisons held', async () => {
    const c = (await claims()).find((x) => x.claim_id === 'us_incarcerated')!;
    expect(Math.abs(c.stated_value - c.checked_value) / c.checked_value).toBeLessThanOrEqual(0.02);
    expect(c.verdict).toBe('right number, broader than prisons');
    const [pr] = await query<{ year: number; prisoners: number }>(
      `SELECT year, prisoners FROM prison_population WHERE jurisdiction = 'US' AND year = (SELECT year(as_of) - 1 FROM headline_figures WHERE id = 'incarcerated_ppi_2020')`,
    );
    expect(c.note).toContain(`held ${fmt(pr!.prisoners)} people on December 31, ${pr!.year}`);
    // The ICE detention figure of the same text is inside PPI's count, not added to it.
    const ice = (await claims()).find((x) => x.claim_id === 'ice_detained')!;
    expect(c.note).toMatch(new RegExp(`The ${fmt(ice.stated_value)} people in ICE detention .* inside PPI`));
  });

  it('says ICE detention was falling fast in spring 2020, from the monthly figures', async () => {
    const c = (await claims()).find((x) => x.claim_id === 'ice_detained')!;
    const months = await query<{ adp: number }>(`SELECT adp FROM ice_national_monthly WHERE month IN ('2020-02', '2020-03', '2020-04') ORDER BY month`);
    expect(months).toHaveLength(3);
    expect(months[2]!.adp).toBeLessThan(months[0]!.adp);
    expect(c.note).toMatch(new RegExp(`falling fast, on average per day: ${months.map((m) => fmt(m.adp)).join(' in \\w+ \\d{4}, ')} in April 2020`));
  });

  it('prints no number that is not a value of the data', async () => {
    const ok = await traced();
    for (const c of await claims()) for (const n of numbersIn(c.note)) expect(ok, `${c.claim_id}: "${n}"`).toContain(n);
  });

  it('the check above catches a typed-in figure', async () => {
    const ok = await traced();
    // The comparison dropped from the methodology page: PPI's 2.3 million minus BJS's 2016 total.
    expect(numbersIn('That is 137,600 fewer than PPI’s figure.').every((n) => ok.has(n))).toBe(false);
  });
});
