import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../time.ts';
import {
  type AlarmState,
  type ComparisonOperator,
  type EvaluationConfig,
  type EvaluationInput,
  type TreatMissingData,
  decideState,
  evaluateAlarm,
  evaluationRangeSlots,
  lowSampleThreshold,
} from './evaluate.ts';
import { stringifyReasonData } from './reason.ts';

const P = 5 * MINUTE_MS;
const T0 = Date.parse('2026-11-21T10:00:00Z');
const NOW = T0 + 10 * P;

/** The docs' notation, oldest first: `0` not breaching, `X` breaching, `-` missing (threshold 50, >). */
function slots(pattern: string, start = T0, periodMs = P): EvaluationInput {
  const cells = pattern.split(' ');
  return {
    periodStarts: cells.map((_, i) => start + i * periodMs),
    values: cells.map((c) => (c === 'X' ? 90 : c === '0' ? 10 : undefined)),
  };
}

function config(over: Partial<EvaluationConfig> = {}): EvaluationConfig {
  return {
    periodMs: P,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    comparisonOperator: 'GreaterThanThreshold',
    threshold: 50,
    treatMissingData: 'missing',
    ...over,
  };
}

const stateOf = (
  pattern: string,
  over: Partial<EvaluationConfig>,
  previous: AlarmState = 'INSUFFICIENT_DATA',
) => evaluateAlarm(config(over), slots(pattern), previous, NOW).state;

type Expected = AlarmState | 'RETAIN';
const TREATMENTS: readonly TreatMissingData[] = ['missing', 'ignore', 'breaching', 'notBreaching'];
const PREVIOUS: readonly AlarmState[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];

/** Every cell of a docs table, from every previous state: RETAIN cells must keep OK and ALARM alike. */
function cells(table: [string, Expected, Expected, Expected, Expected][]) {
  return table.flatMap(([pattern, ...expected]) =>
    TREATMENTS.flatMap((treatment, i) =>
      PREVIOUS.map((previous) => [pattern, treatment, previous, expected[i]] as const),
    ),
  );
}

describe('§a.4.2 table 1: N = M = 3, evaluation range 5 (all 20 cells)', () => {
  it.each(
    cells([
      // data points        MISSING               IGNORE    BREACHING  NOT BREACHING
      ['0 - X - X', 'OK', 'OK', 'OK', 'OK'],
      ['0 - - - -', 'OK', 'OK', 'OK', 'OK'],
      ['- - - - -', 'INSUFFICIENT_DATA', 'RETAIN', 'ALARM', 'OK'],
      ['0 X X - X', 'ALARM', 'ALARM', 'ALARM', 'ALARM'],
      ['- - X - -', 'ALARM', 'RETAIN', 'ALARM', 'OK'],
    ]),
  )('%s under %s, previous %s → %s', (pattern, treatmentMissingData, previous, expected) => {
    expect(stateOf(pattern, { treatMissingData: treatmentMissingData }, previous)).toBe(expected);
  });
});

describe('§a.4.2 table 2: M = 2 of N = 3, evaluation range 5 (all 20 cells)', () => {
  it.each(
    cells([
      ['0 - X - X', 'ALARM', 'ALARM', 'ALARM', 'ALARM'],
      ['0 0 X 0 X', 'ALARM', 'ALARM', 'ALARM', 'ALARM'],
      ['0 - X - -', 'OK', 'OK', 'ALARM', 'OK'],
      ['- - - - 0', 'OK', 'OK', 'ALARM', 'OK'],
      ['- - - X -', 'ALARM', 'RETAIN', 'ALARM', 'OK'],
    ]),
  )('%s under %s, previous %s → %s', (pattern, treatmentMissingData, previous, expected) => {
    expect(stateOf(pattern, { treatMissingData: treatmentMissingData, datapointsToAlarm: 2 }, previous)).toBe(
      expected,
    );
  });
});

