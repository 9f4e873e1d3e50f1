/**
 * Deaths in custody as the action panel and the call scripts say them: the count, one or many, only
 * in-custody rows, who recorded them (ICE or the press), and nothing when there is none. Fixture rows
 * for the rules; Stewart's rows read from the committed parquet and /near/'s built look-up file for
 * the real thing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { deathsSentence, deathsSource, deathsStatement, onRecord, onRecordByFacility, type DeathRow } from '../../../src/lib/deaths/on-record';
import { fill, type Place, type TemplateId } from '../../../src/lib/actions/templates';
import type { FacilityActionsFile } from '../../../src/lib/facilities/field-office';
import { spokenFaults } from '../actions/spoken';

const TEMPLATES: TemplateId[] = ['call-field-office', 'letter-field-office', 'call-representative', 'letter-representative'];
const row = (death_date: string, source_kind: DeathRow['source_kind'], in_custody = true): DeathRow => ({ death_date, source_kind, in_custody });
const place = (deaths: Place['deaths']): Place => ({ name: 'STEWART DETENTION CENTER', city: 'LUMPKIN', state: 'GA', population: null, populationMeasure: null, populationSource: null, deaths });

describe('deaths on record', () => {
  it('counts only deaths in custody, from the first date, by source kind', () => {
    const d = onRecord([row('2020-05-24', 'ICE detainee death report'), row('2008-01-23', 'ICE FOIA list'), row('2026-01-07', 'press report', false)]);
    expect(d).toEqual({ count: 2, first: '2008-01-23', last: '2020-05-24', kinds: { 'ICE detainee death report': 1, 'ICE FOIA list': 1 } });
    // Only people shot outside custody: nothing on record, nothing said.
    expect(onRecord([row('2026-01-07', 'press report', false)])).toBeNull();
    expect(onRecord([])).toBeNull();
    expect(onRecordByFacility([{ ...row('2026-01-24', 'press report', false), facility_id: 'x' }, { ...row('2019-01-01', 'ICE FOIA list'), facility_id: null }])).toEqual({});
  });

  it('says who recorded them, one or many', () => {
    const ice = onRecord([row('2008-01-23', 'ICE FOIA list'), row('2020-05-24', 'ICE detainee death report')])!;
    expect(deathsSentence(ice)).toBe('ICE has reported 2 deaths of people in its custody at this facility since 2008.');
    expect(deathsStatement(ice)).toBe('ICE has reported 2 deaths in custody at this facility since 2008.');
    const one = onRecord([row('2024-05-22', 'ICE detainee death report')])!;
    expect(deathsSentence(one)).toBe('ICE has reported the death of one person in its custody at this facility, in 2024.');
    expect(deathsStatement(one)).toBe('ICE has reported 1 death in custody at this facility in 2024.');
    const mixed = onRecord([row('2019-01-01', 'ICE detainee death report'), row('2025-03-01', 'press report'), row('2025-06-01', 'press report')])!;
    expect(deathsSentence(mixed)).toBe('ICE’s reports and press reports record 3 deaths of people in ICE custody at this facility since 2019.');
    expect(deathsStatement(mixed)).toMatch(/^3 deaths in custody at this facility are on record since 2019 \(ICE reports and press reports: 1 reported by ICE, 2 in press reports/);
    const press = onRecord([row('2025-12-01', 'press report')])!;
    expect(deathsSentence(press)).toBe('A press report records the death of one person in ICE custody at this facility, in 2025.');
    expect(deathsStatement(press)).not.toMatch(/ICE has reported/);
    expect(deathsSentence(null)).toBeNull();
    expect(deathsSentence({ ...ice, count: 0 })).toBeNull();
  });

  it('goes into every script, spoken cleanly, with the source under it; and is left out when none', () => {
    const d = onRecord([row('2008-01-23', 'ICE FOIA list'), row('2020-05-24', 'ICE detainee death report'), row('2025-06-07', 'ICE detainee death report')])!;
    for (const t of TEMPLATES) {
      const s = fill(t, place(d), { name: 'ICE Atlanta Field Office' });
      expect(s.text).toContain(deathsSentence(d)!);
      expect(spokenFaults(s.text), s.text).toEqual([]);
      expect(s.text).not.toContain('ice_deaths');
      expect(s.source).toBe(deathsSource(d));
      const none = fill(t, place(null), { name: 'ICE Atlanta Field Office' });
      expect(none.text).not.toMatch(/death/i);
      expect(none.source).toBeNull();
    }
  });
});

describe('on real data', () => {
  it('Stewart: the count from the parquet, in the built /near/ look-up and in the script', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const rows = (
      await con.runAndReadAll(`SELECT strftime(death_date, '%Y-%m-%d') AS death_date, source_kind, in_custody FROM 'data/ice_deaths.parquet' WHERE facility_id = 'stwrtga'`)
    ).getRowObjectsJson() as unknown as DeathRow[];
    const custody = rows.filter((r) => r.in_custody).length;
    con.closeSync();
    db.closeSync();
    expect(custody).toBeGreaterThan(1);
    const d = onRecord(rows)!;
    expect(d.count).toBe(custody);
    const facts = JSON.parse(readFileSync('static/data/geo/facility-actions.json', 'utf8')) as FacilityActionsFile;
    expect(facts.deaths.stwrtga).toEqual(d);
    expect(fill('call-field-office', place(d), { name: 'ICE Atlanta Field Office' }).text).toContain(`${custody} deaths of people in its custody`);
  });
});
