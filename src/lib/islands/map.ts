/** The home page's facility map island: mounted by /js/islands.js when the reader nears the map or asks for it. */
import { mount } from 'svelte';
import FacilityMapIsland from '$lib/map/FacilityMapIsland.svelte';

export default (target: HTMLElement, props: { id: string }) => {
  target.replaceChildren();
  mount(FacilityMapIsland, { target, props });
};
