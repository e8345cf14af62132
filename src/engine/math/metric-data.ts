import { TRAINING_WINDOW_MS } from '../anomaly/anomaly-band.ts';
import type { Engine } from '../engine.ts';
import { type DataQuery, DataQueryError, type MetricDataOptions, type QueryResult } from './data-query.ts';
import { MathError } from './math-error.ts';
import type { Node } from './parser.ts';
import { compile } from './query-graph.ts';
import { type EvaluatedRange, type MetricSource, RequestState } from './request-state.ts';
import type { Series, Value } from './series.ts';

export { DataQueryError } from './data-query.ts';
export type { DataQuery, DataQueryMetricStat, MetricDataOptions, QueryResult } from './data-query.ts';

function engineSource(engine: Engine): MetricSource {
  return {
    fetch: (s, startMs, endMs) =>
      engine.queryMetric({
        metric: s.metric,
        periodMs: s.periodMs,
        stat: s.stat,
        unit: s.unit,
        startMs,
        endMs,
      }),
    unitOf: (metric) => engine.unitOf(metric),
    list: () => engine.listMetrics(),
  };
}

const NO_DATA: MetricSource = {
  fetch: () => ({ timestamps: [], values: [] }),
  unitOf: () => undefined,
  list: () => [],
};

/**
 * Checks a request's queries the way GetMetricData validates them before fetching any data: syntax,
 * unknown and circular references, and types (every function gets arguments it accepts, every expression
 * gives a time series or an array of them). Throws a DataQueryError for the first query in error. With
 * `alarm`, SEARCH is an error too: "You can't create an alarm based on the SEARCH expression".
 */
export function checkDataQueries(queries: readonly DataQuery[], options: { alarm?: boolean } = {}): void {
  const request = compile(queries);
  const failed = request.list.find((c) => c.error);
  if (failed) throw new DataQueryError(failed.index, failed.query.id, failed.error as MathError);
  if (options.alarm)
    for (const c of request.list) {
      const search = c.node && findCall(c.node, 'SEARCH');
      if (search)
        throw new DataQueryError(
          c.index,
          c.query.id,
          new MathError(
            'SEARCH cannot be used in an alarm',
            search.position,
            'SEARCH',
            'an alarm watches one time series, a search returns many',
          ),
        );
    }
  // Types do not depend on data: evaluating over an empty range, with no datapoints, finds every type error.
  const empty: EvaluatedRange = { startMs: 0, endMs: 0, gridStart: () => 0, periodEnd: () => 0 };
  const dry = new RequestState(request, empty, NO_DATA, {}, 0);
  for (const c of request.list) {
    try {
      dry.valueOf(c.query.id);
    } catch (e) {
      if (e instanceof MathError) throw new DataQueryError(c.index, c.query.id, e);
      throw e;
    }
  }
}

/** The first call of a function in an expression. */
function findCall(node: Node, name: string): Node | undefined {
  if (node.type === 'call' && node.name === name) return node;
  const children =
    node.type === 'call'
      ? node.args
      : node.type === 'array'
        ? node.items
        : node.type === 'negate'
          ? [node.operand]
          : node.type === 'binary'
            ? [node.left, node.right]
            : [];
  for (const child of children) {
    const found = findCall(child, name);
    if (found) return found;
  }
  return undefined;
}

function labelOf(q: DataQuery): string {
  return q.label ?? q.metricStat?.metric.metricName ?? q.id;
}

/**
 * An array member's label: "Expression-Label Metric-Label" as CloudWatch's legend shows it (the metric's
 * own label alone when the expression has none), and "<label> (upper)" / "<label> (lower)" for a band.
 */
function memberLabel(q: DataQuery, s: Series): string {
  if (s.role) return `${labelOf(q)} (${s.role})`;
  return q.label === undefined || q.label === '' ? s.label : `${q.label} ${s.label}`;
}

/**
 * GetMetricData's evaluation, for the API and the alarm scheduler alike: MetricStat queries through
 * `engine.queryMetric`, expressions over them and over each other in dependency order (cycles are errors),
 * ANOMALY_DETECTION_BAND trained on the two weeks before startMs. Returns the results of the queries with
 * ReturnData, in request order; an array result gives one result per series, all with the query's Id. A
 * query that cannot be evaluated gives one result with status InternalError and the reason in messages.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html
 */
export function getMetricDataResults(
  engine: Engine,
  queries: readonly DataQuery[],
  startMs: number,
  endMs: number,
  options: MetricDataOptions = {},
): QueryResult[] {
  const request = compile(queries);
  const range: EvaluatedRange = {
    startMs,
    endMs,
    gridStart: options.periodStart ?? (() => startMs),
    periodEnd: () => endMs,
  };
  const state = new RequestState(request, range, engineSource(engine), options, TRAINING_WINDOW_MS);
  const results: QueryResult[] = [];
  for (const c of request.list) {
    const q = c.query;
    if (!q.returnData) continue;
    const result = (label: string, s?: Series): QueryResult => ({
      id: q.id,
      label,
      timestamps: s ? s.timestamps : [],
      values: s ? s.values : [],
      status: 'Complete',
      messages: [],
    });
    let v: Value;
    try {
      if (c.error) throw c.error;
      v = state.valueOf(q.id);
    } catch (e) {
      const failed = result(labelOf(q));
      failed.status = 'InternalError';
      failed.messages.push({ code: 'InternalError', value: e instanceof Error ? e.message : String(e) });
      results.push(failed);
      continue;
    }
    if (v.type === 'TS') results.push(result(labelOf(q), v.series));
    else if (v.type === 'TS[]' && v.series.length === 0) results.push(result(labelOf(q)));
    else if (v.type === 'TS[]') for (const s of v.series) results.push(result(memberLabel(q, s), s));
  }
  return results;
}
