/**
 * ICE's COVID-19 page (ice.gov/coronavirus) as scraped daily by Nathan Craig, Mar 2020 – May 2022
 * (SOURCES-ice.md §4): national totals, cases and deaths by facility, and his geocoded facility list.
 */
import { csvTable } from '../lib/csv-table';
import { IngestError } from '../lib/errors';
import { checkPoint, FACILITY_KM, stateAbbr, zip5 } from '../lib/us-places';
import type { ColumnDecl } from '../lib/table';
import type { ColumnType, ResolvedFile, SourceDecl, StageContext } from '../lib/types';

const RAW = 'https://raw.githubusercontent.com/n8craig/ICE-detention-daily/3bd085427587570bacbb12f256e5f2c96f2a3d05/data';
const COUNT = { kind: 'integer', min: 0, missing: ['NA'] } as const satisfies Partial<ColumnDecl>;
const DATE = { kind: 'date', formats: ['%Y-%m-%d'], missing: ['NA'] } as const satisfies Partial<ColumnDecl>;

/** Cells fixed by hand, each with its reason; a fix that no longer matches the file is an error. */
const CORRECTIONS = [
  {
    file: 'covid_by_facility.csv',
    row: 59375,
    column: 'Confirmed.cases.currently.under.isolation.or.monitoring',
    from: ']0',
    to: '0',
    why: 'current_cases "]0" read as 0: a stray "]" in the scraped cell (the scrape also shows "Torrance County Detention] Center" in Jan 2022)',
  },
];

function corrected(ctx: StageContext): StageContext {
  return {
    ...ctx,
    csv: (f: ResolvedFile) => {
      const grid = ctx.csv(f);
      for (const c of CORRECTIONS.filter((c) => c.file === f.name)) {
        const col = (grid.rows[0] ?? []).indexOf(c.column);
        const got = grid.rows[c.row - 1]?.[col];
        if (col < 0 || got !== c.from) throw new IngestError({ file: f.label, row: c.row, column: c.column, value: got ?? null }, `expected "${c.from}" where a hand correction applies; review CORRECTIONS in sources/ice-covid.ts`);
        grid.rows[c.row - 1]![col] = c.to;
      }
      return grid;
    },
  };
}

const missingText = (m: Record<string, string>) => Object.entries(m).map(([k, v]) => `${k}: ${v}`).join('; ') || null;

