import { Args, type Evaluate, eachSeries } from './args.ts';
import { type AggregateName, aggregateAcross, aggregateOf } from './aggregates.ts';
import { anomalyDetectionBand } from './band.ts';
import type { EvalContext } from './eval-context.ts';
import { fill } from './fill.ts';
import { ifFunction } from './if.ts';
import { MathError } from './math-error.ts';
import { search } from './search.ts';
import type { CallNode, Node } from './parser.ts';
import {
  type Series,
  type Value,
  array,
  emptySeries,
  gridOf,
  mapValues,
  scalar,
  seriesOf,
  single,
} from './series.ts';

const POINTWISE: Readonly<Record<string, (v: number) => number>> = {
  ABS: Math.abs,
  CEIL: Math.ceil,
  FLOOR: Math.floor,
  LOG: Math.log,
  LOG10: Math.log10,
};

const AGGREGATES: ReadonlySet<string> = new Set(['AVG', 'MIN', 'MAX', 'SUM', 'STDDEV', 'DATAPOINT_COUNT']);

/** Each datapoint against the one before it; the first datapoint has none, so it is dropped. */
function sequence(s: Series, f: (v: number, prevV: number, dtSeconds: number) => number): Series {
  const ts = s.timestamps.slice(1);
  const vs = ts.map((t, k) => f(s.values[k + 1], s.values[k], (t - s.timestamps[k]) / 1000));
  return seriesOf(s, ts, vs);
}

function runningSum(s: Series): Series {
  let acc = 0;
  return mapValues(s, (v) => (acc += v));
}

/** Date parts of a timestamp, in UTC ("all times are in UTC"). DAY is 1–7, Monday to Sunday. */
const DATE_PARTS: Readonly<Record<string, (t: number) => number>> = {
  MINUTE: (t) => new Date(t).getUTCMinutes(),
  HOUR: (t) => new Date(t).getUTCHours(),
  DAY: (t) => ((new Date(t).getUTCDay() + 6) % 7) + 1,
  DATE: (t) => new Date(t).getUTCDate(),
  MONTH: (t) => new Date(t).getUTCMonth() + 1,
  YEAR: (t) => new Date(t).getUTCFullYear(),
  EPOCH: (t) => Math.floor(t / 1000),
};

function sortSeries(a: Args): Value {
  const list = a.array(0);
  const by = a.keyword(1) as AggregateName;
  const descending = a.keyword(2) === 'DESC';
  const limit = a.length > 3 ? a.index(3) : undefined;
  // A series without datapoints sorts last, in either order.
  const keyed = list.map((s) => ({ s, key: s.values.length === 0 ? NaN : aggregateOf(by, s.values) }));
  keyed.sort((x, y) => {
    if (Number.isNaN(x.key) || Number.isNaN(y.key))
      return Number(Number.isNaN(x.key)) - Number(Number.isNaN(y.key));
    return descending ? y.key - x.key : x.key - y.key;
  });
  const sorted = keyed.map((k) => k.s);
  return array(limit === undefined ? sorted : sorted.slice(0, limit));
}

function slice(a: Args): Value {
  const list = a.array(0);
  const start = a.index(1);
  const end = a.length > 2 ? a.index(2) : list.length;
  if (start === undefined || end === undefined) return array([]);
  return array(list.slice(start, end));
}

function metrics(a: Args): Value {
  const filter = a.length > 0 ? (a.node(0) as Extract<Node, { type: 'string' }>).value : '';
  const ids = a.ctx.metricIds().filter((id) => id.includes(filter));
  return array(
    ids.map((id) => {
      const v = a.ctx.reference(id, a.call.position);
      return (v as Extract<Value, { type: 'TS' }>).series;
    }),
  );
}

function period(a: Args): Value {
  const node = a.node(0);
  a.series(0);
  const ms = node.type === 'ref' ? a.ctx.metricPeriodMs(node.id) : undefined;
  if (ms === undefined)
    throw new MathError(
      'Invalid argument for PERIOD',
      node.position,
      undefined,
      'expected the Id of a metric, not the result of an expression',
    );
  return scalar(ms / 1000);
}

/** Evaluates a function call (the parser already checked its name and argument count). */
export function callFunction(call: CallNode, ctx: EvalContext, ev: Evaluate): Value {
  const a = new Args(call, ctx, ev);
  const name = call.name;
  const pointwise = POINTWISE[name] as ((v: number) => number) | undefined;
  if (pointwise) {
    const v = a.value(0);
    if (v.type === 'S') return scalar(pointwise(v.value));
    return eachSeries(v, (s) => mapValues(s, pointwise));
  }
  if (AGGREGATES.has(name)) {
    const v = a.seriesOrArray(0);
    if (v.type === 'TS') return scalar(aggregateOf(name as AggregateName, v.series.values));
    return single({ ...aggregateAcross(name as AggregateName, v.series, ctx.defaultPeriodMs), label: name });
  }
  const datePart = DATE_PARTS[name] as ((t: number) => number) | undefined;
  if (datePart) {
    const s = a.series(0);
    const grid = gridOf(s, ctx, call.position);
    return single(seriesOf({ periodMs: s.periodMs, label: s.label }, grid, grid.map(datePart)));
  }
  switch (name) {
    case 'ANOMALY_DETECTION_BAND':
      return anomalyDetectionBand(a);
    case 'DIFF':
      return eachSeries(a.seriesOrArray(0), (s) => sequence(s, (v, prev) => v - prev));
    case 'DIFF_TIME':
      return eachSeries(a.seriesOrArray(0), (s) => sequence(s, (_v, _prev, dt) => dt));
    case 'RATE':
      return eachSeries(a.seriesOrArray(0), (s) => sequence(s, (v, prev, dt) => (v - prev) / dt));
    case 'RUNNING_SUM':
      return eachSeries(a.seriesOrArray(0), runningSum);
    case 'FILL':
      return fill(a);
    case 'FIRST':
    case 'LAST': {
      const list = a.array(0);
      const picked = name === 'FIRST' ? list[0] : list[list.length - 1];
      return single(picked ?? emptySeries(ctx.defaultPeriodMs));
    }
    case 'IF':
      return ifFunction(a);
    case 'METRIC_COUNT':
      return scalar(a.array(0).length);
    case 'METRICS':
      return metrics(a);
    case 'PERIOD':
      return period(a);
    case 'REMOVE_EMPTY':
      return array(a.array(0).filter((s) => s.timestamps.length > 0));
    case 'SEARCH':
      return search(a);
    case 'SLICE':
      return slice(a);
    case 'SORT':
      return sortSeries(a);
    case 'TIME_SERIES': {
      const value = a.scalar(0);
      const like = emptySeries(ctx.defaultPeriodMs, 'TIME_SERIES');
      const grid = gridOf(like, ctx, call.position);
      return single(
        seriesOf(
          like,
          grid,
          grid.map(() => value),
        ),
      );
    }
    default:
      throw new MathError(`Unknown function '${name}'`, call.position, name);
  }
}
