/**
 * CloudWatch's dashboard body JSON, as the console reads and edits it.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 *
 * The types are open: every object keeps the keys this console does not know (`[key: string]: unknown`),
 * and edits copy objects instead of rebuilding them, so a widget type or property we do not support
 * survives an import → edit → export round trip untouched.
 */
export interface DashboardBody {
  widgets: Widget[];
  /** Default range: a relative ISO-8601 duration such as `-PT6H`, or an absolute ISO-8601 time. */
  start?: string;
  end?: string;
  /** `inherit`: each graph's period is obeyed; `auto`: the period follows the range. */
  periodOverride?: string;
  variables?: DashboardVariable[];
  [key: string]: unknown;
}

/** The grid position every widget has: 24 columns; rows of the same height. */
export interface WidgetBase {
  type: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface MetricWidget extends WidgetBase {
  type: 'metric';
  properties: MetricWidgetProperties;
}

export interface TextWidget extends WidgetBase {
  type: 'text';
  properties: { markdown: string; background?: 'solid' | 'transparent'; [key: string]: unknown };
}

/** A widget backed by a Lambda function. Watchtrail draws one of them itself: see {@link AUDIT_EVENTS_FUNCTION}. */
export interface CustomWidget extends WidgetBase {
  type: 'custom';
  properties: {
    endpoint: string;
    params?: unknown;
    title?: string;
    updateOn?: { refresh?: boolean; resize?: boolean; timeRange?: boolean };
    [key: string]: unknown;
  };
}

/**
 * The audit-events widget is a CloudWatch custom widget whose Lambda function is named
 * `watchtrail-audit-events`: CloudWatch accepts and stores it like any custom widget, and Watchtrail
 * draws it from the audit trail (LookupEvents) instead of calling the function.
 */
export const AUDIT_EVENTS_FUNCTION = 'watchtrail-audit-events';

/** The audit-events widget's `params`. */
export interface AuditEventsParams {
  /** One LookupEvents attribute (CloudTrail takes at most one), e.g. `{ key: 'EventSource', value: 'lambda.amazonaws.com' }`. */
  lookup?: { key: string; value: string };
  /** Leave out read-only events (default true). */
  writesOnly?: boolean;
  /** Rows shown, 1–50 (default 10). */
  limit?: number;
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
  [key: string]: unknown;
}

/** Per-metric options: the object that may end a row of `metrics`. */
export interface MetricRenderingOptions {
  /** A metric math expression: a row that is only this object graphs the expression. */
  expression?: string;
  id?: string;
  /** May hold dynamic labels: `${AVG}`, `${MAX}`, `${MIN}`, `${SUM}`, `${LAST}`, `${FIRST}`, `${PROP('Dim.InstanceId')}`, … */
  label?: string;
  stat?: string;
  period?: number;
  color?: string;
  visible?: boolean;
  yAxis?: 'left' | 'right';
  region?: string;
  accountId?: string;
  [key: string]: unknown;
}

/** A row of `metrics`: Namespace, MetricName, then dimension name/value pairs, optionally the options. "." repeats the row above. */
export type MetricRow = (string | MetricRenderingOptions)[];

export interface YAxisSide {
  min?: number;
  max?: number;
  label?: string;
  showUnits?: boolean;
  [key: string]: unknown;
}

/** A horizontal annotation: a line at `value`, or a band between two of them (a 2-element array). */
export interface HorizontalAnnotation {
  value: number;
  label?: string;
  color?: string;
  fill?: 'above' | 'below' | 'none';
  visible?: boolean;
  yAxis?: 'left' | 'right';
  [key: string]: unknown;
}

/** A vertical annotation at an ISO-8601 time, or a band between two of them (a 2-element array). */
export interface VerticalAnnotation {
  value: string;
  label?: string;
  color?: string;
  fill?: 'before' | 'after' | 'none';
  visible?: boolean;
  [key: string]: unknown;
}

export type MetricView = 'timeSeries' | 'singleValue' | 'gauge' | 'bar' | 'pie' | 'table';

export interface MetricWidgetProperties {
  title?: string;
  view?: MetricView;
  stacked?: boolean;
  region?: string;
  metrics?: MetricRow[];
  stat?: string;
  period?: number;
  /** Per-widget time range, overriding the dashboard's (`-PT3H`, or ISO-8601 instants). */
  start?: string;
  end?: string;
  yAxis?: { left?: YAxisSide; right?: YAxisSide; [key: string]: unknown };
  legend?: { position?: 'bottom' | 'right' | 'hidden'; [key: string]: unknown };
  annotations?: {
    horizontal?: (HorizontalAnnotation | [HorizontalAnnotation, HorizontalAnnotation])[];
    vertical?: (VerticalAnnotation | [VerticalAnnotation, VerticalAnnotation])[];
    alarms?: string[];
    [key: string]: unknown;
  };
  liveData?: boolean;
  sparkline?: boolean;
  /** Watchtrail's own: the change since the previous period beside a number (default on). */
  trend?: boolean;
  setPeriodToTimeRange?: boolean;
  singleValueFullPrecision?: boolean;
  labels?: { visible?: boolean; [key: string]: unknown };
  table?: {
    layout?: 'horizontal' | 'vertical';
    showTimeSeriesData?: boolean;
    stickySummary?: boolean;
    summaryColumns?: string[];
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** A dashboard variable (property or pattern). https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_dashboard_variables.html */
export interface DashboardVariable {
  type: 'property' | 'pattern';
  /** For `property`: the dimension name (or other property) whose value every widget takes from the variable. */
  property?: string;
  /** For `pattern`: the text (a regular expression) replaced in every widget's JSON. */
  pattern?: string;
  inputType: 'input' | 'radio' | 'select';
  id: string;
  label?: string;
  defaultValue?: string;
  visible?: boolean;
  values?: { value: string; label?: string }[];
  /** Values from a metric search (select/radio), read from the dimension `populateFrom`. */
  search?: string;
  populateFrom?: string;
  [key: string]: unknown;
}

export const isMetricWidget = (w: WidgetBase): w is MetricWidget =>
  w.type === 'metric' && typeof w.properties === 'object' && w.properties !== null;
export const isTextWidget = (w: WidgetBase): w is TextWidget =>
  w.type === 'text' && typeof w.properties?.markdown === 'string';
export const isAlarmWidget = (w: WidgetBase): w is AlarmWidget =>
  w.type === 'alarm' && Array.isArray(w.properties?.alarms);
export const isCustomWidget = (w: WidgetBase): w is CustomWidget =>
  w.type === 'custom' && typeof w.properties?.endpoint === 'string';
/** The audit-events widget: a custom widget whose function is {@link AUDIT_EVENTS_FUNCTION} (by name or ARN). */
export const isAuditEventsWidget = (w: WidgetBase): w is CustomWidget =>
  isCustomWidget(w) &&
  (w.properties.endpoint === AUDIT_EVENTS_FUNCTION ||
    w.properties.endpoint.endsWith(`:function:${AUDIT_EVENTS_FUNCTION}`));

/** Any widget of a body; use the guards above to read its properties. */
export type Widget = WidgetBase;

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
  yAxis: 'left' | 'right';
}

/**
 * A row's strings with "." and "..." read against the row above: "." repeats the value at the same
 * place, "..." stands for as many "." as make the row as long as the one above (as the console writes).
 */
export function expandRowParts(written: readonly string[], previous: readonly string[]): string[] {
  const ellipsis = written.indexOf('...');
  const parts =
    ellipsis < 0
      ? written
      : [
          ...written.slice(0, ellipsis),
          ...Array<string>(Math.max(0, previous.length - (written.length - 1))).fill('.'),
          ...written.slice(ellipsis + 1),
        ];
  return parts.map((p, k) => (p === '.' ? (previous[k] ?? '') : p));
}

/** Expands a metric widget's `metrics` rows as CloudWatch reads them ("." and "..." repeat the row above). */
export function widgetMetrics(p: MetricWidgetProperties): WidgetMetric[] {
  const out: WidgetMetric[] = [];
  let previous: string[] = [];
  (p.metrics ?? []).forEach((row, i) => {
    if (!Array.isArray(row) || row.length === 0) return;
    const last = row[row.length - 1];
    const options: MetricRenderingOptions = typeof last === 'object' && last !== null ? last : {};
    const common = {
      period: options.period ?? p.period,
      label: options.label,
      color: options.color,
      visible: options.visible ?? true,
      yAxis: options.yAxis === 'right' ? ('right' as const) : ('left' as const),
    };
    if (row.length === 1 && options.expression !== undefined) {
      out.push({
        id: options.id ?? `e${i}`,
        expression: options.expression,
        namespace: '',
        metricName: '',
        dimensions: [],
        stat: '',
        ...common,
      });
      return;
    }
    const written = (typeof last === 'object' ? row.slice(0, -1) : row).map(String);
    const expanded = expandRowParts(written, previous);
    previous = expanded;
    const [namespace = '', metricName = '', ...dims] = expanded;
    const dimensions: { name: string; value: string }[] = [];
    for (let k = 0; k + 1 < dims.length; k += 2) dimensions.push({ name: dims[k], value: dims[k + 1] });
    out.push({
      id: options.id ?? `m${i}`,
      namespace,
      metricName,
      dimensions,
      stat: options.stat ?? p.stat ?? 'Average',
      ...common,
    });
  });
  return out;
}
