import { type Component, type Distribution, emptyDistribution } from './statistics.ts';

/**
 * Per-period aggregates for one query: dense columns of count, sum, min and max, one slot per period
 * from the (rounded) start time, plus the values behind each period when a statistic needs them.
 * Every source of data (published datapoints, the simulation) adds into the same table.
 */
export class BucketTable {
  readonly startMs: number;
  /** The query's end, exclusive: the last period may be cut short, and datapoints at or after it do not count. */
  readonly endMs: number;
  readonly periodMs: number;
  readonly length: number;
  readonly count: Float64Array;
  readonly sum: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly dist: (Distribution | undefined)[] | undefined;
  /** Unit codes seen in the data that was added. */
  readonly units = new Set<number>();

  constructor(startMs: number, endMs: number, periodMs: number, withDistribution: boolean) {
    this.startMs = startMs;
    this.endMs = endMs;
    this.periodMs = periodMs;
    this.length = Math.max(0, Math.ceil((endMs - startMs) / periodMs));
    this.count = new Float64Array(this.length);
    this.sum = new Float64Array(this.length);
    this.min = new Float64Array(this.length).fill(Infinity);
    this.max = new Float64Array(this.length).fill(-Infinity);
    this.dist = withDistribution ? new Array<Distribution | undefined>(this.length) : undefined;
  }

  /** The slot of a timestamp, or -1 outside [start, end). */
  indexOf(tMs: number): number {
    if (tMs < this.startMs || tMs >= this.endMs) return -1;
    const i = Math.floor((tMs - this.startMs) / this.periodMs);
    return i < this.length ? i : -1;
  }

  private distAt(dist: (Distribution | undefined)[], i: number): Distribution {
    return (dist[i] ??= emptyDistribution());
  }

  /** A value observed `weight` times. */
  addValue(i: number, value: number, weight: number): void {
    this.count[i] += weight;
    this.sum[i] += value * weight;
    if (value < this.min[i]) this.min[i] = value;
    if (value > this.max[i]) this.max[i] = value;
    if (this.dist) {
      const d = this.distAt(this.dist, i);
      d.values.push(value);
      d.weights.push(weight);
    }
  }

  /** A statistic set. Percentiles stay available only if it is one repeated value (CloudWatch's rule). */
  addSet(i: number, count: number, sum: number, min: number, max: number): void {
    if (min === max && sum === min * count) {
      this.addValue(i, min, count);
      return;
    }
    this.count[i] += count;
    this.sum[i] += sum;
    if (min < this.min[i]) this.min[i] = min;
    if (max > this.max[i]) this.max[i] = max;
    if (this.dist) this.distAt(this.dist, i).exact = false;
  }

  /** Many simulated samples described by a distribution. */
  addComponent(i: number, c: Component, sum: number, min: number, max: number): void {
    this.count[i] += c.n;
    this.sum[i] += sum;
    if (min < this.min[i]) this.min[i] = min;
    if (max > this.max[i]) this.max[i] = max;
    if (this.dist) this.distAt(this.dist, i).components.push(c);
  }
}
