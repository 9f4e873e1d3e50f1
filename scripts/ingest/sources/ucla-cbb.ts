/**
 * UCLA Law COVID Behind Bars (SOURCES-other.md §A4a, §A4b): the facility list, and cumulative
 * COVID-19 counts per state system (weekly history and the final "latest" snapshot). "NA" is the
 * R export's missing marker. The counts' last real-file commit is 2022-04-07; later commits hold
 * Git LFS pointers only.
 */
import { csvTable, type Correction } from '../lib/csv-table';
import { IngestError } from '../lib/errors';
import { checkPoint, FACILITY_KM, STATE_CODES } from '../lib/us-places';
import type { ColumnDecl, Record_ } from '../lib/table';
import type { ResolvedFile, SourceDecl, StageContext } from '../lib/types';

const FACILITY_COMMIT = '63c430290819f134e0cd83e85747ad945f94a3d2';
const DATA_COMMIT = '28fe19cb0da1ebc2c701ecfe6492587211f5b363';
const DATA = `https://raw.githubusercontent.com/uclalawcovid19behindbars/data/${DATA_COMMIT}`;
const NA = ['NA'];
const TEXT = { kind: 'text', missing: NA } as const;

/** UCLA's State column: a state's name, or a system that is not a state. `US` is UCLA's national total. */
const SYSTEMS: Record<string, string> = { ...STATE_CODES, Federal: 'FED', ICE: 'ICE' };

/** USPS code by state FIPS code (50 states, DC, PR), to check the form of County.FIPS and place its point. */
const STATE_FIPS: Record<string, string> = {
  '01': 'AL', '02': 'AK', '04': 'AZ', '05': 'AR', '06': 'CA', '08': 'CO', '09': 'CT', '10': 'DE', '11': 'DC', '12': 'FL', '13': 'GA', '15': 'HI', '16': 'ID',
  '17': 'IL', '18': 'IN', '19': 'IA', '20': 'KS', '21': 'KY', '22': 'LA', '23': 'ME', '24': 'MD', '25': 'MA', '26': 'MI', '27': 'MN', '28': 'MS', '29': 'MO',
  '30': 'MT', '31': 'NE', '32': 'NV', '33': 'NH', '34': 'NJ', '35': 'NM', '36': 'NY', '37': 'NC', '38': 'ND', '39': 'OH', '40': 'OK', '41': 'OR', '42': 'PA',
  '44': 'RI', '45': 'SC', '46': 'SD', '47': 'TN', '48': 'TX', '49': 'UT', '50': 'VT', '51': 'VA', '53': 'WA', '54': 'WV', '55': 'WI', '56': 'WY', '72': 'PR',
};

function systemOf(name: string, file: ResolvedFile, row: number, column = 'State'): string {
  const code = SYSTEMS[name];
  if (!code) throw new IngestError({ file: file.label, row, column, value: name }, `expected a state name, "Federal" or "ICE"`);
  return code;
}

/** Cumulative measures as UCLA names them (data dictionary: github.com/uclalawcovid19behindbars/data). */
const MEASURES = [
  'Residents.Confirmed', 'Staff.Confirmed', 'Residents.Deaths', 'Staff.Deaths', 'Residents.Tadmin', 'Residents.Tested', 'Residents.Active', 'Staff.Active',
  'Residents.Initiated', 'Staff.Initiated', 'Residents.Initiated.Pct', 'Staff.Initiated.Pct', 'Residents.Completed', 'Staff.Completed', 'Residents.Completed.Pct',
  'Residents.Vadmin', 'Staff.Vadmin', 'Residents.Population', 'Staff.Population',
];

// Dawson County, Montana is 30021; three rows of WATCH EAST GLENDIVE drop the state part.
const dawson = (id: string): Correction => ({ row: { 'Facility.ID': id }, column: 'County.FIPS', from: '00021', to: '30021', why: 'Dawson County, Montana (state FIPS 30)' });
const FACILITY_CORRECTIONS = [dawson('2731'), dawson('2734'), dawson('2749')];

const COUNT_COLUMNS = {
  system: 'VARCHAR', system_name: 'VARCHAR', date: 'DATE', measure: 'VARCHAR', value: 'DOUBLE', reporting: 'INTEGER', missing: 'VARCHAR', source_file: 'VARCHAR', source_row: 'INTEGER',
} as const;

/** The Missing list wraps every five names onto a new line in place of a comma. */
const missingList = (v: unknown) => (v === null ? null : String(v).split(/\s*[,\n]\s*/).filter(Boolean).join(', ') || null);

