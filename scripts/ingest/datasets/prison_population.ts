import type { DatasetDecl } from '../lib/types';

// BJS footnote in every edition: "Prisons and jails form one integrated system. Data include
// total jail and prison populations."
const UNIFIED = `('AK', 'CT', 'DE', 'HI', 'RI', 'VT')`;

/**
 * One row per jurisdiction and year from every BJS "Prisoners in …" jurisdiction table 1998–2022.
 * A year appears in two or three editions: the latest edition wins (within one edition, the table
 * that also splits by sex, then the lower table number), the first-published value is kept when
 * BJS revised it, and the male/female split is borrowed from another table only when that table's
 * total is the same number.
 */
export default {
  name: 'prison_population',
  title: 'Prisoners under state or federal jurisdiction, December 31, by state, 1997–2022',
  description:
    'Prisoners under the jurisdiction (legal authority, wherever held) of state or federal correctional authorities on December 31, any sentence length, from the Bureau of Justice Statistics National Prisoner Statistics tables in "Prisoners in 1998" through "Prisoners in 2022". ' +
    'Coverage: the U.S. total, Federal and State total for every year 1997–2022; each of the 50 states for 1997–2022; the District of Columbia for 1997–2001 only (its sentenced felons became federal prisoners in 2001, and BJS shows "~" afterwards, so there is no row). ' +
    'Which edition each year comes from (the latest that gives it, see `report`): national 2012–2022 from "Prisoners in 2022" table 1 (BJS revised series); states 2012–2020 from the next year\'s edition and 2021–2022 from "Prisoners in 2022" table 2; 1997–2008 from the next year\'s edition, except 2000 (from "Prisoners in 2010") and 2001 for DC; 2009–2011 from "Prisoners in 2011" (the "Prisoners in 2012" table is not in the collection). ' +
    'So for 2012–2020 the State total is BJS\'s later revision and need not equal the sum of the states. Where two editions give the same year, `revised_from` keeps the first-published value if BJS changed it. ' +
    'Male and female counts exist from 2012 on; earlier rows have none (see `missing`). ' +
    'Alaska, Connecticut, Delaware, Hawaii, Rhode Island and Vermont run one combined prison and jail system, so their counts include people in jail (`unified_system`). Nevada 2013 was not reported ("/") in the 2014 edition; the 2013 edition\'s imputed count stands. ' +
    'Local jails and ICE immigration detention are not in these counts.',
  sources: ['bjs-p22st', 'bjs-prisoners-reports', 'mitsuoxv-prisoners'],
  primaryKey: ['jurisdiction', 'year'],
  temporal: 'year',
  fields: [
    { name: 'jurisdiction', type: 'string', description: "'US' (U.S. total), 'FED' (Federal Bureau of Prisons), 'STATE' (all states) or a 2-letter state code (DC for 1997–2001)", required: true },
    { name: 'jurisdiction_name', type: 'string', description: 'Name of the jurisdiction, without BJS footnote markers', required: true },
    { name: 'year', type: 'integer', description: 'Year; counts are for December 31', required: true, min: 1997, max: 2022 },
    { name: 'prisoners', type: 'integer', unit: 'persons', description: 'Prisoners under the jurisdiction on December 31 (total, any sentence)', required: true, min: 0 },
    { name: 'male', type: 'integer', unit: 'persons', description: 'Male prisoners; null where the table gives no split by sex (see missing)', min: 0 },
    { name: 'female', type: 'integer', unit: 'persons', description: 'Female prisoners; null where the table gives no split by sex (see missing)', min: 0 },
    { name: 'unified_system', type: 'boolean', description: 'True for AK, CT, DE, HI, RI, VT: prisons and jails form one system and the count includes jail inmates', required: true },
    { name: 'report', type: 'string', description: 'BJS report and table the value comes from, e.g. "Prisoners in 2022, table 2"', required: true },
    { name: 'revised_from', type: 'integer', unit: 'persons', description: 'The count the first report to publish this year gave, when a later report revised it; null otherwise' },
    { name: 'revised_from_report', type: 'string', description: 'Report and table of revised_from' },
    { name: 'sex_source', type: 'string', description: 'Where male/female come from when the winning table has no split by sex but another table gives the same total; null otherwise' },
    { name: 'missing', type: 'string', description: 'Why male/female are null ("male, female: not in this table", or a BJS marker such as "/ (not reported)")' },
    { name: 'source_file', type: 'string', description: 'BJS table file of the prisoners value', required: true },
    { name: 'source_row', type: 'integer', description: 'Row of the value in the file (1-based, as a text editor shows it)', required: true },
    { name: 'source_column', type: 'string', description: 'Column letter of the prisoners value', required: true },
  ],
  sql: `
    WITH c AS (SELECT * FROM stg_bjs_jurisdiction WHERE prisoners IS NOT NULL),
    ranked AS (
      SELECT *,
        row_number() OVER (PARTITION BY jurisdiction, year ORDER BY report_year DESC, male IS NULL, table_no) AS latest,
        row_number() OVER (PARTITION BY jurisdiction, year ORDER BY report_year, table_no) AS earliest
      FROM c),
    w AS (SELECT * FROM ranked WHERE latest = 1),
    f AS (SELECT * FROM ranked WHERE earliest = 1),
    sex AS (
      SELECT w.jurisdiction, w.year, s.male, s.female, s.report, s.source_file, s.source_row,
        row_number() OVER (PARTITION BY w.jurisdiction, w.year ORDER BY s.report_year DESC, s.table_no) AS n
      FROM w JOIN c s ON s.jurisdiction = w.jurisdiction AND s.year = w.year AND s.prisoners = w.prisoners
        AND s.male IS NOT NULL AND s.female IS NOT NULL
      WHERE w.male IS NULL)
    SELECT w.jurisdiction, w.jurisdiction_name, w.year, w.prisoners,
      coalesce(w.male, sex.male) AS male, coalesce(w.female, sex.female) AS female,
      w.jurisdiction IN ${UNIFIED} AS unified_system,
      w.report,
      CASE WHEN f.prisoners <> w.prisoners THEN f.prisoners END AS revised_from,
      CASE WHEN f.prisoners <> w.prisoners THEN f.report END AS revised_from_report,
      CASE WHEN sex.male IS NOT NULL THEN sex.report || ' (' || sex.source_file || ' row ' || sex.source_row || ')' END AS sex_source,
      CASE WHEN coalesce(w.male, sex.male) IS NULL THEN w.missing END AS missing,
      w.source_file, w.source_row, w.source_column
    FROM w JOIN f USING (jurisdiction, year)
    LEFT JOIN sex ON sex.jurisdiction = w.jurisdiction AND sex.year = w.year AND sex.n = 1`,
  checks: [
    {
      message: 'expected every year 1997–2022 to have the U.S. total, Federal, State total and all 50 states (53 rows besides DC)',
      sql: `SELECT 'dataset prison_population' AS source_file, 'year' AS "column", t.year AS value
            FROM range(1997, 2023) t(year) LEFT JOIN prison_population p ON p.year = t.year AND p.jurisdiction <> 'DC'
            GROUP BY t.year HAVING count(p.jurisdiction) <> 53`,
    },
    {
      message: 'expected U.S. total = Federal + State total for the year (the three come from one table)',
      sql: `SELECT us.source_file, us.source_row, us.source_column AS "column", us.prisoners AS value
            FROM prison_population us JOIN prison_population fed ON fed.year = us.year AND fed.jurisdiction = 'FED'
            JOIN prison_population st ON st.year = us.year AND st.jurisdiction = 'STATE'
            WHERE us.jurisdiction = 'US' AND us.prisoners <> fed.prisoners + st.prisoners`,
    },
    {
      message: 'expected two tables of one report to give the same count for a jurisdiction and year',
      sql: `SELECT a.source_file, a.source_row, a.source_column AS "column", a.prisoners AS value
            FROM stg_bjs_jurisdiction a JOIN stg_bjs_jurisdiction b ON a.report_year = b.report_year AND a.table_no < b.table_no
              AND a.jurisdiction = b.jurisdiction AND a.year = b.year
            WHERE a.prisoners <> b.prisoners`,
    },
    {
      // An independent compilation of the same tables: each of its 1,250 numbers must be one BJS printed.
      message: 'expected this prisoners.csv value to equal a count some BJS table gives for that state and year',
      sql: `SELECT m.source_file, m.source_row, m.source_column AS "column", m.prisoners AS value
            FROM stg_mitsuoxv_prisoners m
            WHERE NOT EXISTS (SELECT 1 FROM stg_bjs_jurisdiction b WHERE b.jurisdiction = m.jurisdiction AND b.year = m.year AND b.prisoners = m.prisoners)`,
    },
  ],
} satisfies DatasetDecl;
