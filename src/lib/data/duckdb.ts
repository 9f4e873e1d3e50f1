/**
 * The browser's one DuckDB (duckdb-wasm), for the explorer only: imported dynamically, so no other
 * page downloads it. Wasm and worker are build assets from our origin; the database built from the
 * committed Parquet (static/data/detention.duckdb) is attached read-only over HTTP, fetched in the
 * blocks a query needs, and the configuration locked (./duckdb-start.ts), steps DuckDB's worker
 * has usually taken on its own by the time this code asks.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { DB_URL, forgetPageWorker, heardLoaded, startWorker, wasmAddress } from './duckdb-files';
import { askStart } from './duckdb-start';
import { STOPPED, fromArrow, orStopped, type Caps, type Result } from '$lib/explore/result';

export interface OpenOptions {
  /** The size of the whole wasm (the page's data: it names the parts); the first call's is used. */
  wasmBytes: number;
  /** DuckDB's worker, already started (the explorer's HTML starts it before this module has loaded). */
  worker?: Worker;
  /** Bytes of the wasm compiled so far, starting with what the explorer's head script has heard. */
  onProgress?: (loaded: number) => void;
}

export interface RunOptions {
  /** What the answer may hold in the page (result.ts). */
  caps: Caps;
  /** Milliseconds a query may run: then it is stopped, and the rows already streamed are the answer. */
  timeLimitMs: number;
  /** Rows received so far, after each batch. */
  onRows?: (rowCount: number) => void;
}

/** The reader pressed Cancel: `run` rejects with this at once, whatever the query was doing. */
export class QueryCancelled extends Error {
  constructor() {
    super('Query cancelled.');
    this.name = 'QueryCancelled';
  }
}

export interface Database {
  run(sql: string, opts: RunOptions): Promise<Result>;
  /**
   * Ends the running query: `run` rejects with QueryCancelled at once. DuckDB's interrupt stops a
   * query still being planned or computed; one whose rows are streaming, or a worker stuck in one
   * long step, is stopped by ending the worker and opening the database again (locked again).
   * Resolves when the next query can run; a `run` called before then waits for it.
   */
  cancel(): Promise<void>;
  /** Tables a query names (from DuckDB's parser), to cite the datasets it read. */
  tables(sql: string): Promise<string[]>;
  /**
   * Runs one of the page's own queries once, its answer dropped, while the reader reads or types.
   * V8 compiles DuckDB's wasm lazily, function by function, so a first query pays for compiling
   * the code it runs: most of its time here (issue 20). A query asked meanwhile waits for it.
   */
  warm(sql: string): void;
}

/** How long a stopped query gets to end by DuckDB's interrupt before its worker is ended. */
export const STOP_GRACE_MS = 1000;

let opened: Promise<Database> | null = null;
let wasmSize = 0;

/** Starts DuckDB once (the explorer asks once, on mount); a call after a failure starts again. */
export function openDatabase({ wasmBytes, worker, onProgress }: OpenOptions): Promise<Database> {
  wasmSize ||= wasmBytes;
  if (opened) return opened;
  // What the head script heard counts: DuckDB's worker, busy starting DuckDB, tells this code only once it has.
  onProgress?.(heardLoaded());
  return (opened = start(worker, onProgress)
    .then(database)
    .catch((e: unknown) => {
      opened = null;
      throw e;
    }));
}

interface Instance {
  db: duckdb.AsyncDuckDB;
  conn: duckdb.AsyncDuckDBConnection;
}

/** A worker with DuckDB, the database attached and the configuration locked (again after a stop, with no progress to report). */
async function start(worker = startWorker(wasmSize), onBytes?: (loaded: number) => void): Promise<Instance> {
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    // The wasm is compiled beside DuckDB's worker as it downloads (./wasm-stream.worker.ts); the progress counts its bytes.
    await db.instantiate(wasmAddress(), null, onBytes && ((p) => onBytes(p.bytesLoaded)));
    // Answered by DuckDB's worker from its own start (./wasm-stream.worker.ts).
    const conn = await askStart(db, new URL(DB_URL, location.href).href);
    return { db, conn };
  } catch (e) {
    await db.terminate();
    // A later try starts a worker of its own, not this ended one.
    forgetPageWorker(worker);
    throw e;
  }
}

