/** A metric's identity: "each unique combination of dimensions is a separate metric" (CloudWatch concepts). */
export interface Dimension {
  name: string;
  value: string;
}

export interface MetricId {
  namespace: string;
  metricName: string;
  dimensions: readonly Dimension[];
}

/** Dimension names and values are case-sensitive; order does not matter for identity. */
export function sortDimensions(dims: readonly Dimension[]): Dimension[] {
  return [...dims].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A stable key for a metric, independent of dimension order. */
export function metricKey(m: MetricId): string {
  let key = `${m.namespace}\u0000${m.metricName}`;
  for (const d of sortDimensions(m.dimensions)) key += `\u0000${d.name}\u0001${d.value}`;
  return key;
}

/** ListMetrics' DimensionFilter: a metric matches when it has every named dimension (extra ones allowed). */
export interface DimensionFilter {
  name: string;
  value?: string;
}

export function matchesDimensionFilters(m: MetricId, filters: readonly DimensionFilter[]): boolean {
  return filters.every((f) =>
    m.dimensions.some((d) => d.name === f.name && (f.value === undefined || d.value === f.value)),
  );
}
