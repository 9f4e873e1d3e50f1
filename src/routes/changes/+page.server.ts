import { THRESHOLDS } from '$lib/changes/types';
import { ALL_STATES } from '$lib/geo/states';
import { changeLog, changeSource } from '$lib/server/changes';

export function load() {
  return { ...changeLog(), thresholds: THRESHOLDS, states: ALL_STATES, source: changeSource() };
}
