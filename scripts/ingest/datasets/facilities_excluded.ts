import { RULES } from '../match/ucla-places';
import type { DatasetDecl } from '../lib/types';

/** The UCLA rows the facilities registry leaves out, each with the rule that excluded it (match/ucla-places.ts, match/registry.ts). */
export default {
  name: 'facilities_excluded',
  title: 'Facilities registry: UCLA COVID Behind Bars rows left out, and why',
  description:
    'Every row of UCLA COVID Behind Bars\' facility list (ucla_facilities) that is not a row of the facilities registry, with the rule that excluded it, tested in this order on UCLA\'s own fields: ' +
    `${RULES.map((r) => `"${r.id}"`).join(', ')}, then "repeat" (the same address, ZIP and point as a lower Facility.ID, with the same name and state, or the same HIFLD.ID under another state: a contract prison listed once per state that sends people there) and "same-place" (UCLA's entry for the ICE detainees of a place the registry already has: same name, street address and ZIP, or a point within 1 km with a similar name). ` +
    'no-state: a system-wide total with no state (ALL BOP …, ALL ICE FACILITIES); geographic, administrative: UCLA\'s own Description; total: a name that is a count of staff, a statewide or "other" total, or people held in many places ("STAFF TOTAL", "STATEWIDE", "OTHER …", "NON-SPECIFIED …"); office: a name that is an office ("REGIONAL OFFICE", "CENTRAL OFFICE", "HEADQUARTERS", "ADMINISTRATION"); no-one-held: a name that is a parole or probation unit, a training academy or centre, a division, industries or a warehouse, when UCLA gives the row no facility type, population or capacity (so "BURRUSS CORRECTIONAL TRAINING CENTER", a prison with a population, stays). ' +
    'reason says what fired; same_as is the registry facility_id of the place a repeat or same-place row is. Because it derives from UCLA data this dataset is CC BY-NC-SA 4.0.',
  sources: ['ucla-cbb'],
  after: ['facilities'],
  primaryKey: ['ucla_id'],
  fields: [
    { name: 'ucla_id', type: 'integer', description: 'UCLA COVID Behind Bars Facility.ID' },
    { name: 'name', type: 'string', description: 'Name as UCLA lists it', required: true },
    { name: 'state', type: 'string', description: 'State UCLA files it under (2-letter code); null for system-wide rows' },
    { name: 'jurisdiction', type: 'string', description: 'UCLA jurisdiction (state, county, federal, immigration, psychiatric)', required: true },
    { name: 'rule', type: 'string', description: 'The rule that excluded the row: no-state, geographic, administrative, total, office, no-one-held, repeat or same-place', required: true },
    { name: 'reason', type: 'string', description: 'What the rule found in the row', required: true },
    { name: 'same_as', type: 'string', description: 'For repeat and same-place: facility_id of the registry row for that place' },
    { name: 'source_file', type: 'string', description: 'Source file', required: true },
    { name: 'source_row', type: 'integer', description: 'Row in the source file (1-based; the header is row 1)', required: true },
  ],
  sql: `SELECT u.ucla_id, u.name, u.state, u.jurisdiction, x.rule, x.reason, x.same_as, u.source_file, u.source_row
        FROM stg_ucla_excluded x JOIN ucla_facilities u USING (ucla_id)`,
  checks: [
    {
      sql: `SELECT source_file, source_row, 'same_as' AS column, same_as AS value FROM facilities_excluded WHERE same_as IS NOT NULL AND same_as NOT IN (SELECT facility_id FROM facilities) LIMIT 1`,
      message: 'expected same_as to name a row of the facilities registry',
    },
  ],
} satisfies DatasetDecl;
