import type { BucketTable } from '../metrics/bucket-table.ts';
import { metricKey } from '../metrics/identity.ts';
import { normalQuantile } from '../metrics/statistics.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, RETENTION_MS } from '../time.ts';
import type { ModelContext, SeriesModel } from './catalog.ts';
import { gaussian, streamId } from './random.ts';

const MINUTES_PER_DAY = 1440;
const NOT_COMPUTED = 0;
const HAS_DATAPOINT = 1;
const NO_DATAPOINT = 2;

interface DaySamples {
  state: Uint8Array;
  /** A value metric's datapoint, or a latency metric's request count. */
  a: Float64Array;
  /** A latency metric's median. */
  b: Float64Array;
}

/**
 * The minute datapoints of simulated series, kept per series and UTC day once computed: a minute that
 * has ended never changes, so refreshing a week-long graph computes only the new minutes. Bounded:
 * the oldest day arrays are dropped first.
 */
export class MinuteSampleCache {
  private readonly days = new Map<string, DaySamples>();
  private readonly maxDays: number;

  constructor(maxDays = 900) {
    this.maxDays = maxDays;
  }

  private lastStream = NaN;
  private lastDay = NaN;
  private last: DaySamples | undefined;

  day(stream: number, day: number): DaySamples {
    // Consecutive minutes of one series share a day: skip the key and the lookup.
    if (this.last && stream === this.lastStream && day === this.lastDay) return this.last;
    const key = `${stream}:${day}`;
    let d = this.days.get(key);
    if (!d) {
      if (this.days.size >= this.maxDays) this.days.delete(this.days.keys().next().value as string);
      d = {
        state: new Uint8Array(MINUTES_PER_DAY),
        a: new Float64Array(MINUTES_PER_DAY),
        b: new Float64Array(MINUTES_PER_DAY),
      };
      this.days.set(key, d);
    }
    this.lastStream = stream;
    this.lastDay = day;
    this.last = d;
    return d;
  }
}

/**
 * Computes a simulated metric's datapoints for a table's range on demand, never storing them. Like
 * CloudWatch's own storage, what exists depends on age: one datapoint a minute for the last 15 days,
 * 5-minute aggregates up to 63 days, hourly aggregates up to 15 months, nothing older. A minute's
 * datapoint exists once that minute has ended.
 */
export function accumulateSimulated(
  model: SeriesModel,
  ctx: ModelContext,
  table: BucketTable,
  nowMs: number,
  cache?: MinuteSampleCache,
): void {
  const stream = streamId(metricKey(model.id));
  const start = table.startMs;
  const end = Math.floor(nowMs / MINUTE_MS) * MINUTE_MS;
  // Rounded up: an hourly datapoint older than the 15-month retention no longer exists.
  const hourTier = Math.ceil((nowMs - RETENTION_MS) / HOUR_MS) * HOUR_MS;
  const fiveMinTier = Math.floor((nowMs - 63 * DAY_MS) / HOUR_MS) * HOUR_MS;
  const minuteTier = Math.floor((nowMs - 15 * DAY_MS) / (5 * MINUTE_MS)) * 5 * MINUTE_MS;
  const segments: [number, number, number][] = [
    [hourTier, fiveMinTier, HOUR_MS],
    [fiveMinTier, minuteTier, 5 * MINUTE_MS],
    [minuteTier, end, MINUTE_MS],
  ];
  for (const [segStart, segEnd, step] of segments) {
    // A datapoint is stamped with its period's start: it counts when that stamp is in [start, end).
    const from = Math.max(segStart, Math.ceil(start / step) * step);
    const to = Math.min(segEnd, table.endMs);
    for (let t = from; t < to; t += step) {
      const i = table.indexOf(t);
      if (i < 0) continue;
      if (step === MINUTE_MS) {
        if (cache) addCachedMinute(model, ctx, table, i, t, stream, cache);
        else addMinute(model, ctx, table, i, t, stream);
      } else addAggregate(model, ctx, table, i, t, step, stream);
    }
  }
}

const MINUTE = MINUTE_MS;

function finish(model: SeriesModel, v: number): number {
  if (model.clamp) v = Math.min(model.clamp[1], Math.max(model.clamp[0], v));
  return model.integer ? Math.round(v) : Math.round(v * 1e4) / 1e4;
}

