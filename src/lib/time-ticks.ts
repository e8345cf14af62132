// Tick positions for a time axis, on round UTC instants (every 5 minutes, every 6 hours, every day…)
// rather than the round numbers of milliseconds a numeric axis would choose.

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const STEPS_MS = [
  SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
  60 * DAY,
  90 * DAY,
];

/**
 * At most `maxTicks` instants in [startMs, endMs], evenly spaced on round UTC boundaries. Beyond
 * the largest step (90 days) the step grows in whole multiples of it.
 */
export function timeTicks(startMs: number, endMs: number, maxTicks: number): number[] {
  const span = endMs - startMs;
  const limit = Math.max(1, Math.floor(maxTicks));
  if (!(span > 0) || !Number.isFinite(span)) return [];
  const largest = STEPS_MS[STEPS_MS.length - 1];
  const step =
    STEPS_MS.find((s) => Math.floor(span / s) + 1 <= limit) ?? Math.ceil(span / (limit * largest)) * largest;
  const ticks: number[] = [];
  for (let t = Math.ceil(startMs / step) * step; t <= endMs && ticks.length < limit; t += step) ticks.push(t);
  return ticks;
}
