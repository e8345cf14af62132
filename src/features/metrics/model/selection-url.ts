// The graph's selection (metrics, statistic, period, math) in the URL, so a copied link reopens the
// same graph. Metrics are a compact base64url encoding of JSON grouped by namespace; the math (the
// metrics' Ids, visibility and bands, and the expressions) is a second param, `math`, written only
// when there is some, so links from before it still open and plain graphs keep their short links.
// The other params of the URL (the time range's `range`, `start`, `end`, `refresh`, …) are left as
// they are.
import { type MetricIdentity, canonicalMetric, metricKey } from '../../../lib/cloudwatch/metric-identity.ts';
import { DEFAULT_STAT, type PeriodChoice, parsePeriodChoice } from './graph-options.ts';
import {
  type MathExpression,
  type MetricQueryOptions,
  areDefaultMetricOptions,
  defaultMetricOptions,
  isExpressionId,
  isMetricId,
} from './graph-queries.ts';

/** What the graph shows: which metrics, with which statistic, at which period, and the math on them. */
export interface MetricsSelection {
  /** In graph order (which also sets their colours). */
  metrics: MetricIdentity[];
  /** Each metric's query Id, visibility and anomaly band; index-aligned with `metrics`. */
  metricOptions: MetricQueryOptions[];
  /** The math expressions, in the order they were added. */
  expressions: MathExpression[];
  /** A CloudWatch statistic as typed: `Average`, `p99`, `TM(10%:90%)`, …; empty while a custom one is being typed. */
  stat: string;
  period: PeriodChoice;
}

export const DEFAULT_SELECTION: MetricsSelection = {
  metrics: [],
  metricOptions: [],
  expressions: [],
  stat: DEFAULT_STAT,
  period: 'auto',
};

/** The search params the selection owns. */
export const SELECTION_PARAMS = ['metrics', 'stat', 'period', 'math'] as const;

/** GetMetricData's limit on an Expression's length. */
const MAX_EXPRESSION_LENGTH = 2048;

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/**
 * Encodes metrics as base64url of `[[namespace, [metricName, dimName, dimValue, …], …], …]`: runs of
 * metrics in one namespace share it, and the order of the metrics is kept.
 */
export function encodeMetrics(metrics: readonly MetricIdentity[]): string {
  const groups: [string, ...string[][]][] = [];
  for (const m of metrics) {
    const entry = [m.metricName, ...m.dimensions.flatMap((d) => [d.name, d.value])];
    const last = groups[groups.length - 1];
    if (last && last[0] === m.namespace) last.push(entry);
    else groups.push([m.namespace, entry]);
  }
  return toBase64Url(JSON.stringify(groups));
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** Decodes {@link encodeMetrics}; undefined when the text is not such an encoding. Duplicates are dropped. */
export function decodeMetrics(text: string): MetricIdentity[] | undefined {
  let groups: unknown;
  try {
    groups = JSON.parse(fromBase64Url(text));
  } catch {
    return undefined;
  }
  if (!Array.isArray(groups)) return undefined;
  const metrics: MetricIdentity[] = [];
  const seen = new Set<string>();
  for (const group of groups) {
    if (!Array.isArray(group) || !isString(group[0])) return undefined;
    const namespace = group[0];
    for (const entry of group.slice(1)) {
      if (!Array.isArray(entry) || entry.length % 2 !== 1 || !entry.every(isString)) return undefined;
      const [metricName, ...flat] = entry;
      const dimensions = [];
      for (let i = 0; i < flat.length; i += 2) dimensions.push({ name: flat[i], value: flat[i + 1] });
      const metric = canonicalMetric({ namespace, metricName, dimensions });
      const key = metricKey(metric);
      if (seen.has(key)) continue;
      seen.add(key);
      metrics.push(metric);
    }
  }
  return metrics;
}

type EncodedMetricOptions = [string, 0 | 1] | [string, 0 | 1, number];
type EncodedExpression = [string, string, string, 0 | 1];

/**
 * Encodes the math as base64url of `{"m": [[id, shown 1|0, bandWidth?], …], "e": [[id, expression,
 * label, shown 1|0], …]}`, `m` index-aligned with the metrics and left out while it holds only the
 * defaults (m1, m2, … shown, no band); undefined when there is nothing to write.
 */
export function encodeMath(
  options: readonly MetricQueryOptions[],
  expressions: readonly MathExpression[],
): string | undefined {
  const out: { m?: EncodedMetricOptions[]; e?: EncodedExpression[] } = {};
  if (!areDefaultMetricOptions(options)) {
    out.m = options.map((o) =>
      o.bandWidth === undefined ? [o.id, o.visible ? 1 : 0] : [o.id, o.visible ? 1 : 0, o.bandWidth],
    );
  }
  if (expressions.length > 0)
    out.e = expressions.map((e) => [e.id, e.expression, e.label, e.visible ? 1 : 0]);
  return out.m || out.e ? toBase64Url(JSON.stringify(out)) : undefined;
}

const isFlag = (v: unknown): v is 0 | 1 => v === 0 || v === 1;
const isBandWidth = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * Decodes {@link encodeMath} for a graph of `metricCount` metrics; undefined when the text is not
 * such an encoding, its options do not match the metrics, or an Id is repeated.
 */
export function decodeMath(
  text: string,
  metricCount: number,
): Pick<MetricsSelection, 'metricOptions' | 'expressions'> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(text));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { m, e } = parsed as { m?: unknown; e?: unknown };
  let metricOptions = defaultMetricOptions(metricCount);
  if (m !== undefined) {
    if (!Array.isArray(m) || m.length !== metricCount) return undefined;
    metricOptions = [];
    for (const item of m) {
      if (!Array.isArray(item) || item.length < 2 || item.length > 3) return undefined;
      const [id, shown, bandWidth] = item as unknown[];
      if (!isString(id) || !isMetricId(id) || !isFlag(shown)) return undefined;
      if (item.length === 3 && !isBandWidth(bandWidth)) return undefined;
      metricOptions.push({
        id,
        visible: shown === 1,
        ...(isBandWidth(bandWidth) ? { bandWidth } : {}),
      });
    }
  }
  const expressions: MathExpression[] = [];
  if (e !== undefined) {
    if (!Array.isArray(e)) return undefined;
    for (const item of e) {
      if (!Array.isArray(item) || item.length !== 4) return undefined;
      const [id, expression, label, shown] = item as unknown[];
      if (!isString(id) || !isExpressionId(id) || !isString(expression) || !isString(label) || !isFlag(shown))
        return undefined;
      if (expression.length > MAX_EXPRESSION_LENGTH) return undefined;
      expressions.push({ id, expression, label, visible: shown === 1 });
    }
  }
  const ids = [...metricOptions, ...expressions].map((x) => x.id);
  if (new Set(ids).size !== ids.length) return undefined;
  return { metricOptions, expressions };
}

