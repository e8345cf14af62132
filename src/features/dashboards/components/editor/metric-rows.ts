// Edits of a metric widget's `metrics` rows that keep everything the editor does not touch: the
// "." shorthand stays valid, rendering options it does not know stay as they are.
import { type MetricIdentity, metricKey } from '../../../../lib/cloudwatch/metric-identity.ts';
import { type MetricRenderingOptions, type MetricRow, expandRowParts } from '../../model/dashboard-body.ts';
import { patchObject } from './widget-patch.ts';

const isOptions = (v: unknown): v is MetricRenderingOptions => typeof v === 'object' && v !== null;

/** A row's options object (its last element), if it has one. */
export function rowOptions(row: MetricRow): MetricRenderingOptions {
  const last = row[row.length - 1];
  return isOptions(last) ? last : {};
}

/** Whether a row is a metric math expression (only an options object with `expression`). */
export const isExpressionRow = (row: MetricRow): boolean =>
  row.length === 1 && isOptions(row[0]) && typeof row[0].expression === 'string';

/** Every row with "." and "..." expanded: the metric it names, or undefined for an expression row. */
export function rowMetrics(rows: readonly MetricRow[]): (MetricIdentity | undefined)[] {
  let previous: string[] = [];
  return rows.map((row) => {
    if (!Array.isArray(row) || row.length === 0 || isExpressionRow(row)) return undefined;
    const written = (isOptions(row[row.length - 1]) ? row.slice(0, -1) : row).map(String);
    const expanded = expandRowParts(written, previous);
    previous = expanded;
    const [namespace = '', metricName = '', ...dims] = expanded;
    const dimensions = [];
    for (let k = 0; k + 1 < dims.length; k += 2) dimensions.push({ name: dims[k], value: dims[k + 1] });
    return { namespace, metricName, dimensions };
  });
}

/** The keys ({@link metricKey}) of the metrics the rows name, for the picker's checkboxes. */
export function selectedMetricKeys(rows: readonly MetricRow[]): Set<string> {
  return new Set(rowMetrics(rows).flatMap((m) => (m ? [metricKey(m)] : [])));
}

/** The row that names a metric, written out in full. */
export const metricRow = (m: MetricIdentity): MetricRow => [
  m.namespace,
  m.metricName,
  ...m.dimensions.flatMap((d) => [d.name, d.value]),
];

/** The rows with row `index` removed; a following row that leaned on it through "." is written out. */
export function removeRow(rows: readonly MetricRow[], index: number): MetricRow[] {
  const metrics = rowMetrics(rows);
  return rows.flatMap((row, i) => {
    if (i === index) return [];
    if (i === index + 1 && metrics[i] && row.some((p) => p === '.' || p === '...')) {
      const options = rowOptions(row);
      const full = metricRow(metrics[i]);
      return [isOptions(row[row.length - 1]) ? [...full, options] : full];
    }
    return [row];
  });
}

/** Checks (appends) or unchecks (removes) metrics, as the picker does. */
export function toggleMetrics(
  rows: readonly MetricRow[],
  metrics: readonly MetricIdentity[],
  checked: boolean,
): MetricRow[] {
  const have = rowMetrics(rows).map((m) => (m ? metricKey(m) : undefined));
  if (checked) {
    const present = new Set(have);
    const added = metrics.filter((m) => !present.has(metricKey(m)));
    return [...rows, ...added.map(metricRow)];
  }
  const drop = new Set(metrics.map(metricKey));
  let next = [...rows];
  for (let i = have.length - 1; i >= 0; i--) {
    const key = have[i];
    if (key !== undefined && drop.has(key)) next = removeRow(next, i);
  }
  return next;
}

/**
 * The row with its options changed: keys set to undefined are removed, the others set; the options
 * object goes away when nothing is left in it (an expression row always keeps its object).
 */
export function updateRowOptions(row: MetricRow, patch: Partial<MetricRenderingOptions>): MetricRow {
  const hasOptions = isOptions(row[row.length - 1]);
  const options = patchObject(rowOptions(row), patch);
  const head = hasOptions ? row.slice(0, -1) : [...row];
  if (Object.keys(options).length === 0 && head.length > 0) return head;
  return [...head, options];
}

/** The ids the rows use, given and default (`m<i>`/`e<i>` as {@link widgetMetrics} names them), except row `except`. */
export function idsInUse(rows: readonly MetricRow[], except?: number): string[] {
  return rows.flatMap((row, i) => {
    if (i === except || !Array.isArray(row)) return [];
    const id = rowOptions(row).id;
    return [typeof id === 'string' ? id : isExpressionRow(row) ? `e${i}` : `m${i}`];
  });
}

/** A new expression row with the next free id `e<n>`. */
export function newExpressionRow(rows: readonly MetricRow[]): MetricRow {
  const used = new Set(idsInUse(rows));
  let n = 1;
  while (used.has(`e${n}`)) n++;
  return [{ expression: 'SUM(METRICS())', label: `Expression${n}`, id: `e${n}` }];
}
