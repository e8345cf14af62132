import type { DataQuery, Engine, MetricId, Stat, StandardUnit } from '../../engine/index.ts';
import { DataQueryError, checkDataQueries, getMetricDataResults, parseStat } from '../../engine/index.ts';
import {
  invalidNextToken,
  invalidParameterCombination,
  invalidParameterValue,
  missingParameter,
} from './errors.ts';
import {
  type Json,
  booleanAt,
  decodeToken,
  dimensionsAt,
  encodeToken,
  integerAt,
  isObject,
  listAt,
  metricNameAt,
  namespaceAt,
  objectAt,
  periodAt,
  stringAt,
  timestampAt,
  unitAt,
} from './input.ts';
import { periodAllowedForAge, roundStartTime } from './period-rules.ts';

const MAX_QUERIES = 500;
const DEFAULT_MAX_DATAPOINTS = 100_800;
const ID = /^[a-z][A-Za-z0-9_]*$/;

interface StatQuery {
  kind: 'stat';
  id: string;
  label?: string;
  returnData: boolean;
  metric: MetricId;
  period: number;
  stat: Stat;
  statText: string;
  unit?: StandardUnit;
}

interface ExpressionQuery {
  kind: 'expression';
  id: string;
  label?: string;
  returnData: boolean;
  expression: string;
  /** Seconds; optional for an expression. */
  period?: number;
}

type Query = StatQuery | ExpressionQuery;

interface Result {
  Id: string;
  Label: string;
  Timestamps: number[];
  Values: number[];
  StatusCode: 'Complete' | 'PartialData' | 'InternalError';
  Messages: { Code: string; Value: string }[];
}

function readQuery(item: unknown, i: number): Query {
  const p = `MetricDataQueries.member.${i + 1}`;
  if (!isObject(item))
    throw invalidParameterValue(
      `The value ${JSON.stringify(item)} for parameter ${p} is invalid: expected a structure.`,
    );
  const id = stringAt(item, 'Id', `${p}.Id`, true, 255);
  if (!ID.test(id)) {
    throw invalidParameterValue(
      `The value ${id} for parameter ${p}.Id is invalid: it must start with a lowercase letter and contain only letters, numbers and underscores.`,
    );
  }
  const label = stringAt(item, 'Label', `${p}.Label`);
  const returnData = booleanAt(item, 'ReturnData', `${p}.ReturnData`) ?? true;
  const expression = stringAt(item, 'Expression', `${p}.Expression`, false, 2048);
  const ms = objectAt(item, 'MetricStat', `${p}.MetricStat`);
  if (expression !== undefined && ms !== undefined) {
    throw invalidParameterCombination(
      `The parameters ${p}.MetricStat and ${p}.Expression are mutually exclusive and you have specified both.`,
    );
  }
  // Period belongs to expressions (and Metrics Insights); a MetricStat query has its own.
  const expressionPeriod = periodAt(item, 'Period', `${p}.Period`);
  if (expression !== undefined) {
    if (expression.length === 0)
      throw invalidParameterValue(`The parameter ${p}.Expression must be at least 1 character long.`);
    return { kind: 'expression', id, label, returnData, expression, period: expressionPeriod };
  }
  if (ms === undefined) throw missingParameter(`${p}.MetricStat`);
  const mp = `${p}.MetricStat`;
  const metric = objectAt(ms, 'Metric', `${mp}.Metric`, true);
  const namespace = namespaceAt(metric, 'Namespace', `${mp}.Metric.Namespace`, true);
  const metricName = metricNameAt(metric, 'MetricName', `${mp}.Metric.MetricName`, true);
  const dimensions = dimensionsAt(metric, 'Dimensions', `${mp}.Metric.Dimensions`, 30);
  const period = periodAt(ms, 'Period', `${mp}.Period`, true);
  const statText = stringAt(ms, 'Stat', `${mp}.Stat`, true);
  const stat = parseStat(statText);
  if (!stat) {
    throw invalidParameterValue(
      `The value ${statText} for parameter ${mp}.Stat is not a valid statistic: use SampleCount, Average, Sum, Minimum, Maximum, a percentile such as p99 or p99.9, or TM, WM, TC, TS, PR, IQM.`,
    );
  }
  const unit = unitAt(ms, 'Unit', `${mp}.Unit`);
  return {
    kind: 'stat',
    id,
    label,
    returnData,
    metric: { namespace, metricName, dimensions },
    period,
    stat,
    statText,
    unit,
  };
}

