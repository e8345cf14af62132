// What a widget's properties mean for drawing it, as pure functions: its own time range, its
// period, and CloudWatch's annotations in the chart's terms.
import type { ChartAnnotations } from '../../../../components/charts/time-series-chart.tsx';
import type { GaugeAnnotation } from '../../../../components/charts/gauge-chart.tsx';
import { autoPeriod, parseIsoInstant } from '../../../../lib/time-range.ts';
import type {
  HorizontalAnnotation,
  MetricWidgetProperties,
  VerticalAnnotation,
} from '../../model/dashboard-body.ts';

const UNIT_MS: Record<string, number> = {
  Y: 365 * 86_400_000,
  M: 30 * 86_400_000,
  W: 7 * 86_400_000,
  D: 86_400_000,
  H: 3_600_000,
  m: 60_000,
  S: 1_000,
};

/**
 * An ISO-8601 duration as CloudWatch's `start`/`end` take it (`-PT3H`, `-P7D`, `-PT1H30M`, `-P1W`),
 * in ms (negative for the past), or undefined when the text is not one.
 */
export function parseIsoDuration(text: string): number | undefined {
  const m =
    /^([+-]?)P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(
      text.trim(),
    );
  if (!m || /^[+-]?PT?$/i.test(text.trim())) return undefined;
  const parts: [string | undefined, number][] = [
    [m[2], UNIT_MS.Y],
    [m[3], UNIT_MS.M],
    [m[4], UNIT_MS.W],
    [m[5], UNIT_MS.D],
    [m[6], UNIT_MS.H],
    [m[7], UNIT_MS.m],
    [m[8], UNIT_MS.S],
  ];
  const ms = parts.reduce((t, [v, unit]) => t + (v ? Number(v) * unit : 0), 0);
  return m[1] === '-' ? -ms : ms;
}

/** An instant of a body's `start`/`end`: a duration relative to now, or an ISO-8601 instant. */
export function resolveBodyTime(text: string | undefined, nowMs: number): number | undefined {
  if (text === undefined || text === '') return undefined;
  const duration = parseIsoDuration(text);
  if (duration !== undefined) return nowMs + duration;
  return parseIsoInstant(text) ?? (Number.isFinite(Date.parse(text)) ? Date.parse(text) : undefined);
}

/** The range a widget draws: its own when its properties set `start` (and maybe `end`). */
export interface WidgetRange {
  startMs: number;
  endMs: number;
  /** Set when the widget overrides the dashboard's range: what its badge says. */
  own?: string;
}

/** Says a duration the way the badge does: `3h`, `7d`, `1h 30m`. */
function shortDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return [d ? `${d}d` : '', h ? `${h}h` : '', m ? `${m}m` : ''].filter(Boolean).join(' ') || '0m';
}