export default {
  id: 'ice-covid',
  title: 'ICE COVID-19 page, daily scrape (national and by facility)',
  publisher: 'U.S. Immigration and Customs Enforcement (ice.gov/coronavirus); scraped and geocoded by Nathan Craig',
  homepage: 'https://www.ice.gov/coronavirus',
  license: 'attribution-requested',
  attribution: 'ICE COVID-19 detainee statistics (ice.gov/coronavirus), scraped daily by Nathan Craig (github.com/n8craig/ICE-detention-daily).',
  via: 'GitHub n8craig/ICE-detention-daily@3bd085427587570bacbb12f256e5f2c96f2a3d05, data/',
  files: [
    { dir: 'ice/ice-covid-daily', name: 'covid_summaries.csv', urls: [`${RAW}/covid_summaries.csv`] },
    { dir: 'ice/ice-covid-daily', name: 'covid_by_facility.csv', urls: [`${RAW}/covid_by_facility.csv`] },
    { dir: 'ice/ice-covid-daily', name: 'facility_management_location.csv', urls: [`${RAW}/facility_management_location.csv`] },
  ],
  async stage(ctx) {
    const [summaries] = ctx.files(0);
    const nat = csvTable(ctx, summaries!, {
      header: ['Date', 'Total.Detained'],
      columns: {
        date: { ...DATE, header: 'Date', required: true },
        in_custody: { ...COUNT, header: 'Total.Detained' },
        total_confirmed: { ...COUNT, header: 'Total.Cumulative.COVID.19' },
        tested: { ...COUNT, header: 'Total.Tested' },
        deaths: { ...COUNT, header: 'Total.Deaths' },
        current_cases: { ...COUNT, header: 'Total.COVID.19.Confirmed.in.Custody' },
      },
    });
    await ctx.stage('stg_icecovid_national', { date: 'DATE', in_custody: 'INTEGER', total_confirmed: 'INTEGER', tested: 'INTEGER', deaths: 'INTEGER', current_cases: 'INTEGER', missing: 'VARCHAR', source_file: 'VARCHAR', source_row: 'INTEGER' },
      nat.records.map((r) => ({ ...r.values, missing: missingText(r.missing), source_file: summaries!.label, source_row: r.row })));

    const [byFacility] = ctx.files(1);
    const fac = csvTable(corrected(ctx), byFacility!, {
      header: ['Date', 'Custody.AOR.Facility'],
      columns: {
        date: { ...DATE, header: 'Date' },
        facility_name: { kind: 'text', header: 'Custody.AOR.Facility' },
        current_cases: { ...COUNT, header: 'Confirmed.cases.currently.under.isolation.or.monitoring' },
        deaths: { ...COUNT, header: 'Detainee.deaths' },
        total_confirmed: { ...COUNT, header: 'Total.confirmed.COVID.19.cases' },
      },
    });
    const records = fac.records.filter((r) => {
      // 4 scraper lines carry nothing: Date "NA", no facility, no counts. Anything else must be whole.
      if (r.values.date === null && Object.values(r.values).every((v) => v === null)) return false;
      if (r.values.date === null || r.values.facility_name === null)
        throw new IngestError({ file: byFacility!.label, row: r.row, column: r.values.date === null ? 'Date' : 'Custody.AOR.Facility', value: null }, 'expected a date and a facility name on a row with counts');
      return true;
    });
    const fixes = new Map(CORRECTIONS.filter((c) => c.file === byFacility!.name).map((c) => [c.row, c.why]));

    // Rows for one date are consecutive, in the page's order. Two patterns repeat a name in a day:
    // the page scraped twice (2020-08-19: the day's block is the same list twice; the later scrape
    // is kept), and a name ICE listed twice on one page, under two field offices (Kay County
    // Detention Center among Chicago's and among Dallas's facilities, with different counts):
    // both are kept, numbered `entry` 1 and 2 in page order.
    const rows: Record<string, string | number | boolean | null>[] = [];
    for (let i = 0; i < records.length; ) {
      let j = i;
      while (j < records.length && records[j]!.values.date === records[i]!.values.date) j++;
      const day = records.slice(i, j);
      const names = day.map((r) => String(r.values.facility_name));
      const half = names.length / 2;
      const twice = Number.isInteger(half) && names.slice(0, half).every((n, k) => n === names[half + k]);
      const seen = new Map<string, number>();
      day.forEach((r, k) => {
        const superseded = twice && k < half;
        let entry: number | null = null;
        if (!superseded) seen.set(names[k]!, (entry = (seen.get(names[k]!) ?? 0) + 1));
        const notes = [twice ? (superseded ? 'earlier of two scrapes of this day (not kept)' : 'later of two scrapes of this day (kept)') : null, fixes.get(r.row) ?? null].filter(Boolean);
        rows.push({ ...r.values, entry, kept: !superseded, note: notes.join('; ') || null, missing: missingText(r.missing), source_file: byFacility!.label, source_row: r.row });
      });
      i = j;
    }
    await ctx.stage('stg_icecovid_facility', { date: 'DATE', facility_name: 'VARCHAR', entry: 'INTEGER', current_cases: 'INTEGER', deaths: 'INTEGER', total_confirmed: 'INTEGER', kept: 'BOOLEAN', note: 'VARCHAR', missing: 'VARCHAR', source_file: 'VARCHAR', source_row: 'INTEGER' }, rows);

    const [locations] = ctx.files(2);
    const loc = csvTable(ctx, locations!, {
      header: ['Custody/AOR/Facility', 'Latitude', 'Longitude'],
      columns: {
        // "NA" on 41 rows that carry only an address, coordinates and the FY21 flag: no COVID-page name.
        name: { kind: 'text', header: 'Custody/AOR/Facility', missing: ['NA'] },
        manager: { kind: 'text', header: 'Manager' },
        operator_type: { kind: 'text', header: 'Type' },
        fy21_ytd: { kind: 'text', header: 'FY21_yr_to_date' },
        address: { kind: 'text', header: 'Address' },
        city: { kind: 'text', header: 'City' },
        state: { kind: 'text', header: 'State' },
        zip: { kind: 'text', header: 'Zip' },
        latitude: { kind: 'number', header: 'Latitude', min: -90, max: 90, required: true },
        longitude: { kind: 'number', header: 'Longitude', min: -180, max: 180, required: true },
      },
    });
    const LOC: Record<string, ColumnType> = { name: 'VARCHAR', address: 'VARCHAR', city: 'VARCHAR', state: 'VARCHAR', zip: 'VARCHAR', latitude: 'DOUBLE', longitude: 'DOUBLE', manager: 'VARCHAR', operator_type: 'VARCHAR', fy21_ytd: 'BOOLEAN', missing: 'VARCHAR', source_file: 'VARCHAR', source_row: 'INTEGER' };
    await ctx.stage('stg_loc_icecovid', LOC, loc.records.map((r) => {
      const at = (column: string) => ({ file: locations!.label, row: r.row, column });
      const ytd = String(r.values.fy21_ytd ?? '').toUpperCase();
      if (ytd !== 'Y' && ytd !== 'N') throw new IngestError({ ...at('FY21_yr_to_date'), value: r.values.fy21_ytd }, 'expected Y or N');
      const state = stateAbbr(r.values.state, at('State'));
      checkPoint({ where: at('Latitude, Longitude'), key: String(r.values.name ?? r.values.address), states: state ? [state] : [], lat: r.values.latitude as number, lon: r.values.longitude as number }, FACILITY_KM, [], 'sources/ice-covid.ts');
      return {
        ...r.values,
        state,
        zip: zip5(r.values.zip, at('Zip')),
        // The file mixes "Y" and "n".
        fy21_ytd: ytd === 'Y',
        missing: missingText(r.missing),
        source_file: locations!.label,
        source_row: r.row,
      };
    }));
  },
} satisfies SourceDecl;
