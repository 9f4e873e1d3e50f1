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
 * and starts DuckDB on its own: instantiate as soon as the module is compiled, then open, attach and
 * lock the database (./duckdb-start.ts), none of it waiting for the page's code to load and ask, or
 * for the page's thread to be free between steps (issue 20: time to a first answer against bare
 * duckdb-wasm). The page's code sends the same messages and gets the answers this start got.
 *
 * duckdb-wasm's worker (1.32, `onMessage` and `instantiateWasm` in duckdb-browser-eh.worker.js)
 * answers messages `{ messageId, type, data }` with `{ requestId, type, data }`; its instantiate
 * fetches the wasm's address, counts the bytes of the response for its progress (posted as
 * INSTANTIATE_PROGRESS, which the page reads whatever the request) and passes it to
 * WebAssembly.instantiateStreaming. Here:
 * - the start's messages are sent with messageIds the page never uses, and the page's same
 *   messages get their answers (OK, the connection, the lockdown's result, or the error);
 * - the fetch is answered with as many bytes as the compile worker has inflated, and more as they
 *   come (zeros: only their count is read), and instantiateStreaming, once they have been read
 *   through, with the compiled module, instantiated with DuckDB's imports.
 *
 * What to load comes in this script's address, after the `#` (never sent to a server): see
 * `streamWorkerAddress` in ./duckdb-files.ts.
 */
import { wasmResponse } from './wasm-gzip';
import type { StreamWorkerConfig } from './duckdb-files';
import { startSteps } from './duckdb-start';
import type { CompileConfig, CompileMessage } from './wasm-compile.worker';

interface DuckdbRequest {
  messageId: number;
  type: string;
  data?: unknown;
}
interface DuckdbResponse {
  /** None on a LOG. */
  requestId?: number;
  type: string;
  data?: unknown;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
const given = JSON.parse(decodeURIComponent(scope.location.hash.slice(1))) as StreamWorkerConfig;
const own = (url: string) => new URL(url, scope.location.href).href;
const config: StreamWorkerConfig = { ...given, wasm: own(given.wasm), gzipped: own(given.gzipped), compiler: own(given.compiler), duckdbWorker: own(given.duckdbWorker), database: own(given.database) };

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

/**
 * DuckDB's start, taken here on its own: INSTANTIATE, then the steps of ./duckdb-start.ts (open,
 * the database, a connection, the lockdown), each sent once the one before has answered, with
 * messageIds the page never uses (it counts from 0): step i is −(i + 1). The page's code sends the
 * same messages, in the same order; each gets its step's answer, at once or when it comes (the
 * page's INSTANTIATE however often it is sent). Any other page
 * message ends the replay: it and all after it go to DuckDB itself, once its own start is over
 * (answered, or stopped at a failed step).
 */
const ownId = (step: number) => -(step + 1);
const stepOf = (m: DuckdbResponse) => (typeof m?.requestId === 'number' && m.requestId < 0 ? -m.requestId - 1 : -1);
const sameStep = (req: DuckdbRequest, step: { type: string; data: unknown }) => req?.type === step.type && JSON.stringify(req.data) === JSON.stringify(step.data);
let started = false;

/** Loads duckdb-wasm's script, starts DuckDB, and hands it the page's messages (the waiting ones first). */
function startDuckdb() {
  if (started) return;
  started = true;
  scope.importScripts(config.duckdbWorker);
  const handle = scope.onmessage!.bind(scope);
  const post = scope.postMessage.bind(scope) as (m: DuckdbResponse, transfer?: Transferable[]) => void;

  /** The start's requests; the lockdown's names the connection once CONNECT has answered. */
  let steps = [{ type: 'INSTANTIATE', data: [config.wasm, null] as unknown }, ...startSteps(config.database, null)];
  const answers: { m: DuckdbResponse; transfer?: Transferable[] }[] = [];
  /** The page's messageIds waiting for each step's answer (INSTANTIATE's however often it is asked). */
  const askedBy: number[][] = steps.map(() => []);
  /** The next step after INSTANTIATE that the page's messages are matched against. */
  let next = 1;
  let progress: DuckdbResponse | undefined; // the latest, told again to a page that asks late
  /** The whole wasm is in: DuckDB's later counts (it reads through its copy after) are not told. */
  let whole = false;
  let over = false;
  let replaying = true;
  /** Page messages that are not a step of the start, for DuckDB once the start is over. */
  const later: MessageEvent<DuckdbRequest>[] = [];

  const reply = (step: number) => {
    const a = answers[step];
    if (a) for (const id of askedBy[step]!.splice(0)) post({ ...a.m, requestId: id }, a.transfer);
  };
  // After DuckDB's handler has returned: it posts its answer before it is done with the message.
  const send = (step: number) => queueMicrotask(() => handle(new MessageEvent('message', { data: { messageId: ownId(step), ...steps[step]! } })));
  const finish = () => {
    over = true;
    queueMicrotask(() => later.splice(0).forEach((e) => handle(e)));
  };
  const answered = (step: number, m: DuckdbResponse, transfer?: Transferable[]) => {
    if (answers[step]) return;
    answers[step] = { m, transfer };
    reply(step);
    if (m.type === 'CONNECTION_INFO') steps = [steps[0]!, ...startSteps(config.database, m.data)];
    if (m.type === 'ERROR' || step === steps.length - 1) finish();
    else send(step + 1);
  };

  scope.postMessage = ((m: DuckdbResponse, transfer?: Transferable[]) => {
    const step = stepOf(m);
    if (step < 0) return post(m, transfer);
    if (m.type === 'INSTANTIATE_PROGRESS') return whole ? undefined : post((progress = m), transfer);
    // Its work done, the compile worker is ended, from here and once DuckDB has started. Ending itself
    // right after its download, it could go while that request's last events were on their way: one
    // run of the suite saw the explorer never reach network idle (not reproduced in 27 tries since).
    if (step === 0) compiler.terminate();
    answered(step, m, transfer);
  }) as typeof scope.postMessage;
  scope.onmessage = (e: MessageEvent<DuckdbRequest>) => {
    const req = e.data;
    if (req?.type === 'INSTANTIATE') {
      askedBy[0]!.push(req.messageId);
      if (progress) post(progress);
      return reply(0);
    }
    if (replaying && next < steps.length && sameStep(req, steps[next]!)) {
      askedBy[next]!.push(req.messageId);
      return reply(next++);
    }
    replaying = false;
    if (over) handle(e);
    else later.push(e);
  };
  // The page hears at once that the wasm is in (DuckDB's own count skips chunks that come within
  // 20 ms of the last: its last may never be told), or that it failed: a LOG, which the page's
  // DuckDB passes to its logger, is what the explorer's head script waits for (start-worker.js).
  compiled.then(() => {
    const now = Date.now();
    scope.postMessage({ requestId: ownId(0), type: 'INSTANTIATE_PROGRESS', data: { startedAt: now, updatedAt: now, bytesLoaded: config.bytes, bytesTotal: config.bytes } });
    whole = true;
  });
  // duckdb-wasm 1.32 leaves a failed instantiateStreaming unhandled, and its instantiate never answers: a
  // failed download or compile is answered here, and the page says why DuckDB could not load.
  compiled.catch((e: Error) => {
    post({ type: 'LOG', data: { value: `DuckDB could not load: ${e.message}` } });
    answered(0, { requestId: ownId(0), type: 'ERROR', data: { name: e.name, message: e.message } });
    compiler.terminate();
  });
  send(0);
  for (const e of early.splice(0)) scope.onmessage(e);
}
