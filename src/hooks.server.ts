/**
 * The explorer's HTML names none of the framework's modules for preloading: fifteen of them,
 * requested at once, held Chromium's six connections (HTTP/1.1) while DuckDB's worker and wasm
 * waited behind them (issue 20: time to a new answer against bare duckdb-wasm). Its head script
 * (static/js/explore-start.js) starts DuckDB first; the modules follow from the page's entry
 * script's imports. Stylesheets are still preloaded, and every other page keeps its preloads.
 */
import type { Handle } from '@sveltejs/kit';

export const handle: Handle = ({ event, resolve }) => resolve(event, { preload: ({ type }) => type !== 'js' || event.route.id !== '/explore' });
