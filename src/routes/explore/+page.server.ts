import { exampleAnswers, exploreSchema, wasmBytes } from '$lib/server/explore';

/** The catalog and the example answers are in the page: a reader sees an answer before DuckDB has loaded. */
export async function load() {
  const schema = exploreSchema();
  return { schema, answers: await exampleAnswers(schema), wasmBytes: wasmBytes() };
}