const delay = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** One query at a time (the page disables Run while one is going), on an instance that can be replaced. */
function database(first: Instance): Database {
  let ready: Promise<Instance> = Promise.resolve(first);
  /**
   * The instance while no start is under way: a query is sent to the worker at once, not after the
   * render that the page's state changes have queued (DuckDB's "ready" repaints much of the explorer).
   */
  let live: Instance | null = first;
  const replace = (next: Promise<Instance>) => {
    live = null;
    ready = next;
    next.then((inst) => ready === next && (live = inst), () => {});
    return next;
  };
  /** The running query's stop. */
  let active: AbortController | null = null;
  /** Cancel pressed while a query waited for DuckDB to start again: it never starts. */
  let cancelledEarly = false;
  /** The warm-up's run, while it goes (one connection, one query at a time). */
  let warming: Promise<void> | null = null;

  const current = () => ready.catch(() => replace(start()));

  /**
   * After a stop: the same instance if the worker answers within STOP_GRACE_MS (an interrupted
   * query, or a stream between two batches, which the next query closes), else a new one.
   */
  async function recover(inst: Instance, call: Promise<unknown>): Promise<Instance> {
    inst.conn.cancelSent().catch(() => {});
    const answered = await Promise.race([call.then(() => true, () => true), delay(STOP_GRACE_MS).then(() => false)]);
    if (answered) return inst;
    await inst.db.terminate();
    return start();
  }

  return {
    async run(sql, { caps, timeLimitMs, onRows }) {
      cancelledEarly = false;
      if (warming) await warming;
      const inst = live ?? (await current());
      if (cancelledEarly) throw new QueryCancelled();
      const stop = new AbortController();
      active = stop;
      /** The worker call the query waits on: a stop waits for it a moment, then ends the worker. */
      let call: Promise<unknown> = Promise.resolve();
      const track = <T>(p: Promise<T>) => ((call = p), p);
      // Synchronously, so `cancel` (and the next run) wait for the instance this leaves.
      stop.signal.addEventListener('abort', () => replace(recover(inst, call)), { once: true });
      const timer = setTimeout(() => stop.abort('time'), timeLimitMs);
      const started = performance.now();
      try {
        const reader = await orStopped(track(inst.conn.send(sql, true)), stop.signal);
        if (reader === STOPPED || !reader) throw stop.signal.reason === 'cancel' ? new QueryCancelled() : timeUp(timeLimitMs);
        // Each batch is asked of the worker through `track`.
        const batches = { [Symbol.asyncIterator]: () => ({ next: () => track(reader.next()) }) } as unknown as typeof reader;
        const result = await fromArrow(batches, { sql, caps, started, signal: stop.signal, onRows });
        if (stop.signal.reason === 'cancel') throw new QueryCancelled();
        if (result.stoppedAfterMs !== undefined && !result.columns.length) throw timeUp(timeLimitMs);
        return result;
      } finally {
        clearTimeout(timer);
        if (active === stop) active = null;
      }
    },
    async cancel() {
      if (active) active.abort('cancel');
      else cancelledEarly = true;
      await ready.catch(() => {});
    },
    tables: async (sql) => (await current()).conn.getTableNames(sql),
    warm(sql) {
      const inst = live;
      if (!inst || warming) return;
      const done = (async () => {
        for await (const batch of await inst.conn.send(sql, true)) void batch;
        await inst.conn.getTableNames(sql);
      })();
      warming = done.catch(() => {}).finally(() => (warming = null));
    },
  };
}

const timeUp = (ms: number) => new Error(`Stopped after ${Math.round(ms / 1000)} s, the longest the explorer lets a query run. Ask for less: a LIMIT, a filter or an aggregate.`);
