// The arithmetic of the tuner's lanes, apart from drawing: values to pixels and back, the y axis's
// round ticks, threshold steps for the keyboard, and what each pixel column of a lane shows.

/** A y range [min, max], min < max. */
export type Domain = readonly [number, number];

/** A vertical extent of a plot in CSS px: `top` is where `max` sits, `top + height` where `min` sits. */
export interface Extent {
  top: number;
  height: number;
}

/** The y (px) of `v`. */
export function valueToY(v: number, [min, max]: Domain, { top, height }: Extent): number {
  return top + ((max - v) / (max - min)) * height;
}

/** The value at `y` (px), clamped to the domain. */
export function yToValue(y: number, [min, max]: Domain, { top, height }: Extent): number {
  const f = height > 0 ? (top + height - y) / height : 0;
  return min + Math.min(1, Math.max(0, f)) * (max - min);
}

/** The x (px from the plot's left) of instant `t`. */
export function timeToX(t: number, startMs: number, endMs: number, width: number): number {
  return endMs > startMs ? ((t - startMs) / (endMs - startMs)) * width : 0;
}

/** The instant at `x` px from the plot's left, clamped to the range. */
export function xToTime(x: number, startMs: number, endMs: number, width: number): number {
  const f = width > 0 ? Math.min(1, Math.max(0, x / width)) : 0;
  return startMs + f * (endMs - startMs);
}

/** The smallest 1, 2 or 5 × 10ⁿ at least `rough` (> 0). */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const f = rough / power;
  const m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return m * power;
}

/** Rounds `v` to a multiple of `step` without floating-point noise (0.1 + 0.2 reads 0.3). */
export function roundTo(v: number, step: number): number {
  if (!(step > 0)) return v;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number((Math.round(v / step) * step).toFixed(Math.min(20, decimals)));
}

/**
 * Round ticks within [min, max] (at most about `maxTicks`, on multiples of a 1/2/5 step); the domain
 * is [min, max] itself (widened when empty), so the data fills the lane.
 */
export function niceTicks(min: number, max: number, maxTicks: number): { domain: Domain; ticks: number[] } {
  let lo = min;
  let hi = max;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 1];
  if (lo > hi) [lo, hi] = [hi, lo];
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep((hi - lo) / Math.max(1, Math.floor(maxTicks)));
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step); k * step <= hi; k++) ticks.push(roundTo(k * step, step));
  return { domain: [lo, hi], ticks };
}

/**
 * The y domain of the metric lane: the data, the band and the thresholds, padded by 8 %, with round
 * ticks. Non-negative data keeps the axis at 0 or above.
 */
