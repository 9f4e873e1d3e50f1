/**
 * The explorer's HTML, made to start DuckDB before anything else (issue 20: time to a new answer
 * against bare duckdb-wasm):
 * - its head script (src/lib/explore/start-worker.js) is inlined in the empty tag Explorer.svelte
 *   renders, ahead of the stylesheets and scripts: the worker and the wasm's download start as the
 *   HTML is parsed. As a file of its own it waited its turn among the page's requests. Only a reader
 *   with JavaScript starts it (a <link rel=preload> would fetch the wasm for one without).
 * - it names none of the framework's modules for preloading: fifteen of them, requested at once,
 *   held Chromium's six connections (HTTP/1.1) while DuckDB's worker and wasm waited behind them.
 *   The modules follow from the page's entry script's imports.
 * Stylesheets are still preloaded, and every other page is left as it is.
 */
import type { Handle } from '@sveltejs/kit';
import startWorker from '$lib/explore/start-worker.js?raw';

/** The empty tag Explorer.svelte renders, `data-worker` and all. */
const START_TAG = /(<script\b[^>]*\sdata-start-worker(?:="")?[^>]*>)(<\/script>)/;

function inlineStart(html: string): string {
  if (!START_TAG.test(html)) throw new Error('/explore/: no <script data-start-worker> in the page to put the head script in (src/lib/explore/Explorer.svelte)');
  return html.replace(START_TAG, (_, open: string, close: string) => open + startWorker + close);
}

export const handle: Handle = ({ event, resolve }) =>
  event.route.id === '/explore' ? resolve(event, { preload: ({ type }) => type !== 'js', transformPageChunk: ({ html }) => (html.includes('</head>') ? inlineStart(html) : html) }) : resolve(event);
