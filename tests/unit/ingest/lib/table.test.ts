import { describe, expect, it } from 'vitest';
import { readTable, type TableDecl } from '../../../../scripts/ingest/lib/table';
import { IngestError } from '../../../../scripts/ingest/lib/errors';
import { cellText, type Cell, type Grid } from '../../../../scripts/ingest/lib/grid';

const grid = (rows: Cell[][], sheet = 'Facilities FY20'): Grid => ({ file: 'ice/FY20.xlsx', sheet, rows });

const FACILITIES: TableDecl = {
  header: ['Name', 'State', 'Level A'],
  columns: {
    name: { kind: 'text', header: 'Name', required: true },
    state: { kind: 'text', header: 'State' },
    level_a: { kind: 'number', header: 'Level A', min: 0, missing: ['N/A'] },
    inspected: { kind: 'date', header: ['Last Inspection Date', 'Last Inspection End Date', 'ODO Inspection End Date'], optional: true, missing: ['New Facility'] },
  },
};

function thrown(f: () => unknown): IngestError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return e as IngestError;
  }
  throw new Error('expected an IngestError');
}

describe('readTable: finding the header', () => {
  it('finds the header under title lines wherever it sits, and numbers rows as the spreadsheet does', () => {
    for (const above of [0, 2, 6, 9]) {
      const titles: Cell[][] = Array.from({ length: above }, (_, i) => (i % 2 ? [] : ['ICE FACILITIES DATA, FY20']));
      const t = readTable(grid([...titles, ['Name', 'State', 'Level A'], ['STEWART', 'GA', 613.4], ['ADELANTO', 'CA', 514.5]]), FACILITIES);
      expect(t.headerRow).toBe(above + 1);
      expect(t.records.map((r) => r.row)).toEqual([above + 2, above + 3]);
      expect(t.records[1]!.values).toEqual({ name: 'ADELANTO', state: 'CA', level_a: 514.5, inspected: null });
    }
  });

  it('starts the search after the title when one is given', () => {
    const rows: Cell[][] = [
      ['ICE Average Daily Population by Arresting Agency'],
      ['Name', 'State', 'Level A'],
      ['DECOY', 'XX', 1],
      [],
      ['ICE Facilities by Name'],
      ['Name', 'State', 'Level A'],
      ['STEWART', 'GA', 613],
    ];
    const t = readTable(grid(rows), { ...FACILITIES, title: /^ICE Facilities by/ });
    expect(t.headerRow).toBe(6);
    expect(t.records.map((r) => r.values.name)).toEqual(['STEWART']);
    expect(thrown(() => readTable(grid(rows), { ...FACILITIES, title: /^ICE Book-Ins/ })).message).toBe('ice/FY20.xlsx sheet "Facilities FY20": expected a table titled /^ICE Book-Ins/');
  });

  it('matches header labels across case and spacing', () => {
    const t = readTable(grid([['NAME ', ' state', 'Level  A']]), FACILITIES);
    expect(t.columns).toMatchObject({ name: 'NAME', state: 'state', level_a: 'Level  A' });
  });
});

describe('readTable: crosswalk', () => {
  it('takes each year\'s label for the same column', () => {
    const fy20 = readTable(grid([['Name', 'State', 'Level A', 'Last Inspection Date'], ['A', 'GA', 1, '9/24/2020']]), FACILITIES);
    const fy24 = readTable(grid([['Name', 'State', 'Level A', 'Last Inspection End Date'], ['A', 'GA', 1, 43594]]), FACILITIES);
    const fy23 = readTable(grid([['Name', 'State', 'Level A', 'ODO Inspection End Date'], ['A', 'GA', 1, 'New Facility']]), FACILITIES);
    expect([fy20, fy24, fy23].map((t) => t.columns.inspected)).toEqual(['Last Inspection Date', 'Last Inspection End Date', 'ODO Inspection End Date']);
    expect(fy20.records[0]!.values.inspected).toBe('2020-09-24');
    expect(fy24.records[0]!.values.inspected).toBe('2019-05-09');
    expect(fy23.records[0]!.values.inspected).toBeNull();
    expect(fy23.records[0]!.missing).toEqual({ inspected: 'New Facility' });
  });

  it('prefers the first alternative when a file has several', () => {
    const t = readTable(grid([['Name', 'State', 'Level A', 'Last Inspection End Date', 'Last Inspection Date'], ['A', 'GA', 1, '1/2/2020', '3/4/2020']]), FACILITIES);
    expect(t.columns.inspected).toBe('Last Inspection Date');
    expect(t.records[0]!.values.inspected).toBe('2020-03-04');
  });

  it('marks an optional column that an edition lacks as "not in this edition", not 0 or blank', () => {
    const t = readTable(grid([['Name', 'State', 'Level A'], ['A', 'GA', 'N/A']]), FACILITIES);
    expect(t.columns.inspected).toBeNull();
    expect(t.records[0]!.values).toEqual({ name: 'A', state: 'GA', level_a: null, inspected: null });
    expect(t.records[0]!.missing).toEqual({ level_a: 'N/A', inspected: 'not in this edition' });
  });

  it('picks a repeated label by the merged group label above it', () => {
    const rows: Cell[][] = [
      [null, 'Male', null, 'Female', null],
      ['State', 'Crim', 'Total', 'Crim', 'Total'],
      ['GA', 1, 10, 2, 20],
    ];
    const decl: TableDecl = {
      header: ['State', 'Total'],
      columns: {
        male: { kind: 'number', header: 'Total', group: 'Male' },
        female: { kind: 'number', header: 'Total', group: /^Female/ },
        female_crim: { kind: 'number', header: 'Crim', group: 'Female' },
      },
    };
    const t = readTable(grid(rows), decl);
    expect(t.records[0]!.values).toEqual({ male: 10, female: 20, female_crim: 2 });
    const e = thrown(() => readTable(grid(rows), { ...decl, columns: { x: { kind: 'number', header: 'Total', group: 'Unknown' } } }));
    expect(e.where).toMatchObject({ row: 2, column: 'Total' });
  });
});