describe('§a.4.3 premature ALARM, and the unspecified cells (not ALARM: OK, or kept when in ALARM)', () => {
  it.each<[string, number, number, TreatMissingData, AlarmState, Expected]>([
    // pattern, M, N, treatment, previous, expected
    ['- - - - X', 3, 3, 'missing', 'INSUFFICIENT_DATA', 'OK'],
    ['- - - - X', 3, 3, 'missing', 'OK', 'OK'],
    ['- - - - X', 3, 3, 'missing', 'ALARM', 'RETAIN'],
    ['- - - X -', 3, 3, 'missing', 'INSUFFICIENT_DATA', 'OK'],
    ['- - - X -', 3, 3, 'missing', 'ALARM', 'RETAIN'],
    ['- - - X -', 3, 3, 'ignore', 'OK', 'OK'],
    ['- - - X -', 3, 3, 'ignore', 'ALARM', 'RETAIN'],
    ['- - X - -', 3, 3, 'missing', 'OK', 'ALARM'],
    ['- - X - -', 3, 3, 'missing', 'INSUFFICIENT_DATA', 'ALARM'],
    ['- - X - -', 3, 3, 'ignore', 'OK', 'RETAIN'],
    // M of N: the breaching point must be at least M periods old.
    ['- - - X -', 2, 3, 'missing', 'OK', 'ALARM'],
    ['- - - - X', 2, 3, 'missing', 'OK', 'OK'],
    ['- - - - X', 2, 3, 'missing', 'ALARM', 'RETAIN'],
    ['- - - - X', 1, 3, 'missing', 'OK', 'ALARM'],
    ['- - X - - - -', 3, 5, 'missing', 'OK', 'ALARM'],
    ['- - - - X - X', 3, 5, 'missing', 'OK', 'ALARM'],
    ['- - - - - X X', 3, 5, 'missing', 'OK', 'OK'],
    ['- - - - - X X', 3, 5, 'missing', 'ALARM', 'RETAIN'],
    // A non-breaching datapoint after the oldest breaching one: not premature.
    ['- - X 0 -', 3, 3, 'missing', 'OK', 'OK'],
    ['- - X 0 -', 3, 3, 'missing', 'ALARM', 'RETAIN'],
    // M ≤ real < N: the real datapoints decide.
    ['- - - - X 0 X', 3, 5, 'missing', 'ALARM', 'OK'],
    ['- - - X 0 X X', 3, 5, 'missing', 'OK', 'ALARM'],
    // A breaching datapoint older than the last N slots cannot alarm prematurely.
    ['- X - - -', 2, 3, 'missing', 'OK', 'OK'],
    ['- X - - -', 2, 3, 'missing', 'ALARM', 'RETAIN'],
  ])('%s, %i of %i, %s, previous %s → %s', (pattern, m, n, treatment, previous, expected) => {
    expect(
      stateOf(pattern, { datapointsToAlarm: m, evaluationPeriods: n, treatMissingData: treatment }, previous),
    ).toBe(expected);
  });
});

