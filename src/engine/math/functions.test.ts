import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../time.ts';
import { evaluate } from './evaluate.ts';
import { PERIOD_MS, T0, cells, series } from './math-test-data.ts';
import { parseExpression } from './parser.ts';
import { seriesContext } from './series-context.ts';
import type { Series, Value } from './series.ts';

type Cells = ReturnType<typeof cells>;
const _ = null;
const N = 6;

const a = series([1, -2.5, _, 4, _, 9], 'a');
const b = series([2, 2, 2, _, _, 1], 'b');
const c = series([_, 5, _, _, 8, _], 'c');
const e = series([], 'e');
const ctx = seriesContext({ metrics: { a, b, c, e }, startMs: T0, endMs: T0 + N * PERIOD_MS });
const value = (text: string): Value => evaluate(parseExpression(text), ctx);
const run = (text: string): Cells => cells(value(text), N);
const labels = (text: string): string[] => {
  const v = value(text);
  return v.type === 'TS[]' ? v.series.map((s) => s.label) : [];
};

describe('functions on each datapoint and along a series', () => {
  it.each<[string, Cells]>([
    ['ABS(a)', [1, 2.5, _, 4, _, 9]],
    ['ABS(-3)', 3],
    [
      'ABS([a, b] * -1)',
      [
        [1, 2.5, _, 4, _, 9],
        [2, 2, 2, _, _, 1],
      ],
    ],
    ['CEIL(a)', [1, -2, _, 4, _, 9]],
    ['FLOOR(a)', [1, -3, _, 4, _, 9]],
    // LOG of a negative value is not a number: the datapoint is dropped
    ['LOG(a)', [0, _, _, Math.log(4), _, Math.log(9)]],
    ['LOG10(a)', [0, _, _, Math.log10(4), _, Math.log10(9)]],
    ['LOG(b - 2)', [_, _, _, _, _, _]],
    // the first datapoint has no predecessor: DIFF, DIFF_TIME and RATE drop it
    ['DIFF(a)', [_, -3.5, _, 6.5, _, 5]],
    ['DIFF_TIME(a)', [_, 60, _, 120, _, 120]],
    ['RATE(a)', [_, -3.5 / 60, _, 6.5 / 120, _, 5 / 120]],
    ['RUNNING_SUM(a)', [1, -1.5, _, 2.5, _, 11.5]],
    [
      'RUNNING_SUM([a, b])',
      [
        [1, -1.5, _, 2.5, _, 11.5],
        [2, 4, 6, _, _, 7],
      ],
    ],
    ['DIFF(e)', [_, _, _, _, _, _]],
  ])('%s → %j', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('aggregates: a scalar of a series, a series across an array', () => {
  it.each<[string, Cells]>([
    ['AVG(a)', 2.875],
    ['MIN(a)', -2.5],
    ['MAX(a)', 9],
    ['SUM(a)', 11.5],
    ['DATAPOINT_COUNT(a)', 4],
    // population standard deviation
    ['STDDEV(a)', Math.sqrt(71.1875 / 4)],
    ['STDDEV(b)', Math.sqrt(0.1875)],
    ['SUM(e)', 0],
    ['DATAPOINT_COUNT(e)', 0],
    ['AVG(e)', NaN],
    ['SUM(a) / DATAPOINT_COUNT(a)', 2.875],
    // AVG across an array counts a missing value as 0; MIN, MAX, STDDEV use the values present
    ['AVG([a, b])', [1.5, -0.25, 1, 2, _, 5]],
    ['SUM([a, b])', [3, -0.5, 2, 4, _, 10]],
    ['MIN([a, b])', [1, -2.5, 2, 4, _, 1]],
    ['MAX([a, b])', [2, 2, 2, 4, _, 9]],
    ['STDDEV([a, b])', [0.5, 2.25, 0, 0, _, 4]],
    ['DATAPOINT_COUNT([a, b])', [2, 2, 1, 1, _, 2]],
    ['SUM(METRICS())', [3, 4.5, 2, 4, 8, 10]],
    ['SUM(METRICS("zzz"))', [_, _, _, _, _, _]],
    ['MAX(a)/a', [9, -3.6, _, 2.25, _, 1]],
    ['a - AVG(e)', [_, _, _, _, _, _]],
    ['METRIC_COUNT(METRICS())', 4],
    ['b / METRIC_COUNT(METRICS())', [0.5, 0.5, 0.5, _, _, 0.25]],
  ])('%s → %j', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('FILL: every period of the range gets a datapoint', () => {
  it.each<[string, Cells]>([
    ['FILL(a, 0)', [1, -2.5, 0, 4, 0, 9]],
    ['FILL(a, REPEAT)', [1, -2.5, -2.5, 4, 4, 9]],
    ['FILL(a, LINEAR)', [1, -2.5, 0.75, 4, 6.5, 9]],
    ['FILL(c, 0)', [0, 5, 0, 0, 8, 0]],
    ['FILL(c, MIN(c))', [5, 5, 5, 5, 8, 5]],
    // edges (our choice): nothing before the first datapoint to repeat or interpolate from; REPEAT
    // carries the last value to the end of the range, LINEAR has nothing to interpolate to
    ['FILL(c, REPEAT)', [_, 5, 5, 5, 8, 8]],
    ['FILL(c, LINEAR)', [_, 5, 6, 7, 8, _]],
    // a series fills a gap with its own value at that timestamp, when it has one
    ['FILL(c, b)', [2, 5, 2, _, 8, 1]],
    ['FILL(e, 3)', [3, 3, 3, 3, 3, 3]],
    ['FILL(e, REPEAT)', [_, _, _, _, _, _]],
    ['FILL(e, LINEAR)', [_, _, _, _, _, _]],
    [
      'FILL([a, c], 0)',
      [
        [1, -2.5, 0, 4, 0, 9],
        [0, 5, 0, 0, 8, 0],
      ],
    ],
    [
      'FILL([a, c], b)',
      [
        [1, -2.5, 2, 4, _, 9],
        [2, 5, 2, _, 8, 1],
      ],
    ],
    [
      'FILL([b, c], LINEAR)',
      [
        [2, 2, 2, 2 - 1 / 3, 2 - 2 / 3, 1],
        [_, 5, 6, 7, 8, _],
      ],
    ],
  ])('%s → %j', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('IF: the documentation tables', () => {
  // metric1 [1, 1, 0, 0, -], metric2 [30, -, 0, 0, 30], metric3 [0, 0, 20, -, 20]
  const docs = seriesContext({
    metrics: {
      metric1: series([1, 1, 0, 0, _]),
      metric2: series([30, _, 0, 0, 30]),
      metric3: series([0, 0, 20, _, 20]),
    },
    startMs: T0,
    endMs: T0 + 5 * PERIOD_MS,
  });
  const doc = (text: string): Cells => cells(evaluate(parseExpression(text), docs), 5);

  it.each<[string, Cells]>([
    ['IF(metric1, metric2, metric3)', [30, 0, 20, _, _]],
    // scalar2 = 5
    ['IF(metric1, 5, metric3)', [5, 5, 20, _, _]],
    // scalar3 = 5
    ['IF(metric1, metric2, 5)', [30, 0, 5, 5, _]],
    // the third argument omitted: FALSE drops the datapoint
    ['IF(metric1, metric2)', [30, 0, _, _, _]],
    ['IF(metric1, 5)', [5, 5, _, _, _]],
    ['IF(metric1, 1, 0)', [1, 1, 0, 0, _]],
    // IF(TS comparison S, …): a value only where the condition has a datapoint
    ['IF(metric2 < 20, metric2)', [_, _, 0, 0, _]],
    ['IF(metric2 < 20, 10, 2)', [2, _, 10, 10, 2]],
    ['IF(metric2 > 10, 1, 0)', [1, _, 0, 0, 1]],
    ['IF(metric2 > 10, metric3, metric1)', [0, _, 0, 0, 20]],
    ['IF(metric3 > 10, metric2, 7)', [7, 7, 0, _, 30]],
    // IF(S, TS, TS): the whole series; FALSE without a third argument is an empty series
    ['IF(1, metric2, metric3)', [30, _, 0, 0, 30]],
    ['IF(0, metric2, metric3)', [0, 0, 20, _, 20]],
    ['IF(2 > 1, metric2)', [30, _, 0, 0, 30]],
    ['IF(0, metric2)', [_, _, _, _, _]],
    ['IF(MAX(metric1) > 0, metric3)', [0, 0, 20, _, 20]],
  ])('%s → %j', (text, expected) => {
    expect(doc(text)).toEqual(expected);
  });
});

describe('arrays: METRICS, FIRST, LAST, REMOVE_EMPTY, SLICE, SORT', () => {
  it.each<[string, string[]]>([
    ['METRICS()', ['a', 'b', 'c', 'e']],
    ['[a, METRICS("c"), b]', ['a', 'c', 'b']],
    ['REMOVE_EMPTY(METRICS())', ['a', 'b', 'c']],
    ['SLICE(METRICS(), 1)', ['b', 'c', 'e']],
    ['SLICE(METRICS(), 0, 2)', ['a', 'b']],
    ['SLICE(METRICS(), 1, 2)', ['b']],
    ['SLICE(METRICS(), 7)', []],
    // AVG: a 2.875, b 1.75, c 6.5; MIN: a -2.5, b 1, c 5; MAX: a 9, b 2, c 8; SUM: a 11.5, b 7, c 13
    ['SORT(METRICS(), AVG, DESC)', ['c', 'a', 'b', 'e']],
    ['SORT(METRICS(), AVG, ASC)', ['b', 'a', 'c', 'e']],
    ['SORT(METRICS(), MIN, ASC)', ['a', 'b', 'c', 'e']],
    ['SORT(METRICS(), MAX, DESC, 1)', ['a']],
    ['SORT(METRICS(), SUM, ASC, 2)', ['b', 'a']],
    ['SORT(METRICS(), SUM, DESC, 0)', []],
    ['SLICE(SORT(METRICS(), SUM, DESC), 0, 2)', ['c', 'a']],
  ])('%s → %j', (text, expected) => {
    expect(labels(text)).toEqual(expected);
  });

  it.each<[string, Cells]>([
    ['FIRST([a, b])', [1, -2.5, _, 4, _, 9]],
    ['LAST([a, b])', [2, 2, 2, _, _, 1]],
    ['FIRST(SORT(METRICS(), MAX, ASC))', [2, 2, 2, _, _, 1]],
    ['IF(FIRST(SORT(METRICS(), AVG, DESC)) > 6, 1, 0)', [_, 0, _, _, 1, _]],
    ['FIRST(METRICS("zzz"))', [_, _, _, _, _, _]],
  ])('%s → %j', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it('METRICS("…") keeps the MetricStat queries whose Id contains the string', () => {
    const requests = seriesContext({
      metrics: {
        errors4xx: series([1], '4xx'),
        errors5xx: series([2], '5xx'),
        requests: series([100], 'requests'),
      },
      startMs: T0,
      endMs: T0 + PERIOD_MS,
    });
    const sum = (text: string) => cells(evaluate(parseExpression(text), requests), 1);
    expect(sum('SUM(METRICS("errors"))')).toEqual([3]);
    expect(sum('SUM([METRICS("4xx"), METRICS("5xx")])')).toEqual([3]);
    expect(sum('SUM(METRICS("errors"))/SUM(METRICS("requests"))*100')).toEqual([3]);
    expect(sum('SUM(METRICS("xx"))')).toEqual([3]);
    expect(sum('METRIC_COUNT(METRICS("s"))')).toEqual(3);
  });
});

describe('series made from time: date functions, TIME_SERIES, PERIOD', () => {
  // Monday 16 November 2026 00:00 UTC, one day per period
  const days = series([1, _, _, _, _, _, 7], 'd', DAY_MS);
  const hours = series([_, 5], 'h', HOUR_MS);
  const week = seriesContext({ metrics: { d: days, h: hours }, startMs: T0, endMs: T0 + 7 * DAY_MS });
  const inWeek = (text: string, length: number): Cells =>
    cells(evaluate(parseExpression(text), week), length);

  it.each<[string, Cells]>([
    // non-sparse over the input's period and range, even where the input has no datapoint
    ['MINUTE(a)', [0, 1, 2, 3, 4, 5]],
    ['HOUR(a)', [0, 0, 0, 0, 0, 0]],
    ['DAY(a)', [1, 1, 1, 1, 1, 1]],
    ['DATE(a)', [16, 16, 16, 16, 16, 16]],
    ['MONTH(a)', [11, 11, 11, 11, 11, 11]],
    ['YEAR(a)', [2026, 2026, 2026, 2026, 2026, 2026]],
    ['EPOCH(a)', [0, 60, 120, 180, 240, 300].map((s) => T0 / 1000 + s)],
    ['MINUTE(e)', [0, 1, 2, 3, 4, 5]],
    ['TIME_SERIES(10)', [10, 10, 10, 10, 10, 10]],
    ['TIME_SERIES(MAX(a))', [9, 9, 9, 9, 9, 9]],
    ['TIME_SERIES(5 * AVG(b))', [8.75, 8.75, 8.75, 8.75, 8.75, 8.75]],
    ['PERIOD(a)', 60],
    ['a / PERIOD(a)', [1 / 60, -2.5 / 60, _, 4 / 60, _, 9 / 60]],
    // TRUE where `a` has no datapoint gives 0, as IF(metric1, metric2) does
    ['IF(MINUTE(a) < 3, a)', [1, -2.5, 0, _, _, _]],
  ])('%s → %j', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it.each<[string, number, Cells]>([
    ['DAY(d)', 7, [1, 2, 3, 4, 5, 6, 7]],
    ['DATE(d)', 7, [16, 17, 18, 19, 20, 21, 22]],
    // "IF(DAY(m1)<6,m1) returns metrics only from weekdays, Monday to Friday"
    ['IF(DAY(d) < 6, FILL(d, 0))', 7, [1, 0, 0, 0, 0, _, _]],
    ['HOUR(h)', 7 * 24, Array.from({ length: 7 * 24 }, (_h, i) => i % 24)],
    ['PERIOD(h)', 1, 3600],
  ])('%s → %j', (text, length, expected) => {
    expect(inWeek(text, length)).toEqual(expected);
  });
});

describe('ANOMALY_DETECTION_BAND returns [upper, lower]', () => {
  // two weeks of a daily wave, 60 ± 10, with ±2 of noise; then the same wave in the range, but for a spike
  const wave = (t: number) => 60 + 10 * Math.sin((2 * Math.PI * (t % DAY_MS)) / DAY_MS);
  const noise = (i: number) => (((i * 7919) % 13) / 13) * 4 - 2;
  const history: Series = { timestamps: [], values: [], periodMs: HOUR_MS, label: 'cpu' };
  for (let t = T0 - 14 * DAY_MS, i = 0; t < T0; t += HOUR_MS, i++) {
    history.timestamps.push(t);
    history.values.push(wave(t) + noise(i));
  }
  const at = (k: number) => T0 + k * HOUR_MS;
  const cpu = series([wave(at(0)) + 1, wave(at(1)) - 1, 300, wave(at(3))], 'cpu', HOUR_MS);
  const band = seriesContext({
    metrics: { cpu },
    training: { cpu: history },
    startMs: T0,
    endMs: T0 + 4 * HOUR_MS,
  });
  const run4 = (text: string) => cells(evaluate(parseExpression(text), band), 4) as (number | null)[][];

  it('FIRST is the upper bound, LAST the lower, at the input timestamps', () => {
    const [upper, lower] = run4('ANOMALY_DETECTION_BAND(cpu)');
    for (let i = 0; i < 4; i++) expect(upper[i] as number).toBeGreaterThan(lower[i] as number);
    expect(run4('[FIRST(ANOMALY_DETECTION_BAND(cpu)), LAST(ANOMALY_DETECTION_BAND(cpu))]')).toEqual([
      upper,
      lower,
    ]);
    expect(
      run4('[cpu > FIRST(ANOMALY_DETECTION_BAND(cpu)), cpu < LAST(ANOMALY_DETECTION_BAND(cpu))]'),
    ).toEqual([
      [0, 0, 1, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('widens with the number of standard deviations', () => {
    const [u2, l2] = run4('ANOMALY_DETECTION_BAND(cpu)');
    const [u4, l4] = run4('ANOMALY_DETECTION_BAND(cpu, 4)');
    const [u1, l1] = run4('ANOMALY_DETECTION_BAND(cpu, 0.5)');
    expect((u4[0] as number) - (l4[0] as number)).toBeCloseTo(2 * ((u2[0] as number) - (l2[0] as number)));
    expect((u1[0] as number) - (l1[0] as number)).toBeCloseTo(((u2[0] as number) - (l2[0] as number)) / 4);
  });

  it('is empty without training data', () => {
    const untrained = seriesContext({ metrics: { cpu }, startMs: T0, endMs: T0 + 4 * HOUR_MS });
    expect(cells(evaluate(parseExpression('ANOMALY_DETECTION_BAND(cpu)'), untrained), 4)).toEqual([
      [_, _, _, _],
      [_, _, _, _],
    ]);
  });

  it('labels its series upper and lower', () => {
    const v = evaluate(parseExpression('ANOMALY_DETECTION_BAND(cpu)'), band);
    expect(v.type === 'TS[]' && v.series.map((s) => s.role)).toEqual(['upper', 'lower']);
  });
});
