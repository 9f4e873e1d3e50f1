import { directoryPage } from '$lib/server/facility-directory';

export async function load() {
  return { directory: (await directoryPage(1))! };
}
