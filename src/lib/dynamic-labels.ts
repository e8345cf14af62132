// CloudWatch's dynamic labels: `${AVG}`, `${PROP('Dim.InstanceId')}`… in a metric's label, filled
// from the points the graph shows and from the metric's own properties.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/graph-dynamic-labels.html

/** What a label's placeholders read: the shown points and the metric they belong to. */
export interface DynamicLabelContext {
  /** The points in the graph's range, epoch ms ascending, index-aligned with values (NaN = no value). */
  timestamps: readonly number[];
  values: readonly number[];
  /** "Now", epoch ms, for the `…_RELATIVE` values. */
  nowMs: number;
  /** The label CloudWatch would give the metric without one (`${LABEL}`). */
  defaultLabel: string;
  namespace?: string;
  metricName?: string;
  dimensions?: readonly { name: string; value: string }[];
  stat?: string;
  /** Seconds. */
  period?: number;
  region?: string;
  accountId?: string;
  accountLabel?: string;
}

/** The placeholders of the documented list, as they are written inside `${…}`. */
export const DYNAMIC_LABEL_VALUES = [
  'AVG',
  'DATAPOINT_COUNT',
  'FIRST',
  'FIRST_LAST_RANGE',
  'FIRST_LAST_TIME_RANGE',
  'FIRST_TIME',
  'FIRST_TIME_RELATIVE',
  'LABEL',
  'LAST',
  'LAST_TIME',
  'LAST_TIME_RELATIVE',
  'MAX',
  'MAX_TIME',
  'MAX_TIME_RELATIVE',
  'MIN',
  'MIN_MAX_RANGE',
  'MIN_MAX_TIME_RANGE',
  'MIN_TIME',
  'MIN_TIME_RELATIVE',
  'SUM',
] as const;

/** The properties `${PROP('…')}` reads; `Dim.<name>` reads a dimension's value. */
export const DYNAMIC_LABEL_PROPERTIES = [
  'AccountId',
  'AccountLabel',
  'Dim.<name>',
  'MetricName',
  'Namespace',
  'Period',
  'Region',
  'Stat',
] as const;

/** Whether a label has a placeholder to fill. */
export const isDynamicLabel = (label: string | undefined): boolean =>
  label !== undefined && /\$\{/.test(label);

/** A number as a label shows it: whole numbers as they are, others to 4 significant digits. */
export function formatLabelNumber(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (Number.isInteger(v)) return String(v);
  const abs = Math.abs(v);
  if (abs >= 1000) return String(Math.round(v * 100) / 100);
  return String(Number(v.toPrecision(4)));
}

/** A duration as labels show it: `2d 3h`, `1h 30m`, `45s`. */
export function formatLabelDuration(ms: number): string {
  let s = Math.round(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86_400);
  s -= d * 86_400;
  const h = Math.floor(s / 3_600);
  s -= h * 3_600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts = [d ? `${d}d` : '', h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].filter(Boolean);
  return parts.length > 0 ? parts.slice(0, 2).join(' ') : '0s';
}

/** An instant as labels show it: `2026-11-21 10:15 UTC`. */
export function formatLabelTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

interface Summary {
  count: number;
  sum: number;
  first?: { t: number; v: number };
  last?: { t: number; v: number };
  min?: { t: number; v: number };
  max?: { t: number; v: number };
}

function summarize(timestamps: readonly number[], values: readonly number[]): Summary {
  const out: Summary = { count: 0, sum: 0 };
  const n = Math.min(timestamps.length, values.length);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    const point = { t: timestamps[i], v };
    out.count++;
    out.sum += v;
    out.first ??= point;
    out.last = point;
    if (!out.min || v < out.min.v) out.min = point;
    if (!out.max || v > out.max.v) out.max = point;
  }
  return out;
}

function valueOf(name: string, s: Summary, ctx: DynamicLabelContext): string | undefined {
  const num = (v: number | undefined) => (v === undefined ? '' : formatLabelNumber(v));
  const time = (p: { t: number } | undefined) => (p ? formatLabelTime(p.t) : '');
  const relative = (p: { t: number } | undefined) => (p ? formatLabelDuration(ctx.nowMs - p.t) : '');
  switch (name) {
    case 'AVG':
      return s.count ? num(s.sum / s.count) : '';
    case 'SUM':
      return s.count ? num(s.sum) : '';
    case 'DATAPOINT_COUNT':
      return String(s.count);
    case 'FIRST':
      return num(s.first?.v);
    case 'LAST':
      return num(s.last?.v);
    case 'MIN':
      return num(s.min?.v);
    case 'MAX':
      return num(s.max?.v);
    case 'FIRST_LAST_RANGE':
      return s.first && s.last ? num(s.last.v - s.first.v) : '';
    case 'MIN_MAX_RANGE':
      return s.min && s.max ? num(s.max.v - s.min.v) : '';
    case 'FIRST_LAST_TIME_RANGE':
      return s.first && s.last ? formatLabelDuration(s.last.t - s.first.t) : '';
    case 'MIN_MAX_TIME_RANGE':
      return s.min && s.max ? formatLabelDuration(s.max.t - s.min.t) : '';
    case 'FIRST_TIME':
      return time(s.first);
    case 'LAST_TIME':
      return time(s.last);
    case 'MIN_TIME':
      return time(s.min);
    case 'MAX_TIME':
      return time(s.max);
    case 'FIRST_TIME_RELATIVE':
      return relative(s.first);
    case 'LAST_TIME_RELATIVE':
      return relative(s.last);
    case 'MIN_TIME_RELATIVE':
      return relative(s.min);
    case 'MAX_TIME_RELATIVE':
      return relative(s.max);
    case 'LABEL':
      return ctx.defaultLabel;
    default:
      return undefined;
  }
}

function propertyOf(name: string, ctx: DynamicLabelContext): string | undefined {
  if (name.startsWith('Dim.')) {
    // Dimension names are case-sensitive.
    return ctx.dimensions?.find((d) => d.name === name.slice(4))?.value ?? '';
  }
  switch (name) {
    case 'MetricName':
      return ctx.metricName ?? '';
    case 'Namespace':
      return ctx.namespace ?? '';
    case 'Stat':
      return ctx.stat ?? '';
    case 'Period':
      return ctx.period !== undefined ? String(ctx.period) : '';
    case 'Region':
      return ctx.region ?? '';
    case 'AccountId':
      return ctx.accountId ?? '';
    case 'AccountLabel':
      return ctx.accountLabel ?? ctx.accountId ?? '';
    default:
      return undefined;
  }
}

const PLACEHOLDER = /\$\{(?:PROP\((['"])([^'"]*)\1\)|([A-Z_]+))\}/g;

/**
 * The label with every documented placeholder filled; an unknown one is left as written (so a typo
 * shows, as in the console). Statistics skip missing values; an empty range gives empty values.
 */
export function resolveDynamicLabel(label: string, ctx: DynamicLabelContext): string {
  if (!isDynamicLabel(label)) return label;
  let summary: Summary | undefined;
  return label.replace(
    PLACEHOLDER,
    (whole, _quote: string, prop: string | undefined, name: string | undefined) => {
      if (prop !== undefined) return propertyOf(prop, ctx) ?? whole;
      summary ??= summarize(ctx.timestamps, ctx.values);
      return valueOf(name ?? '', summary, ctx) ?? whole;
    },
  );
}
