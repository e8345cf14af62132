// Browsing and searching the metric list: namespaces → metric names → one row per metric, and a
// search across everything.
import type { MetricIdentity } from '../../lib/cloudwatch/metric-identity.ts';

/** The lower-case words of a search; a metric matches when it matches every one of them. */
export function searchTerms(query: string): string[] {
  return query.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * Whether every term is part (case-insensitively) of the metric's namespace, its name, or one of its
 * dimension names or values. No terms match everything.
 */
export function matchesSearch(metric: MetricIdentity, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const fields = [
    metric.namespace,
    metric.metricName,
    ...metric.dimensions.flatMap((d) => [d.name, d.value]),
  ].map((f) => f.toLowerCase());
  return terms.every((term) => fields.some((f) => f.includes(term)));
}

const compareText = (a: string, b: string) =>
  a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);

const dimensionText = (m: MetricIdentity) =>
  m.dimensions.map((d) => `${d.name}\u0001${d.value}`).join('\u0000');

/** Orders metrics by namespace, name, then dimensions, ignoring case and reading numbers as numbers. */
export function compareMetrics(a: MetricIdentity, b: MetricIdentity): number {
  return (
    compareText(a.namespace, b.namespace) ||
    compareText(a.metricName, b.metricName) ||
    compareText(dimensionText(a), dimensionText(b))
  );
}

/** The metrics that match `query`, in {@link compareMetrics} order. */
export function filterMetrics(metrics: readonly MetricIdentity[], query: string): MetricIdentity[] {
  const terms = searchTerms(query);
  return metrics.filter((m) => matchesSearch(m, terms)).sort(compareMetrics);
}

/** A namespace and how many metrics it holds. */
export interface NamespaceSummary {
  namespace: string;
  metricCount: number;
}

/** Every namespace, AWS/ and custom together in one alphabetical list, with its metric count. */
export function summarizeNamespaces(metrics: readonly MetricIdentity[]): NamespaceSummary[] {
  const counts = new Map<string, number>();
  for (const m of metrics) counts.set(m.namespace, (counts.get(m.namespace) ?? 0) + 1);
  return [...counts]
    .map(([namespace, metricCount]) => ({ namespace, metricCount }))
    .sort((a, b) => compareText(a.namespace, b.namespace));
}

/** A metric name in a namespace, how many metrics (dimension sets) carry it, and their dimension names. */
export interface MetricNameSummary {
  metricName: string;
  metricCount: number;
  /** The distinct dimension names across its metrics, sorted. */
  dimensionNames: string[];
}

/** The metric names of a namespace, alphabetical. */
export function summarizeMetricNames(
  metrics: readonly MetricIdentity[],
  namespace: string,
): MetricNameSummary[] {
  const byName = new Map<string, { count: number; names: Set<string> }>();
  for (const m of metrics) {
    if (m.namespace !== namespace) continue;
    let entry = byName.get(m.metricName);
    if (!entry) {
      entry = { count: 0, names: new Set() };
      byName.set(m.metricName, entry);
    }
    entry.count++;
    for (const d of m.dimensions) entry.names.add(d.name);
  }
  return [...byName]
    .map(([metricName, { count, names }]) => ({
      metricName,
      metricCount: count,
      dimensionNames: [...names].sort(compareText),
    }))
    .sort((a, b) => compareText(a.metricName, b.metricName));
}

/** The metrics with this namespace and name (one per dimension set), in {@link compareMetrics} order. */
export function metricsNamed(
  metrics: readonly MetricIdentity[],
  namespace: string,
  metricName: string,
): MetricIdentity[] {
  return metrics.filter((m) => m.namespace === namespace && m.metricName === metricName).sort(compareMetrics);
}

/** The dimension names of a set of metrics, one table column each, alphabetical. */
export function dimensionColumns(metrics: readonly MetricIdentity[]): string[] {
  const names = new Set<string>();
  for (const m of metrics) for (const d of m.dimensions) names.add(d.name);
  return [...names].sort(compareText);
}
