/**
 * UCLA Law COVID Behind Bars (SOURCES-other.md §A4a, §A4b): the facility list, and cumulative
 * COVID-19 counts per state system (weekly history and the final "latest" snapshot). "NA" is the
 * R export's missing marker. The counts' last real-file commit is 2022-04-07; later commits hold
 * Git LFS pointers only. Every point of the list must lie in the state the place is in; the
 * reviewed errors (PLACE_FIXES), rows filed under another state (HELD_ELSEWHERE) and points that
 * are only a state's centre (lib/centre-points.ts) are fixed or dropped with a location_note.
 */
import { centrePoints } from '../lib/centre-points';
import { csvTable, type Correction } from '../lib/csv-table';
import { IngestError } from '../lib/errors';
import { checkPoint, FACILITY_KM, STATE_CODES } from '../lib/us-places';
import type { ColumnDecl, Record_, Value } from '../lib/table';
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

/**
 * Rows whose place is wrong in UCLA's file (reviewed 2026-12 against the row's own County.FIPS,
 * ZIP, website and the other rows of the file). Each fix names the cells it changes and what they
 * hold now, so a changed file fails instead of being "fixed" blindly; `why` is published as the
 * row's location_note. Three Texas and New Mexico jails were joined to a namesake county's jail
 * in HIFLD, another state's: everything that join brought (address, point, County.FIPS, HIFLD.ID
 * and the HIFLD figures) is that jail's, so it is dropped, not moved.
 */
export interface PlaceFix {
  id: string;
  /** Header label → [text the cell holds now, replacement or null for "not reported"]. */
  cells: Record<string, [string, string | null]>;
  why: string;
}
const gone = (...pairs: [string, string][]) => Object.fromEntries(pairs.map(([c, v]) => [c, [v, null]])) as PlaceFix['cells'];
export const PLACE_FIXES: PlaceFix[] = [
  {
    id: '2313',
    cells: { ...gone(['Address', '3000 SCHATULGA ROAD'], ['Zipcode', '31907'], ['Latitude', '32.490199'], ['Longitude', '-84.868584'], ['County', 'MUSCOGEE'], ['County.FIPS', '13215']), City: ['COLUMBUS', 'MILLEDGEVILLE'] },
    why: 'UCLA gives this Milledgeville hospital the address and point of West Central Georgia Regional Hospital in Columbus (3000 Schatulga Road, Facility.ID 2317), 166 km away; both are dropped, and the city is the one its name and the page UCLA cites give',
  },
  {
    id: '1381',
    cells: gone(['Population.Feb20', '28'], ['Source.Population.Feb20', 'HIFLD'], ['HIFLD.ID', '10004499'], ['Address', '230 DONOVAN HARRISON ROAD'], ['City', 'WRIGHTSVILLE'], ['Zipcode', '31096'], ['Latitude', '32.74103533'], ['Longitude', '-82.70587903'], ['County.FIPS', '13167']),
    why: 'UCLA joined this Texas jail to the Johnson County jail in Wrightsville, Georgia (County.FIPS 13167) in HIFLD: its address, point and HIFLD population are that jail\'s and are dropped',
  },
  {
    id: '2033',
    cells: gone(['Capacity', '300'], ['Source.Capacity', 'HIFLD'], ['HIFLD.ID', '10005479'], ['Address', '1304 E INDUSTRIAL ST'], ['City', 'STIGLER'], ['Zipcode', '74462'], ['Latitude', '35.24313605'], ['Longitude', '-95.10996855'], ['County.FIPS', '40061']),
    why: 'UCLA joined this Texas jail to the Haskell County jail in Stigler, Oklahoma (County.FIPS 40061) in HIFLD: its address, point and HIFLD capacity are that jail\'s and are dropped',
  },
  {
    id: '2310',
    cells: gone(['Capacity', '4'], ['Source.Capacity', 'HIFLD'], ['HIFLD.ID', '10006828'], ['Address', '411 EAST 11TH STREET'], ['City', 'SCHUYLER'], ['Zipcode', '68661'], ['Latitude', '41.4470026997037'], ['Longitude', '-97.0553578667544'], ['County.FIPS', '31037'], ['Website', 'https://colfaxne.com/']),
    why: 'UCLA joined this New Mexico jail to the Colfax County jail in Schuyler, Nebraska (County.FIPS 31037, colfaxne.com) in HIFLD: its address, point, website and HIFLD capacity are that jail\'s and are dropped',
  },
  {
    id: '2745',
    cells: gone(['Address', '222 North 12th Avenue'], ['City', 'CALDWELL'], ['Zipcode', '83605']),
    why: 'UCLA gives this Brownwood, Texas jail the street address, city and ZIP of the Canyon County jail in Caldwell, Idaho (as for Facility.ID 2740); they are dropped, and the point and County.FIPS 48049 (Brown County, Texas) kept',
  },
  {
    id: '2761',
    cells: { State: ['Massachusetts', 'Maryland'] },
    why: 'UCLA files this jail under Massachusetts, but its address (829 Fieldcrest Road, Cambridge, MD 21613), County.FIPS 24019, website and point are all Dorchester County, Maryland\'s: the state is corrected',
  },
  {
    id: '2331',
    cells: { 'County.FIPS': ['10107', '01107'] },
    why: 'County.FIPS 10107 is no county (state 10 is Delaware); Aliceville is in Pickens County, Alabama, 01107',
  },
  {
    id: '603',
    cells: { 'County.FIPS': ['17015', '24013'] },
    why: 'County.FIPS 17015 is Carroll County, Illinois; Central Maryland Correctional Facility is in Carroll County, Maryland, 24013',
  },
  {
    id: '2405',
    cells: gone(['County', 'WASHTENAW'], ['County.FIPS', '26161'], ['HIFLD.ID', '10000275'], ['Population.Feb20', '1415'], ['Source.Population.Feb20', 'HIFLD'], ['Capacity', '1015'], ['Source.Capacity', 'HIFLD']),
    why: 'this Maryland office carries the HIFLD.ID, county and figures of Milan FCI, Michigan (Facility.ID 2406); they are dropped',
  },
];

