/** The two declarations the engine runs: a source (raw files → staged tables) and a dataset (SQL → published file). */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LicenseId } from './licenses';
import type { Encoding } from './read-csv';
import type { Workbook } from './read-xlsx';
import type { Grid, Matcher } from './grid';
import type { Table, TableDecl, Value } from './table';

export interface FileDecl {
  /** Folder under the sources root. */
  dir: string;
  /** File name, or a pattern when the publisher renames the file with each release. */
  name: string | RegExp;
  /** Original address(es) for --download; one per file the pattern is meant to find. */
  urls?: string[];
  encoding?: Encoding;
  /** At least this many files must match (default 1). */
  min?: number;
}

export interface ResolvedFile {
  path: string;
  /** Path relative to the sources root, as cited in provenance and errors. */
  label: string;
  name: string;
  match: RegExpMatchArray | null;
  decl: FileDecl;
}

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BIGINT' | 'DATE' | 'BOOLEAN';

export interface StageContext {
  /** Files of the source's n-th FileDecl, sorted by name. */
  files(index?: number): ResolvedFile[];
  csv(file: ResolvedFile): Grid;
  workbook(file: ResolvedFile): Promise<Workbook>;
  sheet(wb: Workbook, sheet: Matcher, file: ResolvedFile): Grid;
  table(grid: Grid, decl: TableDecl): Table;
  /** Create (or append to) a staging table; provenance columns are added by the caller's rows. */
  stage(table: string, columns: Record<string, ColumnType>, rows: Record<string, Value | boolean>[]): Promise<void>;
  con: DuckDBConnection;
  /** Progress and match reports (the CLI prints them; tests silence them). */
  log: (line: string) => void;
  /** Quote a path for SQL. */
  sqlPath(path: string): string;
}

export interface SourceDecl {
  id: string;
  title: string;
  publisher: string;
  /** Where the publisher lists the data (original address); null when none is recorded (then `via` says why). */
  homepage: string | null;
  license: LicenseId;
  attribution: string;
  /** Where this copy came from when it is not the publisher's own site (repository@commit). */
  via?: string;
  files: FileDecl[];
  stage(ctx: StageContext): Promise<void>;
}

export type FieldType = 'string' | 'integer' | 'number' | 'date' | 'boolean';

export interface FieldDecl {
  name: string;
  type: FieldType;
  description: string;
  unit?: string;
  /** Null is allowed unless required; a null count means "not reported", never 0. */
  required?: boolean;
  min?: number;
  max?: number;
}

export interface DatasetDecl {
  name: string;
  title: string;
  description: string;
  /** Source ids: license, attribution and addresses are inherited from them. */
  sources: string[];
  fields: FieldDecl[];
  primaryKey: string[];
  /** Field(s) giving the time each row describes, for temporal coverage. */
  temporal?: string;
  /** A SELECT over staging tables and earlier datasets yielding exactly `fields`. */
  sql: string;
  /** Extra checks: each SQL returns offending rows; any row fails the ingest with the message. */
  checks?: { sql: string; message: string }[];
  /** Work SQL cannot do well (e.g. matching records across sources), run before `sql`; it may stage tables. */
  prepare?: (ctx: StageContext) => Promise<void>;
  /** Run after these datasets (their tables are readable by name). */
  after?: string[];
}
