import type { DatasetDecl, FieldDecl } from '../lib/types';

const count = (name: string, description: string): FieldDecl => ({ name, type: 'integer', unit: 'persons', description, required: true, min: 0 });

/**
 * DDP's daily counts per ICE facility code, unchanged. No source_row: the DDP file is one row per
 * (code, date) in this same order, so the key names the source row, and a row-number column would
 * add 0.9 MB to a 1.6 MB file.
 */
export default {
  name: 'ice_facility_daily',
  title: 'ICE detention: people detained per facility per day (Deportation Data Project)',
  description:
    'Daily number of people in ICE detention at each ICE facility code (DETLOC), 2022-10-01 to 2026-03-10, computed by the Deportation Data Project from individual ICE detention records released under FOIA. Every code is listed on every day (0 when nobody was held). Hold rooms and hospitals are included as codes; DDP notes that recent releases omit some hospital stays. These counts come from FOIA records, not ICE\'s published statistics, and differ slightly from ICE\'s workbooks.',
  sources: ['ddp-daily'],
  primaryKey: ['detention_facility_code', 'date'],
  temporal: 'date',
  fields: [
    { name: 'detention_facility_code', type: 'string', description: 'ICE detention facility code (DETLOC), e.g. STWRTGA', required: true },
    { name: 'date', type: 'date', description: 'Calendar day the count describes', required: true },
    { name: 'facility_name', type: 'string', description: 'Facility name as in the ICE records (detention_facility)', required: true },
    count('n_detained', 'Distinct people held at the facility at any time during the day'),
    count('n_detained_at_midnight', 'People held at the facility at midnight (ICE\'s usual population measure)'),
    count('n_detained_male', 'Of n_detained, male'),
    count('n_detained_female', 'Of n_detained, female'),
    count('n_detained_convicted_criminal', 'Of n_detained, with a criminal conviction'),
    count('n_detained_possibly_under_18', 'Of n_detained, possibly under 18 (as flagged by DDP; see its codebook)'),
    { name: 'source_file', type: 'string', description: 'Source file (one row per facility code and day, in this order)', required: true },
  ],
  sql: `SELECT code AS detention_facility_code, date, name AS facility_name, n_detained, n_detained_at_midnight, n_detained_male,
               n_detained_female, n_detained_convicted_criminal, n_detained_possibly_under_18, source_file
        FROM stg_ddp_daily`,
} satisfies DatasetDecl;
