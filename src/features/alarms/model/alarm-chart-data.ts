// What the alarm charts request and draw: the alarm's queries at a period the range can show, the
// evaluated series, and the anomaly band from the band expression's two series.
import type { MetricAlarm, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { minimumPeriodSeconds } from '../../../lib/time-range.ts';
import { evaluatedQuery } from './alarm-condition.ts';

/** One result of GetMetricData as returned: a band expression returns two with the same Id. */
export interface ResultSeries {
  id: string;
  label: string;
  timestamps: number[];
  values: number[];
}

/** The band to draw: lower and upper bounds per timestamp. */
export interface BandSeries {
  timestamps: number[];
  lower: number[];
  upper: number[];
}

/**
 * The queries that chart an alarm: its `Metrics` (only the evaluated query and the band return
 * data), or one query built from its single-metric fields, with Id `m1`.
 */
export function alarmQueries(a: MetricAlarm): MetricDataQuery[] {
  const metrics = a.Metrics ?? [];
  if (metrics.length > 0) {
    const evaluated = evaluatedQuery(metrics, a.ThresholdMetricId);
    return metrics.map((q) => ({ ...q, ReturnData: q === evaluated || q.Id === a.ThresholdMetricId }));
  }
  return [
    {
      Id: 'm1',
      ReturnData: true,
      Label: a.MetricName,
      MetricStat: {
        Metric: { Namespace: a.Namespace, MetricName: a.MetricName, Dimensions: a.Dimensions ?? [] },
        Period: a.Period,
        Stat: a.Statistic ?? a.ExtendedStatistic,
        ...(a.Unit !== undefined ? { Unit: a.Unit } : {}),
      },
    },
  ];
}

/** At most this many datapoints per series in a chart request. */
const MAX_POINTS = 2_000;

/**
 * The period to chart an alarm with over [startMs, endMs]: the alarm's own, made coarser (by whole
 * multiples, so each charted point still covers whole alarm periods) when the data at that age is
 * coarser or the range would give more than 2,000 points.
 */
export function chartPeriod(alarmPeriodS: number, startMs: number, endMs: number, nowMs: number): number {
  const minimum = minimumPeriodSeconds(startMs, endMs, nowMs, { highResolution: alarmPeriodS < 60 });
  const needed = Math.max(minimum, (endMs - startMs) / 1000 / MAX_POINTS);
  return alarmPeriodS >= needed ? alarmPeriodS : Math.ceil(needed / alarmPeriodS) * alarmPeriodS;
}

/** The queries with every metric's period (and every expression's, where set) replaced by `periodS`. */
export function withPeriod(queries: readonly MetricDataQuery[], periodS: number): MetricDataQuery[] {
  return queries.map((q) => ({
    ...q,
    ...(q.MetricStat ? { MetricStat: { ...q.MetricStat, Period: periodS } } : {}),
    ...(q.Period !== undefined ? { Period: periodS } : {}),
  }));
}

/**
 * The band from the results of the band expression (`ANOMALY_DETECTION_BAND` returns an upper and a
 * lower series under one Id): per timestamp both present, lower = the smaller. Undefined unless two
 * series came back.
 */
export function bandFromResults(results: readonly ResultSeries[], bandId: string): BandSeries | undefined {
  const parts = results.filter((r) => r.id === bandId);
  if (parts.length < 2) return undefined;
  const [a, b] = parts;
  const other = new Map<number, number>();
  b.timestamps.forEach((t, i) => other.set(t, b.values[i]));
  const band: BandSeries = { timestamps: [], lower: [], upper: [] };
  a.timestamps.forEach((t, i) => {
    const x = a.values[i];
    const y = other.get(t);
    if (y === undefined) return;
    band.timestamps.push(t);
    band.lower.push(Math.min(x, y));
    band.upper.push(Math.max(x, y));
  });
  return band;
}
