import type { TimeRange } from '../../../lib/time-range.ts';

const MINUTE_MS = 60_000;
const ISO_DURATION = /^-?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds of an ISO-8601 duration such as `-PT6H`, `-P7D` or `-P1W`; undefined if it is not one. */
export function isoDurationMs(text: string): number | undefined {
  const m = ISO_DURATION.exec(text.trim());
  if (!m || text.trim().replace('-', '') === 'P' || text.trim().endsWith('T')) return undefined;
  const [w, d, h, min, s] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
  const ms = ((((w * 7 + d) * 24 + h) * 60 + min) * 60 + s) * 1000;
  return ms > 0 ? ms : undefined;
}

/** The console's duration text (`6h`, `7d`, `2w`) for a length in ms, in whole minutes at least. */
export function durationText(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / MINUTE_MS));
  if (minutes % (7 * 1440) === 0) return `${minutes / (7 * 1440)}w`;
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

/** The ISO-8601 duration CloudWatch writes for a relative range, e.g. `-PT3H` or `-P7D`. */
export function isoDurationText(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / MINUTE_MS));
  if (minutes % 1440 === 0) return `-P${minutes / 1440}D`;
  if (minutes % 60 === 0) return `-PT${minutes / 60}H`;
  return `-PT${minutes}M`;
}

/**
 * A body's (or a widget's) `start`/`end` as a range: a relative ISO-8601 duration (`-PT6H`), or two
 * ISO-8601 instants. Undefined when `start` is absent or unreadable (the caller keeps its range).
 */
export function bodyRange(start: unknown, end: unknown): TimeRange | undefined {
  if (typeof start !== 'string') return undefined;
  const relative = isoDurationMs(start);
  if (relative !== undefined) return { kind: 'relative', duration: durationText(relative) };
  const s = Date.parse(start);
  const e = typeof end === 'string' ? Date.parse(end) : NaN;
  if (Number.isFinite(s) && Number.isFinite(e) && e > s) return { kind: 'absolute', start: s, end: e };
  return undefined;
}