describe('readTable: errors', () => {
  it('names the header row, the missing column and the labels it found', () => {
    const e = thrown(() => readTable(grid([['ICE FACILITIES DATA'], [], ['Name', 'State', 'Level A'], ['A', 'GA', 1]]), { ...FACILITIES, columns: { ...FACILITIES.columns, level_b: { kind: 'number', header: ['Level B', 'Lvl B'] } } }));
    expect(e.message).toBe('ice/FY20.xlsx sheet "Facilities FY20" row 3, column "Level B | Lvl B": expected this column in the header row; found "Name", "State", "Level A"');
  });

  it('names the row that looks like the header when one of its labels was renamed', () => {
    const e = thrown(() => readTable(grid([['ICE FACILITIES DATA'], ['Name', 'State', 'Lvl A'], ['A', 'GA', 1]]), FACILITIES));
    expect(e.message).toBe('ice/FY20.xlsx sheet "Facilities FY20" row 2, column "Level A": expected a header row with Name, State, Level A; found "Name", "State", "Lvl A"');
  });

  it('says what it looked for when nothing resembles the header', () => {
    const e = thrown(() => readTable(grid([['ICE FACILITIES DATA'], ['Something', 'else']]), FACILITIES));
    expect(e.message).toBe('ice/FY20.xlsx sheet "Facilities FY20": expected a header row with Name, State, Level A');
    expect(e.where.row).toBeUndefined();
  });

  it('names the 1-based row, the label and the value of a bad cell', () => {
    const e = thrown(() => readTable(grid([['T'], ['Name', 'State', 'Level A'], ['A', 'GA', 1], ['B', 'TX', '12 people']]), FACILITIES));
    expect(e.message).toBe('ice/FY20.xlsx sheet "Facilities FY20" row 4, column "Level A": expected a number, got "12 people"');
  });

  it('rejects a blank in a required column', () => {
    const e = thrown(() => readTable(grid([['Name', 'State', 'Level A'], ['A', 'GA', 1], [null, 'TX', 2]]), FACILITIES));
    expect(e.message).toBe('ice/FY20.xlsx sheet "Facilities FY20" row 3, column "Name": expected a value (this column is required), got null');
  });
});

describe('readTable: which rows are data', () => {
  const rows: Cell[][] = [['Name', 'State', 'Level A'], ['A', 'GA', 1], ['B', 'TX', 2], [], ['C', 'LA', 3]];

  it('stops at the first blank row by default', () => {
    expect(readTable(grid(rows), FACILITIES).records.map((r) => r.values.name)).toEqual(['A', 'B']);
  });

  it('lets a declaration skip footnotes and go past blank rows', () => {
    const decl: TableDecl = { ...FACILITIES, row: (raw, get) => /^[A-Z]{2}$/.test(cellText(get('State'))) || (raw.some((c) => cellText(c) === 'END') ? 'stop' : false) };
    const t = readTable(grid([...rows, ['[1] (BCORCPA) footnote text'], ['D', 'NY', 4], ['END'], ['E', 'CA', 5]]), decl);
    expect(t.records.map((r) => [r.values.name, r.row])).toEqual([['A', 2], ['B', 3], ['C', 5], ['D', 7]]);
  });
});
