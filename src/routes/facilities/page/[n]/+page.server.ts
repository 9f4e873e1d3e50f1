import { error } from '@sveltejs/kit';
import { directoryPage, pageCount } from '$lib/server/facility-directory';

export async function entries() {
  return Array.from({ length: (await pageCount()) - 1 }, (_, i) => ({ n: String(i + 2) }));
}

export async function load({ params }) {
  const directory = await directoryPage(Number(params.n));
  if (!directory) error(404, `No directory page ${params.n}`);
  return { directory };
}