/** A wide State × measure file → one row per reported (state, measure); a blank cell is no row. */
function stateRows(ctx: StageContext, file: ResolvedFile, dated: boolean) {
  const t = csvTable(ctx, file, {
    header: ['State', ...(dated ? ['Date'] : [])],
    columns: {
      State: { kind: 'text', header: 'State', required: true },
      Date: { kind: 'date', header: 'Date', formats: ['%Y-%m-%d'], required: true, optional: !dated },
      ...Object.fromEntries(MEASURES.map((m): [string, ColumnDecl] => [m, { kind: 'number', header: m, min: 0, missing: NA, optional: true }])),
    },
  });
  // Every column must be one we read: a measure UCLA adds later must not vanish unnoticed.
  const used = new Set(Object.values(t.columns));
  const extra = (t.grid.rows[0] ?? []).find((h) => !used.has(String(h)));
  if (extra !== undefined) throw new IngestError({ file: file.label, row: 1, column: String(extra) }, 'expected only known measures (add it to MEASURES)');
  const present = MEASURES.filter((m) => t.columns[m] !== null);
  return t.records.flatMap((r) =>
    present.filter((m) => r.values[m] !== null).map((m) => ({
      system: systemOf(String(r.values.State), file, r.row),
      system_name: r.values.State ?? null,
      date: r.values.Date ?? null,
      measure: m,
      value: r.values[m]!,
      reporting: null,
      missing: null,
      source_file: file.label,
      source_row: r.row,
    })),
  );
}

/** A long national file: one row per (Date,) Measure with the number of systems reporting. */
function nationalRows(ctx: StageContext, file: ResolvedFile, dated: boolean) {
  const t = csvTable(ctx, file, {
    header: ['Measure', 'Count', 'Reporting', 'Missing'],
    columns: {
      date: { kind: 'date', header: 'Date', formats: ['%Y-%m-%d'], required: true, optional: !dated },
      measure: { kind: 'text', header: 'Measure', required: true },
      value: { kind: 'number', header: 'Count', min: 0, missing: NA },
      reporting: { kind: 'integer', header: 'Reporting', min: 0 },
      missing: { kind: 'text', header: 'Missing' },
    },
  });
  return t.records.map((r: Record_) => {
    if (!MEASURES.includes(String(r.values.measure))) throw new IngestError({ file: file.label, row: r.row, column: 'Measure', value: r.values.measure }, 'expected a known measure');
    return { ...r.values, system: 'US', system_name: 'National', missing: missingList(r.values.missing), source_file: file.label, source_row: r.row };
  });
}

