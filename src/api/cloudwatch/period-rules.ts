import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../engine/index.ts';

/**
 * What CloudWatch allows by the age of StartTime (GetMetricData / GetMetricStatistics): any period for
 * data younger than 3 hours, multiples of 60 s up to 15 days, of 300 s up to 63 days, of 3600 s beyond;
 * "or no data points in that time range is returned".
 */
export function periodAllowedForAge(periodSec: number, startMs: number, nowMs: number): boolean {
  const age = nowMs - startMs;
  if (age <= 3 * HOUR_MS) return true;
  if (age <= 15 * DAY_MS) return periodSec % 60 === 0;
  if (age <= 63 * DAY_MS) return periodSec % 300 === 0;
  return periodSec % 3600 === 0;
}

/**
 * StartTime rounding: periods under a minute round down to a multiple of the period; otherwise to the
 * minute under 15 days of age, 5 minutes up to 63 days, and the hour beyond.
 */
export function roundStartTime(startMs: number, periodSec: number, nowMs: number): number {
  if (periodSec < 60) return Math.floor(startMs / (periodSec * 1000)) * periodSec * 1000;
  const age = nowMs - startMs;
  const unit = age < 15 * DAY_MS ? MINUTE_MS : age < 63 * DAY_MS ? 5 * MINUTE_MS : HOUR_MS;
  return Math.floor(startMs / unit) * unit;
}
