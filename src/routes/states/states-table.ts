/**
 * The /states/ table's sort: by name, or by a figure largest first (either direction), with
 * states that have no figure ("not reported": DC's rate, a state ICE lists no facility in) last
 * whichever way, never sorted as 0.
 */
export type StateSortKey = 'name' | 'prisoners' | 'rate' | 'ice_adp';
export type Direction = 'ascending' | 'descending';

export interface StateRow {
  code: string;
  name: string;
  prisoners: number | null;
  rate: number | null;
  ice_adp: number | null;
}

export function sortStates<T extends StateRow>(rows: T[], key: StateSortKey, direction: Direction): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, 'en');
  if (key === 'name') return [...rows].sort((a, b) => sign * byName(a, b));
  return [...rows].sort((a, b) => {
    const [x, y] = [a[key], b[key]];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/** A header click: the same column flips its direction; a new figure column starts largest first, the name A to Z. */
export function nextSort(current: { key: StateSortKey; direction: Direction }, key: StateSortKey): { key: StateSortKey; direction: Direction } {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'name' ? 'ascending' : 'descending' };
}
