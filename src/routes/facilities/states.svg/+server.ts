/** /facilities/states.svg: the state outlines every locator map draws over (one file, cached by the browser). */
import { statesSvg } from '$lib/server/facilities';

export const prerender = true;

export function GET() {
  return new Response(statesSvg(), { headers: { 'content-type': 'image/svg+xml' } });
}
