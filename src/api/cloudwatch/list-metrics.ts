import type { Engine, MetricId } from '../../engine/index.ts';
import { HOUR_MS } from '../../engine/index.ts';
import { invalidNextToken, invalidParameterValue } from './errors.ts';
import {
  type Json,
  booleanAt,
  decodeToken,
  dimensionsAt,
  dimensionsOut,
  encodeToken,
  metricNameAt,
  namespaceAt,
  stringAt,
} from './input.ts';

const PAGE = 500;

const order = (m: MetricId) =>
  `${m.namespace}\u0000${m.metricName}\u0000${m.dimensions.map((d) => `${d.name}=${d.value}`).join('\u0001')}`;

/**
 * ListMetrics: exact Namespace and MetricName filters, dimension filters (a metric matches when it has
 * every named dimension), RecentlyActive PT3H, 500 per page.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_ListMetrics.html
 */
export function listMetrics(input: Json, engine: Engine): Json {
  const namespace = namespaceAt(input, 'Namespace', 'Namespace');
  const metricName = metricNameAt(input, 'MetricName', 'MetricName');
  const dimensions = dimensionsAt(input, 'Dimensions', 'Dimensions', 10, true);
  const recentlyActive = stringAt(input, 'RecentlyActive', 'RecentlyActive');
  if (recentlyActive !== undefined && recentlyActive !== 'PT3H') {
    throw invalidParameterValue(
      `The value ${recentlyActive} for parameter RecentlyActive is invalid: the only accepted value is PT3H.`,
    );
  }
  booleanAt(input, 'IncludeLinkedAccounts', 'IncludeLinkedAccounts');
  const token = stringAt(input, 'NextToken', 'NextToken');
  const request = { namespace, metricName, dimensions, recentlyActive };
  let offset = 0;
  if (token !== undefined) {
    const p = decodeToken<number>(token, request);
    if (typeof p !== 'number') throw invalidNextToken();
    offset = p;
  }
  const now = engine.now();
  const metrics = engine
    .listMetrics({
      namespace,
      metricName,
      dimensions,
      activeSinceMs: recentlyActive ? now - 3 * HOUR_MS : undefined,
    })
    .map((m) => ({ m, k: order(m) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((x) => x.m);
  const page = metrics.slice(offset, offset + PAGE);
  const out: Json = {
    Metrics: page.map((m) => ({
      Namespace: m.namespace,
      MetricName: m.metricName,
      Dimensions: dimensionsOut(m.dimensions),
    })),
  };
  if (offset + PAGE < metrics.length) out.NextToken = encodeToken(request, offset + PAGE);
  return out;
}
