/** One error type for every ingest failure, so each message names where the bad value sits. */
export interface Where {
  file: string;
  sheet?: string | null;
  /** 1-based, as a spreadsheet or text editor shows it (the header is row 1 in a plain CSV). */
  row?: number;
  column?: string;
  value?: unknown;
}

export class IngestError extends Error {
  readonly where: Where;
  readonly expected: string;
  constructor(where: Where, expected: string) {
    super(IngestError.format(where, expected));
    this.name = 'IngestError';
    this.where = where;
    this.expected = expected;
  }

  /** `FY20.xlsx sheet "Facilities" row 42, column "Level A": expected a number, got "N/A"` */
  static format(w: Where, expected: string): string {
    const parts = [w.file];
    if (w.sheet) parts.push(`sheet "${w.sheet}"`);
    if (w.row !== undefined) parts.push(`row ${w.row}`);
    let head = parts.join(' ');
    if (w.column !== undefined) head += `, column "${w.column}"`;
    const got = 'value' in w ? `, got ${JSON.stringify(w.value === undefined ? null : w.value)}` : '';
    return `${head}: ${expected}${got}`;
  }
}

/**
 * The run was stopped by a signal (Ctrl-C's SIGINT, or SIGTERM): not bad input, so not an
 * IngestError. The engine throws it after removing its temp folder and download cache.
 */
export class Interrupted extends Error {
  readonly signal: string;
  constructor(signal: string) {
    super(`interrupted by ${signal}`);
    this.name = 'Interrupted';
    this.signal = signal;
  }
}
