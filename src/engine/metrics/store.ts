import { type MetricId, metricKey } from './identity.ts';
import type { BucketTable } from './bucket-table.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, RETENTION_MS, SECOND_MS } from '../time.ts';

/** Distinct values kept per rolled-up datapoint before values are rounded to a 1 % log grid. */
const MAX_EXACT_VALUES = 256;
const LOG_STEP = Math.log(1.01);

/** Values and weights behind a rolled-up datapoint, so percentiles survive rollups. */
interface MultiValues {
  values: number[];
  weights: number[];
}

/**
 * The stored datapoints of one published metric, as columns. Entries are appended in arrival order
 * and sorted lazily on the first query after an out-of-order write.
 */
export class SeriesColumns {
  readonly id: MetricId;
  readonly key: string;
  length = 0;
  t: Float64Array;
  count: Float64Array;
  sum: Float64Array;
  min: Float64Array;
  max: Float64Array;
  unit: Uint8Array;
  /** Slot i holds the values behind entry i when a rollup merged several exact values. */
  multi: (MultiValues | undefined)[] | undefined;
  sorted = true;
  highResolution = false;
  lastWriteMs = -Infinity;
  compactedAtMs = -Infinity;

  constructor(id: MetricId, key: string, capacity = 64) {
    this.id = id;
    this.key = key;
    this.t = new Float64Array(capacity);
    this.count = new Float64Array(capacity);
    this.sum = new Float64Array(capacity);
    this.min = new Float64Array(capacity);
    this.max = new Float64Array(capacity);
    this.unit = new Uint8Array(capacity);
  }

  private grow(need: number): void {
    let cap = this.t.length;
    if (need <= cap) return;
    while (cap < need) cap *= 2;
    const g = <T extends Float64Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a.subarray(0, this.length));
      return b;
    };
    this.t = g(this.t);
    this.count = g(this.count);
    this.sum = g(this.sum);
    this.min = g(this.min);
    this.max = g(this.max);
    this.unit = g(this.unit);
  }

  append(tMs: number, count: number, sum: number, min: number, max: number, unit: number): void {
    const i = this.length;
    if (i === this.t.length) this.grow(i + 1);
    if (i > 0 && tMs < this.t[i - 1]) this.sorted = false;
    this.t[i] = tMs;
    this.count[i] = count;
    this.sum[i] = sum;
    this.min[i] = min;
    this.max[i] = max;
    this.unit[i] = unit;
    this.length = i + 1;
  }

  /** Appends many single values with one timestamp (Values + Counts, or a batch from the engine API). */
  appendValues(
    tMs: number,
    values: ArrayLike<number>,
    counts: ArrayLike<number> | undefined,
    unit: number,
  ): void {
    const n = values.length;
    this.grow(this.length + n);
    if (this.length > 0 && tMs < this.t[this.length - 1]) this.sorted = false;
    const { t, count, sum, min, max } = this;
    const u = this.unit;
    let i = this.length;
    for (let k = 0; k < n; k++, i++) {
      const v = values[k];
      const c = counts ? counts[k] : 1;
      t[i] = tMs;
      count[i] = c;
      sum[i] = v * c;
      min[i] = v;
      max[i] = v;
      u[i] = unit;
    }
    this.length = i;
  }

  private ensureSorted(): void {
    if (this.sorted) return;
    const n = this.length;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const t = this.t;
    order.sort((a, b) => t[a] - t[b] || a - b);
    const permute = <T extends Float64Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length);
      for (let i = 0; i < n; i++) b[i] = a[order[i]];
      return b;
    };
    this.t = permute(this.t);
    this.count = permute(this.count);
    this.sum = permute(this.sum);
    this.min = permute(this.min);
    this.max = permute(this.max);
    this.unit = permute(this.unit);
    if (this.multi) {
      const m = this.multi;
      this.multi = Array.from(order, (k) => m[k]);
    }
    this.sorted = true;
  }

  /** First index with t >= tMs. */
  private lowerBound(tMs: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.t[mid] < tMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Adds the entries inside the table's range (and of `unit`, when given) into their periods. */
  accumulate(table: BucketTable, unit: number | undefined): void {
    this.ensureSorted();
    const end = table.endMs;
    const { t, count, sum, min, max } = this;
    const start = table.startMs;
    const period = table.periodMs;
    const len = table.length;
    const tc = table.count;
    const ts = table.sum;
    const tmin = table.min;
    const tmax = table.max;
    const withDist = table.dist !== undefined;
    for (let i = this.lowerBound(start); i < this.length && t[i] < end; i++) {
      if (unit !== undefined && this.unit[i] !== unit) continue;
      const b = Math.floor((t[i] - start) / period);
      if (b >= len) break;
      table.units.add(this.unit[i]);
      if (withDist) {
        const mv = this.multi?.[i];
        if (mv) for (let k = 0; k < mv.values.length; k++) table.addValue(b, mv.values[k], mv.weights[k]);
        else table.addSet(b, count[i], sum[i], min[i], max[i]);
        continue;
      }
      tc[b] += count[i];
      ts[b] += sum[i];
      if (min[i] < tmin[b]) tmin[b] = min[i];
      if (max[i] > tmax[b]) tmax[b] = max[i];
    }
  }

  /**
   * Rolls old datapoints up on CloudWatch's schedule: 1-second data older than 3 hours into minutes,
   * minutes older than 15 days into 5 minutes, older than 63 days into hours, and drops what is older
   * than 15 months. Exact values are kept with their weights (rounded to a 1 % log grid past 256
   * distinct values), so percentiles of old periods stay available.
   */
  compact(nowMs: number): void {
    this.ensureSorted();
    this.compactedAtMs = nowMs;
    const n = this.length;
    if (n === 0 || this.t[0] >= nowMs - 3 * HOUR_MS) return;
    const granularity = (tMs: number): number => {
      const age = nowMs - tMs;
      if (age < 3 * HOUR_MS) return SECOND_MS;
      if (age < 15 * DAY_MS) return MINUTE_MS;
      if (age < 63 * DAY_MS) return 5 * MINUTE_MS;
      return HOUR_MS;
    };
    const out = new SeriesColumns(this.id, this.key, Math.max(64, n));
    out.highResolution = this.highResolution;
    out.lastWriteMs = this.lastWriteMs;
    out.compactedAtMs = nowMs;
    let i = 0;
    while (i < n && this.t[i] < nowMs - RETENTION_MS) i++;
    while (i < n) {
      const g = granularity(this.t[i]);
      if (g === SECOND_MS) {
        out.copyFrom(this, i);
        i++;
        continue;
      }
      const bucket = Math.floor(this.t[i] / g) * g;
      const u = this.unit[i];
      let j = i;
      let c = 0;
      let s = 0;
      let lo = Infinity;
      let hi = -Infinity;
      let exact = true;
      const values = new Map<number, number>();
      while (j < n && this.t[j] < bucket + g && this.unit[j] === u) {
        c += this.count[j];
        s += this.sum[j];
        if (this.min[j] < lo) lo = this.min[j];
        if (this.max[j] > hi) hi = this.max[j];
        const mv = this.multi?.[j];
        if (mv)
          for (let k = 0; k < mv.values.length; k++)
            values.set(mv.values[k], (values.get(mv.values[k]) ?? 0) + mv.weights[k]);
        else if (this.min[j] === this.max[j] && this.sum[j] === this.min[j] * this.count[j])
          values.set(this.min[j], (values.get(this.min[j]) ?? 0) + this.count[j]);
        else exact = false;
        j++;
      }
      if (j === i + 1) {
        out.copyFrom(this, i, bucket);
      } else {
        out.append(bucket, c, s, lo, hi, u);
        if (exact) out.setMulti(out.length - 1, roundValues(values));
      }
      i = j;
    }
    this.t = out.t;
    this.count = out.count;
    this.sum = out.sum;
    this.min = out.min;
    this.max = out.max;
    this.unit = out.unit;
    this.multi = out.multi;
    this.length = out.length;
  }

  private copyFrom(src: SeriesColumns, i: number, tMs = src.t[i]): void {
    this.append(tMs, src.count[i], src.sum[i], src.min[i], src.max[i], src.unit[i]);
    const mv = src.multi?.[i];
    if (mv) this.setMulti(this.length - 1, mv);
  }

  private setMulti(i: number, mv: MultiValues): void {
    this.multi ??= [];
    this.multi[i] = mv;
  }
}