describe('M of N and the evaluation range beyond N (rules 1 and 2 of §a.4.1)', () => {
  it.each<[string, number, number, Expected]>([
    // pattern, M, N, expected: ignoring missing data treatment (missing)
    ['0 0 0 0 X', 1, 3, 'ALARM'],
    ['0 X 0 0 0', 1, 3, 'OK'],
    ['X X 0 0 0', 2, 3, 'OK'],
    ['0 0 X 0 X', 2, 3, 'ALARM'],
    ['0 0 X X 0', 2, 3, 'ALARM'],
    ['X X X X 0', 3, 3, 'OK'],
    ['X X X X 0', 4, 5, 'ALARM'],
    ['X X X 0 0', 4, 5, 'OK'],
    // Rule 2: enough real datapoints, some missing: the N most recent real ones, from farther back.
    ['X X - X -', 3, 3, 'ALARM'],
    ['0 X - X -', 3, 3, 'OK'],
    ['X - X 0 X', 2, 3, 'ALARM'],
    ['X - X 0 X', 3, 3, 'OK'],
    ['X - - 0 X', 2, 3, 'ALARM'],
  ])('%s, %i of %i → %s', (pattern, m, n, expected) => {
    for (const treatment of TREATMENTS) {
      expect(
        stateOf(pattern, { datapointsToAlarm: m, evaluationPeriods: n, treatMissingData: treatment }),
      ).toBe(expected);
    }
  });

  it('uses the N most recent real datapoints and reports them as used', () => {
    const e = evaluateAlarm(config(), slots('X X - X -'), 'OK', NOW);
    expect(e.used).toEqual([
      { periodStart: T0, value: 90, breaching: true, filled: false },
      { periodStart: T0 + P, value: 90, breaching: true, filled: false },
      { periodStart: T0 + 3 * P, value: 90, breaching: true, filled: false },
    ]);
  });

  it('fills the most recent missing slots, as few as needed (rule 3)', () => {
    const e = evaluateAlarm(config({ treatMissingData: 'breaching' }), slots('0 - - - -'), 'OK', NOW);
    expect(e.state).toBe('OK');
    expect(e.used).toEqual([
      { periodStart: T0, value: 10, breaching: false, filled: false },
      { periodStart: T0 + 3 * P, value: undefined, breaching: true, filled: true },
      { periodStart: T0 + 4 * P, value: undefined, breaching: true, filled: true },
    ]);
  });

  it('evaluates an input shorter than N as if older periods were missing', () => {
    expect(evaluateAlarm(config(), slots('X'), 'OK', NOW).state).toBe('OK');
    expect(evaluateAlarm(config({ treatMissingData: 'breaching' }), slots('X'), 'OK', NOW).state).toBe(
      'ALARM',
    );
    expect(evaluateAlarm(config(), { periodStarts: [], values: [] }, 'OK', NOW).state).toBe(
      'INSUFFICIENT_DATA',
    );
  });
});

