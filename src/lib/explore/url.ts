/**
 * The explorer's state in its address, so a link reopens the same question: an example
 * (?example=doubled), a SQL query (?sql=…), or a guided question (?mode=guided&dataset=…&filter=…).
 */
import { AGGREGATE_LABELS, OP_LABELS, type Aggregate, type Filter, type Guided, type Op } from './guided';

export type State = { mode: 'example'; example: string } | { mode: 'sql'; sql: string } | { mode: 'guided'; guided: Guided };

const isOp = (s: string): s is Op => s in OP_LABELS;
const isAggregate = (s: string): s is Aggregate => s in AGGREGATE_LABELS;

/** A filter travels as "column~op~value" (value may itself contain "~"). */
function readFilter(s: string): Filter | null {
  const [column, op, ...rest] = s.split('~');
  return column && op && isOp(op) ? { column, op, value: rest.join('~') } : null;
}

/** The state an address asks for, or null when it asks for none (the page then shows the first example). */
export function readState(params: URLSearchParams): State | null {
  const sql = params.get('sql');
  if (sql !== null && sql.trim()) return { mode: 'sql', sql };
  if (params.get('mode') === 'guided' && params.get('dataset')) {
    const aggregate = params.get('agg') ?? 'count';
    return {
      mode: 'guided',
      guided: {
        dataset: params.get('dataset')!,
        filters: params.getAll('filter').map(readFilter).filter((f): f is Filter => f !== null),
        group: params.get('group') ?? '',
        aggregate: isAggregate(aggregate) ? aggregate : 'count',
        measure: params.get('measure') ?? '',
      },
    };
  }
  const example = params.get('example');
  return example ? { mode: 'example', example } : null;
}

export function stateParams(state: State): URLSearchParams {
  const p = new URLSearchParams();
  if (state.mode === 'example') p.set('example', state.example);
  else if (state.mode === 'sql') p.set('sql', state.sql);
  else {
    const g = state.guided;
    p.set('mode', 'guided');
    p.set('dataset', g.dataset);
    for (const f of g.filters) p.append('filter', `${f.column}~${f.op}~${f.value}`);
    if (g.group) p.set('group', g.group);
    if (g.aggregate !== 'count') p.set('agg', g.aggregate);
    if (g.aggregate !== 'count' && g.measure) p.set('measure', g.measure);
  }
  return p;
}
