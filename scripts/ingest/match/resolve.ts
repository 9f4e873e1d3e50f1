/**
 * Entity resolution between two lists of facility records (ICE workbook facilities and DDP codes):
 * every pair that shares a distinctive name word is scored on its names, its states, the hints
 * other sources give (a Marshall Project location naming the code) and, where both sides have
 * figures for the same fiscal years, population agreement. DDP's yearly mean at midnight and
 * ICE's yearly ADP agree within a few percent for real pairs (Winn: 1,421 against 1,428 in
 * FY2024); a code whose series stayed at 0 while ICE counted hundreds is another place.
 *
 * The score is symmetric (the same for a–b as for b–a) and the one-to-one assignment is made in
 * a total order (score, then ids), never in input order, so the result is the same however the
 * inputs are sorted and whichever side is called `a`.
 */
import { nameKey, similarity } from './normalize';

export interface Rec {
  id: string;
  /** Every name the record has had. */
  names: string[];
  state: string | null;
  /** Fiscal year → people held on an average day (ICE ADP, or DDP's mean at midnight). */
  series: ReadonlyMap<number, number>;
}

export interface Pair {
  a: string;
  b: string;
  score: number;
  evidence: string;
}

/** Accepted: an exact unique name, or a similar name with one more piece of evidence. */
export const MIN_SCORE = 3;
/** A fiscal year is compared when either side held at least this many people on an average day. */
const COMPARED = 20;
/** Within 10 % the figures agree; past 50 % (more than half the years compared) they are two places. */
const AGREE = 0.1;
const DIFFER = 0.5;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Population agreement over the fiscal years both sides have. */
export function agreement(x: Rec, y: Rec): { verdict: 'agree' | 'conflict' | 'none'; text: string } {
  const years = [...x.series.keys()].filter((fy) => y.series.has(fy)).sort((p, q) => p - q);
  const rel: { fy: number; r: number; a: number; b: number }[] = [];
  for (const fy of years) {
    const [a, b] = [x.series.get(fy)!, y.series.get(fy)!];
    if (Math.max(a, b) < COMPARED) continue;
    rel.push({ fy, r: Math.abs(a - b) / Math.max(a, b), a, b });
  }
  if (!rel.length) return { verdict: 'none', text: '' };
  const show = (e: (typeof rel)[number]) => `FY${e.fy} ${fmt(e.a)} vs ${fmt(e.b)} (${(100 * e.r).toFixed(1)} %)`;
  if (rel.filter((e) => e.r > DIFFER).length * 2 > rel.length) return { verdict: 'conflict', text: `populations differ: ${rel.map(show).join(', ')}` };
  const best = [...rel].sort((p, q) => p.r - q.r || p.fy - q.fy)[0]!;
  if (best.r <= AGREE && rel.every((e) => e.r <= DIFFER)) return { verdict: 'agree', text: `populations agree: ${show(best)}` };
  return { verdict: 'none', text: '' };
}

/** How many records (on both sides) carry each name key: an exact name is evidence only if it is rare. */
export function nameCounts(...sides: Rec[][]): Map<string, number> {
  const m = new Map<string, number>();
  for (const side of sides) for (const r of side) for (const k of new Set(r.names.map(nameKey))) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** The score of one pair, with its evidence; null when the pair shares no distinctive name word or the populations say two places. */
export function scorePair(x: Rec, y: Rec, counts: Map<string, number>, hinted = false): { score: number; evidence: string } | null {
  const [kx, ky] = [x.names.map(nameKey), y.names.map(nameKey)];
  let name = 0;
  let why = '';
  for (const a of kx) {
    for (const b of ky) {
      if (a && a === b) {
        const s = (counts.get(a) ?? 0) <= 2 ? 3 : 2;
        if (s > name) [name, why] = [s, s === 3 ? 'same name' : 'same name (not unique)'];
      } else {
        const sim = Math.max(similarity(a, b), similarity(b, a));
        // Half the distinctive words ("DENVER" of "DENVER … II" and "DENVER COUNTY JAIL") is weak evidence.
        const s = sim >= 0.67 ? 2 : sim > 0 ? 1 : 0;
        if (s > name) [name, why] = [s, `similar name (${sim.toFixed(2)})`];
      }
    }
  }
  if (!name && !hinted) return null;
  const pop = agreement(x, y);
  if (pop.verdict === 'conflict') return null;
  const parts = why ? [why] : [];
  let score = name;
  if (x.state && y.state) {
    score += x.state === y.state ? 1 : -1;
    parts.push(x.state === y.state ? 'same state' : 'different states');
  }
  if (hinted) {
    score += 1;
    parts.push('Marshall Project location gives the code');
  }
  if (pop.verdict === 'agree') {
    score += 2;
    parts.push(pop.text);
  }
  return { score, evidence: parts.join('; ') };
}

/**
 * One-to-one pairs scoring at least MIN_SCORE, best first, score level by score level: at each
 * level, among pairs of records not yet matched, a pair sharing a record with another pair of the
 * same score is ambiguous, and that record stays unmatched (rather than given one by chance).
 * No step depends on the order of the inputs. `hints` holds "a-id|b-id" for pairs another
 * source ties together.
 */
export function matchOneToOne(a: Rec[], b: Rec[], hints: ReadonlySet<string> = new Set()): { pairs: Pair[]; ambiguous: Pair[] } {
  const counts = nameCounts(a, b);
  const levels = new Map<number, Pair[]>();
  for (const x of a) {
    for (const y of b) {
      const s = scorePair(x, y, counts, hints.has(`${x.id}|${y.id}`));
      if (s && s.score >= MIN_SCORE) levels.set(s.score, [...(levels.get(s.score) ?? []), { a: x.id, b: y.id, ...s }]);
    }
  }
  const [doneA, doneB] = [new Set<string>(), new Set<string>()];
  const pairs: Pair[] = [];
  const ambiguous: Pair[] = [];
  for (const score of [...levels.keys()].sort((p, q) => q - p)) {
    const open = levels.get(score)!.filter((p) => !doneA.has(p.a) && !doneB.has(p.b));
    const perA = new Map<string, number>();
    const perB = new Map<string, number>();
    for (const p of open) {
      perA.set(p.a, (perA.get(p.a) ?? 0) + 1);
      perB.set(p.b, (perB.get(p.b) ?? 0) + 1);
    }
    for (const p of open) {
      if (perA.get(p.a) === 1 && perB.get(p.b) === 1) pairs.push(p);
      else ambiguous.push(p);
    }
    // Matched or ambiguous, a record is settled at its best level.
    for (const p of open) {
      doneA.add(p.a);
      doneB.add(p.b);
    }
  }
  const byIds = (p: Pair, q: Pair) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0);
  return { pairs: pairs.sort(byIds), ambiguous: ambiguous.sort(byIds) };
}