const toDataQuery = (q: Query): DataQuery =>
  q.kind === 'expression'
    ? {
        id: q.id,
        label: q.label,
        returnData: q.returnData,
        expression: q.expression,
        periodMs: q.period === undefined ? undefined : q.period * 1000,
      }
    : {
        id: q.id,
        label: q.label,
        returnData: q.returnData,
        metricStat: { metric: q.metric, periodMs: q.period * 1000, stat: q.stat, unit: q.unit },
      };

/**
 * Metric math: every query is checked before any data is fetched (a syntax, reference or type error is
 * InvalidParameterValue naming the query's Expression, with the token and its position), then evaluated
 * by the engine. "NextToken is not returned if you are performing a math expression": the results are
 * returned whole, whatever MaxDatapoints says.
 */
function getMetricDataWithMath(
  queries: Query[],
  startMs: number,
  endMs: number,
  scanBy: string,
  engine: Engine,
): Json {
  const dataQueries = queries.map(toDataQuery);
  try {
    checkDataQueries(dataQueries);
  } catch (e) {
    if (!(e instanceof DataQueryError)) throw e;
    const q = queries[e.queryIndex];
    const member = `MetricDataQueries.member.${e.queryIndex + 1}`;
    const path = q.kind === 'expression' ? `${member}.Expression` : member;
    const text = q.kind === 'expression' ? ` ${q.expression}` : '';
    throw invalidParameterValue(`The value${text} for parameter ${path} is invalid: ${e.mathError.message}.`);
  }
  const now = engine.now();
  const results = getMetricDataResults(engine, dataQueries, startMs, endMs, {
    periodStart: (periodMs) => {
      const period = periodMs / 1000;
      const start = roundStartTime(startMs, period, now);
      return periodAllowedForAge(period, start, now) ? start : undefined;
    },
    // A band on a metric honours its anomaly detector's ExcludedTimeRanges (PutAnomalyDetector).
    excludedTimeRanges: (input) => {
      const q = queries.find((x) => x.id === input.id);
      if (q?.kind !== 'stat') return undefined;
      const { namespace, metricName, dimensions } = q.metric;
      return engine.alarms.detector(namespace, metricName, dimensions, q.statText)?.excludedTimeRanges;
    },
  });
  const descending = scanBy === 'TimestampDescending';
  const out: Result[] = results.map((r) => {
    const order = r.timestamps.map((_, k) => (descending ? r.timestamps.length - 1 - k : k));
    return {
      Id: r.id,
      Label: r.label,
      Timestamps: order.map((k) => r.timestamps[k] / 1000),
      Values: order.map((k) => r.values[k]),
      StatusCode: r.status,
      Messages: r.messages.map((m) => ({ Code: m.code, Value: m.value })),
    };
  });
  return { MetricDataResults: out, Messages: [] };
}

/**
 * GetMetricData: StartTime rounding and the period rules by age, ScanBy, MaxDatapoints with NextToken
 * pagination, Label and ReturnData, and metric math expressions (returned whole, without NextToken).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html
 */
