/**
 * ICE's 25 ERO field offices with phone and outreach e-mail, as transcribed from
 * ice.gov/contact/field-offices and geocoded by Carwil Bjork-James (SOURCES-ice.md §9).
 */
import { csvTable } from '../lib/csv-table';
import { IngestError } from '../lib/errors';
import { slug } from '../match/normalize';
import { checkPoint, FACILITY_KM, stateAbbr, zip5 } from '../lib/us-places';
import type { SourceDecl } from '../lib/types';

/**
 * The name each office has in DDP's areas-of-responsibility file, where it differs from ICE's page
 * name minus "Field Office": Miami's field office is listed at its Miramar sub-office (e-mail
 * Miami.Outreach@ice.dhs.gov).
 */
const AOR_NAME: Record<string, string> = { 'Miramar Sub Office': 'Miami' };

/**
 * ICE's 3-letter AOR codes, as in the workbooks' AOR column and Marshall's locations.csv (the
 * state where most of a code's facilities lie is one its office covers: tests/unit/ingest checks).
 */
const AOR_CODE: Record<string, string> = {
  atlanta: 'ATL', baltimore: 'BAL', boston: 'BOS', buffalo: 'BUF', chicago: 'CHI', dallas: 'DAL', denver: 'DEN', detroit: 'DET',
  'el-paso': 'ELP', harlingen: 'HLG', houston: 'HOU', 'los-angeles': 'LOS', miami: 'MIA', newark: 'NEW', 'new-orleans': 'NOL',
  'new-york-city': 'NYC', philadelphia: 'PHI', phoenix: 'PHO', seattle: 'SEA', 'san-francisco': 'SFR', 'salt-lake-city': 'SLC',
  'san-antonio': 'SNA', 'san-diego': 'SND', 'st-paul': 'SPM', washington: 'WAS',
};

export default {
  id: 'ero-field-offices',
  title: 'ICE Enforcement and Removal Operations field offices (phone, outreach e-mail)',
  publisher: 'U.S. Immigration and Customs Enforcement (ice.gov/contact/field-offices); transcribed and geocoded by Carwil Bjork-James',
  homepage: 'https://www.ice.gov/contact/field-offices',
  license: 'attribution-requested',
  attribution: 'ICE ERO field offices from ice.gov/contact/field-offices, transcribed and geocoded by Carwil Bjork-James (github.com/CarwilB/ice-detention).',
  via: 'GitHub CarwilB/ice-detention@d4dc30aa135ccc29e0904d737fe7dacabe083862, data/ero-field-offices-geocoded.csv',
  files: [
    {
      dir: 'ice/ice-ero-field-offices',
      name: 'ero-field-offices-geocoded.csv',
      urls: ['https://raw.githubusercontent.com/CarwilB/ice-detention/d4dc30aa135ccc29e0904d737fe7dacabe083862/data/ero-field-offices-geocoded.csv'],
    },
  ],
  async stage(ctx) {
    const [file] = ctx.files();
    const t = csvTable(ctx, file!, {
      header: ['listing_name', 'office_name', 'phone', 'outreach_email'],
      columns: {
        listing_name: { kind: 'text', header: 'listing_name', required: true },
        office_type: { kind: 'text', header: 'office_type', required: true },
        office_name: { kind: 'text', header: 'office_name', required: true },
        address: { kind: 'text', header: 'address', required: true },
        city: { kind: 'text', header: 'city', required: true },
        state: { kind: 'text', header: 'state', required: true },
        zip: { kind: 'text', header: 'zip', required: true },
        // "NA": ICE's page lists no phone for Dallas and for St. Rose (New Orleans).
        phone: { kind: 'text', header: 'phone', missing: ['NA'] },
        area_of_responsibility: { kind: 'text', header: 'area_of_responsibility', required: true },
        outreach_email: { kind: 'text', header: 'outreach_email', required: true },
        latitude: { kind: 'number', header: 'lat', min: -90, max: 90, required: true },
        longitude: { kind: 'number', header: 'lon', min: -180, max: 180, required: true },
      },
    });
    const rows = t.records.map((r) => {
      const at = (column: string) => ({ file: file!.label, row: r.row, column });
      const v = r.values;
      if (v.office_type !== 'ERO') throw new IngestError({ ...at('office_type'), value: v.office_type }, 'expected an ERO office');
      if (v.phone !== null && !/^\(\d{3}\) \d{3}-\d{4}$/.test(String(v.phone))) throw new IngestError({ ...at('phone'), value: v.phone }, 'expected a phone number as (999) 999-9999');
      if (!/^[A-Za-z.]+@ice\.dhs\.gov$/.test(String(v.outreach_email))) throw new IngestError({ ...at('outreach_email'), value: v.outreach_email }, 'expected an @ice.dhs.gov address');
      const name = String(v.office_name);
      const aorName = AOR_NAME[name] ?? name.replace(/ Field Office$/, '');
      const id = slug(aorName);
      const code = AOR_CODE[id];
      if (!code) throw new IngestError({ ...at('office_name'), value: name }, `expected a field office with a known AOR code; add "${id}" to AOR_CODE`);
      const zip = String(v.zip);
      const state = stateAbbr(v.state, at('state'));
      checkPoint({ where: at('lat, lon'), key: name, states: [state!], lat: v.latitude as number, lon: v.longitude as number }, FACILITY_KM, [], 'sources/ero-field-offices.ts');
      return {
        ...v,
        office_id: id,
        aor_code: code,
        aor_name: aorName,
        state,
        zip: zip5(zip, at('zip')),
        zip4: zip.match(/-(\d{4})$/)?.[1] ?? null,
        phone_note: v.phone === null ? 'ICE\'s field-office page lists no phone number for this office' : null,
        source_file: file!.label,
        source_row: r.row,
      };
    });
    await ctx.stage(
      'stg_ero_offices',
      {
        office_id: 'VARCHAR', aor_code: 'VARCHAR', aor_name: 'VARCHAR', office_name: 'VARCHAR', listing_name: 'VARCHAR', address: 'VARCHAR', city: 'VARCHAR', state: 'VARCHAR',
        zip: 'VARCHAR', zip4: 'VARCHAR', phone: 'VARCHAR', phone_note: 'VARCHAR', outreach_email: 'VARCHAR', latitude: 'DOUBLE', longitude: 'DOUBLE',
        area_of_responsibility: 'VARCHAR', source_file: 'VARCHAR', source_row: 'INTEGER',
      },
      rows,
    );
  },
} satisfies SourceDecl;
