import type { MetricId } from '../metrics/identity.ts';
import { parseStat } from '../metrics/statistics.ts';
import type { Args } from './args.ts';
import { MathError } from './math-error.ts';
import type { Node } from './parser.ts';
import { type SearchQuery, matchesSearch, parseSearchQuery } from './search-query.ts';
import { type Value, array } from './series.ts';

/** "A graph can display as many as 500 time series": a search returns at most that many. */
export const MAX_SEARCH_RESULTS = 500;

type StringNode = Extract<Node, { type: 'string' }>;

/** Periods a search accepts, as GetMetricData's Period: 1, 5, 10, 20, 30, 60 or a multiple of 60 seconds. */
function periodSeconds(a: Args, i: number): number {
  const p = a.scalar(i);
  if (Number.isInteger(p) && p > 0 && ([1, 5, 10, 20, 30].includes(p) || p % 60 === 0)) return p;
  throw new MathError(
    'Invalid argument for SEARCH',
    a.node(i).position,
    undefined,
    `the period must be 1, 5, 10, 20, 30, 60 or a multiple of 60 seconds, got ${p}`,
  );
}

/**
 * The label CloudWatch gives each metric a search finds: its dimension values (in the schema's order when
 * there is one), followed by the metric name when the search finds more than one metric name, or the
 * metric name alone for a metric without dimensions.
 */
export function searchLabels(query: SearchQuery, found: readonly MetricId[]): string[] {
  const names = new Set(found.map((m) => m.metricName));
  const order = query.schema?.dimensionNames;
  return found.map((m) => {
    const dims = order ? order.map((n) => m.dimensions.find((d) => d.name === n)) : m.dimensions;
    const values = dims.flatMap((d) => (d ? [d.value] : []));
    if (values.length === 0 || names.size > 1) values.push(m.metricName);
    return values.join(' ');
  });
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * SEARCH('{Namespace, DimensionName, ...} search term', 'Statistic'[, period]): one series per metric that
 * reported data in the two weeks before now and matches the query, at most 500, ordered by label. Without
 * a period, the expression's own period is used.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/search-expression-syntax.html
 */
export function search(a: Args): Value {
  const queryNode = a.node(0) as StringNode;
  const statNode = a.node(1) as StringNode;
  // The string's content starts one character after its opening quote.
  const query = parseSearchQuery(queryNode.value, queryNode.position + 1);
  const stat = parseStat(statNode.value);
  if (!stat)
    throw new MathError(
      'Invalid argument for SEARCH',
      statNode.position,
      statNode.text,
      `'${statNode.value}' is not a statistic`,
    );
  const periodMs = a.length > 2 ? periodSeconds(a, 2) * 1000 : a.ctx.defaultPeriodMs;
  const found = a.ctx.searchableMetrics().filter((m) => matchesSearch(query, m));
  const labels = searchLabels(query, found);
  const ordered = found
    .map((metric, k) => ({ metric, label: labels[k] }))
    .sort((x, y) => compareText(x.label, y.label) || compareText(x.metric.namespace, y.metric.namespace))
    .slice(0, MAX_SEARCH_RESULTS);
  return array(ordered.map(({ metric, label }) => a.ctx.metricSeries({ metric, periodMs, stat }, label)));
}
