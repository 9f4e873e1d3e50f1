/// <reference lib="webworker" />
/**
 * The worker DuckDB runs in: duckdb-wasm's own worker script, loaded with importScripts (a classic
 * script, as Vite bundles this one), given a wasm compiled beside it, and started on its own. No
 * blob: is involved.
 *
 * The explorer's HTML starts this worker (src/lib/explore/start-worker.js). First thing, it starts a
 * worker of its own (./wasm-compile.worker.ts) that downloads the wasm the build stores gzipped,
 * inflates and compiles it as it arrives, and hands the module over (it is ended once DuckDB has
 * started; a failed download is answered here, since duckdb-wasm would never answer). Once that one is under way
 * (a nested worker starts only while this thread is free), this thread parses duckdb-wasm's script
 * (about 0.1–0.2 s on a small machine) and asks DuckDB to instantiate: DuckDB's start (0.4 s here)
 * then begins as soon as the module is compiled, not when the page's code has loaded and asked
 * (issue 20: time to a first answer against bare duckdb-wasm).
 *
 * duckdb-wasm's worker (1.32, `onMessage` and `instantiateWasm` in duckdb-browser-eh.worker.js)
 * answers messages `{ messageId, type, data }` with `{ requestId, type, data }`; its instantiate
 * fetches the wasm's address, counts the bytes of the response for its progress (posted as
 * INSTANTIATE_PROGRESS, which the page reads whatever the request) and passes it to
 * WebAssembly.instantiateStreaming. Here:
 * - the own INSTANTIATE is sent with a messageId the page never uses; the page's own INSTANTIATE
 *   gets that one's answer (OK, or the error), at once or when it comes;
 * - the fetch is answered with as many bytes as the compile worker has inflated, and more as they
 *   come (zeros: only their count is read), and instantiateStreaming, once they have been read
 *   through, with the compiled module, instantiated with DuckDB's imports.
 *
 * What to load comes in this script's address, after the `#` (never sent to a server): see
 * `streamWorkerAddress` in ./duckdb-files.ts.
 */
import { wasmResponse } from './wasm-gzip';
import type { StreamWorkerConfig } from './duckdb-files';
import type { CompileConfig, CompileMessage } from './wasm-compile.worker';

interface DuckdbRequest {
  messageId: number;
  type: string;
  data?: unknown;
}
interface DuckdbResponse {
  requestId: number;
  type: string;
  data?: unknown;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
const given = JSON.parse(decodeURIComponent(scope.location.hash.slice(1))) as StreamWorkerConfig;
const own = (url: string) => new URL(url, scope.location.href).href;
const config: StreamWorkerConfig = { ...given, wasm: own(given.wasm), gzipped: own(given.gzipped), compiler: own(given.compiler), duckdbWorker: own(given.duckdbWorker) };

// Until duckdb-wasm's script is loaded, the page's messages wait here, in order.
const early: MessageEvent<DuckdbRequest>[] = [];
scope.onmessage = (e: MessageEvent<DuckdbRequest>) => void early.push(e);

/** What the compile worker has said: bytes inflated so far, the module, or why there is none. */
let loaded = 0;
let finished = false;
let failure: Error | undefined;
const waiting: (() => void)[] = [];
const heard = () => waiting.splice(0).forEach((wake) => wake());

const compile: CompileConfig = { gzipped: config.gzipped, bytes: config.bytes };
const compiler = new Worker(`${config.compiler}#${encodeURIComponent(JSON.stringify(compile))}`);
const compiled = new Promise<WebAssembly.Module>((ok, fail) => {
  const failed = (e: Error) => ((failure = e), heard(), fail(e), startDuckdb());
  compiler.onmessage = ({ data }: MessageEvent<CompileMessage>) => {
    if ('error' in data) return failed(new Error(data.error));
    loaded = data.loaded;
    if (data.module) {
      finished = true;
      ok(data.module);
    }
    heard();
    startDuckdb(); // the first message: the download is under way
  };
  compiler.onerror = (e) => (e.preventDefault(), failed(new Error(`${config.compiler}: the wasm's compile worker did not start (${e.message || 'no message'})`)));
});
// A failed download is reported by DuckDB's fetch and instantiate, which read these.
compiled.catch(() => {});

/** Zeros, as many as have been inflated: DuckDB's progress counts them. */
const ZEROS = new Uint8Array(1 << 20);
function progressBody(): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    async pull(out) {
      for (;;) {
        if (failure) return out.error(failure);
        if (sent < loaded) {
          const n = Math.min(loaded - sent, ZEROS.length);
          sent += n;
          return out.enqueue(ZEROS.subarray(0, n));
        }
        if (finished) return out.close();
        await new Promise<void>((wake) => waiting.push(wake));
      }
    },
  });
}

const ownFetch = scope.fetch.bind(scope);
scope.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : input, scope.location.href).href;
  return url === config.wasm ? wasmResponse(progressBody(), config.bytes) : ownFetch(input, init);
};

WebAssembly.instantiateStreaming = async (source, imports) => {
  // Read through what DuckDB was given (its wrapper counts the bytes as they pass), then use the module compiled beside it.
  await (await source).body?.pipeTo(new WritableStream());
  const module = await compiled;
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};

/** The own instantiate's messageId: the page counts its own from 0. */
const OWN = -1;
let started = false;

/** Loads duckdb-wasm's script, asks it to instantiate, and hands it the page's messages (the waiting ones first). */
function startDuckdb() {
  if (started) return;
  started = true;
  scope.importScripts(config.duckdbWorker);
  const handle = scope.onmessage!.bind(scope);
  const post = scope.postMessage.bind(scope) as (m: DuckdbResponse, transfer?: Transferable[]) => void;

  let answer: DuckdbResponse | undefined; // the own instantiate's OK or ERROR
  let progress: DuckdbResponse | undefined; // its latest progress, told again to a page that asks late
  let asked: number | undefined; // the page's INSTANTIATE, waiting for it
  const reply = () => answer && asked !== undefined && post({ ...answer, requestId: asked });
  scope.postMessage = ((m: DuckdbResponse, transfer?: Transferable[]) => {
    if (m.requestId !== OWN) return post(m, transfer);
    if (m.type === 'INSTANTIATE_PROGRESS') return post((progress = m), transfer);
    answer = m;
    reply();
    // Its work done, the compile worker is ended, from here and once DuckDB has started. Ending itself
    // right after its download, it could go while that request's last events were on their way: one
    // run of the suite saw the explorer never reach network idle (not reproduced in 27 tries since).
    compiler.terminate();
  }) as typeof scope.postMessage;
  scope.onmessage = (e: MessageEvent<DuckdbRequest>) => {
    if (e.data?.type !== 'INSTANTIATE') return handle(e);
    asked = e.data.messageId;
    if (progress) post(progress);
    reply();
  };
  // duckdb-wasm 1.32 leaves a failed instantiateStreaming unhandled, and its instantiate never answers: a
  // failed download or compile is answered here, and the page says why DuckDB could not load.
  compiled.catch((e: Error) => {
    answer ??= { requestId: OWN, type: 'ERROR', data: { name: e.name, message: e.message } };
    reply();
    compiler.terminate();
  });
  handle(new MessageEvent('message', { data: { messageId: OWN, type: 'INSTANTIATE', data: [config.wasm, null] } satisfies DuckdbRequest }));
  for (const e of early.splice(0)) scope.onmessage(e);
}
