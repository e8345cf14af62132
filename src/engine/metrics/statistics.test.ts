import { describe, expect, it } from 'vitest';
import { BucketTable } from './bucket-table.ts';
import { type Component, type Stat, emptyDistribution, parseStat, statValue } from './statistics.ts';

/** A period holding these exact values (each with its count, default 1), as the store hands it over. */
function period(values: readonly number[], counts?: readonly number[]) {
  const table = new BucketTable(0, 60_000, 60_000, true);
  values.forEach((v, i) => table.addValue(0, v, counts?.[i] ?? 1));
  return table;
}

/** A period holding statistic sets {SampleCount, Sum, Minimum, Maximum}, and optionally exact values. */
function periodOfSets(sets: readonly [number, number, number, number][], values: readonly number[] = []) {
  const table = period(values);
  for (const [count, sum, min, max] of sets) table.addSet(0, count, sum, min, max);
  return table;
}

function evaluate(statText: string, table: BucketTable): number | undefined {
  const stat = parseStat(statText);
  if (!stat) throw new Error(`test bug: ${statText} does not parse`);
  return statValue(stat, table.count[0], table.sum[0], table.min[0], table.max[0], table.dist?.[0]);
}

const ONE_TO_TEN = period([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('parseStat accepts what GetMetricData accepts', () => {
  it.each<[string, Stat]>([
    ['SampleCount', { kind: 'basic', name: 'SampleCount' }],
    ['Average', { kind: 'basic', name: 'Average' }],
    ['Sum', { kind: 'basic', name: 'Sum' }],
    ['Minimum', { kind: 'basic', name: 'Minimum' }],
    ['Maximum', { kind: 'basic', name: 'Maximum' }],
    ['p0', { kind: 'percentile', p: 0 }],
    ['p0.0', { kind: 'percentile', p: 0 }],
    ['p50', { kind: 'percentile', p: 50 }],
    ['p99', { kind: 'percentile', p: 99 }],
    ['p99.9', { kind: 'percentile', p: 99.9 }],
    ['p100', { kind: 'percentile', p: 100 }],
    ['p95.0123456789', { kind: 'percentile', p: 95.0123456789 }],
    ['tm99', { kind: 'trimmed', fn: 'TM', high: { value: 99, percent: true } }],
    ['wm98', { kind: 'trimmed', fn: 'WM', high: { value: 98, percent: true } }],
    ['tc90', { kind: 'trimmed', fn: 'TC', high: { value: 90, percent: true } }],
    ['ts90', { kind: 'trimmed', fn: 'TS', high: { value: 90, percent: true } }],
    [
      'IQM',
      { kind: 'trimmed', fn: 'TM', low: { value: 25, percent: true }, high: { value: 75, percent: true } },
    ],
    [
      'TM(10%:90%)',
      { kind: 'trimmed', fn: 'TM', low: { value: 10, percent: true }, high: { value: 90, percent: true } },
    ],
    [
      'TM(150:1000)',
      {
        kind: 'trimmed',
        fn: 'TM',
        low: { value: 150, percent: false },
        high: { value: 1000, percent: false },
      },
    ],
    [
      'TC(0.005:0.030)',
      {
        kind: 'trimmed',
        fn: 'TC',
        low: { value: 0.005, percent: false },
        high: { value: 0.03, percent: false },
      },
    ],
    ['PR(:300)', { kind: 'trimmed', fn: 'PR', low: undefined, high: { value: 300, percent: false } }],
    [
      'PR(100:2000)',
      {
        kind: 'trimmed',
        fn: 'PR',
        low: { value: 100, percent: false },
        high: { value: 2000, percent: false },
      },
    ],
    ['TS(80%:)', { kind: 'trimmed', fn: 'TS', low: { value: 80, percent: true }, high: undefined }],
    ['TM(:95%)', { kind: 'trimmed', fn: 'TM', low: undefined, high: { value: 95, percent: true } }],
    [
      'WM(10%:90%)',
      { kind: 'trimmed', fn: 'WM', low: { value: 10, percent: true }, high: { value: 90, percent: true } },
    ],
  ])('%s', (text, expected) => {
    expect(parseStat(text)).toEqual(expected);
  });
});

describe('parseStat rejects what is not a statistic', () => {
  it.each<[string, string]>([
    ['p101', 'percentile above 100'],
    ['p99.12345678901', 'eleven decimals (ten at most)'],
    ['Median', 'not a CloudWatch statistic'],
    ['avg', 'not a CloudWatch statistic'],
    ['average', 'names are case-sensitive'],
    ['TM()', 'no bound at all'],
    ['PR(10%:90%)', 'percentile rank takes values, not percents'],
    ['TM(90%:10%)', 'lower bound above upper bound'],
    ['TC(500:80)', 'lower value above upper value'],
    ['TM(10%:120%)', 'percent above 100'],
    ['P99', 'percentile prefix is lowercase'],
    ['tm(10%:90%)', 'the range form is uppercase'],
    ['TM99', 'the one-number form is lowercase'],
    ['pr90', 'PR has no one-number form'],
    ['p', 'no number'],
    ['p-1', 'negative percentile'],
    ['TM(a:b)', 'bounds are numbers'],
    ['', 'empty'],
  ])('%s (%s)', (text) => {
    expect(parseStat(text)).toBeUndefined();
  });
});

describe('statValue over the exact values 1..10', () => {
  it.each<[string, number | undefined]>([
    ['SampleCount', 10],
    ['Sum', 55],
    ['Average', 5.5],
    ['Minimum', 1],
    ['Maximum', 10],
    // Nearest rank: the smallest published value with at least p % of the samples at or below it.
    ['p0', 1],
    ['p10', 1],
    ['p11', 2],
    ['p50', 5],
    ['p55', 6],
    ['p90', 9],
    ['p91', 10],
    ['p99.9', 10],
    ['p100', 10],
    // tm90 drops the top 10 %: mean of 1..9. p90 is the max of what remains, tm90 its mean.
    ['tm90', 5],
    ['TM(10%:90%)', 5.5],
    ['TM(0%:50%)', 3],
    // Percent bounds trim by rank: IQM drops the lowest and highest 2.5 samples (half of 3, half of 8).
    ['IQM', 5.5],
    ['TC(10%:90%)', 8],
    ['TS(10%:90%)', 44],
    // Value bounds: lower exclusive, upper inclusive.
    ['TC(2:5)', 3],
    ['TM(2:5)', 4],
    ['TS(2:5)', 12],
    ['TC(:5)', 5],
    ['TC(5:)', 5],
    ['tc90', 9],
    ['ts90', 45],
    ['TS(80%:)', 19],
    // Winsorized: values beyond the bounds count as the boundary value (p10 = 1, p90 = 9, p80 = 8).
    ['WM(10%:90%)', 5.4],
    ['wm80', 5.2],
    // Percentile rank: % of values in (low, high].
    ['PR(:3)', 30],
    ['PR(3:7)', 40],
    ['PR(:0.5)', 0],
    ['PR(:10)', 100],
    // Nothing inside the bounds: no mean, a zero count and sum.
    ['TM(20:30)', undefined],
    ['TC(20:30)', 0],
    ['TS(20:30)', 0],
  ])('%s = %s', (stat, expected) => {
    const v = evaluate(stat, ONE_TO_TEN);
    if (expected === undefined) expect(v).toBeUndefined();
    else expect(v).toBeCloseTo(expected, 9);
  });
});

describe('statValue boundaries of the trimmed family', () => {
  it.each<[string, number[], number]>([
    // TM(150:1000) drops values ≤ 150 and > 1000.
    ['TM(150:1000)', [100, 150, 151, 500, 1000, 1001], (151 + 500 + 1000) / 3],
    ['TC(150:1000)', [100, 150, 151, 500, 1000, 1001], 3],
    ['TS(150:1000)', [100, 150, 151, 500, 1000, 1001], 1651],
    // TC(0.005:0.030) counts 0.005 < v ≤ 0.030.
    ['TC(0.005:0.030)', [0.004, 0.005, 0.006, 0.03, 0.031], 2],
    // PR(:300) is the share ≤ 300; PR(100:2000) the share in (100, 2000].
    ['PR(:300)', [100, 200, 300, 301], 75],
    ['PR(100:2000)', [100, 101, 2000, 2001], 50],
    // WM with value bounds clamps to the bounds.
    ['WM(2:8)', range(1, 10), (2 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 8 + 8) / 10],
    ['TM(:95%)', range(1, 20), 10],
    ['tm99', range(1, 100), 50],
    ['p99', range(1, 100), 99],
    ['IQM', range(1, 8), 4.5],
  ])('%s over %j = %s', (stat, values, expected) => {
    expect(evaluate(stat, period(values))).toBeCloseTo(expected, 9);
  });
});

describe('statValue with weights (Values + Counts)', () => {
  // Values [1, 2, 3] with Counts [1, 1, 8]: ten samples 1, 2, 3, 3, 3, 3, 3, 3, 3, 3.
  const weighted = period([1, 2, 3], [1, 1, 8]);
  it.each<[string, number]>([
    ['SampleCount', 10],
    ['Sum', 27],
    ['Average', 2.7],
    ['Minimum', 1],
    ['Maximum', 3],
    ['p10', 1],
    ['p20', 2],
    ['p21', 3],
    ['p50', 3],
    ['tm20', 1.5],
    // The middle half is all 3s: ties at a percent bound are split by weight, not dropped.
    ['IQM', 3],
    ['TM(10%:90%)', (1 * 0 + 2 * 1 + 3 * 7) / 8],
    ['TC(1:2)', 1],
    ['TC(2:3)', 8],
    ['PR(:2)', 20],
  ])('%s = %s', (stat, expected) => {
    expect(evaluate(stat, weighted)).toBeCloseTo(expected, 9);
  });

  it('gives the same answers as the values written out one by one', () => {
    const expanded = period([1, 2, 3, 3, 3, 3, 3, 3, 3, 3]);
    for (const stat of ['p10', 'p20', 'p50', 'p90', 'tm90', 'IQM', 'WM(10%:90%)', 'TS(1:3)', 'PR(:2)']) {
      expect(evaluate(stat, weighted), stat).toBeCloseTo(evaluate(stat, expanded) ?? NaN, 9);
    }
  });

  it('does not depend on the order the values arrived in', () => {
    const shuffled = period([7, 3, 10, 1, 5, 9, 2, 8, 4, 6]);
    for (const stat of ['p10', 'p50', 'p91', 'IQM', 'TC(2:5)', 'WM(10%:90%)']) {
      expect(evaluate(stat, shuffled), stat).toBe(evaluate(stat, ONE_TO_TEN));
    }
  });
});

describe('statistic sets', () => {
  it.each<[string, [number, number, number, number][], number[], string, number | undefined]>([
    // description, sets [SampleCount, Sum, Minimum, Maximum], exact values, stat, expected
    ['one sample', [[1, 7, 7, 7]], [], 'p99', 7],
    ['a repeated value', [[4, 20, 5, 5]], [], 'p50', 5],
    ['a repeated value, trimmed mean', [[4, 20, 5, 5]], [], 'tm90', 5],
    ['a repeated value, trimmed count', [[4, 20, 5, 5]], [], 'TC(4:5)', 4],
    ['a repeated value, IQM', [[4, 20, 5, 5]], [], 'IQM', 5],
    ['a repeated value, TM(10%:90%)', [[4, 20, 5, 5]], [], 'TM(10%:90%)', 5],
    ['a repeated value, TC(25%:75%)', [[4, 20, 5, 5]], [], 'TC(25%:75%)', 2],
    ['a repeated value, WM(10%:90%)', [[4, 20, 5, 5]], [], 'WM(10%:90%)', 5],
    ['a repeated value next to exact values', [[3, 30, 10, 10]], [1, 2], 'p50', 10],
    ['a spread set: no percentile', [[4, 20, 2, 8]], [], 'p50', undefined],
    ['a spread set: no trimmed mean', [[4, 20, 2, 8]], [], 'tm99', undefined],
    ['a spread set: no IQM', [[4, 20, 2, 8]], [], 'IQM', undefined],
    ['a spread set: no percentile rank', [[4, 20, 2, 8]], [], 'PR(:5)', undefined],
    ['a spread set spoils exact values in the same period', [[4, 20, 2, 8]], [1, 2, 3], 'p50', undefined],
    ['Min = Max but Sum is not Min × SampleCount', [[4, 21, 5, 5]], [], 'p50', undefined],
    ['a spread set: Sum', [[4, 20, 2, 8]], [1], 'Sum', 21],
    ['a spread set: SampleCount', [[4, 20, 2, 8]], [1], 'SampleCount', 5],
    ['a spread set: Average', [[4, 20, 2, 8]], [], 'Average', 5],
    ['a spread set: Minimum', [[4, 20, 2, 8]], [1], 'Minimum', 1],
    ['a spread set: Maximum', [[4, 20, 2, 8]], [9], 'Maximum', 9],
  ])('%s: %s', (_description, sets, values, stat, expected) => {
    const v = evaluate(stat, periodOfSets(sets, values));
    if (expected === undefined) expect(v).toBeUndefined();
    else expect(v).toBeCloseTo(expected, 9);
  });
});

describe('negative values', () => {
  // "Percentile statistics are not available for metrics when any of the metric values are negative numbers."
  const withNegative = period([-3, 1, 2, 3]);
  it.each<[string, number | undefined]>([
    ['Sum', 3],
    ['Minimum', -3],
    ['Average', 0.75],
    ['p50', undefined],
    ['p99', undefined],
    ['IQM', undefined],
    ['TM(-5:5)', undefined],
  ])('%s = %s', (stat, expected) => {
    expect(evaluate(stat, withNegative)).toBe(expected);
  });
});

describe('statValue on an empty period', () => {
  it.each(['SampleCount', 'Sum', 'Average', 'p50', 'TC(1:2)'])('%s gives no datapoint', (stat) => {
    expect(evaluate(stat, period([]))).toBeUndefined();
  });
});

describe('percentiles of simulated samples (a log-normal component)', () => {
  // 10,000 requests with a median of 100 ms and sigma 0.5: p50 = 100, p90 = 100·e^(0.5·1.2816).
  const component: Component = { n: 10_000, log: true, mu: Math.log(100), sigma: 0.5 };
  const d = emptyDistribution();
  d.components.push(component);
  it.each<[Stat, number]>([
    [{ kind: 'percentile', p: 50 }, 100],
    [{ kind: 'percentile', p: 90 }, 100 * Math.exp(0.5 * 1.2815515655)],
    [{ kind: 'percentile', p: 10 }, 100 * Math.exp(-0.5 * 1.2815515655)],
  ])('%j ≈ %s', (stat, expected) => {
    const v = statValue(stat, component.n, 0, 1, 10_000, d);
    expect(v).toBeDefined();
    expect(Math.abs((v ?? 0) / expected - 1)).toBeLessThan(1e-6);
  });

  it('PR(:100) of a median-100 distribution is about 50 %', () => {
    const v = statValue(
      { kind: 'trimmed', fn: 'PR', high: { value: 100, percent: false } },
      component.n,
      0,
      1,
      10_000,
      d,
    );
    expect(v).toBeGreaterThan(45);
    expect(v).toBeLessThan(55);
  });
});