function addMinute(
  model: SeriesModel,
  ctx: ModelContext,
  table: BucketTable,
  i: number,
  t: number,
  stream: number,
): void {
  const minute = t / MINUTE;
  const level = model.level(ctx, t);
  if (Number.isNaN(level)) return;
  if (model.shape === 'value') {
    const sd = model.relativeNoise ? model.noise * level : model.noise;
    const v = finish(model, sd === 0 ? level : level + sd * gaussian(ctx.seed, stream, minute));
    if (model.sparse && v <= 0) return;
    table.addValue(i, v, 1);
    return;
  }
  const n = Math.round((model.volume?.(ctx, t) ?? 0) * (1 + 0.03 * gaussian(ctx.seed, stream ^ 1, minute)));
  if (n <= 0) return;
  const median = level * Math.exp(model.noise * gaussian(ctx.seed, stream, minute));
  addLatency(model, table, i, n, median);
}

/** addMinute, remembering the minute's datapoint (all a minute's statistics follow from it). */
function addCachedMinute(
  model: SeriesModel,
  ctx: ModelContext,
  table: BucketTable,
  i: number,
  t: number,
  stream: number,
  cache: MinuteSampleCache,
): void {
  const minute = t / MINUTE;
  const dayIndex = Math.floor(minute / MINUTES_PER_DAY);
  const slot = minute - dayIndex * MINUTES_PER_DAY;
  const d = cache.day(stream, dayIndex);
  if (d.state[slot] === NOT_COMPUTED) {
    d.state[slot] = NO_DATAPOINT;
    const level = model.level(ctx, t);
    if (!Number.isNaN(level)) {
      if (model.shape === 'value') {
        const sd = model.relativeNoise ? model.noise * level : model.noise;
        const v = finish(model, sd === 0 ? level : level + sd * gaussian(ctx.seed, stream, minute));
        if (!(model.sparse && v <= 0)) {
          d.state[slot] = HAS_DATAPOINT;
          d.a[slot] = v;
        }
      } else {
        const n = Math.round(
          (model.volume?.(ctx, t) ?? 0) * (1 + 0.03 * gaussian(ctx.seed, stream ^ 1, minute)),
        );
        if (n > 0) {
          d.state[slot] = HAS_DATAPOINT;
          d.a[slot] = n;
          d.b[slot] = level * Math.exp(model.noise * gaussian(ctx.seed, stream, minute));
        }
      }
    }
  }
  if (d.state[slot] !== HAS_DATAPOINT) return;
  if (model.shape === 'value') table.addValue(i, d.a[slot], 1);
  else addLatency(model, table, i, d.a[slot], d.b[slot]);
}

function addAggregate(
  model: SeriesModel,
  ctx: ModelContext,
  table: BucketTable,
  i: number,
  t: number,
  step: number,
  stream: number,
): void {
  const minutes = step / MINUTE;
  const mid = model.level(ctx, t + step / 2);
  if (Number.isNaN(mid)) return;
  if (model.shape === 'latency') {
    const n = Math.round((model.volume?.(ctx, t + step / 2) ?? 0) * minutes);
    if (n > 0) addLatency(model, table, i, n, mid);
    return;
  }
  if (model.sparse && mid < 0.5) return;
  const edges = [model.level(ctx, t), mid, model.level(ctx, t + step - MINUTE_MS)];
  const sd = model.relativeNoise ? model.noise * mid : model.noise;
  const drift = 0.15 * gaussian(ctx.seed, stream, t / step);
  const mean = finish(model, mid + sd * drift);
  const lo = finish(model, Math.min(...edges) - 2.3 * sd);
  const hi = finish(model, Math.max(...edges) + 2.3 * sd);
  if (sd === 0 && lo === hi) {
    table.addValue(i, mean, minutes);
    return;
  }
  const spread = Math.max(sd, (Math.max(...edges) - Math.min(...edges)) / 4, 1e-9);
  table.addComponent(
    i,
    { n: minutes, log: false, mu: mean, sigma: spread },
    mean * minutes,
    Math.min(lo, mean),
    Math.max(hi, mean),
  );
}

function addLatency(model: SeriesModel, table: BucketTable, i: number, n: number, median: number): void {
  const sigma = model.sigma ?? 0.5;
  const mu = Math.log(median);
  const z = normalQuantile(1 - 1 / (n + 1));
  const mean = Math.exp(mu + (sigma * sigma) / 2);
  table.addComponent(
    i,
    { n, log: true, mu, sigma },
    mean * n,
    Math.exp(mu - sigma * z),
    Math.exp(mu + sigma * z * 1.08),
  );
}
