/**
 * What changed between two releases, from their summaries: new fiscal-year files, facilities that
 * appear or stop being reported, year-to-date populations that moved beyond the thresholds, and
 * past years' figures a source revised. Pure: scripts/change-log.ts writes its result to data/releases/changes.json.
 */
import { THRESHOLDS, cellLabel as at, type Change, type ChangeKind, type FacilitySummary, type ReleaseSummary, type Thresholds } from './types';

const latestYear = (s: ReleaseSummary) => Math.max(...Object.keys(s.fiscalYears).map(Number));
const people = (n: number) => Math.round(n).toLocaleString('en-US');
/** "45 people a day", "1 person a day": call scripts and feeds read these aloud. */
const perDay = (n: number) => `${people(n)} ${Math.round(n) === 1 ? 'person' : 'people'} a day`;
const one = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

export function diffReleases(prev: ReleaseSummary, next: ReleaseSummary, t: Thresholds = THRESHOLDS): Change[] {
  const changes: Change[] = [];
  const add = (kind: ChangeKind, about: string, fields: Omit<Change, 'id' | 'release' | 'previous' | 'kind'>) =>
    changes.push({ id: `${next.release}/${kind}/${about}`, release: next.release, previous: prev.release, kind, ...fields });
  const none = { facility_id: null, name: null, state: null, before: null, after: null };

  for (const [fy, file] of Object.entries(next.fiscalYears))
    if (!(fy in prev.fiscalYears)) add('new-fiscal-year', fy, { ...none, fiscal_year: Number(fy), text: `ICE's statistics for fiscal year ${fy} appear for the first time (${file}).`, sources: [] });

  const prevLatest = latestYear(prev);
  const nextLatest = latestYear(next);
  const reported = (f: FacilitySummary | undefined, fy: number) => f?.fy[fy] !== undefined;

  for (const [id, f] of Object.entries(next.facilities)) {
    const was = prev.facilities[id];
    const facility = { facility_id: id, name: f.name, state: f.state };
    if (!was) {
      const figure = f.fy[nextLatest];
      add('facility-added', id, {
        ...facility,
        fiscal_year: figure ? nextLatest : null,
        before: null,
        after: figure?.adp ?? null,
        text: figure ? `${f.name} appears in ICE's FY${nextLatest} statistics, ${figure.adp === null ? 'population not reported' : `${perDay(figure.adp)} on average`}.` : `${f.name} appears in the data.`,
        sources: figure ? [figure.source] : [],
      });
      continue;
    }
    // Back in the list: in the new release's latest year after missing from the earlier one's (the
    // counterpart of "no longer reported" below, so a facility dropped for a release is seen to return).
    const back = f.fy[nextLatest];
    if (back && !reported(was, prevLatest)) {
      const years = Object.keys(was.fy).map(Number);
      const last = was.last_listed ? `ICE's release of ${was.last_listed}` : years.length ? `FY${Math.max(...years)}` : 'an earlier release';
      add('facility-added', id, {
        ...facility,
        fiscal_year: nextLatest,
        before: null,
        after: back.adp,
        text: `${f.name} is back in ICE's FY${nextLatest} statistics, ${back.adp === null ? 'population not reported' : `${perDay(back.adp)} on average`}; it was not in the release before (last listed in ${last}).`,
        sources: [back.source],
      });
    }
    for (const [fy, now] of Object.entries(f.fy)) {
      const then = was.fy[fy];
      if (!then || then.adp === now.adp || then.adp === null || now.adp === null) continue;
      const year = Number(fy);
      const delta = now.adp - then.adp;
      if (year === nextLatest && year === prevLatest) {
        // The year in progress: ICE's year-to-date average moves with each file; log the large moves.
        if (Math.abs(delta) < t.minPeople || Math.abs(delta) < t.minShare * then.adp) continue;
        add('population-change', `${id}/${fy}`, {
          ...facility,
          fiscal_year: year,
          before: then.adp,
          after: now.adp,
          text: `${f.name}: FY${fy} average daily population ${delta > 0 ? 'rose' : 'fell'} from ${people(then.adp)} to ${people(now.adp)} (${delta > 0 ? '+' : '−'}${people(Math.abs(delta))}, ${delta > 0 ? '+' : '−'}${Math.round((100 * Math.abs(delta)) / then.adp)} %).`,
          sources: [then.source, now.source],
        });
      } else if (Math.abs(delta) >= 0.05) {
        // A closed year: any change is the source revising its own figure.
        add('revision', `${id}/${fy}`, {
          ...facility,
          fiscal_year: year,
          before: then.adp,
          after: now.adp,
          text: `${f.name}: FY${fy} average daily population revised from ${one(then.adp)} (${at(then.source)}) to ${one(now.adp)} (${at(now.source)}).`,
          sources: [then.source, now.source],
        });
      }
    }
  }

  // No longer reported: in the earlier release's latest year, absent from the new one's latest year.
  for (const [id, f] of Object.entries(prev.facilities))
    if (reported(f, prevLatest) && !reported(next.facilities[id], nextLatest))
      add('facility-dropped', id, {
        facility_id: id,
        name: f.name,
        state: f.state,
        fiscal_year: nextLatest,
        before: f.fy[prevLatest]!.adp,
        after: null,
        text: `${f.name} is not in ICE's FY${nextLatest} statistics (${next.fiscalYears[nextLatest]}); it was in FY${prevLatest}${f.fy[prevLatest]!.adp === null ? '' : ` at ${perDay(f.fy[prevLatest]!.adp!)}`}.`,
        sources: [f.fy[prevLatest]!.source],
      });

  const order: ChangeKind[] = ['new-fiscal-year', 'facility-added', 'facility-dropped', 'population-change', 'revision'];
  return changes.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || (a.state ?? '').localeCompare(b.state ?? '') || a.id.localeCompare(b.id));
}