/** What the URL says about the selection, and why part of it was ignored, if it was. */
export interface SelectionFromUrl {
  selection: MetricsSelection;
  /** Whether the URL has any selection param at all (a link to a graph, rather than a bare page). */
  present: boolean;
  error?: string;
}

/** Reads the selection from search params; each invalid param falls back to its default and is reported. */
export function selectionFromSearchParams(params: URLSearchParams): SelectionFromUrl {
  const errors: string[] = [];
  const present = SELECTION_PARAMS.some((k) => params.has(k));
  let metrics: MetricIdentity[] = [];
  const metricsText = params.get('metrics');
  if (metricsText) {
    const decoded = decodeMetrics(metricsText);
    if (decoded) metrics = decoded;
    else errors.push('The metrics in the link could not be read, so none are selected.');
  }
  let metricOptions = defaultMetricOptions(metrics.length);
  let expressions: MathExpression[] = [];
  const mathText = params.get('math');
  if (mathText) {
    const decoded = decodeMath(mathText, metrics.length);
    if (decoded) ({ metricOptions, expressions } = decoded);
    else errors.push('The math expressions in the link could not be read, so none are shown.');
  }
  const stat = params.get('stat')?.trim() || DEFAULT_STAT;
  let period: PeriodChoice = 'auto';
  const periodText = params.get('period');
  if (periodText !== null) {
    const parsed = parsePeriodChoice(periodText);
    if (parsed !== undefined) period = parsed;
    else
      errors.push(
        `Invalid period "${periodText}": use auto or one of the listed periods in seconds, e.g. 300.`,
      );
  }
  return {
    selection: { metrics, metricOptions, expressions, stat, period },
    present,
    ...(errors.length ? { error: errors.join(' ') } : {}),
  };
}

/**
 * `params` with the selection written in, other params untouched. A blank selection (nothing
 * checked, no expression, default statistic and period) leaves the selection params out.
 */
export function selectionToSearchParams(
  params: URLSearchParams,
  selection: MetricsSelection,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const k of SELECTION_PARAMS) next.delete(k);
  const blank =
    selection.metrics.length === 0 &&
    selection.expressions.length === 0 &&
    selection.stat === DEFAULT_STAT &&
    selection.period === 'auto';
  if (blank) return next;
  if (selection.metrics.length > 0) next.set('metrics', encodeMetrics(selection.metrics));
  if (selection.stat !== '') next.set('stat', selection.stat);
  next.set('period', String(selection.period));
  const math = encodeMath(selection.metricOptions, selection.expressions);
  if (math !== undefined) next.set('math', math);
  return next;
}
