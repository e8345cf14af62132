import { MathError } from './math-error.ts';

/**
 * A time series of metric math: ascending epoch-ms timestamps (period starts) with their values, the period
 * it was queried at (date functions and FILL walk that grid) and the label it is shown with.
 */
export interface Series {
  timestamps: number[];
  values: number[];
  periodMs: number;
  label: string;
  /** Which line of an anomaly detection band this series is. */
  role?: 'upper' | 'lower';
}

/** Metric math's three types: scalar (S), time series (TS), array of time series (TS[]). */
export type Value =
  { type: 'S'; value: number } | { type: 'TS'; series: Series } | { type: 'TS[]'; series: Series[] };

export const scalar = (value: number): Value => ({ type: 'S', value });
export const single = (series: Series): Value => ({ type: 'TS', series });
export const array = (series: Series[]): Value => ({ type: 'TS[]', series });

export const describeType = (v: Value): string =>
  v.type === 'S' ? 'a scalar' : v.type === 'TS' ? 'a time series' : 'an array of time series';

/**
 * A series from parallel arrays, leaving out every datapoint whose value is not a finite number: that is
 * how "if the value of a data point causes a function to attempt to divide by zero, the data point is
 * dropped" is implemented, and the same holds for LOG of 0 or of a negative value.
 */
export function seriesOf(
  like: Omit<Series, 'timestamps' | 'values'>,
  timestamps: number[],
  values: number[],
): Series {
  const ts: number[] = [];
  const vs: number[] = [];
  for (let i = 0; i < timestamps.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    ts.push(timestamps[i]);
    vs.push(v === 0 ? 0 : v); // no -0 on the wire
  }
  const out: Series = { timestamps: ts, values: vs, periodMs: like.periodMs, label: like.label };
  if (like.role) out.role = like.role;
  return out;
}

export const emptySeries = (periodMs: number, label = ''): Series => ({
  timestamps: [],
  values: [],
  periodMs,
  label,
});

/** Applies `f` to every datapoint. */
export function mapValues(s: Series, f: (v: number, i: number) => number): Series {
  return seriesOf(s, s.timestamps, s.values.map(f));
}

/** The ascending union of several series' timestamps. */
export function unionTimestamps(list: readonly Series[]): number[] {
  if (list.length === 1) return list[0].timestamps;
  const all = new Set<number>();
  for (const s of list) for (const t of s.timestamps) all.add(t);
  return [...all].sort((a, b) => a - b);
}

/** A datapoint lookup by timestamp. */
export function valueAt(s: Series): (t: number) => number | undefined {
  const map = new Map<number, number>();
  for (let i = 0; i < s.timestamps.length; i++) map.set(s.timestamps[i], s.values[i]);
  return (t) => map.get(t);
}

/**
 * Combines two series datapoint by datapoint. Alignment: the result has a datapoint at every timestamp of
 * the union of both series' timestamps (datapoints are period starts, so series queried with the same
 * period and range line up exactly), and where only one series has a value the other counts as 0, as
 * CloudWatch documents for arithmetic ("missing values in a time series are treated as 0") and for
 * comparisons. The result keeps the finer of the two periods and the left series' label.
 */
export function combine(a: Series, b: Series, f: (x: number, y: number) => number): Series {
  const ts: number[] = [];
  const vs: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.timestamps.length || j < b.timestamps.length) {
    const ta = i < a.timestamps.length ? a.timestamps[i] : Infinity;
    const tb = j < b.timestamps.length ? b.timestamps[j] : Infinity;
    if (ta === tb) {
      ts.push(ta);
      vs.push(f(a.values[i++], b.values[j++]));
    } else if (ta < tb) {
      ts.push(ta);
      vs.push(f(a.values[i++], 0));
    } else {
      ts.push(tb);
      vs.push(f(0, b.values[j++]));
    }
  }
  return seriesOf({ ...a, periodMs: Math.min(a.periodMs, b.periodMs) }, ts, vs);
}

/** What a grid of periods needs to know about the range being evaluated. */
export interface GridRange {
  startMs: number;
  endMs: number;
  /** Where periods of that length begin in this range; undefined when the range returns none. */
  gridStart(periodMs: number): number | undefined;
}

/** More periods than any range CloudWatch serves (455 days of 1-minute periods is 655,200). */
const MAX_GRID_POINTS = 1_000_000;

/**
 * Every period start of a series over the range: the series' period, in step with its own datapoints
 * (or with the range's grid when it has none), from the range's start (inclusive) to its end (exclusive).
 */
export function gridOf(s: Series, range: GridRange, position: number): number[] {
  const p = s.periodMs;
  const rangeStart = range.gridStart(p);
  const anchor = s.timestamps.length > 0 ? s.timestamps[0] : rangeStart;
  if (anchor === undefined || !(p > 0)) return [];
  const lower = Math.min(rangeStart ?? range.startMs, anchor);
  const first = anchor - Math.floor((anchor - lower) / p) * p;
  const count = Math.ceil((range.endMs - first) / p);
  if (count <= 0) return [];
  if (count > MAX_GRID_POINTS)
    throw new MathError('Too many datapoints', position, undefined, `${count} periods in the range`);
  return Array.from({ length: count }, (_, k) => first + k * p);
}
