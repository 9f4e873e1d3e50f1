import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { joinedResponse, joinInOrder } from '../../../src/lib/data/wasm-stream';
import { partLayout } from '../../../src/lib/data/wasm-parts';

/** duckdb-wasm's own eh wasm, cut as the build cuts it (scripts/split-wasm.ts). */
const whole = readFileSync(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
const { count, size } = partLayout(whole.length);
const parts = Array.from({ length: count }, (_, i) => whole.subarray(i * size, (i + 1) * size));

const tick = () => new Promise<void>((ok) => setTimeout(ok, 0));

/**
 * A part as a server's answer: its body gives `chunks` pieces, each only when asked for (as a network
 * body does), and only once `go` has resolved. `pulled` counts the pieces the body has given.
 */
function served(bytes: Uint8Array, chunks: number, go: Promise<void> = Promise.resolve()) {
  const step = Math.ceil(bytes.length / chunks);
  const state = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(c) {
        await go;
        const at = state.pulled * step;
        if (at >= bytes.length) return c.close();
        c.enqueue(bytes.slice(at, at + step));
        state.pulled++;
        await tick();
      },
    },
    { highWaterMark: 0 },
  );
  return { response: Promise.resolve(new Response(body)), state };
}

const read = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());

describe('joinInOrder', () => {
  it('gives the parts in part order, the later ones arriving first (read while the first is held), and the whole is the wasm', async () => {
    expect(count).toBeGreaterThan(1); // else there is nothing to order
    let releaseFirst = () => {};
    const firstHeld = new Promise<void>((ok) => (releaseFirst = ok));
    // Every part but the first arrives in full while the first is held back.
    const answers = parts.map((p, i) => served(p, 7 + i, i === 0 ? firstHeld : undefined));
    const joined = read(joinInOrder(answers.map((a) => a.response)));
    for (let i = 0; i < 100 && answers.slice(1).some((a, j) => a.state.pulled < 8 + j); i++) await tick();
    // Side by side: the later parts came in full while the first had sent nothing.
    expect(answers.map((a) => a.state.pulled)).toEqual(parts.map((_, i) => (i === 0 ? 0 : 7 + i)));
    releaseFirst();
    const out = await joined;
    expect(out.length).toBe(whole.length);
    expect(out.equals(whole)).toBe(true);
  });

  it('keeps every part downloading before anyone reads the stream (a body not read stalls)', async () => {
    const answers = parts.map((p) => served(p, 5));
    const stream = joinInOrder(answers.map((a) => a.response));
    for (let i = 0; i < 100 && answers.some((a) => a.state.pulled < 5); i++) await tick();
    expect(answers.map((a) => a.state.pulled)).toEqual(parts.map(() => 5));
    expect((await read(stream)).equals(whole)).toBe(true);
  });

  it('fails when a part fails, even one after the part being read', async () => {
    const never = new Promise<void>(() => {});
    const answers = [served(parts[0]!, 3, never).response, Promise.resolve(new Response('gone', { status: 404 })), ...parts.slice(2).map((p) => served(p, 1).response)];
    await expect(read(joinInOrder(answers))).rejects.toThrow(/HTTP 404/);
  }, 5000);

  it('answers as the whole file would: application/wasm, its length', () => {
    const res = joinedResponse([Promise.resolve(new Response(whole))], whole.length);
    expect(res.headers.get('content-type')).toBe('application/wasm');
    expect(res.headers.get('content-length')).toBe(String(whole.length));
  });
});