describe('comparison operators: the statistic is the first operand', () => {
  it.each<[ComparisonOperator, number, AlarmState]>([
    ['GreaterThanOrEqualToThreshold', 49, 'OK'],
    ['GreaterThanOrEqualToThreshold', 50, 'ALARM'],
    ['GreaterThanOrEqualToThreshold', 51, 'ALARM'],
    ['GreaterThanThreshold', 49, 'OK'],
    ['GreaterThanThreshold', 50, 'OK'],
    ['GreaterThanThreshold', 51, 'ALARM'],
    ['LessThanThreshold', 49, 'ALARM'],
    ['LessThanThreshold', 50, 'OK'],
    ['LessThanThreshold', 51, 'OK'],
    ['LessThanOrEqualToThreshold', 49, 'ALARM'],
    ['LessThanOrEqualToThreshold', 50, 'ALARM'],
    ['LessThanOrEqualToThreshold', 51, 'OK'],
  ])('%s 50 with %d → %s', (op, value, expected) => {
    const input = { periodStarts: [T0, T0 + P, T0 + 2 * P], values: [undefined, undefined, value] };
    const c = config({ comparisonOperator: op, evaluationPeriods: 1, datapointsToAlarm: 1 });
    expect(evaluateAlarm(c, input, 'INSUFFICIENT_DATA', NOW).state).toBe(expected);
  });

  it.each<[ComparisonOperator, number, AlarmState]>([
    // band [10, 20]
    ['LessThanLowerOrGreaterThanUpperThreshold', 5, 'ALARM'],
    ['LessThanLowerOrGreaterThanUpperThreshold', 10, 'OK'],
    ['LessThanLowerOrGreaterThanUpperThreshold', 15, 'OK'],
    ['LessThanLowerOrGreaterThanUpperThreshold', 20, 'OK'],
    ['LessThanLowerOrGreaterThanUpperThreshold', 25, 'ALARM'],
    ['LessThanLowerThreshold', 5, 'ALARM'],
    ['LessThanLowerThreshold', 10, 'OK'],
    ['LessThanLowerThreshold', 25, 'OK'],
    ['GreaterThanUpperThreshold', 5, 'OK'],
    ['GreaterThanUpperThreshold', 20, 'OK'],
    ['GreaterThanUpperThreshold', 25, 'ALARM'],
  ])('%s of the band [10, 20] with %d → %s', (op, value, expected) => {
    const c = config({
      comparisonOperator: op,
      threshold: undefined,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
    });
    const input = {
      periodStarts: [T0, T0 + P, T0 + 2 * P],
      values: [1, 1, value],
      lower: [10, 10, 10],
      upper: [20, 20, 20],
    };
    expect(evaluateAlarm(c, input, 'INSUFFICIENT_DATA', NOW).state).toBe(expected);
  });

  it('compares each slot with its own band', () => {
    const c = config({
      comparisonOperator: 'GreaterThanUpperThreshold',
      threshold: undefined,
      datapointsToAlarm: 2,
    });
    const input = {
      periodStarts: [T0, T0 + P, T0 + 2 * P],
      values: [15, 15, 15],
      lower: [0, 0, 0],
      upper: [10, 20, 10],
    };
    expect(evaluateAlarm(c, input, 'OK', NOW).state).toBe('ALARM');
    expect(evaluateAlarm({ ...c, datapointsToAlarm: 3 }, input, 'OK', NOW).state).toBe('OK');
  });

  it('treats a datapoint without its band as missing', () => {
    const c = config({
      comparisonOperator: 'LessThanLowerThreshold',
      threshold: undefined,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
    });
    const input = { periodStarts: [T0, T0 + P], values: [1, 1], lower: [undefined, undefined] };
    expect(evaluateAlarm(c, input, 'OK', NOW).state).toBe('INSUFFICIENT_DATA');
  });

  it('rejects a static operator without a threshold, and M outside [1, N]', () => {
    expect(() => evaluateAlarm(config({ threshold: undefined }), slots('X X X'), 'OK', NOW)).toThrow(
      /threshold/,
    );
    expect(() => evaluateAlarm(config({ datapointsToAlarm: 4 }), slots('X X X'), 'OK', NOW)).toThrow(
      RangeError,
    );
    expect(() => evaluateAlarm(config({ datapointsToAlarm: 0 }), slots('X X X'), 'OK', NOW)).toThrow(
      RangeError,
    );
  });
});

describe('AWS/DynamoDB always ignores missing data', () => {
  it.each<[string, TreatMissingData, AlarmState, Expected]>([
    ['- - - - -', 'breaching', 'OK', 'RETAIN'],
    ['- - - - -', 'breaching', 'ALARM', 'RETAIN'],
    ['- - - - -', 'missing', 'OK', 'RETAIN'],
    ['- - - - -', 'notBreaching', 'ALARM', 'RETAIN'],
    ['- - X - -', 'breaching', 'OK', 'RETAIN'],
    ['- - X - -', 'notBreaching', 'ALARM', 'RETAIN'],
    ['0 - - - -', 'breaching', 'ALARM', 'OK'],
    ['0 X X - X', 'notBreaching', 'OK', 'ALARM'],
  ])('%s with treatMissingData %s, previous %s → %s', (pattern, treatment, previous, expected) => {
    expect(stateOf(pattern, { treatMissingData: treatment, namespace: 'AWS/DynamoDB' }, previous)).toBe(
      expected,
    );
  });

  it('other namespaces follow treatMissingData', () => {
    expect(stateOf('- - - - -', { treatMissingData: 'breaching', namespace: 'AWS/EC2' }, 'OK')).toBe('ALARM');
  });
});

