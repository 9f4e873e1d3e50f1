/**
 * What every page's layout needs from the build: the address of the tooltips island (hashed by its
 * build, $lib/server/islands), which the layout gives /js/charts.js on its script tag. A
 * prerendered line chart names only its chart file; charts.js imports the island on the chart's first use.
 */
import { islandSrc } from '$lib/server/islands';

export const load = () => ({ tipsModule: islandSrc('tips') });