export function metricDomain(
  dataMin: number,
  dataMax: number,
  also: readonly (number | undefined)[],
  maxTicks: number,
): { domain: Domain; ticks: number[] } {
  let lo = dataMin;
  let hi = dataMax;
  for (const v of also) {
    if (v === undefined || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return niceTicks(0, 1, maxTicks);
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
  const floor = lo >= 0 ? 0 : -Infinity;
  return niceTicks(Math.max(floor, lo - pad), hi + pad, maxTicks);
}

/** The finite minimum and maximum of `values` at `timestamps` within [startMs, endMs]. */
export function extentIn(
  timestamps: ArrayLike<number>,
  values: ArrayLike<number>,
  startMs: number,
  endMs: number,
): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  const n = Math.min(timestamps.length, values.length);
  for (let i = 0; i < n; i++) {
    const t = timestamps[i];
    if (t < startMs || t > endMs) continue;
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** Keys that move the threshold handle. */
export type ThresholdKey =
  'ArrowUp' | 'ArrowDown' | 'ArrowRight' | 'ArrowLeft' | 'PageUp' | 'PageDown' | 'Home' | 'End';

/**
 * Where a key moves the threshold within `domain`: arrows by 1 % of the range, Page keys by 10 %,
 * Home and End to the ends; undefined for other keys. The result is rounded to the step's precision.
 */
export function keyboardThreshold(key: string, value: number, [min, max]: Domain): number | undefined {
  const range = max - min;
  const small = range / 100;
  const precision = niceStep(small) / 10;
  const clamp = (v: number) => Math.min(max, Math.max(min, roundTo(v, precision)));
  switch (key) {
    case 'ArrowUp':
    case 'ArrowRight':
      return clamp(value + small);
    case 'ArrowDown':
    case 'ArrowLeft':
      return clamp(value - small);
    case 'PageUp':
      return clamp(value + range / 10);
    case 'PageDown':
      return clamp(value - range / 10);
    case 'Home':
      return min;
    case 'End':
      return max;
    default:
      return undefined;
  }
}

/** A dragged threshold: the value at `y`, rounded to what one pixel can tell apart. */
export function dragThreshold(y: number, domain: Domain, extent: Extent): number {
  const perPixel = (domain[1] - domain[0]) / Math.max(1, extent.height);
  return roundTo(yToValue(y, domain, extent), niceStep(perPixel) / 2);
}

/** What a column of the datapoints lane shows. */
export const COLUMN_MISSING = 0;
export const COLUMN_OK = 1;
export const COLUMN_BREACHING = 2;
/** No slot of the history in this column. */
export const COLUMN_NONE = 3;

/**
 * Per pixel column of [startMs, endMs), the class of the alarm's datapoints there: breaching if any
 * slot is (2), else not breaching if any slot is (1), else missing (0); 3 where the history has no
 * slot. `slotClass[k]` is the class of the period starting at firstSlotMs + k × periodMs.
 */
export function classifyColumns(
  slotClass: ArrayLike<number>,
  firstSlotMs: number,
  periodMs: number,
  startMs: number,
  endMs: number,
  columns: number,
): Uint8Array {
  const out = new Uint8Array(Math.max(0, columns)).fill(COLUMN_NONE);
  const n = slotClass.length;
  if (columns <= 0 || n === 0 || !(periodMs > 0) || !(endMs > startMs)) return out;
  const perColumn = (endMs - startMs) / columns;
  for (let c = 0; c < columns; c++) {
    const t0 = startMs + c * perColumn;
    const t1 = t0 + perColumn;
    const first = Math.floor((t0 - firstSlotMs) / periodMs);
    const last = Math.max(first, Math.ceil((t1 - firstSlotMs) / periodMs) - 1);
    if (first > n - 1 || last < 0) continue;
    const k0 = Math.max(0, first);
    const k1 = Math.min(n - 1, last);
    let cls = COLUMN_MISSING;
    for (let k = k0; k <= k1; k++) {
      const s = slotClass[k];
      if (s === COLUMN_BREACHING) {
        cls = COLUMN_BREACHING;
        break;
      }
      if (s === COLUMN_OK) cls = COLUMN_OK;
    }
    out[c] = cls;
  }
  return out;
}

/** How many slots of each class (missing, not breaching, breaching) lie in [startMs, endMs). */
export function countSlots(
  slotClass: ArrayLike<number>,
  firstSlotMs: number,
  periodMs: number,
  startMs: number,
  endMs: number,
): [missing: number, ok: number, breaching: number] {
  const counts: [number, number, number] = [0, 0, 0];
  if (!(periodMs > 0)) return counts;
  const k0 = Math.max(0, Math.ceil((startMs - firstSlotMs) / periodMs));
  const k1 = Math.min(slotClass.length, Math.ceil((endMs - firstSlotMs) / periodMs));
  for (let k = k0; k < k1; k++) {
    const s = slotClass[k];
    if (s === 0 || s === 1 || s === 2) counts[s]++;
  }
  return counts;
}

/** An alarm state as the state lane colours it. */
export type LaneState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export const STATE_NONE = 0;
export const STATE_OK = 1;
export const STATE_ALARM = 2;
export const STATE_INSUFFICIENT = 3;

const STATE_CODE: Record<LaneState, number> = {
  OK: STATE_OK,
  ALARM: STATE_ALARM,
  INSUFFICIENT_DATA: STATE_INSUFFICIENT,
};
/** Which state wins a column it shares: ALARM, then INSUFFICIENT_DATA, then OK. */
const STATE_RANK = [0, 1, 3, 2];

/**
 * Per pixel column of [startMs, endMs), the state there (1 OK, 2 ALARM, 3 INSUFFICIENT_DATA, 0 none):
 * a column any ALARM touches is ALARM, so a one-minute episode stays visible over 90 days.
 */
export function stateColumns(
  timeline: readonly { startMs: number; endMs: number; state: LaneState }[],
  startMs: number,
  endMs: number,
  columns: number,
): Uint8Array {
  const out = new Uint8Array(Math.max(0, columns));
  if (columns <= 0 || !(endMs > startMs)) return out;
  const scale = columns / (endMs - startMs);
  for (const span of timeline) {
    if (!(span.endMs > startMs) || !(span.startMs < endMs) || !(span.endMs > span.startMs)) continue;
    const code = STATE_CODE[span.state];
    const c0 = Math.max(0, Math.floor((span.startMs - startMs) * scale));
    // The column holding the span's last instant (its end is exclusive).
    const c1 = Math.min(columns - 1, Math.ceil((span.endMs - startMs) * scale) - 1);
    for (let c = c0; c <= c1; c++) if (STATE_RANK[code] > STATE_RANK[out[c]]) out[c] = code;
  }
  return out;
}

/** Calls `draw(from, to, value)` for each run of equal values in `columns` (to exclusive). */
export function forEachRun(
  columns: Uint8Array,
  draw: (from: number, to: number, value: number) => void,
): void {
  let from = 0;
  for (let c = 1; c <= columns.length; c++) {
    if (c < columns.length && columns[c] === columns[from]) continue;
    if (columns.length > 0) draw(from, c, columns[from]);
    from = c;
  }
}

/** Per pixel column, the lowest lower and the highest upper bound of a band (NaN where it has none). */
export function bandColumns(
  band: { timestamps: ArrayLike<number>; lower: ArrayLike<number>; upper: ArrayLike<number> },
  startMs: number,
  endMs: number,
  columns: number,
): { lower: Float64Array; upper: Float64Array } {
  const lower = new Float64Array(Math.max(0, columns)).fill(NaN);
  const upper = new Float64Array(Math.max(0, columns)).fill(NaN);
  if (columns <= 0 || !(endMs > startMs)) return { lower, upper };
  const scale = columns / (endMs - startMs);
  const n = Math.min(band.timestamps.length, band.lower.length, band.upper.length);
  for (let i = 0; i < n; i++) {
    const t = band.timestamps[i];
    if (t < startMs || t > endMs) continue;
    const lo = band.lower[i];
    const hi = band.upper[i];
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) continue;
    const c = Math.min(columns - 1, Math.floor((t - startMs) * scale));
    if (!(lo >= lower[c])) lower[c] = lo;
    if (!(hi <= upper[c])) upper[c] = hi;
  }
  return { lower, upper };
}

/** Index of the timestamp nearest `t` (ascending timestamps), or -1 when there are none. */
export function nearestIndex(timestamps: ArrayLike<number>, t: number): number {
  const n = timestamps.length;
  if (n === 0) return -1;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timestamps[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return 0;
  if (lo === n) return n - 1;
  return t - timestamps[lo - 1] <= timestamps[lo] - t ? lo - 1 : lo;
}

/** The span of a contiguous timeline holding instant `t`, if any. */
export function spanAt<S extends { startMs: number; endMs: number }>(
  timeline: readonly S[],
  t: number,
): S | undefined {
  let lo = 0;
  let hi = timeline.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = timeline[mid];
    if (t < s.startMs) hi = mid - 1;
    else if (t >= s.endMs) lo = mid + 1;
    else return s;
  }
  return undefined;
}