describe('EvaluateLowSampleCountPercentile', () => {
  it.each<[number, number | undefined]>([
    [0.99, 1000],
    [0.999, 10000],
    [0.9, 100],
    [0.5, 20],
    [0.25, 40],
    [0.1, 100],
    [0.01, 1000],
    [0, undefined],
    [1, undefined],
  ])('p = %d needs %s samples', (p, threshold) => {
    expect(lowSampleThreshold(p)).toBe(threshold);
  });

  const X3 = { periodStarts: [T0, T0 + P, T0 + 2 * P], values: [90, 90, 90] };
  it.each<[number, 'evaluate' | 'ignore' | undefined, (number | undefined)[], Expected]>([
    [0.99, 'ignore', [1000, 1000, 999], 'RETAIN'],
    [0.99, 'ignore', [1000, 1000, 1000], 'ALARM'],
    [0.99, 'ignore', [5000, undefined, 1000], 'ALARM'],
    [0.99, 'evaluate', [1, 1, 1], 'ALARM'],
    [0.99, undefined, [1, 1, 1], 'ALARM'],
    [0.1, 'ignore', [99, 500, 500], 'RETAIN'],
    [0.1, 'ignore', [100, 500, 500], 'ALARM'],
    [0.5, 'ignore', [19, 20, 20], 'RETAIN'],
  ])('p = %d, %s, sample counts %j → %s', (p, mode, sampleCounts, expected) => {
    const c = config({ percentile: p, evaluateLowSampleCountPercentile: mode });
    expect(evaluateAlarm(c, { ...X3, sampleCounts }, 'OK', NOW).state).toBe(expected);
  });

  it('looks only at the datapoints it evaluates', () => {
    const c = config({ percentile: 0.99, evaluateLowSampleCountPercentile: 'ignore' });
    const input = { ...slots('X X X X X'), sampleCounts: [1, 1, 2000, 2000, 2000] };
    expect(evaluateAlarm(c, input, 'OK', NOW).state).toBe('ALARM');
    const e = evaluateAlarm(c, { ...input, sampleCounts: [2000, 2000, 2000, 1, 2000] }, 'OK', NOW);
    expect(e.state).toBe('RETAIN');
    expect(e.reason).toBe(
      'Percentile with low samples: 1 evaluated datapoint has fewer than 1000 samples and EvaluateLowSampleCountPercentile is ignore; the alarm keeps its state.',
    );
  });
});

