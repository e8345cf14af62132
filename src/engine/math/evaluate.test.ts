import { describe, expect, it } from 'vitest';
import { evaluate, evaluateExpression } from './evaluate.ts';
import { MathError } from './math-error.ts';
import { PERIOD_MS, T0, cells, series } from './math-test-data.ts';
import { parseExpression } from './parser.ts';
import { seriesContext } from './series-context.ts';
import type { Series } from './series.ts';

type Cells = ReturnType<typeof cells>;
const _ = null;

function runner(metrics: Record<string, Series>, length: number) {
  const ctx = seriesContext({ metrics, startMs: T0, endMs: T0 + length * PERIOD_MS });
  return {
    ctx,
    run: (text: string): Cells => cells(evaluate(parseExpression(text), ctx), length),
    fail: (text: string): MathError => {
      try {
        evaluateExpression(text, ctx);
      } catch (e) {
        if (e instanceof MathError) return e;
        throw e;
      }
      throw new Error(`evaluated: ${text}`);
    },
  };
}

describe('comparison and logical operators: the documentation table', () => {
  // "metric1 has values of [30, 20, 0, 0] and metric2 has values of [20, -, 20, -]"
  const { run } = runner({ metric1: series([30, 20, 0, 0]), metric2: series([20, _, 20, _]) }, 4);

  it.each<[string, Cells]>([
    ['(metric1 < metric2)', [0, 0, 1, 0]],
    ['(metric1 >= 30)', [1, 0, 0, 0]],
    ['(metric1 > 15 AND metric2 > 15)', [1, 0, 0, 0]],
    ['(metric1 > 15 && metric2 > 15)', [1, 0, 0, 0]],
  ])('%s → %j', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it.each<[string, Cells]>([
    ['metric1 == metric2', [0, 0, 0, 1]],
    ['metric1 != metric2', [1, 1, 1, 0]],
    ['metric1 <= 20', [0, 1, 1, 1]],
    ['metric1 > metric2', [1, 1, 0, 0]],
    ['metric1 OR metric2', [1, 1, 1, 0]],
    ['metric1 || metric2', [1, 1, 1, 0]],
    ['metric2 > 15 OR metric1 > 25', [1, 0, 1, 0]],
    ['1 < 2', 1],
    ['2 == 3', 0],
    ['1 AND 0', 0],
    ['0 || 5', 1],
  ])('%s → %j', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('arithmetic: missing values count as 0, a division by zero drops the datapoint', () => {
  const { run } = runner(
    {
      m1: series([1, 2, _, 4], 'm1'),
      m2: series([10, _, 30, 40], 'm2'),
      m3: series([2, 2, 2, 0], 'm3'),
    },
    4,
  );

  it.each<[string, Cells]>([
    // the examples of CloudWatch's arithmetic table
    ['5 * m1', [5, 10, _, 20]],
    ['m1 - m2', [-9, 2, -30, -36]],
    ['SUM(100/[m1, m3])', [150, 100, 50, 25]],
    ['AVG([m1,m2]/m3)', [2.75, 0.5, 7.5, _]],
    [
      'METRICS()*100',
      [
        [100, 200, _, 400],
        [1000, _, 3000, 4000],
        [200, 200, 200, 0],
      ],
    ],
    ['-5*m1', [-5, -10, _, -20]],
    ['-m1', [-1, -2, _, -4]],
    ['SUM(-[m1, m2])', [-11, -2, -30, -44]],
    ['PERIOD(m1)/60 * m1', [1, 2, _, 4]],
    ['m1/PERIOD(m1)', [1 / 60, 2 / 60, _, 4 / 60]],
    ['PERIOD(m1)/60', 1],
    // alignment on the union of timestamps, missing as 0
    ['m1 + m2', [11, 2, 30, 44]],
    ['m1 * m2', [10, 0, 0, 160]],
    // division by zero: 4/0 and 30/0 are dropped; 0/2 is 0
    ['m1 / m3', [0.5, 1, 0, _]],
    ['m2 / m1', [10, 0, _, 10]],
    ['m1 / 0', [_, _, _, _]],
    ['m3 / (m3 - 2)', [_, _, _, 0]],
    ['m1 ^ 2', [1, 4, _, 16]],
    ['2 ^ m1', [2, 4, _, 16]],
    ['m1 - AVG(m1)', [1 - 7 / 3, 2 - 7 / 3, _, 4 - 7 / 3]],
    [
      '[m1, m2] - m1',
      [
        [0, 0, _, 0],
        [9, -2, 30, 36],
      ],
    ],
    [
      'm1 - [m1, m2]',
      [
        [0, 0, _, 0],
        [-9, 2, -30, -36],
      ],
    ],
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['-2 ^ 2', -4],
    ['1 / 0', Infinity],
  ])('%s → %j', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('type errors and results', () => {
  const { fail } = runner({ m1: series([1, 2]), m2: series([3, 4]) }, 2);

  it.each<[string, string]>([
    [
      'AVG(m1)',
      'Invalid expression result at position 0: the result must be a time series or an array of time series, not a scalar',
    ],
    [
      'PERIOD(m1)/60',
      'Invalid expression result at position 0: the result must be a time series or an array of time series, not a scalar',
    ],
    ['m9 + 1', "Unknown Id 'm9' at position 0"],
    [
      'm1 + METRICS() + METRICS()',
      "Invalid operands for '+' at position 15: both sides are arrays of time series",
    ],
    [
      'METRICS() > METRICS()',
      "Invalid operands for '>' at position 10: both sides are arrays of time series",
    ],
    [
      'METRICS() AND METRICS()',
      "Invalid operands for 'AND' at position 10: both sides are arrays of time series",
    ],
    ['[m1, 2]', 'Invalid array element at position 5: expected a time series, got a scalar'],
    [
      'FIRST(m1)',
      'Invalid argument for FIRST at position 6: expected an array of time series, got a time series',
    ],
    [
      'AVG(3)',
      'Invalid argument for AVG at position 4: expected a time series or an array of time series, got a scalar',
    ],
    [
      'TIME_SERIES(m1)',
      'Invalid argument for TIME_SERIES at position 12: expected a scalar, got a time series',
    ],
    [
      'PERIOD(m1 * 2)',
      'Invalid argument for PERIOD at position 7: expected the Id of a metric, not the result of an expression',
    ],
    [
      'PERIOD(METRICS())',
      'Invalid argument for PERIOD at position 7: expected a time series, got an array of time series',
    ],
    [
      'IF(METRICS(), m1)',
      'Invalid argument for IF at position 3: expected a time series or a scalar, got an array of time series',
    ],
    [
      'IF(m1, METRICS())',
      'Invalid argument for IF at position 7: expected a time series or a scalar, got an array of time series',
    ],
    [
      'IF(1, 2, m1)',
      'Invalid argument for IF at position 6: expected a time series (the condition is a scalar), got a scalar',
    ],
    [
      'IF(1, m1, 2)',
      'Invalid argument for IF at position 10: expected a time series (the condition is a scalar), got a scalar',
    ],
    [
      'FILL(m1, METRICS())',
      'Invalid argument for FILL at position 9: expected a scalar, a time series, REPEAT or LINEAR, got an array of time series',
    ],
    [
      'SLICE(METRICS(), -1)',
      'Invalid argument for SLICE at position 17: expected a whole number 0 or more, got -1',
    ],
    [
      'SLICE(METRICS(), 0, 1.5)',
      'Invalid argument for SLICE at position 20: expected a whole number 0 or more, got 1.5',
    ],
    [
      'SORT(METRICS(), AVG, ASC, 1.5)',
      'Invalid argument for SORT at position 26: expected a whole number 0 or more, got 1.5',
    ],
    [
      'SORT(m1, AVG, ASC)',
      'Invalid argument for SORT at position 5: expected an array of time series, got a time series',
    ],
    [
      'ANOMALY_DETECTION_BAND(METRICS())',
      'Invalid argument for ANOMALY_DETECTION_BAND at position 23: expected a time series, got an array of time series',
    ],
    [
      'ANOMALY_DETECTION_BAND(m1, -1)',
      'Invalid argument for ANOMALY_DETECTION_BAND at position 27: expected a number of standard deviations 0 or more, got -1',
    ],
    [
      'ANOMALY_DETECTION_BAND(FIRST(ANOMALY_DETECTION_BAND(m1)))',
      'Nested ANOMALY_DETECTION_BAND at position 29: a band cannot be computed from another band',
    ],
  ])('%s', (text, message) => {
    expect(fail(text).message).toBe(message);
  });

  it('an array result is the array', () => {
    const v = evaluateExpression(
      'METRICS()',
      seriesContext({ metrics: { m1: series([1]) }, startMs: T0, endMs: T0 + PERIOD_MS }),
    );
    expect(v.type).toBe('TS[]');
  });
});
