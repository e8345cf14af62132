import type { BucketTable } from '../metrics/bucket-table.ts';
import { metricKey } from '../metrics/identity.ts';
import { normalQuantile } from '../metrics/statistics.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, RETENTION_MS } from '../time.ts';
import type { ModelContext, SeriesModel } from './catalog.ts';
import { gaussian, streamId } from './random.ts';

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
      if (step === MINUTE_MS) addMinute(model, ctx, table, i, t, stream);
      else addAggregate(model, ctx, table, i, t, step, stream);
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
