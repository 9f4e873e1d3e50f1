/**
 * Call scripts and letters, short and in our own words, filled with a facility's name, place and
 * latest population. They are read aloud, so the text holds only words a person would say: the
 * name in normal case ("Stewart Detention Center"), the figure as a sentence ("an average of 445
 * people a day … in fiscal year 2026"), and never a file path or sheet name: the source cell goes
 * on a separate line under the script (`source`). Nothing here is a figure: every number is passed
 * in from data, a zero or a missing figure is left out rather than said, and the COVID-19 wording of
 * the organizers' 2020 text is used only when the figure itself is from 2020 or 2021.
 */
import { count, date } from '$lib/format';
import { displayName } from '$lib/facilities/display-name';
import { INACTIVE, usableFigure } from '$lib/facilities/held';
import type { Action } from './catalog';
import { deathsSentence, deathsSource, type DeathsOnRecord } from '$lib/deaths/on-record';

export interface Place {
  name: string;
  city: string | null;
  state: string | null;
  /** The registry's kind ("ice", "prison", …); ICE when not given (the field-office actions are ICE's). */
  kind?: string;
  population: number | null;
  /** What the population counts and when, e.g. "ICE average daily population, FY2026". */
  populationMeasure: string | null;
  /** Where the population figure comes from: a file, sheet and row (shown, never spoken). */
  populationSource: string | null;
  /** Deaths in custody on record at the facility (ice_deaths, in-custody rows), or null/absent when none. */
  deaths?: DeathsOnRecord | null;
  /** The registry's status of an ICE facility (ice_facilities.status): "inactive" means no one is held there now. */
  status?: string | null;
}

export interface Recipient {
  name: string;
}

export interface Script {
  /** What is said or sent: plain words only. */
  text: string;
  /** "Figure: …; source: …", to show under the script; null when the script cites no figure. */
  source: string | null;
}

export type TemplateId = NonNullable<Action['template']>;

/** A facility as a sentence names it, by kind, when there is no figure to say. */
const KIND_PHRASE: Record<string, string> = {
  ice: 'an ICE detention facility',
  prison: 'a state prison',
  'federal prison': 'a federal prison',
  jail: 'a county jail',
  youth: 'a youth facility',
  psychiatric: 'a psychiatric facility',
};

const people = (n: number, each = '') => `${count(n)} ${Math.round(n) === 1 ? 'person' : 'people'}${each}`;

/**
 * The figure as a spoken sentence, and the year it is from. The measures are the facilities
 * dataset's population_measure texts (scripts/ingest/datasets/facilities.ts); one it does not
 * know is still said, in its own words.
 */
export function figureSentence(p: Pick<Place, 'population' | 'populationMeasure'>): { sentence: string; year: number | null } | null {
  if (!usableFigure(p.population)) return null;
  const m = p.populationMeasure ?? '';
  const adp = m.match(/^ICE average daily population, FY(\d{4})(?: \(partial year, through (\d{4}-\d{2}-\d{2})\)| to (\d{4}-\d{2}-\d{2}))?/);
  if (adp) {
    const upTo = adp[2] ?? adp[3];
    return {
      sentence: `By ICE’s own figures, an average of ${people(p.population, ' a day')} ${Math.round(p.population) === 1 ? 'was' : 'were'} held there in fiscal year ${adp[1]}${upTo ? `, up to ${date(upTo)}` : ''}.`,
      year: Number(upTo?.slice(0, 4) ?? adp[1]),
    };
  }
  const ddp = m.match(/^DDP people held at midnight, (\d{4}-\d{2}-\d{2})/);
  if (ddp)
    return {
      sentence: `By ICE’s data, as the Deportation Data Project publishes them, ${people(p.population)} ${Math.round(p.population) === 1 ? 'was' : 'were'} held there at midnight on ${date(ddp[1]!)}.`,
      year: Number(ddp[1]!.slice(0, 4)),
    };
  const ucla = m.match(/^UCLA population, ([A-Z][a-z]+ (\d{4}))/);
  if (ucla) return { sentence: `UCLA Law’s COVID Behind Bars project counted ${people(p.population)} held there in ${ucla[1]}.`, year: Number(ucla[2]) };
  return { sentence: `The latest figure reported for it is ${people(p.population)}${m ? ` (${m})` : ''}.`, year: Number(m.match(/\b(19|20)\d\d\b/)?.[0]) || null };
}