function roundValues(values: Map<number, number>): MultiValues {
  let entries = [...values.entries()];
  if (entries.length > MAX_EXACT_VALUES) {
    const grid = new Map<number, number>();
    for (const [v, w] of entries) {
      const r =
        v === 0 ? 0 : Math.sign(v) * Math.exp(Math.round(Math.log(Math.abs(v)) / LOG_STEP) * LOG_STEP);
      grid.set(r, (grid.get(r) ?? 0) + w);
    }
    entries = [...grid.entries()];
  }
  entries.sort((a, b) => a[0] - b[0]);
  return { values: entries.map((e) => e[0]), weights: entries.map((e) => e[1]) };
}

/** Every published metric, by identity. */
export class MetricStore {
  private readonly series = new Map<string, SeriesColumns>();

  get(id: MetricId): SeriesColumns | undefined {
    return this.series.get(metricKey(id));
  }

  getOrCreate(id: MetricId): SeriesColumns {
    const key = metricKey(id);
    let s = this.series.get(key);
    if (!s) {
      s = new SeriesColumns(
        { namespace: id.namespace, metricName: id.metricName, dimensions: [...id.dimensions] },
        key,
      );
      this.series.set(key, s);
    }
    return s;
  }

  all(): IterableIterator<SeriesColumns> {
    return this.series.values();
  }

  get size(): number {
    return this.series.size;
  }

  datapointCount(): number {
    let n = 0;
    for (const s of this.series.values()) n += s.length;
    return n;
  }

  compact(nowMs: number): void {
    for (const s of this.series.values()) if (nowMs - s.compactedAtMs >= HOUR_MS) s.compact(nowMs);
  }

  clear(): void {
    this.series.clear();
  }
}
