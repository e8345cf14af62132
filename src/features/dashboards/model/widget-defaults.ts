// New widgets, as the CloudWatch console writes them when you add one: sizes on the 24-column grid
// (graphs 6×6, a number 6×3, text full width), `region` on metric widgets, the view's defaults.
// They have no x/y: the grid places them in the first free slot.
import {
  AUDIT_EVENTS_FUNCTION,
  type AuditEventsParams,
  type CustomWidget,
  type MetricView,
  type MetricWidget,
  type Widget,
} from './dashboard-body.ts';

/** What the "Add widget" catalog offers. */
export type CatalogKind =
  'line' | 'stackedArea' | 'number' | 'gauge' | 'bar' | 'pie' | 'alarmStatus' | 'text' | 'auditEvents';

/** One entry of the catalog. */
export interface CatalogEntry {
  kind: CatalogKind;
  label: string;
  description: string;
}

export const WIDGET_CATALOG: readonly CatalogEntry[] = [
  { kind: 'line', label: 'Line', description: 'Compare metrics over time.' },
  {
    kind: 'stackedArea',
    label: 'Stacked area',
    description: 'Compare the total over time, and each part of it.',
  },
  { kind: 'number', label: 'Number', description: 'The latest value of a metric, as a number.' },
  { kind: 'gauge', label: 'Gauge', description: 'The latest value of a metric within a range.' },
  { kind: 'bar', label: 'Bar', description: 'Compare metrics side by side as bars.' },
  { kind: 'pie', label: 'Pie', description: 'Each metric as a share of the whole.' },
  { kind: 'alarmStatus', label: 'Alarm status', description: 'The state of a set of alarms, a tile each.' },
  { kind: 'text', label: 'Text', description: 'Free text with Markdown: notes, links, headings.' },
  {
    kind: 'auditEvents',
    label: 'Audit events',
    description: 'The latest audit-trail events (LookupEvents), such as changes to alarms.',
  },
];

/** The region the console writes on new metric widgets. */
export const DEFAULT_REGION = 'us-east-1';
/** The period the console gives new graphs (seconds). */
export const DEFAULT_PERIOD = 300;

/** The markdown a new text widget starts with. */
export const NEW_TEXT_MARKDOWN =
  '# Text\nWrite **Markdown** here: headings, lists, [links](https://example.com), tables.';

const metricWidget = (
  view: MetricView,
  width: number,
  height: number,
  extra: Partial<MetricWidget['properties']> = {},
  region = DEFAULT_REGION,
): MetricWidget => ({
  type: 'metric',
  width,
  height,
  properties: {
    metrics: [],
    view,
    stacked: false,
    region,
    stat: 'Average',
    period: DEFAULT_PERIOD,
    ...extra,
  },
});

/** A new widget of this kind; metric widgets start with no metrics (the editor opens on them). */
export function newWidget(kind: CatalogKind, region: string = DEFAULT_REGION): Widget {
  switch (kind) {
    case 'line':
      return metricWidget('timeSeries', 6, 6, {}, region);
    case 'stackedArea':
      return metricWidget('timeSeries', 6, 6, { stacked: true }, region);
    case 'number':
      return metricWidget('singleValue', 6, 3, { sparkline: true }, region);
    case 'gauge':
      return metricWidget('gauge', 6, 6, { yAxis: { left: { min: 0, max: 100 } } }, region);
    case 'bar':
      return metricWidget('bar', 6, 6, {}, region);
    case 'pie':
      return metricWidget('pie', 6, 6, { labels: { visible: true } }, region);
    case 'alarmStatus':
      return {
        type: 'alarm',
        width: 24,
        height: 3,
        properties: { title: 'Alarm status', alarms: [], sortBy: 'stateUpdatedTimestamp' },
      };
    case 'text':
      return { type: 'text', width: 24, height: 2, properties: { markdown: NEW_TEXT_MARKDOWN } };
    case 'auditEvents': {
      const params: AuditEventsParams = { writesOnly: true, limit: 10 };
      const widget: CustomWidget = {
        type: 'custom',
        width: 12,
        height: 6,
        properties: {
          endpoint: AUDIT_EVENTS_FUNCTION,
          title: 'Audit events',
          params,
          updateOn: { refresh: true, resize: false, timeRange: true },
        },
      };
      return widget;
    }
  }
}
