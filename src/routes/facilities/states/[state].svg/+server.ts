/** /facilities/states/<code>.svg: one state's outline, highlighted, which a locator map draws over /facilities/states.svg. */
import { error } from '@sveltejs/kit';
import { outlinedStates, stateSvg } from '$lib/server/facilities';

export const prerender = true;

export const entries = () => outlinedStates().map((state) => ({ state }));

export function GET({ params }) {
  const svg = stateSvg(params.state);
  if (!svg) error(404, `No outline for ${params.state}`);
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml' } });
}
