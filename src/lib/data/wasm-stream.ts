/**
 * The wasm's parts (./wasm-parts.ts) as one stream, so the browser compiles it while it downloads
 * (WebAssembly.instantiateStreaming, in DuckDB's worker: ./wasm-stream.worker.ts) instead of after
 * the last byte, as a join into one blob made it do. Framework-free, tested in Node
 * (tests/unit/data/wasm-stream.test.ts).
 */

/**
 * One stream of the parts' bytes in part order. Every part is read at once and as fast as it
 * comes, whether or not the stream is read yet: a body no one reads stops downloading when the
 * browser's buffer fills (before DuckDB's code has asked for the wasm, or while an earlier part is
 * still streaming). A part's bytes wait in memory until the parts before it are through.
 */
export function joinInOrder(parts: Promise<Response>[]): ReadableStream<Uint8Array> {
  const queues = parts.map(() => ({ chunks: [] as Uint8Array[], done: false }));
  /** The first part that failed: the stream fails at once, as a wasm missing a piece cannot compile. */
  let failure: { error: unknown } | undefined;
  /** Wakes the stream's pull when any part has news. */
  let wake = () => {};
  const news = () => wake();

  parts.forEach(async (part, i) => {
    const q = queues[i]!;
    try {
      const res = await part;
      if (!res.ok || !res.body) throw new Error(`${res.url || `wasm part ${i}`}: HTTP ${res.status}`);
      const reader = res.body.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        q.chunks.push(r.value);
        news();
      }
      q.done = true;
    } catch (error) {
      failure ??= { error };
    }
    news();
  });

  let current = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (failure) return controller.error(failure.error);
        const q = queues[current];
        if (!q) return controller.close();
        const chunk = q.chunks.shift();
        if (chunk) return controller.enqueue(chunk);
        if (q.done) {
          current++;
          continue;
        }
        await new Promise<void>((ok) => (wake = ok));
      }
    },
  });
}

/** The whole wasm as one response, as a server would send it (DuckDB's worker keeps the headers). */
export const joinedResponse = (parts: Promise<Response>[], bytes: number): Response =>
  new Response(joinInOrder(parts), { headers: { 'content-type': 'application/wasm', 'content-length': String(bytes) } });