describe('reason text', () => {
  const at = (iso: string) => Date.parse(iso);
  const MIN = MINUTE_MS;

  it.each<[string, EvaluationConfig, EvaluationInput, string]>([
    [
      'M of N into ALARM, breaching datapoints newest first',
      config({ periodMs: MIN, datapointsToAlarm: 2, threshold: 80 }),
      {
        periodStarts: [11, 12, 13, 14, 15].map((m) => at(`2026-11-21T10:${m}:00Z`)),
        values: [undefined, undefined, 70, 88, 91.2],
      },
      'Threshold Crossed: 2 out of the last 3 datapoints [91.2 (21/11/26 10:15:00), 88.0 (21/11/26 10:14:00)] were greater than the threshold (80.0) (minimum 2 datapoints for OK -> ALARM transition).',
    ],
    [
      'back to OK',
      config({ periodMs: 5 * MIN, evaluationPeriods: 1, datapointsToAlarm: 1 }),
      { periodStarts: [at('2019-10-02T16:59:00Z')], values: [12.5] },
      'Threshold Crossed: 1 out of the last 1 datapoints [12.5 (02/10/19 16:59:00)] was not greater than the threshold (50.0) (minimum 1 datapoint for ALARM -> OK transition).',
    ],
    [
      // Observed AWS text, 21/12/21: OK lists the datapoints that are not breaching; recovery needs N − M + 1.
      '3 of 5 back to OK',
      config({ periodMs: MIN, evaluationPeriods: 5, threshold: 0 }),
      {
        periodStarts: [41, 42, 43, 44, 45].map((m) => at(`2021-12-21T06:${m}:00Z`)),
        values: [1, 0, 1, 0, 0],
      },
      'Threshold Crossed: 3 out of the last 5 datapoints [0.0 (21/12/21 06:45:00), 0.0 (21/12/21 06:44:00), 0.0 (21/12/21 06:42:00)] were not greater than the threshold (0.0) (minimum 3 datapoints for ALARM -> OK transition).',
    ],
    [
      // Observed AWS text, 16/03/24.
      'missing datapoints filled as not breaching',
      config({
        periodMs: 5 * MIN,
        evaluationPeriods: 20,
        datapointsToAlarm: 1,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        threshold: 1,
        treatMissingData: 'notBreaching',
      }),
      { periodStarts: [at('2024-03-16T12:15:00Z')], values: [613] },
      'Threshold Crossed: 1 out of the last 20 datapoints [613.0 (16/03/24 12:15:00)] was greater than or equal to the threshold (1.0) and 19 missing datapoints were treated as [NonBreaching] (minimum 1 datapoint for OK -> ALARM transition).',
    ],
    [
      'no datapoints, filled as breaching',
      config({ evaluationPeriods: 2, datapointsToAlarm: 2, treatMissingData: 'breaching' }),
      slots('- - - -'),
      'Threshold Crossed: no datapoints were received for 2 periods and 2 missing datapoints were treated as [Breaching].',
    ],
    [
      'no datapoint, filled as not breaching',
      config({ evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: 'notBreaching' }),
      slots('- - -'),
      'Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [NonBreaching].',
    ],
    ['insufficient data', config(), slots('- - - - -'), 'Insufficient Data: 3 datapoints were unknown.'],
    [
      'insufficient data, one period',
      config({ evaluationPeriods: 1, datapointsToAlarm: 1 }),
      slots('- - -'),
      'Insufficient Data: 1 datapoint was unknown.',
    ],
    [
      'premature alarm',
      config({ comparisonOperator: 'LessThanThreshold', threshold: 1, periodMs: MIN }),
      {
        periodStarts: [0, 1, 2, 3, 4].map((m) => at(`2026-01-01T00:0${m}:00Z`)),
        values: [undefined, undefined, 0, undefined, undefined],
      },
      'Threshold Crossed: 1 out of the last 3 datapoints [0.0 (01/01/26 00:02:00)] was less than the threshold (1.0) (minimum 3 datapoints for OK -> ALARM transition).',
    ],
    [
      // Observed AWS text, 22/08/26.
      'anomaly band, upper',
      config({
        periodMs: MIN,
        evaluationPeriods: 2,
        datapointsToAlarm: 2,
        comparisonOperator: 'GreaterThanUpperThreshold',
        threshold: undefined,
      }),
      {
        periodStarts: [48, 49, 50, 51].map((m) => at(`2026-08-22T17:${m}:00Z`)),
        values: [undefined, undefined, 0.05454111508545446, 0.05446682934068207],
        lower: [undefined, undefined, 0.01, 0.01],
        upper: [undefined, undefined, 0.05358105251591999, 0.05342948924695477],
      },
      'Thresholds Crossed: 2 out of the last 2 datapoints [0.05446682934068207 (22/08/26 17:51:00), 0.05454111508545446 (22/08/26 17:50:00)] were greater than the upper thresholds [0.05342948924695477, 0.05358105251591999] (minimum 2 datapoints for OK -> ALARM transition).',
    ],
    [
      'anomaly band, both sides',
      config({
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        comparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold',
        threshold: undefined,
      }),
      { periodStarts: [at('2019-10-03T15:58:00Z')], values: [0], lower: [0.0205], upper: [0.3006] },
      'Thresholds Crossed: 1 out of the last 1 datapoints [0.0 (03/10/19 15:58:00)] was less than the lower thresholds [0.0205] or greater than the upper thresholds [0.3006] (minimum 1 datapoint for OK -> ALARM transition).',
    ],
    [
      'ignore keeps the state',
      config({ treatMissingData: 'ignore' }),
      slots('- - X - -', at('2026-11-21T10:00:00Z')),
      'Missing data ignored: 1 out of the last 3 datapoints [90.0 (21/11/26 10:10:00)] was greater than the threshold (50.0) and 2 datapoints were missing; the alarm keeps its state.',
    ],
    [
      'ignore with no data',
      config({ treatMissingData: 'ignore' }),
      slots('- - - - -'),
      'Missing data ignored: no datapoints were received for 3 periods; the alarm keeps its state.',
    ],
  ])('%s', (_, c, input, reason) => {
    expect(evaluateAlarm(c, input, 'OK', NOW).reason).toBe(reason);
  });

  it('unspecified cells go to OK, or keep ALARM, and say why', () => {
    expect(evaluateAlarm(config(), slots('- - - - X', T0), 'OK', NOW).reason).toBe(
      'Not enough datapoints: 1 out of the last 3 datapoints [90.0 (21/11/26 10:20:00)] was greater than the threshold (50.0) and 2 datapoints were missing (minimum 3 datapoints for OK -> ALARM transition).',
    );
    expect(evaluateAlarm(config(), slots('- - - - X', T0), 'ALARM', NOW).reason).toBe(
      'Not enough datapoints: 1 out of the last 3 datapoints [90.0 (21/11/26 10:20:00)] was greater than the threshold (50.0) and 2 datapoints were missing (minimum 3 datapoints for OK -> ALARM transition); the alarm keeps its state.',
    );
  });
});

