import { DAY_MS, HOUR_MS } from '../time.ts';

/** A time range left out of training, [startMs, endMs) (PutAnomalyDetector's ExcludedTimeRanges). */
export interface TimeRange {
  startMs: number;
  endMs: number;
}

export interface AnomalyBandOptions {
  /** Training datapoints inside these ranges are ignored (a known incident, a holiday). */
  excluded?: readonly TimeRange[];
  /** The metric is a percentage: the band is clamped to 0–100 when training stayed within it. */
  percent?: boolean;
}

/** How far back a model learns from: "trains on up to two weeks of metric data". */
export const TRAINING_WINDOW_MS = 14 * DAY_MS;
/** Fewer datapoints than this in an hour-of-week slot: fall back to the hour of day, then to everything. */
export const MIN_SLOT_POINTS = 6;
/** The MAD of normally distributed data times this is its standard deviation. */
const MAD_TO_SIGMA = 1.4826;
const HOURS_PER_WEEK = 168;

interface Slot {
  baseline: number;
  sigma: number;
}

function median(sorted: readonly number[]): number {
  const n = sorted.length;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median and MAD scaled to σ: robust to the spikes an incident leaves in training data. */
function robust(values: number[]): Slot {
  const sorted = [...values].sort((a, b) => a - b);
  const baseline = median(sorted);
  const deviations = sorted.map((v) => Math.abs(v - baseline)).sort((a, b) => a - b);
  return { baseline, sigma: MAD_TO_SIGMA * median(deviations) };
}

/** Hour of the week, 0–167, counted from Thursday 00:00 UTC (the epoch's weekday; any origin works). */
const hourOfWeek = (hour: number): number => ((hour % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK;
const hourOfDay = (hour: number): number => ((hour % 24) + 24) % 24;

function slots(points: { t: number; v: number }[], key: (hour: number) => number): Map<number, Slot> {
  const groups = new Map<number, number[]>();
  for (const p of points) {
    const k = key(Math.floor(p.t / HOUR_MS));
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(p.v);
  }
  const out = new Map<number, Slot>();
  for (const [k, g] of groups) if (g.length >= MIN_SLOT_POINTS) out.set(k, robust(g));
  return out;
}

/**
 * Watchtrail's anomaly detection model. CloudWatch does not publish its own algorithm, so this one is ours:
 * a seasonal baseline learned from up to two weeks of datapoints before the evaluated range, leaving out
 * any excluded time ranges. For each hour of the week (UTC) the baseline is the median of the training
 * values seen in that hour, and the spread σ is their median absolute deviation scaled to a standard
 * deviation (× 1.4826); both are robust, so a past incident barely moves them. An hour of the week with
 * fewer than 6 training datapoints falls back to the same hour of every day, and then to all the training
 * data. Each hour's estimate stands at the middle of the hour and the band moves linearly in between, so
 * it follows a daily curve smoothly. σ is at least a tenth of the spread of all the training data and at least 1 % of the baseline, so
 * that a perfectly flat metric still gets a band. The band is baseline ± k·σ (k = 2 unless given; it need
 * not be whole), clamped at 0 for a metric that never went negative during training and to 0–100 for a
 * percentage that stayed within that range. The model has no trend term: a lasting change in level shows
 * as anomalous until it fills the hourly medians, about a week later. Without training data there is no
 * band.
 */
export function anomalyBand(
  training: { timestamps: readonly number[]; values: readonly number[] },
  targets: readonly number[],
  k: number,
  options: AnomalyBandOptions = {},
): { upper: number[]; lower: number[] } {
  const excluded = options.excluded ?? [];
  const points: { t: number; v: number }[] = [];
  for (let i = 0; i < training.timestamps.length; i++) {
    const t = training.timestamps[i];
    const v = training.values[i];
    if (!Number.isFinite(v) || excluded.some((r) => t >= r.startMs && t < r.endMs)) continue;
    points.push({ t, v });
  }
  if (points.length === 0) {
    return { upper: targets.map(() => NaN), lower: targets.map(() => NaN) };
  }
  const weekly = slots(points, hourOfWeek);
  const daily = slots(points, hourOfDay);
  const global = robust(points.map((p) => p.v));
  let min = Infinity;
  let max = -Infinity;
  for (const p of points) {
    min = Math.min(min, p.v);
    max = Math.max(max, p.v);
  }
  const floorLow = min >= 0 ? 0 : -Infinity;
  const clampPercent = options.percent === true && min >= 0 && max <= 100;
  const slotOf = (hour: number): Slot => weekly.get(hourOfWeek(hour)) ?? daily.get(hourOfDay(hour)) ?? global;
  const upper: number[] = [];
  const lower: number[] = [];
  for (const t of targets) {
    // Each hour's estimate stands at the middle of the hour; in between, the band moves linearly.
    const x = t / HOUR_MS - 0.5;
    const hour = Math.floor(x);
    const w = x - hour;
    const a = slotOf(hour);
    const b = slotOf(hour + 1);
    const baseline = (1 - w) * a.baseline + w * b.baseline;
    const spread = (1 - w) * a.sigma + w * b.sigma;
    const sigma = Math.max(spread, 0.1 * global.sigma, 0.01 * Math.abs(baseline), Number.EPSILON);
    let hi = baseline + k * sigma;
    let lo = baseline - k * sigma;
    hi = Math.max(hi, floorLow);
    lo = Math.max(lo, floorLow);
    if (clampPercent) {
      hi = Math.min(hi, 100);
      lo = Math.min(lo, 100);
    }
    upper.push(hi);
    lower.push(lo);
  }
  return { upper, lower };
}
