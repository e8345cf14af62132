/**
 * CloudWatch's dashboard body JSON, the subset this console draws: metric widgets (timeSeries,
 * singleValue, gauge; stacked or not), text widgets and alarm status widgets on a 24-column grid.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 */
export interface DashboardBody {
  start?: string;
  periodOverride?: 'auto' | 'inherit';
  widgets: Widget[];
}

export type Widget = MetricWidget | TextWidget | AlarmWidget;

interface WidgetBase {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}

export interface MetricWidget extends WidgetBase {
  type: 'metric';
  properties: MetricWidgetProperties;
}

export interface TextWidget extends WidgetBase {
  type: 'text';
  properties: { markdown: string; background?: 'solid' | 'transparent' };
}

/** An alarm state, as alarm status widgets filter on it. */
export type AlarmStateValue = 'ALARM' | 'INSUFFICIENT_DATA' | 'OK';

/**
 * How an alarm status widget orders its alarms (the CDK's AlarmStatusWidgetSortBy): `default` by
 * name; `stateUpdatedTimestamp` ALARM first, then INSUFFICIENT_DATA, then OK, each most recently
 * changed first; `timestamp` most recently changed first, whatever the state.
 */
export type AlarmSortBy = 'default' | 'stateUpdatedTimestamp' | 'timestamp';

/** The alarm status widget: a tile per alarm, coloured by its state. */
export interface AlarmWidget extends WidgetBase {
  type: 'alarm';
  properties: AlarmWidgetProperties;
}

export interface AlarmWidgetProperties {
  /** Default "Alarm Status". */
  title?: string;
  /**
   * Alarm ARNs (CloudWatch takes 1–100). Watchtrail reads an empty list as "every alarm", so a
   * dashboard written before the alarms existed still shows them (the widget's help says so).
   */
  alarms: string[];
  sortBy?: AlarmSortBy;
  /** Only alarms currently in these states; omitted or empty = all. */
  states?: AlarmStateValue[];
}

/** Per-metric options: the object that may end a row of `metrics`. */
export interface MetricRenderingOptions {
  /** A metric math expression: a row that is only this object graphs the expression. */
  expression?: string;
  id?: string;
  label?: string;
  stat?: string;
  period?: number;
  color?: string;
  visible?: boolean;
  yAxis?: 'left' | 'right';
}

/** A row of `metrics`: Namespace, MetricName, then dimension name/value pairs, optionally the options. "." repeats the row above. */
export type MetricRow = (string | MetricRenderingOptions)[];

export interface MetricWidgetProperties {
  title?: string;
  view?: 'timeSeries' | 'singleValue' | 'gauge';
  stacked?: boolean;
  region?: string;
  metrics: MetricRow[];
  stat?: string;
  period?: number;
  yAxis?: { left?: { min?: number; max?: number; label?: string; showUnits?: boolean } };
  sparkline?: boolean;
  trend?: boolean;
  setPeriodToTimeRange?: boolean;
}

/** One metric of a widget, with the "." shorthand expanded and the widget's defaults applied. */
export interface WidgetMetric {
  id: string;
  /** Set for a metric math row; namespace and metric name are empty then. */
  expression?: string;
  namespace: string;
  metricName: string;
  dimensions: { name: string; value: string }[];
  stat: string;
  period?: number;
  label?: string;
  color?: string;
  visible: boolean;
}

/** Expands a metric widget's `metrics` rows as CloudWatch reads them. */
export function widgetMetrics(p: MetricWidgetProperties): WidgetMetric[] {
  const out: WidgetMetric[] = [];
  let previous: string[] = [];
  p.metrics.forEach((row, i) => {
    const last = row[row.length - 1];
    const options: MetricRenderingOptions = typeof last === 'object' ? last : {};
    if (row.length === 1 && options.expression !== undefined) {
      out.push({
        id: options.id ?? `e${i}`,
        expression: options.expression,
        namespace: '',
        metricName: '',
        dimensions: [],
        stat: '',
        period: options.period ?? p.period,
        label: options.label,
        color: options.color,
        visible: options.visible ?? true,
      });
      return;
    }
    const parts = (typeof last === 'object' ? row.slice(0, -1) : row) as string[];
    const expanded = parts.map((part, k) => (part === '.' ? (previous[k] ?? '') : part));
    previous = expanded;
    const [namespace, metricName, ...dims] = expanded;
    const dimensions: { name: string; value: string }[] = [];
    for (let k = 0; k + 1 < dims.length; k += 2) dimensions.push({ name: dims[k], value: dims[k + 1] });
    out.push({
      id: options.id ?? `m${i}`,
      namespace,
      metricName,
      dimensions,
      stat: options.stat ?? p.stat ?? 'Average',
      period: options.period ?? p.period,
      label: options.label,
      color: options.color,
      visible: options.visible ?? true,
    });
  });
  return out;
}