describe('reason data', () => {
  it('is the documented 2019 example, numbers as CloudWatch prints them', () => {
    const c = config({ evaluationPeriods: 1, datapointsToAlarm: 1, statisticLabel: 'Average' });
    const start = Date.parse('2019-10-02T16:59:00Z');
    const input = {
      periodStarts: [start - 2 * P, start - P, start],
      values: [undefined, undefined, 99.50160229693434],
    };
    const e = evaluateAlarm(c, input, 'OK', Date.parse('2019-10-02T17:04:40.985Z'));
    expect(e.reason).toBe(
      'Threshold Crossed: 1 out of the last 1 datapoints [99.50160229693434 (02/10/19 16:59:00)] was greater than the threshold (50.0) (minimum 1 datapoint for OK -> ALARM transition).',
    );
    expect(stringifyReasonData(e.reasonData)).toBe(
      '{"version":"1.0","queryDate":"2019-10-02T17:04:40.985+0000","startDate":"2019-10-02T16:59:00.000+0000","statistic":"Average","period":300,"recentDatapoints":[99.50160229693434],"threshold":50.0,"evaluatedDatapoints":[{"timestamp":"2019-10-02T16:59:00.000+0000","value":99.50160229693434}]}',
    );
  });

  it('anomaly alarms carry the band instead of a threshold; a metric-math alarm has no statistic', () => {
    const c = config({
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      comparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold',
      threshold: undefined,
    });
    const start = Date.parse('2019-10-03T15:58:00Z');
    const e = evaluateAlarm(
      c,
      { periodStarts: [start], values: [0], lower: [0.02], upper: [0.3], sampleCounts: [4] },
      'OK',
      start + P,
    );
    expect(stringifyReasonData(e.reasonData)).toBe(
      '{"version":"1.0","queryDate":"2019-10-03T16:03:00.000+0000","startDate":"2019-10-03T15:58:00.000+0000","period":300,"recentDatapoints":[0.0],"recentLowerThresholds":[0.02],"recentUpperThresholds":[0.3],"evaluatedDatapoints":[{"timestamp":"2019-10-03T15:58:00.000+0000","sampleCount":4.0,"value":0.0}]}',
    );
  });

  it('insufficient data lists the unknown periods, newest first, without a start date', () => {
    const c = config({ evaluationPeriods: 2, datapointsToAlarm: 2, statisticLabel: 'Sum' });
    const e = evaluateAlarm(c, slots('- - - -'), 'OK', T0 + 4 * P);
    expect(stringifyReasonData(e.reasonData)).toBe(
      '{"version":"1.0","queryDate":"2026-11-21T10:20:00.000+0000","statistic":"Sum","period":300,"recentDatapoints":[],"threshold":50.0,"evaluatedDatapoints":[{"timestamp":"2026-11-21T10:15:00.000+0000"},{"timestamp":"2026-11-21T10:10:00.000+0000"}]}',
    );
  });
});

