import type { DatasetDecl } from '../lib/types';

/** The spring-2020 claims the project started from, each checked against a sourced figure. */
export default {
  name: 'claims',
  title: 'Spring 2020 claims checked against the data',
  description:
    'The two figures in the organizers\' spring-2020 text (people in prison in the US; immigrants and asylum seekers in ICE detention), each read from the sentence that states it and compared with the figure in headline_figures that measures the same thing, with the difference and a note on what each figure counts.',
  sources: ['love-resists', 'ppi-whole-pie', 'ice-workbooks', 'bjs-p22st', 'bjs-prisoners-reports', 'mitsuoxv-prisoners'],
  after: ['headline_figures', 'prison_population', 'ice_national_monthly'],
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
    {
      name: 'verdict',
      type: 'string',
      description: 'Within 2% is "matches the data", or "right number, broader than prisons" where the figure it matches counts more than the words say (the "in prison" claim matches a count of everyone confined); otherwise the difference',
      required: true,
    },
    { name: 'note', type: 'string', description: 'What each figure counts, where they differ; every number in it is read from a dataset' },
  ],
  // Every number in a note comes from a row: prisons from prison_population (the year before PPI's
  // report), ICE's months around the checked one from ice_national_monthly, the organizers' own
  // figures from stg_claims. Only words are typed here.
  sql: `
    WITH pairs AS (
      SELECT c.*, h.id AS checked_against, h.value AS checked_value, h.label, h.as_of, h.period
      FROM stg_claims c JOIN headline_figures h ON h.id = CASE c.claim_id WHEN 'us_incarcerated' THEN 'incarcerated_ppi_2020' WHEN 'ice_detained' THEN 'ice_adp_2020_03' END
    ),
    prisons AS (SELECT p.year, p.prisoners FROM prison_population p, pairs WHERE pairs.claim_id = 'us_incarcerated' AND p.jurisdiction = 'US' AND p.year = year(pairs.as_of) - 1),
    ice_claim AS (SELECT stated_value FROM stg_claims WHERE claim_id = 'ice_detained'),
    -- ICE's average per day in the month checked and the months either side: the trend behind "today".
    ice_months AS (
      SELECT m.month, m.adp, strftime(strptime(m.month, '%Y-%m'), '%B %Y') AS month_name
      FROM ice_national_monthly m, pairs WHERE pairs.claim_id = 'ice_detained'
        AND strptime(m.month, '%Y-%m') BETWEEN strptime(pairs.period, '%Y-%m') - INTERVAL 1 MONTH AND strptime(pairs.period, '%Y-%m') + INTERVAL 1 MONTH),
    within AS (SELECT *, abs(stated_value - checked_value) / checked_value <= 0.02 AS close FROM pairs)
    SELECT claim_id, quote, stated_value, source_file, source_line, checked_against, checked_value,
           round((stated_value - checked_value) / checked_value * 100, 1) AS difference_pct,
           CASE WHEN close AND claim_id = 'us_incarcerated' THEN 'right number, broader than prisons'
                WHEN close THEN 'matches the data'
                ELSE 'differs from the data by ' || round((stated_value - checked_value) / checked_value * 100, 1) || '%' END AS verdict,
           CASE claim_id
             WHEN 'us_incarcerated' THEN
               'The text says "in prison", but ' || round(stated_value / 1e6, 1) || ' million is the Prison Policy Initiative''s count of everyone confined: prisons, local jails, youth, immigration and other facilities. ' ||
               'State and federal prisons alone held ' || format('{:,}', (SELECT prisoners FROM prisons)) || ' people on December 31, ' || (SELECT year FROM prisons) || ' (BJS). ' ||
               'The ' || format('{:,}', (SELECT stated_value::BIGINT FROM ice_claim)) || ' people in ICE detention that the same text counts are inside PPI''s ' || round(stated_value / 1e6, 1) || ' million, not in addition to it.'
             WHEN 'ice_detained' THEN
               'ICE''s figure is the average per day over ' || strftime(strptime(period, '%Y-%m'), '%B %Y') || '; the text rounds to the nearest thousand. ' ||
               'The number was falling fast, on average per day: ' || (SELECT string_agg(format('{:,}', round(adp)::BIGINT) || ' in ' || month_name, ', ' ORDER BY month) FROM ice_months) ||
               ' (ICE), so "today" depends on the day.'
           END AS note
    FROM within`,
} satisfies DatasetDecl;
