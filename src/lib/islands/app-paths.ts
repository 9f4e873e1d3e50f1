/**
 * `$app/paths` for the islands (vite.islands.config.ts aliases it here): components an island
 * mounts run outside SvelteKit, on pages that ship no framework. The base path is the one the page
 * was built for, which src/app.html writes into `<html data-base>`.
 */
export const base: string = document.documentElement.dataset.base ?? '';
export const assets = base;
