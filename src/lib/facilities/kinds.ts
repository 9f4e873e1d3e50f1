/**
 * The kinds of place in the facilities registry, with the one label and colour each has
 * everywhere (the map, its list and legend, the directory, facility pages and /near/), and the
 * one glossary of ICE's facility types (map popups, facility pages, the facility-type chart).
 */

/** The facilities dataset's kinds; "youth" is every UCLA row whose Age is "Juvenile", whoever runs it. */
export const KINDS = ['ice', 'prison', 'federal prison', 'jail', 'youth', 'psychiatric'] as const;
export type Kind = (typeof KINDS)[number];

/**
 * Label and colour per kind. Colours are the 700 shades of distinct hues: each is ≥ 4.5:1 on white
 * (youth's pink-700 is 6.0:1, and at least 50 CIELAB units from every other kind's colour).
 */
export const KIND_STYLE: Record<Kind, { label: string; color: string }> = {
  ice: { label: 'ICE detention', color: '#c2410c' },
  prison: { label: 'State prison', color: '#1d4ed8' },
  'federal prison': { label: 'Federal prison', color: '#0f766e' },
  jail: { label: 'County jail', color: '#7e22ce' },
  youth: { label: 'Youth facility', color: '#be185d' },
  psychiatric: { label: 'Psychiatric facility', color: '#57534e' },
};

/** Kind → label, for pages that have only the kind's text (a row of the dataset). */
export const KIND_LABELS: Record<string, string> = Object.fromEntries(KINDS.map((k) => [k, KIND_STYLE[k].label]));

/** ICE's facility types (the detention statistics workbooks' "Type Detailed" codes), spelt out. */
export const ICE_TYPES: Record<string, string> = {
  IGSA: 'Intergovernmental service agreement',
  DIGSA: 'Dedicated intergovernmental service agreement',
  'USMS IGA': 'US Marshals Service intergovernmental agreement',
  'USMS CDF': 'US Marshals Service contract detention facility',
  CDF: 'Contract detention facility',
  SPC: 'ICE service processing center',
  BOP: 'Federal Bureau of Prisons',
  STAGING: 'Staging facility',
  'FAMILY STAGING': 'Family staging facility',
  FAMILY: 'Family residential center',
  JUVENILE: 'Juvenile facility',
  STATE: 'State facility',
  DOD: 'Department of Defense',
};
