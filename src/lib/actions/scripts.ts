/**
 * The call scripts and letters an action panel offers for a facility: to its ICE field office
 * (a call only where ICE lists a phone for the office; otherwise the letter alone) and to each
 * member of Congress. Framework-free, so the rule is tested without a page.
 */
import { ACTIONS, type Action } from './catalog';
import { memberTitle, type Member, type OfficeLink } from './contacts';
import { fill, type Place } from './templates';

export interface ScriptItem {
  action: Action;
  key: string;
  /** Who it is addressed to ("ICE Houston Field Office", "Senator …"). */
  to: string;
  text: string;
  /** The figure's source cell, shown under the script (never in the spoken text). */
  source: string | null;
  email: string | null;
}

/** True when the office is known but ICE lists no phone for it: no call script, the letter instead. */
export const officeHasNoPhone = (office: OfficeLink | null): boolean => office !== null && !office.office.phone;

export function scriptsFor({ place, office, members }: { place: Place; office: OfficeLink | null; members: Member[] }): ScriptItem[] {
  const out: ScriptItem[] = [];
  for (const a of ACTIONS) {
    if (!a.template) continue;
    if (a.target === 'field-office' && office && !(a.kind === 'call' && officeHasNoPhone(office))) {
      const to = `ICE ${office.office.office_name}`;
      const s = fill(a.template, place, { name: to });
      out.push({ action: a, key: a.id, to, text: s.text, source: s.source, email: office.office.outreach_email });
    }
    if (a.target === 'representative')
      for (const m of members) {
        const s = fill(a.template, place, { name: memberTitle(m) });
        out.push({ action: a, key: `${a.id}-${m.id}`, to: memberTitle(m), text: s.text, source: s.source, email: null });
      }
  }
  return out;
}
