/**
 * The call scripts and letters an action panel offers for a facility: to its ICE field office
 * (a call only where ICE lists a phone for the office; otherwise the letter alone), and one call
 * script and one letter for the members of Congress. Those two name MEMBER_PLACEHOLDER where the
 * member goes and list the members the reader may choose: static/js/enhance.js fills the chosen
 * member in (the first at first), so a page carries each text once, not once per member (five
 * members made ten near-identical texts, about a sixth of the facility pages' bytes). As an
 * office with no phone gets no call script, a member the source lists no phone for is not
 * offered in the call.
 * Framework-free, so the rules are tested without a page.
 */
import { ACTIONS, type Action } from './catalog';
import { memberTitle, seat, type Member, type OfficeLink } from './contacts';
import { fill, type Place } from './templates';

/** What the members' texts say where the member goes: read as it is without JavaScript, replaced by the reader's choice with it. */
export const MEMBER_PLACEHOLDER = '[the member’s name]';

/** A member the reader may address: `name` goes into the text, `label` is what the choice shows. */
export interface MemberChoice {
  name: string;
  label: string;
}

export interface ScriptItem {
  action: Action;
  key: string;
  text: string;
  /** The figure's source cell, shown under the script (never in the spoken text). */
  source: string | null;
  email: string | null;
  /** For the members' texts: whom the text may be for, the first chosen at first; empty for the field office's. */
  choices: MemberChoice[];
}

/** True when the office is known but ICE lists no phone for it: no call script, the letter instead. */
export const officeHasNoPhone = (office: OfficeLink | null): boolean => office !== null && !office.office.phone;

function choiceOf(m: Member, call: boolean): MemberChoice {
  return { name: memberTitle(m), label: `${memberTitle(m)} (${seat(m)})${call && m.phone ? ` · ${m.phone}` : ''}` };
}

export function scriptsFor({ place, office, members }: { place: Place; office: OfficeLink | null; members: Member[] }): ScriptItem[] {
  const out: ScriptItem[] = [];
  for (const a of ACTIONS) {
    if (!a.template) continue;
    if (a.target === 'field-office' && office && !(a.kind === 'call' && officeHasNoPhone(office))) {
      const s = fill(a.template, place, { name: `ICE ${office.office.office_name}` });
      out.push({ action: a, key: a.id, text: s.text, source: s.source, email: office.office.outreach_email, choices: [] });
    }
    if (a.target === 'representative') {
      const call = a.kind === 'call';
      const who = call ? members.filter((m) => m.phone) : members;
      if (!who.length) continue;
      const s = fill(a.template, place, { name: MEMBER_PLACEHOLDER });
      out.push({ action: a, key: a.id, text: s.text, source: s.source, email: null, choices: who.map((m) => choiceOf(m, call)) });
    }
  }
  return out;
}
