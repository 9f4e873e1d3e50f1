/**
 * The actions the site offers, as data. They come from the organizers' text
 * (love-resists/free-them-all-2020.txt, lines 9–11): call on ICE to release people from detention;
 * local letters and call scripts for release; free phone and video calls in place of cancelled
 * visits; follow and support the groups it names. Templates are in our own words, filled only
 * with sourced figures; every phone, address and e-mail comes from a dataset.
 */
export type ActionKind = 'call' | 'write' | 'follow';
export type Target = 'field-office' | 'representative' | 'group';

export interface Action {
  id: string;
  kind: ActionKind;
  target: Target;
  title: string;
  /** Who the action suits. */
  who: string;
  /** Line of the organizers' text the action comes from. */
  seedLine: number;
  /** Template id in ./templates (none for "follow"). */
  template?: 'call-field-office' | 'letter-field-office' | 'call-representative' | 'letter-representative';
}

export const ACTIONS: Action[] = [
  { id: 'call-ice-release', kind: 'call', target: 'field-office', title: 'Call the ICE field office: ask for release', who: 'anyone', seedLine: 9, template: 'call-field-office' },
  { id: 'write-ice-release', kind: 'write', target: 'field-office', title: 'Write to the ICE field office: release and free calls', who: 'anyone; letters from local people and congregations count most', seedLine: 10, template: 'letter-field-office' },
  { id: 'call-rep', kind: 'call', target: 'representative', title: 'Call your members of Congress', who: 'constituents', seedLine: 9, template: 'call-representative' },
  { id: 'write-rep', kind: 'write', target: 'representative', title: 'Write to your members of Congress: oversight and free calls', who: 'constituents', seedLine: 10, template: 'letter-representative' },
  { id: 'follow-groups', kind: 'follow', target: 'group', title: 'Follow and support the groups leading this work', who: 'anyone', seedLine: 11 },
];
