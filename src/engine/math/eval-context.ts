import type { AnomalyBandOptions } from '../anomaly/anomaly-band.ts';
import type { MetricId } from '../metrics/identity.ts';
import type { DataQueryMetricStat } from './data-query.ts';
import type { Node } from './parser.ts';
import type { GridRange, Series, Value } from './series.ts';

/** What an expression is evaluated against: the range, and the other queries of the request by Id. */
export interface EvalContext extends GridRange {
  /** The period of series made from a scalar alone (TIME_SERIES). */
  readonly defaultPeriodMs: number;
  /** The value of the query with that Id; throws a MathError at `position` when there is none. */
  reference(id: string, position: number): Value;
  /** The period of a MetricStat query (PERIOD), undefined when the Id is an expression. */
  metricPeriodMs(id: string): number | undefined;
  /** The Ids of the request's MetricStat queries, in request order (METRICS()). */
  metricIds(): readonly string[];
  /** The metrics SEARCH looks through: those with datapoints in the two weeks before now. */
  searchableMetrics(): readonly MetricId[];
  /** One statistic of one metric over this range (a metric SEARCH found), shown with `label`. */
  metricSeries(stat: DataQueryMetricStat, label: string): Series;
  /** The same queries over the training window before this range; undefined inside a training window. */
  trainingContext(): EvalContext | undefined;
  /** Model options for a band of this input: excluded time ranges, whether the metric is a percentage. */
  anomalyOptions(input: Node): AnomalyBandOptions;
}
