/**
 * "Currently detained" from archived biweekly ICE workbooks, Jan 2021 – Dec 2024, as extracted by
 * Research-Basecamp from Wayback Machine captures (SOURCES-ice.md §2). One row per capture; the
 * dataset keeps one row per snapshot (EID) date.
 */
import { csvTable } from '../lib/csv-table';
import { IngestError } from '../lib/errors';
import type { ColumnDecl } from '../lib/table';
import type { SourceDecl } from '../lib/types';

const COUNT = { kind: 'integer', min: 0, required: true } as const satisfies Partial<ColumnDecl>;

/**
 * EID dates that cannot be right, each keyed by the ICE file name and the date as printed. ICE's
 * EID date is the Saturday before the workbook's file date, on a two-week cycle.
 */
const EID_CORRECTIONS: Record<string, { printed: string; as_of: string; note: string }> = {
  FY21_detentionStats061121: {
    printed: '06/20/2020',
    as_of: '2021-06-05',
    note: 'EID date printed 06/20/2020, impossible for a workbook dated 06/11/21 and captured 2021-06-12; its counts are new (between the 04/10/2021 and 06/19/2021 snapshots), so the date is inferred as 2021-06-05, the Saturday before the file date on the two-week cycle',
  },
  FY21_detentionStats10072021: {
    printed: '10/02/2020',
    as_of: '2021-09-25',
    note: 'also in FY21_detentionStats10072021 (captured 2021-10-08), whose EID date is printed 10/02/2020 (the FY2020 year-end date); its six counts equal the 09/25/2021 snapshot, so it is that snapshot repeated',
  },
};

/** "20210612232349-FY21_detentionStats061121.xlsx" -> capture date and ICE file name. */
function parseFileName(text: string, where: { file: string; row: number; column: string }) {
  const m = text.match(/^(\d{4})(\d{2})(\d{2})\d{6}-(.+)\.xlsx$/);
  if (!m) throw new IngestError({ ...where, value: text }, 'expected "<14-digit Wayback timestamp>-<ICE file name>.xlsx"');
  return { captured: `${m[1]}-${m[2]}-${m[3]}`, iceFile: m[4]! };
}

export default {
  id: 'ice-biweekly',
  title: 'ICE "currently detained" from archived biweekly Detention Statistics workbooks',
  publisher: 'U.S. Immigration and Customs Enforcement; compiled by Research-Basecamp from Wayback Machine captures of ice.gov',
  homepage: 'https://www.ice.gov/detain/detention-management',
  license: 'attribution-requested',
  attribution: 'ICE Detention Statistics ("ICE Currently Detained by Criminality and Arresting Agency"), biweekly workbooks archived by the Wayback Machine, compiled by Research-Basecamp (github.com/Research-Basecamp/ice-detention--data).',
  via: 'GitHub Research-Basecamp/ice-detention--data@a2954091568de977b035e418520ceb9075165591, assests/Data_processing.csv',
  files: [
    {
      dir: 'ice/ice-detention-stats-biweekly-summary',
      name: 'Data_processing.csv',
      urls: ['https://raw.githubusercontent.com/Research-Basecamp/ice-detention--data/a2954091568de977b035e418520ceb9075165591/assests/Data_processing.csv'],
    },
  ],
  async stage(ctx) {
    const [file] = ctx.files();
    const t = csvTable(ctx, file!, {
      header: ['File Name', 'EID Date'],
      columns: {
        file_name: { kind: 'text', header: 'File Name', required: true },
        ice_convicted_criminal: { ...COUNT, header: 'ICE_Convicted Criminal' },
        cbp_convicted_criminal: { ...COUNT, header: 'CBP_Convicted Criminal' },
        ice_pending_charges: { ...COUNT, header: 'ICE_Pending Charges' },
        cbp_pending_charges: { ...COUNT, header: 'CBP_Pending Charges' },
        ice_other_violator: { ...COUNT, header: 'ICE_other Violator' },
        cbp_other_violator: { ...COUNT, header: 'CBP_other Violator' },
        eid_date: { kind: 'date', formats: ['%m/%d/%Y'], header: 'EID Date', required: true },
        eid_date_printed: { kind: 'text', header: 'EID Date' },
      },
    });
    const used = new Set<string>();
    const rows = t.records.map((r) => {
      const where = { file: file!.label, row: r.row, column: 'File Name' };
      const { captured, iceFile } = parseFileName(String(r.values.file_name), where);
      const printed = String(r.values.eid_date_printed);
      const fix = EID_CORRECTIONS[iceFile];
      if (fix && fix.printed !== printed)
        throw new IngestError({ file: file!.label, row: r.row, column: 'EID Date', value: printed }, `expected the EID date ${fix.printed} that EID_CORRECTIONS fixes for ${iceFile}`);
      if (fix) used.add(iceFile);
      return { ...r.values, as_of: fix?.as_of ?? r.values.eid_date ?? null, as_of_inferred: fix ? fix.as_of !== r.values.eid_date : false, note: fix?.note ?? null, captured, ice_file: iceFile, source_file: file!.label, source_row: r.row };
    });
    const unused = Object.keys(EID_CORRECTIONS).filter((k) => !used.has(k));
    if (unused.length) throw new IngestError({ file: file!.label }, `expected rows for the EID corrections of ${unused.join(', ')}; review EID_CORRECTIONS`);
    await ctx.stage(
      'stg_ice_biweekly',
      {
        as_of: 'DATE', eid_date_printed: 'VARCHAR', as_of_inferred: 'BOOLEAN', note: 'VARCHAR',
        ice_convicted_criminal: 'INTEGER', cbp_convicted_criminal: 'INTEGER', ice_pending_charges: 'INTEGER',
        cbp_pending_charges: 'INTEGER', ice_other_violator: 'INTEGER', cbp_other_violator: 'INTEGER',
        file_name: 'VARCHAR', ice_file: 'VARCHAR', captured: 'DATE', source_file: 'VARCHAR', source_row: 'INTEGER',
      },
      rows,
    );
  },
} satisfies SourceDecl;
