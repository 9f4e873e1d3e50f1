/**
 * "Act on this" beside a chart: where the reader can act on what the chart shows. A facility's
 * chart points to that facility's own actions (its ICE field office, its members of Congress);
 * every other chart to /near, where the reader finds the facilities and members for their place.
 * The groups are those the organizers' text names (./groups).
 */
import { STATE_NAMES } from '$lib/geo/states';
import type { Params } from '$lib/charts/types';

/** What a chart is about: ICE detention, or prisons and jails. */
export type Topic = 'ice' | 'prisons';

export interface ActLink {
  /** A site path, before the base path (the panel puts the base in front). */
  href: string;
  text: string;
}

export function actOn(topic: Topic, params: Params, pagePath: string): ActLink[] {
  if (params.facility)
    return [{ href: `${pagePath}#actions`, text: 'Call or write to the ICE field office and the members of Congress for this facility: call scripts and letters with its figures, ready to edit' }];
  // State pages pass the lower-case code of their address; names and the directory use upper case.
  const state = params.state?.toUpperCase();
  const where = state ? ` in ${STATE_NAMES[state] ?? state}` : '';
  const links: ActLink[] =
    topic === 'ice'
      ? [{ href: '/near/', text: 'Find the ICE detention facilities near you, the field office responsible for each and your members of Congress, with call scripts and letters' }]
      : [{ href: '/near/', text: 'Find the prisons and jails near you and your members of Congress, with call scripts and letters' }];
  if (state)
    links.push(
      topic === 'ice'
        ? { href: `/states/${state.toLowerCase()}/#facilities`, text: `The ICE facilities${where}, each with its page and actions` }
        : { href: `/facilities/?state=${state}&kind=prison`, text: `The state prisons${where}, each with its page and actions` },
    );
  return links;
}
