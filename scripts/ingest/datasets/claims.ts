import type { DatasetDecl } from '../lib/types';

/** The spring-2020 claims the project started from, each checked against a sourced figure. */
export default {
  name: 'claims',
  title: 'Spring 2020 claims checked against the data',
  description:
    'The two figures in the organizers\' spring-2020 text (people in prison in the US; immigrants and asylum seekers in ICE detention), each read from the sentence that states it and compared with the figure in headline_figures that measures the same thing, with the difference and a note on what each figure counts.',
  sources: ['love-resists', 'ppi-whole-pie', 'ice-workbooks', 'bjs-p22st', 'bjs-prisoners-reports', 'mitsuoxv-prisoners'],
  after: ['headline_figures', 'prison_population'],
  primaryKey: ['claim_id'],
  fields: [
    { name: 'claim_id', type: 'string', description: 'Which claim', required: true },
    { name: 'quote', type: 'string', description: 'The sentence stating it', required: true },
    { name: 'stated_value', type: 'number', description: 'The figure the sentence states', required: true },
    { name: 'source_file', type: 'string', description: 'Text the claim is read from', required: true },
    { name: 'source_line', type: 'integer', description: 'Line of the sentence (1-based)', required: true },
    { name: 'checked_against', type: 'string', description: 'Id in headline_figures of the figure it is checked against', required: true },
    { name: 'checked_value', type: 'number', description: 'That figure', required: true },
    { name: 'difference_pct', type: 'number', unit: 'percent', description: '(stated − checked) / checked × 100' },
    { name: 'verdict', type: 'string', description: 'Within 2% is "matches the data"; otherwise the difference', required: true },
    { name: 'note', type: 'string', description: 'What each figure counts, where they differ' },
  ],
  sql: `
    WITH pairs AS (
      SELECT c.*, h.id AS checked_against, h.value AS checked_value, h.label, h.as_of
      FROM stg_claims c JOIN headline_figures h ON h.id = CASE c.claim_id WHEN 'us_incarcerated' THEN 'incarcerated_ppi_2020' WHEN 'ice_detained' THEN 'ice_adp_2020_03' END
    ), prisons AS (SELECT year, prisoners FROM prison_population WHERE jurisdiction = 'US' AND year = 2019)
    SELECT claim_id, quote, stated_value, source_file, source_line, checked_against, checked_value,
           round((stated_value - checked_value) / checked_value * 100, 1) AS difference_pct,
           CASE WHEN abs(stated_value - checked_value) / checked_value <= 0.02 THEN 'matches the data'
                ELSE 'differs from the data by ' || round((stated_value - checked_value) / checked_value * 100, 1) || '%' END AS verdict,
           CASE claim_id
             WHEN 'us_incarcerated' THEN 'The text says "in prison", but the figure it matches is the Prison Policy Initiative''s count of everyone incarcerated: prisons, jails, youth, immigration and other facilities. State and federal prisons alone held ' || format('{:,}', (SELECT prisoners FROM prisons)) || ' people on December 31, 2019 (BJS).'
             WHEN 'ice_detained' THEN 'ICE''s figure is the average per day over March 2020; the text rounds to the nearest thousand.'
           END AS note
    FROM pairs`,
} satisfies DatasetDecl;
