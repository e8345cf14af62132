/**
 * CloudWatch statistics: SampleCount, Average, Sum, Minimum, Maximum, percentiles (pNN.NN) and the
 * trimmed family TM, TC, TS, WM, PR, IQM.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html
 */

export type BasicStatName = 'SampleCount' | 'Average' | 'Sum' | 'Minimum' | 'Maximum';
export const BASIC_STATS: readonly BasicStatName[] = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'];

/** A bound of a trimmed statistic: a percent of the distribution or a raw value. Omitted means open. */
export interface StatBound {
  value: number;
  percent: boolean;
}

export type Stat =
  | { kind: 'basic'; name: BasicStatName }
  | { kind: 'percentile'; p: number }
  | { kind: 'trimmed'; fn: 'TM' | 'TC' | 'TS' | 'WM' | 'PR'; low?: StatBound; high?: StatBound };

export const needsDistribution = (s: Stat): boolean => s.kind !== 'basic';

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const PERCENTILE = new RegExp(`^p${NUM}$`);
const SHORTHAND = new RegExp(`^(tm|wm|tc|ts)${NUM}$`);
const RANGED = /^(TM|WM|TC|TS|PR)\(([^:()]*):([^:()]*)\)$/;

function parseBound(text: string): StatBound | undefined | 'invalid' {
  const t = text.trim();
  if (t === '') return undefined;
  const percent = t.endsWith('%');
  const num = percent ? t.slice(0, -1) : t;
  if (!/^-?\d+(\.\d+)?$/.test(num)) return 'invalid';
  const value = Number(num);
  if (percent && (value < 0 || value > 100)) return 'invalid';
  return { value, percent };
}

/** Parses a statistic as GetMetricData's `Stat` accepts it; undefined when it is not one. */
export function parseStat(text: string): Stat | undefined {
  if ((BASIC_STATS as readonly string[]).includes(text))
    return { kind: 'basic', name: text as BasicStatName };
  if (text === 'IQM')
    return {
      kind: 'trimmed',
      fn: 'TM',
      low: { value: 25, percent: true },
      high: { value: 75, percent: true },
    };
  let m = PERCENTILE.exec(text);
  if (m) {
    const decimals = m[1].split('.')[1];
    const p = Number(m[1]);
    if (p > 100 || (decimals !== undefined && decimals.length > 10)) return undefined;
    return { kind: 'percentile', p };
  }
  m = SHORTHAND.exec(text);
  if (m) {
    const p = Number(m[2]);
    if (p > 100) return undefined;
    return { kind: 'trimmed', fn: m[1].toUpperCase() as 'TM', high: { value: p, percent: true } };
  }
  m = RANGED.exec(text);
  if (m) {
    const low = parseBound(m[2]);
    const high = parseBound(m[3]);
    if (low === 'invalid' || high === 'invalid') return undefined;
    if (!low && !high) return undefined;
    if (m[1] === 'PR' && (low?.percent || high?.percent)) return undefined;
    if (low && high && low.percent === high.percent && low.value > high.value) return undefined;
    return { kind: 'trimmed', fn: m[1] as 'TM', low, high };
  }
  return undefined;
}

/** A parametric sample distribution: how the simulation describes many requests in one bucket. */
export interface Component {
  n: number;
  log: boolean;
  mu: number;
  sigma: number;
}

/** What a period holds beyond count/sum/min/max, for the statistics that need the values. */
export interface Distribution {
  /** Exact values with their weights (counts). */
  values: number[];
  weights: number[];
  components: Component[];
  /** False once a statistic set that is not a single repeated value was added: no percentiles then. */
  exact: boolean;
}

export const emptyDistribution = (): Distribution => ({
  values: [],
  weights: [],
  components: [],
  exact: true,
});

/** Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const plow = 0.02425;
  if (p < plow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - plow) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** Standard normal CDF (Zelen & Severo 26.2.17, absolute error < 7.5e-8). */
export function normalCdf(z: number): number {
  if (z < -8) return 0;
  if (z > 8) return 1;
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const poly =
    t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const tail = 0.3989422804014327 * Math.exp(-0.5 * z * z) * poly;
  return z >= 0 ? 1 - tail : tail;
}

function componentQuantile(c: Component, q: number): number {
  const x = c.mu + c.sigma * normalQuantile(q);
  return c.log ? Math.exp(x) : x;
}

function componentCdf(c: Component, x: number): number {
  if (c.log) return x <= 0 ? 0 : normalCdf((Math.log(x) - c.mu) / c.sigma);
  return normalCdf((x - c.mu) / c.sigma);
}

/** Points per component when a trimmed statistic needs the components as weighted values. */
const COMPONENT_POINTS = 32;

/** Exact values plus each component discretized at evenly spaced quantiles, sorted by value. */
function weightedValues(d: Distribution, min: number, max: number): { v: Float64Array; w: Float64Array } {
  const n = d.values.length + d.components.length * COMPONENT_POINTS;
  const order = new Array<number>(n);
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < d.values.length; i++, k++) {
    v[k] = d.values[i];
    w[k] = d.weights[i];
  }
  for (const c of d.components) {
    for (let j = 0; j < COMPONENT_POINTS; j++, k++) {
      v[k] = Math.min(max, Math.max(min, componentQuantile(c, (j + 0.5) / COMPONENT_POINTS)));
      w[k] = c.n / COMPONENT_POINTS;
    }
  }
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => v[a] - v[b]);
  const sv = new Float64Array(n);
  const sw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    sv[i] = v[order[i]];
    sw[i] = w[order[i]];
  }
  return { v: sv, w: sw };
}

