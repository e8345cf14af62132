// The time-range model shared by the URL, the picker and the queries. All instants are epoch
// milliseconds (UTC); periods returned for CloudWatch are seconds, and the names say which.

/** A time range: relative to "now" (`duration` like `3h`), or two fixed instants in epoch ms. */
export type TimeRange =
  { kind: 'relative'; duration: string } | { kind: 'absolute'; start: number; end: number };

/** How often the console re-queries: off, or every 10 s, 1 min or 5 min. */
export type RefreshInterval = 'off' | '10s' | '1m' | '5m';

/** The preset durations offered by the picker, shortest first. */
export const PRESET_DURATIONS = ['1h', '3h', '12h', '1d', '3d', '1w', '2w', '30d', '90d', '15M'] as const;

/** The refresh choices, in the order the picker lists them. */
export const REFRESH_INTERVALS: readonly RefreshInterval[] = ['off', '10s', '1m', '5m'];

/** The range a console opens with when the URL says nothing (or something invalid). */
export const DEFAULT_TIME_RANGE: TimeRange = { kind: 'relative', duration: '3h' };

/** The refresh interval a console opens with. */
export const DEFAULT_REFRESH: RefreshInterval = 'off';

const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** CloudWatch keeps metrics for 15 months, which it counts as 455 days. */
export const RETENTION_MS = 455 * DAY_MS;

/** How far past "now" a custom range may end (CloudWatch accepts datapoints up to 2 h in the future). */
export const MAX_FUTURE_MS = 2 * HOUR_MS;

const UNIT_MS: Record<string, number> = {
  m: MINUTE_MS,
  h: HOUR_MS,
  d: DAY_MS,
  w: 7 * DAY_MS,
  // A month is 1/15 of the retention, so `15M` is exactly the 455 days CloudWatch keeps.
  M: RETENTION_MS / 15,
};

/** The result of parsing a duration: its length in ms, or why it is not a valid duration. */
export type DurationParse = { ok: true; durationMs: number } | { ok: false; error: string };

/**
 * Parses `<n><unit>` (unit m = minutes, h, d, w, M = months of 455/15 days), e.g. `3h`, `15M`.
 * The duration must be at least a minute and at most the 15-month retention.
 */
export function parseDuration(text: string): DurationParse {
  const match = /^(\d+)([mhdwM])$/.exec(text);
  if (!match) {
    return {
      ok: false,
      error: `Invalid duration "${text}": use a whole number and a unit, m (minutes), h, d, w or M (months), e.g. 3h.`,
    };
  }
  const count = Number(match[1]);
  const durationMs = count * UNIT_MS[match[2]];
  if (count < 1) return { ok: false, error: `Invalid duration "${text}": it must be longer than zero.` };
  if (durationMs > RETENTION_MS) {
    return { ok: false, error: `Invalid duration "${text}": CloudWatch keeps at most 15 months (455 days).` };
  }
  return { ok: true, durationMs };
}

/** The instants a range covers at `nowMs`. Throws a RangeError for a malformed relative duration. */
export function resolveRange(range: TimeRange, nowMs: number): { start: number; end: number } {
  if (range.kind === 'absolute') return { start: range.start, end: range.end };
  const parsed = parseDuration(range.duration);
  if (!parsed.ok) throw new RangeError(parsed.error);
  return { start: nowMs - parsed.durationMs, end: nowMs };
}

/** Whether two ranges are the same selection. */
export function sameRange(a: TimeRange, b: TimeRange): boolean {
  if (a.kind === 'relative' && b.kind === 'relative') return a.duration === b.duration;
  if (a.kind === 'absolute' && b.kind === 'absolute') return a.start === b.start && a.end === b.end;
  return false;
}

/** The refresh interval in ms, or undefined when auto refresh is off. */
export function refreshIntervalMs(refresh: RefreshInterval): number | undefined {
  switch (refresh) {
    case '10s':
      return 10 * SECOND_MS;
    case '1m':
      return MINUTE_MS;
    case '5m':
      return 5 * MINUTE_MS;
    case 'off':
      return undefined;
  }
}