const FACILITY_CORRECTIONS: Correction[] = [
  dawson('2731'), dawson('2734'), dawson('2749'),
  ...PLACE_FIXES.flatMap((f) => Object.entries(f.cells).map(([column, [from, to]]): Correction => ({ row: { 'Facility.ID': f.id }, column, from, to, why: f.why }))),
];

/**
 * Rows filed under the state whose prisoners are held there, not the state the place is in
 * (reviewed 2026-12): the row's County.FIPS (and its point and ZIP, where given) are the place's.
 * `in` is where it is, published as location_state; the registry keeps one row per place.
 */
export interface HeldElsewhere {
  id: string;
  /** The state the place is in, and the County.FIPS cell that says so (the fix applies only while it does). */
  in: string;
  fips: string;
  why: string;
}
const saguaro = (id: string, from: string): HeldElsewhere => ({
  id, in: 'AZ', fips: '04021',
  why: `Saguaro Correctional Center (CoreCivic, 1250 East Arica Road, Eloy, Arizona) holds other states' prisoners under contract: UCLA lists it under ${from}, whose prisoners are held there`,
});
export const HELD_ELSEWHERE: HeldElsewhere[] = [
  saguaro('423', 'Hawaii'), saguaro('2732', 'Idaho'), saguaro('2735', 'Idaho'), saguaro('2750', 'Idaho'),
  { id: '433', in: 'TX', fips: '48323', why: 'UCLA lists "EAGLE PASS" under Idaho, whose prisoners GEO Group held in Eagle Pass, Texas (County.FIPS 48323, Maverick County); UCLA gives no address or point' },
];

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
    const notes = new Map(PLACE_FIXES.map((x) => [x.id, x.why]));
    const rows = f.records.map((r): Record<string, Value | boolean> => {
      const v = r.values;
      const at = (column: string) => ({ file: fac!.label, row: r.row, column });
      const differs = v.operator_differs;
      if (differs !== null && differs !== 'TRUE' && differs !== 'FALSE') throw new IngestError({ ...at('Is.Different.Operator'), value: differs }, 'expected TRUE, FALSE or NA');
      // "Not Available" marks the BOP/ICE system-wide rows (e.g. ALL BOP HOME CONFINEMENT): no state.
      const state = v.state_name === 'Not Available' ? null : systemOf(String(v.state_name), fac!, r.row);
      if (state === 'FED' || state === 'ICE') throw new IngestError({ ...at('State'), value: v.state_name }, 'expected a state name');
      const id = String(v.ucla_id);
      // State is the jurisdiction's, and a state's prisoners can be held in another state: such a
      // row is a reviewed exception, and then its point must lie in the state the place is in.
      const held = HELD_ELSEWHERE.find((e) => e.id === id && e.fips === v.county_fips);
      const location_state = held?.in ?? state;
      const point = { lat: v.latitude as number | null, lon: v.longitude as number | null };
      checkPoint({ where: at('Latitude, Longitude'), key: id, states: location_state ? [location_state] : [], ...point }, FACILITY_KM, [], 'HELD_ELSEWHERE or PLACE_FIXES, sources/ucla-cbb.ts');
      // County.FIPS must name the state the place is in: a join to another state's namesake
      // county (the HIFLD errors of PLACE_FIXES) shows here first.
      const fipsState = v.county_fips === null ? undefined : STATE_FIPS[String(v.county_fips).slice(0, 2)];
      if (v.county_fips !== null && !(/^\d{5}$/.test(String(v.county_fips)) && fipsState))
        throw new IngestError({ ...at('County.FIPS'), value: v.county_fips }, 'expected a 5-digit county FIPS code starting with a state FIPS code');
      if (fipsState && location_state && fipsState !== location_state)
        throw new IngestError({ ...at('County.FIPS'), value: v.county_fips }, `expected a county of ${location_state}, where the row is (fix the row in PLACE_FIXES, sources/ucla-cbb.ts, after review)`);
      if (held) notes.set(id, held.why);
      return { ...v, state, location_state, operator_differs: differs === null ? null : differs === 'TRUE', source_file: fac!.label, source_row: r.row };
    });
    const unused = HELD_ELSEWHERE.filter((e) => !rows.some((x) => String(x.ucla_id) === e.id && x.location_state === e.in));
    if (unused.length) throw new IngestError({ file: fac!.label, column: 'County.FIPS' }, `expected the rows HELD_ELSEWHERE reviews (Facility.ID ${unused.map((e) => `${e.id} with County.FIPS ${e.fips}`).join(', ')}): the file changed, review sources/ucla-cbb.ts`);
    // The state's centre is no place: drop the point and say why. Not coord_approximate: that flag
    // means a ZIP centroid a few km from the place, which the page draws as a small circle and
    // /near/ ranks by distance; a state's centre can be hundreds of km away (Texas county jails
    // from Orange to Val Verde sit on it), and would be ranked "near" whoever lives mid-state.
    const centres = centrePoints(rows.map((x) => ({ key: String(x.ucla_id), state: x.location_state as string | null, lat: x.latitude as number | null, lon: x.longitude as number | null, located: x.city !== null || x.address !== null })));
    const centre = new Map(centres.map((c) => [c.key, c]));
    await ctx.stage(
      'stg_ucla_facilities',
      {
        ucla_id: 'INTEGER', name: 'VARCHAR', jurisdiction: 'VARCHAR', description: 'VARCHAR', security: 'VARCHAR', age: 'VARCHAR', gender: 'VARCHAR', state: 'VARCHAR', state_name: 'VARCHAR',
        location_state: 'VARCHAR', city: 'VARCHAR', address: 'VARCHAR', zip: 'VARCHAR', county: 'VARCHAR', county_fips: 'VARCHAR', latitude: 'DOUBLE', longitude: 'DOUBLE', location_note: 'VARCHAR',
        population_feb20: 'INTEGER', population_feb20_source: 'VARCHAR', capacity: 'INTEGER', capacity_source: 'VARCHAR', hifld_id: 'INTEGER', operator: 'VARCHAR', operator_differs: 'BOOLEAN',
        website: 'VARCHAR', source_file: 'VARCHAR', source_row: 'INTEGER',
      },
      rows.map((x) => {
        const c = centre.get(String(x.ucla_id));
        if (!c) return { ...x, location_note: notes.get(String(x.ucla_id)) ?? null };
        const how = c.shared > 1 ? `the point ${x.latitude}, ${x.longitude} is shared by ${c.shared} rows without a city or address` : `the point ${x.latitude}, ${x.longitude} is ${c.km.toFixed(1)} km from the state's geographic centre`;
        return { ...x, latitude: null, longitude: null, location_note: `UCLA gives the state's centre, not the place: no city or street address, and ${how}` };
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
