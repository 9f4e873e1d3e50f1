/**
 * DuckDB's worker takes the explorer's start on its own and answers the page's messages only where
 * they are the same (src/lib/data/wasm-stream.worker.ts): the messages duckdb-wasm's AsyncDuckDB
 * sends for the page's side of the start (askStart, which src/lib/data/duckdb.ts calls), caught
 * from a stand-in worker, are the steps the worker sends.
 */
import { describe, expect, it, vi } from 'vitest';
import * as duckdb from '@duckdb/duckdb-wasm';
import { askStart, DB_NAME, HTTP_PROTOCOL, LOCKDOWN_SQL, startSteps } from '$lib/data/duckdb-start';

/** A worker that answers each request as duckdb-wasm's would (OK; a connection id for CONNECT) and records it. */
function standIn(connection: number) {
  const sent: { type: string; data: unknown }[] = [];
  const listeners: ((e: MessageEvent) => void)[] = [];
  const answer = (data: unknown) => queueMicrotask(() => listeners.forEach((l) => l({ data } as MessageEvent)));
  const worker = {
    addEventListener: (type: string, l: (e: MessageEvent) => void) => type === 'message' && listeners.push(l),
    removeEventListener() {},
    terminate() {},
    postMessage(m: { messageId: number; type: string; data: unknown }) {
      sent.push({ type: m.type, data: m.data });
      if (m.type === 'CONNECT') answer({ requestId: m.messageId, type: 'CONNECTION_INFO', data: connection });
      else if (m.type === 'RUN_QUERY') answer({ requestId: m.messageId, type: 'QUERY_RESULT', data: new Uint8Array() });
      else answer({ requestId: m.messageId, type: 'OK', data: null });
    },
  };
  return { worker: worker as unknown as Worker, sent };
}

describe("DuckDB's start", () => {
  it("is the messages AsyncDuckDB sends for the page's side of it (askStart)", async () => {
    const { worker, sent } = standIn(7);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    const database = 'http://127.0.0.1/data/detention.duckdb';
    // The stand-in's empty answer to the lockdown is no Arrow table (Arrow says so with console.assert): only the messages matter here.
    const quiet = vi.spyOn(console, 'assert').mockImplementation(() => {});
    await askStart(db, database).catch(() => {});
    quiet.mockRestore();
    expect(JSON.parse(JSON.stringify(sent))).toEqual(JSON.parse(JSON.stringify(startSteps(database, 7))));
  });

  it("names duckdb-wasm's HTTP protocol", () => {
    expect(HTTP_PROTOCOL).toBe(duckdb.DuckDBDataProtocol.HTTP);
  });

  it('locks the configuration last, after the database is attached read-only', () => {
    const statements = LOCKDOWN_SQL.split(';\n');
    expect(statements.at(-1)).toBe('SET lock_configuration = true');
    expect(statements).toContain(`ATTACH '${DB_NAME}' AS detention (READ_ONLY)`);
    expect(statements.indexOf('SET enable_external_access = false')).toBeGreaterThan(statements.findIndex((s) => s.startsWith('ATTACH')));
  });
});
