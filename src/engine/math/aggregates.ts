import { type Series, seriesOf, unionTimestamps } from './series.ts';

export type AggregateName = 'AVG' | 'MIN' | 'MAX' | 'SUM' | 'STDDEV' | 'DATAPOINT_COUNT';

/** STDDEV is the population standard deviation (divides by n): a series is all the datapoints there are. */
function stddev(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) * (v - mean);
  return Math.sqrt(sq / values.length);
}

/**
 * The scalar an aggregate makes of one series. A series without datapoints has no AVG, MIN, MAX or
 * STDDEV (NaN, so every datapoint computed from it is dropped); its SUM and DATAPOINT_COUNT are 0.
 */
export function aggregateOf(name: AggregateName, values: readonly number[]): number {
  switch (name) {
    case 'SUM':
      return values.reduce((a, v) => a + v, 0);
    case 'AVG':
      return values.length === 0 ? NaN : values.reduce((a, v) => a + v, 0) / values.length;
    case 'MIN':
      return values.length === 0 ? NaN : values.reduce((a, v) => Math.min(a, v), Infinity);
    case 'MAX':
      return values.length === 0 ? NaN : values.reduce((a, v) => Math.max(a, v), -Infinity);
    case 'STDDEV':
      return stddev(values);
    case 'DATAPOINT_COUNT':
      return values.length;
  }
}

/**
 * An aggregate across an array, timestamp by timestamp, over the union of the series' timestamps. AVG
 * treats a missing value as 0 as CloudWatch documents ("Missing values are treated as 0": it divides by the
 * number of series), SUM is the same either way; MIN, MAX and STDDEV use only the series that have a value
 * at that timestamp, and DATAPOINT_COUNT counts them.
 */
export function aggregateAcross(name: AggregateName, list: readonly Series[], periodMs: number): Series {
  const timestamps = unionTimestamps(list);
  const index = new Map<number, number>();
  timestamps.forEach((t, i) => index.set(t, i));
  const present: number[][] = timestamps.map(() => []);
  for (const s of list) {
    for (let i = 0; i < s.timestamps.length; i++)
      present[index.get(s.timestamps[i]) as number].push(s.values[i]);
  }
  const values = present.map((vs) =>
    name === 'AVG' ? aggregateOf('SUM', vs) / list.length : aggregateOf(name, vs),
  );
  const period = list.reduce((p, s) => Math.min(p, s.periodMs), periodMs);
  return seriesOf({ periodMs: period, label: '' }, timestamps, values);
}