/** The COVID-19 period the organizers' text was written in: its wording fits only figures from then. */
const covidEra = (year: number | null) => year === 2020 || year === 2021;

function about(p: Place) {
  const name = displayName(p.name);
  const where = [p.city ? displayName(p.city) : null, p.state].filter(Boolean).join(', ');
  const figure = figureSentence(p);
  const died = deathsSentence(p.deaths);
  const ice = (p.kind ?? 'ice') === 'ice';
  // An ICE facility no one is held in now: the script speaks of it in the past, and asks nothing for "everyone held there".
  const past = ice && p.status === INACTIVE;
  const kind = past ? 'where ICE has held people' : (KIND_PHRASE[p.kind ?? 'ice'] ?? 'a detention facility');
  const now = past ? ' ICE’s latest data show no one held there now.' : '';
  return {
    name,
    /** "Stewart Detention Center in Lumpkin, GA. By ICE's own figures, …" or "…, an ICE detention facility in Austin, TX." */
    intro: (figure ? `${name}${where ? ` in ${where}` : ''}. ${figure.sentence}${now}` : past ? `${name}${where ? ` in ${where}` : ''}, ${kind}.${now}` : `${name}, ${kind}${where ? ` in ${where}` : ''}.`) + (died ? ` ${died}` : ''),
    past,
    covid: covidEra(figure?.year ?? null),
    ice,
    source: [figure && p.populationSource ? `Figure: ${p.populationMeasure}. Source: ${p.populationSource}.` : null, died && p.deaths ? deathsSource(p.deaths) : null].filter(Boolean).join(' ') || null,
  };
}

export function fill(template: TemplateId, place: Place, to: Recipient): Script {
  const a = about(place);
  const release = a.ice ? 'press ICE to release people from detention' : 'press for the release of people who can safely go home';
  const text = (() => {
    switch (template) {
      case 'call-field-office':
        return `Hello, my name is [your name] and I live in [your town]. I am calling about ${a.intro}${a.covid ? ' Crowded detention puts people’s health at risk.' : ''} I am asking the ${to.name} to release people from detention${a.covid ? ', starting with those most at risk,' : ''} and to use alternatives to detention. Thank you.`;
      case 'letter-field-office':
        if (a.past) return `To the ${to.name},\n\nI am writing about ${a.intro}\n\nI ask you to release people from detention and to use alternatives to detention.\n\nSincerely,\n[your name]\n[your town]`;
        return `To the ${to.name},\n\nI am writing about ${a.intro}\n\nI ask you to release people from detention${a.covid ? ', beginning with those at higher risk from illness,' : ', to use alternatives to detention,'} and to make phone and video calls free for everyone held there, so that families and lawyers can stay in touch${a.covid ? ' when visits are limited' : ''}.\n\nSincerely,\n[your name]\n[your town]`;
      case 'call-representative':
        return `Hello, my name is [your name] and I am a constituent from [your town]. I am calling about ${a.intro} I ask ${to.name} to ${release} and to use the office’s oversight powers to check conditions ${a.past ? 'where ICE holds people now' : 'there'}. Thank you.`;
      case 'letter-representative':
        return `Dear ${to.name},\n\nAs your constituent, I am writing about ${a.intro}\n\nPlease use your oversight role to ${a.ice ? 'ask ICE to release people from detention' : 'press for the release of people who can safely go home'}, ${a.past ? 'and to ask for a report on conditions where ICE holds people now' : 'to ask for a report on conditions at this facility, and to make phone and video calls free for the people held there'}.\n\nSincerely,\n[your name]\n[your address]`;
    }
  })();
  return { text, source: a.source };
}
