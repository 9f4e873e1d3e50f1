/**
 * The groups the organizers' text (love-resists/free-them-all-2020.txt, line 11) asks readers to
 * follow and support, with their official sites. No other group is named anywhere on the site.
 */
export interface Group {
  id: string;
  name: string;
  url: string;
  what: string;
}

export const SEED_TEXT = { file: 'love-resists/free-them-all-2020.txt', line: 11, title: 'Love Resists, "Liberation During Social Isolation: #FreeThemAll" (spring 2020)' };

export const GROUPS: Group[] = [
  { id: 'ppi', name: 'Prison Policy Initiative', url: 'https://www.prisonpolicy.org/', what: 'research and data on mass incarceration' },
  { id: 'dwn', name: 'Detention Watch Network', url: 'https://www.detentionwatchnetwork.org/', what: 'a national coalition working to abolish immigration detention' },
  { id: 'tjc', name: 'The Justice Collaborative', url: 'https://thejusticecollaborative.com/', what: 'legal and policy work to end mass incarceration' },
  { id: 'nbfn', name: 'National Bail Fund Network', url: 'https://www.communityjusticeexchange.org/en/nbfn', what: 'community bail and bond funds across the country' },
];