export default {
  id: 'ucla-cbb',
  title: 'UCLA Law COVID Behind Bars Data Project',
  publisher: 'UCLA Law COVID Behind Bars Data Project',
  homepage: 'https://uclacovidbehindbars.org/',
  license: 'cc-by-nc-sa-4.0',
  attribution: 'UCLA Law COVID Behind Bars Data Project, uclacovidbehindbars.org (CC BY-NC-SA 4.0).',
  via: `GitHub uclalawcovid19behindbars/facility_data@${FACILITY_COMMIT} (fac_data.csv) and uclalawcovid19behindbars/data@${DATA_COMMIT} (counts)`,
  files: [
    { dir: 'ucla-cbb', name: 'fac_data.csv', urls: [`https://raw.githubusercontent.com/uclalawcovid19behindbars/facility_data/${FACILITY_COMMIT}/data/fac_data.csv`] },
    { dir: 'ucla-cbb', name: 'historical_state_counts.csv', urls: [`${DATA}/historical-data/historical_state_counts.csv`] },
    { dir: 'ucla-cbb', name: 'historical_national_counts.csv', urls: [`${DATA}/historical-data/historical_national_counts.csv`] },
    { dir: 'ucla-cbb', name: 'latest_state_counts.csv', urls: [`${DATA}/latest-data/latest_state_counts.csv`] },
    { dir: 'ucla-cbb', name: 'latest_national_counts.csv', urls: [`${DATA}/latest-data/latest_national_counts.csv`] },
  ],
  async stage(ctx) {
    const [fac] = ctx.files(0);
    const f = csvTable(ctx, fac!, {
      header: ['Facility.ID', 'State', 'Name', 'Jurisdiction', 'Latitude', 'Longitude'],
      columns: {
        ucla_id: { kind: 'integer', header: 'Facility.ID', required: true, min: 1 },
        state_name: { kind: 'text', header: 'State', required: true },
        name: { kind: 'text', header: 'Name', required: true },
        jurisdiction: { kind: 'text', header: 'Jurisdiction', required: true },
        description: { ...TEXT, header: 'Description' },
        security: { ...TEXT, header: 'Security' },
        age: { ...TEXT, header: 'Age' },
        gender: { ...TEXT, header: 'Gender' },
        operator_differs: { ...TEXT, header: 'Is.Different.Operator' },
        operator: { ...TEXT, header: 'Different.Operator' },
        population_feb20: { kind: 'integer', header: 'Population.Feb20', min: 0, missing: NA },
        capacity: { kind: 'integer', header: 'Capacity', min: 0, missing: NA },
        hifld_id: { kind: 'integer', header: 'HIFLD.ID', min: 1, missing: NA },
        population_feb20_source: { ...TEXT, header: 'Source.Population.Feb20' },
        capacity_source: { ...TEXT, header: 'Source.Capacity' },
        address: { ...TEXT, header: 'Address' },
        city: { ...TEXT, header: 'City' },
        zip: { ...TEXT, header: 'Zipcode' },
        latitude: { kind: 'number', header: 'Latitude', min: -90, max: 90, missing: NA },
        longitude: { kind: 'number', header: 'Longitude', min: -180, max: 180, missing: NA },
        county: { ...TEXT, header: 'County' },
        county_fips: { ...TEXT, header: 'County.FIPS' },
        website: { ...TEXT, header: 'Website' },
      },
    }, FACILITY_CORRECTIONS);
    await ctx.stage(
      'stg_ucla_facilities',
      {
        ucla_id: 'INTEGER', name: 'VARCHAR', jurisdiction: 'VARCHAR', description: 'VARCHAR', security: 'VARCHAR', age: 'VARCHAR', gender: 'VARCHAR', state: 'VARCHAR', state_name: 'VARCHAR',
        city: 'VARCHAR', address: 'VARCHAR', zip: 'VARCHAR', county: 'VARCHAR', county_fips: 'VARCHAR', latitude: 'DOUBLE', longitude: 'DOUBLE', population_feb20: 'INTEGER', population_feb20_source: 'VARCHAR',
        capacity: 'INTEGER', capacity_source: 'VARCHAR', hifld_id: 'INTEGER', operator: 'VARCHAR', operator_differs: 'BOOLEAN', website: 'VARCHAR', source_file: 'VARCHAR', source_row: 'INTEGER',
      },
      f.records.map((r) => {
        const v = r.values;
        const differs = v.operator_differs;
        if (differs !== null && differs !== 'TRUE' && differs !== 'FALSE') throw new IngestError({ file: fac!.label, row: r.row, column: 'Is.Different.Operator', value: differs }, 'expected TRUE, FALSE or NA');
        // "Not Available" marks the BOP/ICE system-wide rows (e.g. ALL BOP HOME CONFINEMENT): no state.
        const state = v.state_name === 'Not Available' ? null : systemOf(String(v.state_name), fac!, r.row);
        if (state === 'FED' || state === 'ICE') throw new IngestError({ file: fac!.label, row: r.row, column: 'State', value: v.state_name }, 'expected a state name');
        // Only the form is checked: State is the jurisdiction's, and a state's prisoners can be held
        // in another state (Hawaii's at Saguaro CC in Eloy, AZ, County.FIPS 04021).
        const fipsState = v.county_fips === null ? undefined : STATE_FIPS[String(v.county_fips).slice(0, 2)];
        if (v.county_fips !== null && !(/^\d{5}$/.test(String(v.county_fips)) && fipsState))
          throw new IngestError({ file: fac!.label, row: r.row, column: 'County.FIPS', value: v.county_fips }, 'expected a 5-digit county FIPS code starting with a state FIPS code');
        // The point may be in the jurisdiction's state or in its county's (Saguaro, filed under Hawaii, is in Eloy, AZ, FIPS 04021);
        // either way one of them. Two rows' County.FIPS name the wrong state (Aliceville FCI, AL: 10107; the BOP Mid-Atlantic
        // office, MD: 26161), and their points sit in the jurisdiction's state.
        const states = [state, fipsState].filter((s): s is string => typeof s === 'string');
        checkPoint({ where: { file: fac!.label, row: r.row, column: 'Latitude, Longitude' }, key: String(v.ucla_id), states, lat: v.latitude as number | null, lon: v.longitude as number | null }, FACILITY_KM, [], 'sources/ucla-cbb.ts');
        return { ...v, state, operator_differs: differs === null ? null : differs === 'TRUE', source_file: fac!.label, source_row: r.row };
      }),
    );

    const [hs] = ctx.files(1);
    const [hn] = ctx.files(2);
    const [ls] = ctx.files(3);
    const [ln] = ctx.files(4);
    await ctx.stage('stg_ucla_weekly', COUNT_COLUMNS, [...nationalRows(ctx, hn!, true), ...stateRows(ctx, hs!, true)]);
    await ctx.stage('stg_ucla_latest', COUNT_COLUMNS, [...nationalRows(ctx, ln!, false), ...stateRows(ctx, ls!, false)]);
  },
} satisfies SourceDecl;