/** The widget's range: the dashboard's, unless the widget's `start` (and `end`) parse. */
export function widgetRange(
  properties: { start?: unknown; end?: unknown },
  startMs: number,
  endMs: number,
  nowMs: number,
): WidgetRange {
  const startText = typeof properties.start === 'string' ? properties.start : undefined;
  const endText = typeof properties.end === 'string' ? properties.end : undefined;
  const start = resolveBodyTime(startText, nowMs);
  if (start === undefined) return { startMs, endMs };
  const end = resolveBodyTime(endText, nowMs) ?? nowMs;
  if (!(end > start)) return { startMs, endMs };
  const relative =
    parseIsoDuration(startText ?? '') !== undefined &&
    (endText === undefined || parseIsoDuration(endText) !== undefined);
  const own =
    relative && end === nowMs
      ? `Last ${shortDuration(end - start)}`
      : `${new Date(start).toISOString().slice(0, 16).replace('T', ' ')} – ${new Date(end).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return { startMs: start, endMs: end, own };
}

/** A valid CloudWatch period in seconds: 1, 5, 10, 20, 30 or a multiple of 60. */
const validPeriod = (p: unknown): p is number =>
  typeof p === 'number' && Number.isInteger(p) && p > 0 && ([1, 5, 10, 20, 30].includes(p) || p % 60 === 0);

/**
 * The period a widget queries with. `setPeriodToTimeRange` (numbers, bars, pies, gauges, tables):
 * one period spanning the range. Otherwise with the dashboard's `periodOverride` 'inherit' the
 * widget's own period is obeyed; with 'auto' (CloudWatch's default) the period follows the range
 * and the pixels, never finer than the widget's own.
 */
export function widgetPeriod(
  p: Pick<MetricWidgetProperties, 'period' | 'setPeriodToTimeRange' | 'view'>,
  startMs: number,
  endMs: number,
  columns: number,
  nowMs: number,
  periodOverride: string | undefined,
): number {
  const view = p.view ?? 'timeSeries';
  if (p.setPeriodToTimeRange && view !== 'timeSeries') {
    return Math.max(60, Math.ceil((endMs - startMs) / 60_000) * 60);
  }
  const auto = autoPeriod(startMs, endMs, Math.max(10, columns), nowMs);
  if (!validPeriod(p.period)) return auto;
  if (periodOverride === 'inherit') return p.period;
  return Math.max(p.period, auto);
}

/** CloudWatch colours are `#rrggbb`; bodies sometimes leave the `#` out. */
export function cssColor(color: unknown): string | undefined {
  if (typeof color !== 'string' || color === '') return undefined;
  if (/^[0-9a-f]{3}([0-9a-f]{3})?$/i.test(color)) return `#${color}`;
  return /^(#[0-9a-f]{3,8}|[a-z]+|rgba?\([\d\s.,%]+\))$/i.test(color) ? color : undefined;
}

type Pair<T> = T | [T, T];
const isPair = <T>(a: Pair<T>): a is [T, T] => Array.isArray(a);
const shown = (a: { visible?: boolean } | undefined) => a !== undefined && a.visible !== false;

/** A widget's horizontal annotations as the chart draws them (hidden ones left out). */
export function horizontalAnnotations(
  list: readonly Pair<HorizontalAnnotation>[] | undefined,
): NonNullable<ChartAnnotations['horizontal']> {
  const out: NonNullable<ChartAnnotations['horizontal']> = [];
  for (const item of list ?? []) {
    if (isPair(item)) {
      const [a, b] = item;
      if (!shown(a) || typeof a.value !== 'number' || typeof b?.value !== 'number') continue;
      out.push({
        value: a.value,
        to: b.value,
        ...(a.label ? { label: a.label } : {}),
        ...(cssColor(a.color) ? { color: cssColor(a.color) } : {}),
        ...(a.yAxis === 'right' ? { axis: 'right' as const } : {}),
      });
      continue;
    }
    if (!shown(item) || typeof item.value !== 'number') continue;
    out.push({
      value: item.value,
      ...(item.label ? { label: item.label } : {}),
      ...(cssColor(item.color) ? { color: cssColor(item.color) } : {}),
      ...(item.fill === 'above' || item.fill === 'below' ? { fill: item.fill } : {}),
      ...(item.yAxis === 'right' ? { axis: 'right' as const } : {}),
    });
  }
  return out;
}

/** A widget's vertical annotations: lines at instants, and shaded spans (bands, fills before/after). */
export function verticalAnnotations(
  list: readonly Pair<VerticalAnnotation>[] | undefined,
  startMs: number,
  endMs: number,
): Pick<ChartAnnotations, 'verticals' | 'ranges'> {
  const verticals: NonNullable<ChartAnnotations['verticals']> = [];
  const ranges: NonNullable<ChartAnnotations['ranges']> = [];
  const time = (a: VerticalAnnotation | undefined) =>
    a ? (parseIsoInstant(a.value) ?? Date.parse(a.value)) : Number.NaN;
  for (const item of list ?? []) {
    const first = isPair(item) ? item[0] : item;
    if (!shown(first)) continue;
    const color = cssColor(first.color) ?? '#64748b';
    const label = first.label;
    if (isPair(item)) {
      const a = time(item[0]);
      const b = time(item[1]);
      if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
      ranges.push({ startMs: Math.min(a, b), endMs: Math.max(a, b), color, ...(label ? { label } : {}) });
      continue;
    }
    const t = time(item);
    if (!Number.isFinite(t)) continue;
    verticals.push({ timeMs: t, color, ...(label ? { label } : {}) });
    if (item.fill === 'before' && t > startMs) ranges.push({ startMs, endMs: t, color });
    if (item.fill === 'after' && t < endMs) ranges.push({ startMs: t, endMs, color });
  }
  return { verticals, ranges };
}

/** Horizontal annotations as a gauge's colour bands read them (left axis only). */
export function gaugeAnnotations(list: readonly Pair<HorizontalAnnotation>[] | undefined): GaugeAnnotation[] {
  return horizontalAnnotations(list)
    .filter((h) => h.axis !== 'right')
    .map((h) => ({
      value: h.value,
      ...(h.to !== undefined ? { to: h.to } : {}),
      ...(h.color ? { color: h.color } : {}),
      ...(h.fill ? { fill: h.fill } : {}),
    }));
}

/** A widget's title: its own, or the names of its metrics as CloudWatch makes one up. */
export function metricWidgetTitle(p: MetricWidgetProperties): string {
  if (typeof p.title === 'string' && p.title !== '') return p.title;
  const names = (p.metrics ?? [])
    .map((row) => (Array.isArray(row) && typeof row[1] === 'string' && row[1] !== '.' ? row[1] : undefined))
    .filter((n): n is string => n !== undefined);
  const unique = [...new Set(names)];
  if (unique.length > 0) return unique.join(', ');
  return (p.annotations?.alarms?.length ?? 0) > 0 ? 'Alarm' : 'Untitled graph';
}
