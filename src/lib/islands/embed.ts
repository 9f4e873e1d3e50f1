/**
 * An embed drawn from /charts/<key>.json: mounted by /js/islands.js when the embed's address asks
 * for a facility, a state or a release (the chart is then not in the prerendered page).
 */
import { mount } from 'svelte';
import EmbedIsland from '$lib/embed/EmbedIsland.svelte';

export default (target: HTMLElement, props: { id: string; param: 'facility' | 'state' | null }) => {
  target.replaceChildren();
  mount(EmbedIsland, { target, props });
};
