/**
 * BJS imprisonment rates → imprisonment_rates: the real ingest over the raw files. Every rate is
 * checked against the raw cell its provenance names, every footnote against the marker on that
 * row's name (or column's label) and the footnote line under the table, the row count against the
 * data rows of the raw files; fixtures in tests/fixtures/bjs/ for bad input.
 */
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingested, SOURCES } from './ingested';
import { markersOf, RATE, rateCell, totalColumnsByYear } from '../../../scripts/ingest/lib/bjs-rates';
import { parseCell } from '../../../scripts/ingest/lib/cells';
import { IngestError } from '../../../scripts/ingest/lib/errors';
import { cellText, columnIndex, type Grid } from '../../../scripts/ingest/lib/grid';
import { readCsv } from '../../../scripts/ingest/lib/read-csv';
import { readRateTable5 } from '../../../scripts/ingest/sources/bjs-p22st';
import { readStateRateTable } from '../../../scripts/ingest/sources/bjs-prisoners-reports';

const FIXTURES = resolve('tests/fixtures/bjs');
const T5 = 'bjs/p22st/p22stt05.csv';
const T7 = 'bjs/mitsuoxv-us-prison/data/p21stt07.csv';
const COMPILED = 'bjs/mitsuoxv-us-prison/imprison_rate.csv';

const { all } = ingested({ data: { only: ['bjs-p22st', 'bjs-prisoners-reports', 'mitsuoxv-prisoners'] } });

const grids = new Map<string, Grid>();
function grid(file: string): Grid {
  let g = grids.get(file);
  if (!g) grids.set(file, (g = readCsv(join(SOURCES, file), file, file === COMPILED ? 'utf-8' : 'windows-1252')));
  return g;
}
const raw = (file: string, row: number, column: string) => cellText(grid(file).rows[row - 1]?.[columnIndex(column)]);
/** The footnote line "b/…" under a raw table, read here without the ingest's helper. */
const footnoteLine = (file: string, letter: string) => grid(file).rows.map((r) => cellText(r[0])).find((t) => t.startsWith(`${letter}/`))!.slice(2).trim().replace(/\/$/, '');