/**
 * The p-th percentile: for exact values, the smallest value with at least p % of the samples at or
 * below it (nearest rank, no interpolation: the answer is always a value that was published); with
 * simulated components, the same rank found by bisection on the mixture's CDF.
 */
export function percentile(d: Distribution, count: number, min: number, max: number, p: number): number {
  if (p <= 0) return min;
  if (p >= 100) return max;
  const rank = (p / 100) * count;
  if (d.components.length === 0) {
    const { v, w } = sortedExact(d);
    let acc = 0;
    for (let i = 0; i < v.length; i++) {
      acc += w[i];
      if (acc >= rank - 1e-9 * count) return v[i];
    }
    return max;
  }
  if (d.components.length === 1 && d.values.length === 0) {
    return Math.min(max, Math.max(min, componentQuantile(d.components[0], p / 100)));
  }
  const cdf = (x: number): number => {
    let acc = 0;
    for (let i = 0; i < d.values.length; i++) if (d.values[i] <= x) acc += d.weights[i];
    for (const c of d.components) acc += c.n * componentCdf(c, x);
    return acc;
  };
  let lo = min;
  let hi = max;
  for (let i = 0; i < 60 && hi - lo > 1e-7 * Math.max(Math.abs(lo), Math.abs(hi)); i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) >= rank) hi = mid;
    else lo = mid;
  }
  return hi;
}

function sortedExact(d: Distribution): { v: number[]; w: number[] } {
  let sorted = true;
  for (let i = 1; i < d.values.length; i++) if (d.values[i] < d.values[i - 1]) sorted = false;
  if (sorted) return { v: d.values, w: d.weights };
  const order = d.values.map((_, i) => i).sort((a, b) => d.values[a] - d.values[b]);
  return { v: order.map((i) => d.values[i]), w: order.map((i) => d.weights[i]) };
}

function boundValue(
  b: StatBound | undefined,
  d: Distribution,
  count: number,
  min: number,
  max: number,
  side: 'low' | 'high',
) {
  if (!b) return side === 'low' ? -Infinity : Infinity;
  if (!b.percent) return b.value;
  if (side === 'low' && b.value === 0) return -Infinity;
  return percentile(d, count, min, max, b.value);
}

/**
 * TM, TC, TS, WM, PR. Value bounds: lower exclusive, upper inclusive, as CloudWatch documents.
 * Percent bounds trim by rank ("removing the lowest 2 % and the highest 2 % of data points"): tied
 * values at a boundary are split by weight, so a constant metric keeps its trimmed mean and IQM.
 * WM clamps what lies beyond a bound to the bound's value (the percentile, for a percent bound).
 */
function trimmed(
  stat: Extract<Stat, { kind: 'trimmed' }>,
  d: Distribution,
  count: number,
  min: number,
  max: number,
): number | undefined {
  const { v, w } = weightedValues(d, min, max);
  let allW = 0;
  for (let i = 0; i < w.length; i++) allW += w[i];
  if (!(allW > 0)) return undefined;
  const rankLo = stat.low?.percent ? (stat.low.value / 100) * allW : 0;
  const rankHi = stat.high?.percent ? (stat.high.value / 100) * allW : allW;
  const lo = stat.low && !stat.low.percent ? stat.low.value : -Infinity;
  const hi = stat.high && !stat.high.percent ? stat.high.value : Infinity;
  const clampLo = boundValue(stat.low, d, count, min, max, 'low');
  const clampHi = boundValue(stat.high, d, count, min, max, 'high');
  let keptW = 0;
  let keptSum = 0;
  let winsorSum = 0;
  let acc = 0;
  for (let i = 0; i < v.length; i++) {
    const from = acc;
    acc += w[i];
    const share = v[i] > lo && v[i] <= hi ? Math.max(0, Math.min(acc, rankHi) - Math.max(from, rankLo)) : 0;
    keptW += share;
    keptSum += v[i] * share;
    winsorSum += Math.min(Math.max(v[i], clampLo), clampHi) * w[i];
  }
  switch (stat.fn) {
    case 'TM':
      return keptW > 0 ? keptSum / keptW : undefined;
    case 'TC':
      return (keptW / allW) * count;
    case 'TS':
      return keptW > 0 ? (keptSum / keptW) * (keptW / allW) * count : 0;
    case 'WM':
      return winsorSum / allW;
    case 'PR':
      return (keptW / allW) * 100;
  }
}

/** The value of one statistic over one period; undefined when CloudWatch would return no datapoint. */
export function statValue(
  stat: Stat,
  count: number,
  sum: number,
  min: number,
  max: number,
  dist: Distribution | undefined,
): number | undefined {
  if (!(count > 0)) return undefined;
  if (stat.kind === 'basic') {
    switch (stat.name) {
      case 'SampleCount':
        return count;
      case 'Sum':
        return sum;
      case 'Average':
        return sum / count;
      case 'Minimum':
        return min;
      case 'Maximum':
        return max;
    }
  }
  // Percentiles need the raw values, and "are not available ... when any of the metric values are negative".
  if (!dist || !dist.exact || min < 0) return undefined;
  if (stat.kind === 'percentile') return percentile(dist, count, min, max, stat.p);
  return trimmed(stat, dist, count, min, max);
}