describe('evaluationRangeSlots', () => {
  it.each<[number, number, number]>([
    [3, 5 * MINUTE_MS, 5],
    [1, MINUTE_MS, 3],
    [5, 10_000, 7],
    [1440, MINUTE_MS, 1442],
    [2, 12 * 60 * MINUTE_MS, 4],
    [7, 24 * 60 * MINUTE_MS, 8],
  ])('N = %i at %i ms → %i slots', (n, periodMs, expected) => {
    expect(evaluationRangeSlots(n, periodMs)).toBe(expected);
  });
});

/** The procedure of §a.4.4 written out plainly, to cross-check the prefix-count implementation. */
function reference(
  pattern: string[],
  m: number,
  n: number,
  t: TreatMissingData,
  previous: AlarmState,
): Expected {
  const real = pattern.flatMap((c, i) => (c === '-' ? [] : [{ i, x: c === 'X' }]));
  const xs = (a: { x: boolean }[]) => a.filter((p) => p.x).length;
  if (real.length >= n) return xs(real.slice(-n)) >= m ? 'ALARM' : 'OK';
  if (real.length === 0)
    return { missing: 'INSUFFICIENT_DATA', ignore: 'RETAIN', breaching: 'ALARM', notBreaching: 'OK' }[
      t
    ] as Expected;
  if (t === 'breaching') return xs(real) + n - real.length >= m ? 'ALARM' : 'OK';
  if (t === 'notBreaching') return xs(real) >= m ? 'ALARM' : 'OK';
  if (real.length < m) {
    const last = pattern.slice(-n);
    const b = last.indexOf('X');
    if (b >= 0 && n - b >= m && last.slice(b + 1).every((c) => c !== '0'))
      return t === 'missing' ? 'ALARM' : 'RETAIN';
    if (xs(real) === 0) return 'OK';
    return previous === 'ALARM' ? 'RETAIN' : 'OK';
  }
  return xs(real) >= m ? 'ALARM' : 'OK';
}

describe('agrees with a plain reading of §a.4.4 on every window', () => {
  it('for all 3^5 windows, every M ≤ N ≤ 3, treatment and previous state', () => {
    const symbols = ['0', 'X', '-'];
    const mismatches: string[] = [];
    let checked = 0;
    for (let code = 0; code < 3 ** 5; code++) {
      const pattern = Array.from({ length: 5 }, (_, i) => symbols[Math.floor(code / 3 ** i) % 3]);
      for (let n = 1; n <= 3; n++) {
        for (let m = 1; m <= n; m++) {
          for (const t of TREATMENTS) {
            for (const previous of PREVIOUS) {
              const over = { evaluationPeriods: n, datapointsToAlarm: m, treatMissingData: t };
              const got = stateOf(pattern.join(' '), over, previous);
              const want = reference(pattern, m, n, t, previous);
              if (got !== want)
                mismatches.push(`${pattern.join(' ')} ${m}/${n} ${t} from ${previous}: ${got}, not ${want}`);
              checked++;
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(243 * 6 * 4 * 3);
  });
});

describe('decideState is the decision of evaluateAlarm without the reason', () => {
  const base = {
    periodMs: 60_000,
    evaluationPeriods: 3,
    datapointsToAlarm: 2,
    comparisonOperator: 'GreaterThanThreshold' as const,
    threshold: 10,
  };
  it.each([
    ['missing', [1, undefined, 20, undefined, 20], 'OK'],
    ['ignore', [undefined, undefined, undefined, undefined, undefined], 'ALARM'],
    ['breaching', [undefined, undefined, undefined, 20, undefined], 'OK'],
    ['notBreaching', [1, 1, 20, 1, 20], 'INSUFFICIENT_DATA'],
  ] as const)('%s %j from %s', (treatMissingData, values, previous) => {
    const config = { ...base, treatMissingData };
    const input = { periodStarts: values.map((_, i) => i * 60_000), values: [...values] };
    expect(decideState(config, input, previous, 300_000)).toBe(
      evaluateAlarm(config, input, previous, 300_000).state,
    );
  });
});
