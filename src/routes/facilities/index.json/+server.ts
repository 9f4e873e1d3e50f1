/** /facilities/index.json: the whole directory, compact, for filtering in the browser (see $lib/facilities/directory). */
import { json } from '@sveltejs/kit';
import { encode } from '$lib/facilities/directory';
import { directory } from '$lib/server/facilities';

export const prerender = true;

export async function GET() {
  return json(encode(await directory()));
}
