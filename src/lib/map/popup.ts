/**
 * A facility's popup, built as DOM nodes with textContent (names come from public files: never
 * parsed as HTML). Styled by FacilityMap.svelte's :global(.facility-popup) rules.
 */
import { base } from '$app/paths';
import { count } from '$lib/format';
import { ICE_TYPES } from '$lib/facilities/kinds';
import { kindLabel, type Facility } from './facilities';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.textContent = text;
  if (className) e.className = className;
  return e;
}

export function popupContent(f: Facility): HTMLElement {
  const box = document.createElement('div');
  box.className = 'facility-popup';
  box.append(el('p', f.name, 'name'));
  const spelt = f.type ? ICE_TYPES[f.type] : undefined;
  box.append(el('p', kindLabel(f) + (spelt ? ` (${spelt.toLowerCase()})` : ''), 'kind'));
  const place = [f.city, f.state].filter(Boolean).join(', ');
  if (place) box.append(el('p', place));
  box.append(
    f.population === null
      ? el('p', 'Population not reported', 'pop')
      : el('p', `Population ${count(f.population)}${f.measure ? ` (${f.measure})` : ''}`, 'pop'),
  );
  // A place where nobody was held at the latest count says so (facilities.status).
  if (f.status && f.status !== 'holding people') box.append(el('p', `Status: ${f.status}`, 'status'));
  if (f.approx) box.append(el('p', 'Location approximate: the centre of its ZIP code.', 'approx'));
  const a = el('a', 'Facility page');
  a.href = `${base}/facilities/${encodeURIComponent(f.id)}/`;
  a.setAttribute('aria-label', `Facility page: ${f.name}`);
  box.append(a);
  return box;
}
