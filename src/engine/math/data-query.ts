import type { TimeRange } from '../anomaly/anomaly-band.ts';
import type { MetricId } from '../metrics/identity.ts';
import type { Stat } from '../metrics/statistics.ts';
import type { StandardUnit } from '../metrics/units.ts';
import type { MathError } from './math-error.ts';

/** One statistic of one metric at one period: a MetricStat query. */
export interface DataQueryMetricStat {
  metric: MetricId;
  periodMs: number;
  stat: Stat;
  unit?: StandardUnit;
}

/** One of GetMetricData's MetricDataQueries, in engine units: exactly one of metricStat and expression. */
export interface DataQuery {
  id: string;
  label?: string;
  returnData: boolean;
  metricStat?: DataQueryMetricStat;
  expression?: string;
  /** An expression's period: the period of series it makes from scalars alone (TIME_SERIES). */
  periodMs?: number;
}

/** One MetricDataResult: timestamps ascending, in epoch ms. */
export interface QueryResult {
  id: string;
  label: string;
  timestamps: number[];
  values: number[];
  status: 'Complete' | 'InternalError';
  messages: { code: string; value: string }[];
}

export interface MetricDataOptions {
  /**
   * Where the periods of a query with this period begin, or undefined when the range returns no datapoints
   * at this period (GetMetricData rounds StartTime by period and age). Default: startMs itself.
   */
  periodStart?: (periodMs: number) => number | undefined;
  /** Training ranges ANOMALY_DETECTION_BAND leaves out for this input (an anomaly detector's configuration). */
  excludedTimeRanges?: (input: DataQuery) => readonly TimeRange[] | undefined;
}

/** A query that cannot be evaluated: a syntax, reference, cycle or type error, with its position. */
export class DataQueryError extends Error {
  readonly queryIndex: number;
  readonly queryId: string;
  readonly mathError: MathError;

  constructor(queryIndex: number, queryId: string, mathError: MathError) {
    super(`${queryId}: ${mathError.message}`);
    this.name = 'DataQueryError';
    this.queryIndex = queryIndex;
    this.queryId = queryId;
    this.mathError = mathError;
  }
}