describe('imprisonment_rates', () => {
  test('every rate is the raw cell its provenance names (or null with the cell’s marker)', async () => {
    const rows = await all('SELECT * FROM {imprisonment_rates}');
    for (const r of rows) {
      const cell = raw(String(r.source_file), Number(r.source_row), String(r.source_column));
      const p = parseCell(cell, { ...RATE, missing: [...RATE.missing!, 'NA'] }, { file: String(r.source_file) });
      expect(p.value, `${r.jurisdiction} ${r.year} at ${r.source_file} row ${r.source_row} ${r.source_column}`).toBe(r.rate);
      if (r.rate === null) expect(String(r.missing)).toContain(cell);
    }
  });

  test('counts: three national rows per year of table 5, 53 jurisdictions × 2 years of table 7, 50 states × each year column of the compiled file', async () => {
    const years5 = grid(T5).rows.filter((r) => /^\d{4}$/.test(cellText(r[0]))).length;
    const compiled = grid(COMPILED);
    const yearCols = compiled.rows[0]!.filter((c) => /^\d{4}$/.test(cellText(c))).length;
    const states = compiled.rows.slice(1).filter((r) => cellText(r[0]) !== '').length;
    const bySource = await all('SELECT source_file, count(*) AS n FROM {imprisonment_rates} GROUP BY 1 ORDER BY 1');
    expect(Object.fromEntries(bySource.map((r) => [r.source_file, r.n]))).toEqual({ [T5]: years5 * 3, [T7]: 53 * 2, [COMPILED]: states * yearCols });
    expect(states).toBe(50);
  });

  test('table 5: the national rate of each year, with the footnote of its column label', async () => {
    const us = await all(`SELECT * FROM {imprisonment_rates} WHERE jurisdiction = 'US' AND source_file = '${T5}' ORDER BY year`);
    const latest = us.at(-1)!;
    expect(raw(T5, Number(latest.source_row), 'A')).toBe(String(latest.year));
    const label = raw(T5, 12, String(latest.source_column));
    expect(label).toMatch(/^Total\//);
    expect(latest.footnotes).toBe(markersOf(label).map((m) => `${m}: ${footnoteLine(T5, m)}`).join(' '));
    // The State column has no marker: no footnote.
    const st = await all(`SELECT footnotes FROM {imprisonment_rates} WHERE jurisdiction = 'STATE' AND source_file = '${T5}'`);
    expect(st.every((r) => r.footnotes === null)).toBe(true);
  });

  test('table 7: each state’s footnotes are the lines its name’s markers point to', async () => {
    const rows = await all(`SELECT * FROM {imprisonment_rates} WHERE source_file = '${T7}'`);
    let withNotes = 0;
    for (const r of rows) {
      const name = raw(T7, Number(r.source_row), 'A') || raw(T7, Number(r.source_row), 'B');
      const marks = markersOf(name);
      if (marks.length) withNotes++;
      expect(r.footnotes, name).toBe(marks.map((m) => `${m}: ${footnoteLine(T7, m)}`).join(' ') || null);
    }
    expect(withNotes).toBeGreaterThan(0);
  });

  test('one preferred row per jurisdiction and year: BJS’s table over the compilation, the latest report first', async () => {
    const pairs = await all(`SELECT jurisdiction, year, count(*) FILTER (WHERE preferred) AS p, list(source_file ORDER BY preferred DESC) AS files FROM {imprisonment_rates} GROUP BY ALL`);
    for (const r of pairs) {
      expect(r.p, `${r.jurisdiction} ${r.year}`).toBe(1);
      const files = r.files as unknown as string[];
      if (files.includes(T5)) expect(files[0]).toBe(T5);
      else if (files.includes(T7)) expect(files[0]).toBe(T7);
    }
  });

  test('a disagreement between tables is named on both rows (compared here from the raw cells)', async () => {
    const rows = await all(`SELECT a.jurisdiction, a.year, a.rate, b.rate AS other, a.disagreement FROM {imprisonment_rates} a JOIN {imprisonment_rates} b USING (jurisdiction, year) WHERE a.source_file <> b.source_file`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      if (r.rate === r.other) expect(r.disagreement, `${r.jurisdiction} ${r.year}`).toBeNull();
      else expect(String(r.disagreement)).toContain(` gives ${r.other ?? 'no rate'} `);
    }
  });
});

describe('bad input (tests/fixtures/bjs/README.md)', () => {
  const fixture = (f: string) => readCsv(join(FIXTURES, f), f, 'windows-1252');

  test('a letter in a rate cell fails naming file, row and column', () => {
    expect(() => readRateTable5(fixture('p22stt05-bad.csv'))).toThrow(IngestError);
    expect(() => readRateTable5(fixture('p22stt05-bad.csv'))).toThrow('p22stt05-bad.csv row 8, column "Total/a": expected a whole number, got "35O"');
  });

  test('a marker without its footnote line fails naming the label’s cell', () => {
    const g = fixture('p22stt05-bad.csv');
    g.rows[7]![2] = '350';
    expect(() => readRateTable5(g)).toThrow('p22stt05-bad.csv row 6, column "E": expected a footnote line "c/…" under the table for the marker, got "Federal/c"');
  });

  test('table 7 layout: footnotes resolved, "/" is null with its reason, and an unresolved marker names its cell', () => {
    const g = fixture('p21stt07-footnotes.csv');
    expect(() => readStateRateTable(g)).toThrow('p21stt07-footnotes.csv row 11, column "B": expected a footnote line "z/…" under the table for the marker, got "Texas/z"');
    g.rows[10]![1] = 'Texas';
    // Only six jurisdictions: the table must name the states it lacks.
    expect(() => readStateRateTable(g)).toThrow(/missing AL, AZ/);
    // Idaho 2021 is "/": not reported, null, never 0.
    expect(rateCell(g, 9, 4)).toEqual({ rate: null, missing: '/' });
    expect(totalColumnsByYear(g, 4)).toEqual([{ year: 2020, column: 2 }, { year: 2021, column: 4 }]);
  });
});
