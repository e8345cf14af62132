/** One dimension of a metric: a name/value pair, both case-sensitive. */
export interface MetricDimension {
  name: string;
  value: string;
}

/** A CloudWatch metric: "each unique combination of dimensions is a separate metric". */
export interface MetricIdentity {
  namespace: string;
  metricName: string;
  /** Sorted by name when the metric went through {@link canonicalMetric}; order never matters for identity. */
  dimensions: MetricDimension[];
}

/** The metric with its dimensions sorted by name, so equal metrics look equal. */
export function canonicalMetric(m: MetricIdentity): MetricIdentity {
  const dimensions = [...m.dimensions].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { namespace: m.namespace, metricName: m.metricName, dimensions };
}

/** A stable key for a metric, independent of the order of its dimensions. */
export function metricKey(m: MetricIdentity): string {
  let key = `${m.namespace}\u0000${m.metricName}`;
  for (const d of canonicalMetric(m).dimensions) key += `\u0000${d.name}\u0001${d.value}`;
  return key;
}

/** A short name for a metric in legends and labels: its name and its dimension values, e.g. `CPUUtilization i-0abc`. */
export function metricLabel(m: MetricIdentity): string {
  return [m.metricName, ...m.dimensions.map((d) => d.value)].join(' ');
}
