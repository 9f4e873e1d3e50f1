/**
 * Call scripts and letters, short and in our own words, filled with a facility's name, place and
 * latest population with its source. Nothing here is a figure: every number is passed in from data.
 */
import { count } from '$lib/format';

export interface Place {
  name: string;
  city: string | null;
  state: string | null;
  population: number | null;
  /** What the population counts and when, e.g. "ICE average daily population, FY2026". */
  populationMeasure: string | null;
  /** Where the population figure comes from, e.g. "ICE Detention Statistics, FY26 workbook". */
  populationSource: string | null;
}

export interface Recipient {
  name: string;
}

const where = (p: Place) => [p.city, p.state].filter(Boolean).join(', ');
const held = (p: Place) =>
  p.population === null
    ? `${p.name}${where(p) ? ` in ${where(p)}` : ''}`
    : `${p.name}${where(p) ? ` in ${where(p)}` : ''}, where ${count(p.population)} people were held (${p.populationMeasure}${p.populationSource ? `; source: ${p.populationSource}` : ''})`;

export function fill(template: NonNullable<import('./catalog').Action['template']>, place: Place, to: Recipient): string {
  switch (template) {
    case 'call-field-office':
      return `Hello, my name is [your name] and I live in [your town]. I am calling about ${held(place)}. Crowded detention puts people's health at risk. I am asking the ${to.name} to release people from detention, starting with those most at risk, and to use alternatives to detention. Thank you.`;
    case 'letter-field-office':
      return `To the ${to.name},\n\nI am writing about ${held(place)}.\n\nI ask you to release people from detention, beginning with those at higher risk from illness, and to make phone and video calls free for everyone held there, so that families and lawyers can stay in touch when visits are limited.\n\nSincerely,\n[your name]\n[your town]`;
    case 'call-representative':
      return `Hello, my name is [your name] and I am a constituent from [your town]. I am calling about ${held(place)}. I ask ${to.name} to press ICE to release people from detention and to use the office's oversight powers to check conditions there. Thank you.`;
    case 'letter-representative':
      return `Dear ${to.name},\n\nAs your constituent, I am writing about ${held(place)}.\n\nPlease use your oversight role to ask ICE to release people from detention, to report on conditions at this facility, and to make phone and video calls free for the people held there.\n\nSincerely,\n[your name]\n[your address]`;
  }
}