function isRefreshInterval(text: string): text is RefreshInterval {
  return (REFRESH_INTERVALS as readonly string[]).includes(text);
}

// A timezone is required so a shared link means the same instant for everyone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO 8601 instant with a timezone (`2026-11-21T10:15:00Z`) to epoch ms, or undefined. */
export function parseIsoInstant(text: string): number | undefined {
  if (!ISO_INSTANT.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Formats epoch ms as an ISO 8601 UTC instant, without milliseconds when they are zero. */
export function toIsoInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** Search params for a range and refresh interval: `range=3h` or `start=<ISO>&end=<ISO>`, plus `refresh`. */
export function rangeToSearchParams(range: TimeRange, refresh: RefreshInterval): URLSearchParams {
  const params = new URLSearchParams();
  if (range.kind === 'relative') {
    params.set('range', range.duration);
  } else {
    params.set('start', toIsoInstant(range.start));
    params.set('end', toIsoInstant(range.end));
  }
  params.set('refresh', refresh);
  return params;
}

/** What the URL says about time: the range, the refresh interval, and what was wrong with it, if anything. */
export interface RangeFromSearchParams {
  /** The range to show; the default (3h) when the URL has none or an invalid one. */
  range: TimeRange;
  /** The refresh interval; `off` when the URL has none or an invalid one. */
  refresh: RefreshInterval;
  /** Why some parameter was ignored, for a notice; undefined when everything was valid. */
  error?: string;
}

function rangeFromParams(params: URLSearchParams): { range?: TimeRange; error?: string } {
  const duration = params.get('range');
  const startText = params.get('start');
  const endText = params.get('end');
  if (duration !== null && (startText !== null || endText !== null)) {
    return { error: 'Use either range or start and end in the URL, not both.' };
  }
  if (duration !== null) {
    const parsed = parseDuration(duration);
    return parsed.ok ? { range: { kind: 'relative', duration } } : { error: parsed.error };
  }
  if (startText === null && endText === null) return {};
  if (startText === null || endText === null) {
    return { error: 'A custom time range needs both start and end.' };
  }
  const start = parseIsoInstant(startText);
  const end = parseIsoInstant(endText);
  if (start === undefined)
    return { error: `Invalid start "${startText}": use an ISO 8601 time with a timezone.` };
  if (end === undefined) return { error: `Invalid end "${endText}": use an ISO 8601 time with a timezone.` };
  if (start >= end) return { error: 'The start of the time range must be before its end.' };
  return { range: { kind: 'absolute', start, end } };
}

/**
 * Reads the range and refresh interval from search params. Each invalid parameter falls back to its
 * default (3h, refresh off) and is reported in `error`, so a bad link still opens a working console.
 */
export function rangeFromSearchParams(params: URLSearchParams): RangeFromSearchParams {
  const errors: string[] = [];
  const fromRange = rangeFromParams(params);
  if (fromRange.error) errors.push(fromRange.error);
  let refresh = DEFAULT_REFRESH;
  const refreshText = params.get('refresh');
  if (refreshText !== null) {
    if (isRefreshInterval(refreshText)) refresh = refreshText;
    else errors.push(`Invalid refresh "${refreshText}": use off, 10s, 1m or 5m.`);
  }
  return {
    range: fromRange.range ?? DEFAULT_TIME_RANGE,
    refresh,
    ...(errors.length > 0 ? { error: errors.join(' ') } : {}),
  };
}

/**
 * Doubles the window around its centre. The result is absolute; when it would end after `nowMs` it
 * moves back to end at now, keeping the doubled width (and never starting before the retention).
 */
export function zoomOut(range: TimeRange, nowMs: number): TimeRange {
  const { start, end } = resolveRange(range, nowMs);
  const width = end - start;
  const centre = start + width / 2;
  let newEnd = centre + width;
  let newStart = centre - width;
  if (newEnd > nowMs) {
    newEnd = nowMs;
    newStart = nowMs - 2 * width;
  }
  newStart = Math.max(newStart, nowMs - RETENTION_MS);
  return { kind: 'absolute', start: Math.round(newStart), end: Math.round(newEnd) };
}

/** Options for {@link autoPeriod}. */
export interface AutoPeriodOptions {
  /** Allow periods under 60 s (1, 5, 10, 30) for high-resolution metrics, on ranges of at most 3 h. */
  highResolution?: boolean;
}

// Periods CloudWatch accepts and that read well on an axis, in seconds; beyond a day, whole days.
const NICE_PERIODS_SECONDS = [1, 5, 10, 30, 60, 120, 300, 600, 900, 1800, 3600, 10800, 21600, 43200, 86400];
const DAY_SECONDS = 86_400;

/**
 * The smallest period the data still has at `startMs`: CloudWatch keeps 1 s data for 3 h, 1 min data
 * for 15 days, 5 min data for 63 days and 1 h data for 15 months. Boundaries are inclusive, so the
 * 3 h preset can still be drawn at high resolution.
 */
export function minimumPeriodSeconds(
  startMs: number,
  endMs: number,
  nowMs: number,
  options: AutoPeriodOptions = {},
): number {
  const ageMs = nowMs - startMs;
  if (ageMs <= 3 * HOUR_MS) return options.highResolution && endMs - startMs <= 3 * HOUR_MS ? 1 : 60;
  if (ageMs <= 15 * DAY_MS) return 60;
  if (ageMs <= 63 * DAY_MS) return 300;
  return 3600;
}

/**
 * The period in seconds for a chart `widthPx` wide, following the CloudWatch console: the smallest
 * allowed period that gives at most one datapoint per pixel, no finer than the data kept at that age
 * (see {@link minimumPeriodSeconds}) and a multiple of it.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html
 */
export function autoPeriod(
  startMs: number,
  endMs: number,
  widthPx: number,
  nowMs: number,
  options: AutoPeriodOptions = {},
): number {
  const minimum = minimumPeriodSeconds(startMs, endMs, nowMs, options);
  const columns = Number.isFinite(widthPx) ? Math.max(1, Math.floor(widthPx)) : 1;
  const rangeSeconds = Math.max(0, (endMs - startMs) / 1000);
  const fits = (period: number) => Math.ceil(rangeSeconds / period) <= columns;
  for (const period of NICE_PERIODS_SECONDS) {
    if (period >= minimum && period % minimum === 0 && fits(period)) return period;
  }
  return Math.ceil(rangeSeconds / (columns * DAY_SECONDS)) * DAY_SECONDS;
}

/** Formats epoch ms as the value of a `datetime-local` input, read as UTC (`2026-11-21T10:15`). */
export function toUtcDateTimeLocal(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

/** Parses a `datetime-local` value (`2026-11-21T10:15`, seconds optional) as UTC, or undefined. */
export function parseUtcDateTimeLocal(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(text)) return undefined;
  const ms = Date.parse(`${text}Z`);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Why a custom range cannot be applied, or undefined when it can: both instants valid, start before
 * end, end at most 2 h after now, start within the 15-month retention.
 */
export function validateCustomRange(
  startMs: number | undefined,
  endMs: number | undefined,
  nowMs: number,
): string | undefined {
  if (startMs === undefined) return 'Enter a valid start date and time.';
  if (endMs === undefined) return 'Enter a valid end date and time.';
  if (startMs >= endMs) return 'The start must be before the end.';
  if (endMs > nowMs + MAX_FUTURE_MS) return 'The end can be at most 2 hours after now.';
  if (startMs < nowMs - RETENTION_MS) return 'The start can be at most 15 months (455 days) ago.';
  return undefined;
}