export function getMetricData(input: Json, engine: Engine): Json {
  const list = listAt(input, 'MetricDataQueries', 'MetricDataQueries', true);
  if (list.length === 0)
    throw invalidParameterValue('The collection MetricDataQueries must contain at least 1 query.');
  if (list.length > MAX_QUERIES)
    throw invalidParameterValue(
      `The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`,
    );
  const startMs = timestampAt(input, 'StartTime', 'StartTime', true);
  const endMs = timestampAt(input, 'EndTime', 'EndTime', true);
  if (startMs >= endMs)
    throw invalidParameterValue('The parameter StartTime must be less than the parameter EndTime.');
  const scanBy = stringAt(input, 'ScanBy', 'ScanBy') ?? 'TimestampDescending';
  if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') {
    throw invalidParameterValue(
      `The value ${scanBy} for parameter ScanBy is invalid: use TimestampDescending or TimestampAscending.`,
    );
  }
  const maxDatapoints =
    integerAt(input, 'MaxDatapoints', 'MaxDatapoints', 1, Number.MAX_SAFE_INTEGER) ?? DEFAULT_MAX_DATAPOINTS;
  const labelOptions = objectAt(input, 'LabelOptions', 'LabelOptions');
  const tz = labelOptions ? stringAt(labelOptions, 'Timezone', 'LabelOptions.Timezone') : undefined;
  if (tz !== undefined && !/^[+-](0\d|1[0-4])[0-5]\d$/.test(tz)) {
    throw invalidParameterValue(
      `The value ${tz} for parameter LabelOptions.Timezone is invalid: use +HHMM or -HHMM, for example +0130.`,
    );
  }
  const queries = list.map(readQuery);
  const ids = new Set<string>();
  for (const [i, q] of queries.entries()) {
    if (ids.has(q.id))
      throw invalidParameterValue(
        `The value ${q.id} for parameter MetricDataQueries.member.${i + 1}.Id is used by more than one query: Ids must be unique.`,
      );
    ids.add(q.id);
  }
  if (!queries.some((q) => q.returnData))
    throw invalidParameterValue('At least one query in MetricDataQueries must have ReturnData set to true.');

  const token = stringAt(input, 'NextToken', 'NextToken');
  if (queries.some((q) => q.kind === 'expression')) {
    // No token is ever issued for a request with math, so none can continue one.
    if (token !== undefined) throw invalidNextToken();
    return getMetricDataWithMath(queries, startMs, endMs, scanBy, engine);
  }
  const statQueries = queries.filter((q) => q.kind === 'stat');
  const fingerprint = { q: list, s: startMs, e: endMs, b: scanBy, m: maxDatapoints };
  let position = { q: 0, o: 0 };
  if (token !== undefined) {
    const p = decodeToken<{ q: number; o: number }>(token, fingerprint);
    if (!p || typeof p.q !== 'number' || typeof p.o !== 'number') throw invalidNextToken();
    position = p;
  }

  const now = engine.now();
  const results: Result[] = [];
  let budget = maxDatapoints;
  let next: { q: number; o: number } | undefined;
  for (let qi = position.q; qi < statQueries.length; qi++) {
    const q = statQueries[qi];
    if (!q.returnData) continue;
    const result: Result = {
      Id: q.id,
      Label: q.label ?? q.metric.metricName,
      Timestamps: [],
      Values: [],
      StatusCode: 'Complete',
      Messages: [],
    };
    results.push(result);
    if (budget === 0) {
      result.StatusCode = 'PartialData';
      next ??= { q: qi, o: 0 };
      continue;
    }
    const periodMs = q.period * 1000;
    const start = roundStartTime(startMs, q.period, now);
    if (!periodAllowedForAge(q.period, start, now)) continue;
    const series = engine.queryMetric({
      metric: q.metric,
      periodMs,
      stat: q.stat,
      unit: q.unit,
      startMs: start,
      endMs,
    });
    const n = series.timestamps.length;
    const from = qi === position.q ? position.o : 0;
    const take = Math.min(budget, n - from);
    const ts = new Array<number>(take);
    const vs = new Array<number>(take);
    const descending = scanBy === 'TimestampDescending';
    for (let k = 0; k < take; k++) {
      const src = descending ? n - 1 - (from + k) : from + k;
      ts[k] = series.timestamps[src] / 1000;
      vs[k] = series.values[src];
    }
    result.Timestamps = ts;
    result.Values = vs;
    budget -= take;
    if (from + take < n) {
      result.StatusCode = 'PartialData';
      next ??= { q: qi, o: from + take };
    }
  }
  const out: Json = { MetricDataResults: results, Messages: [] };
  if (next) out.NextToken = encodeToken(fingerprint, next);
  return out;
}
