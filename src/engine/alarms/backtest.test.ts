import { describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS, SECOND_MS } from '../time.ts';
import { type AlarmTransition, type BacktestSeries, backtest, evaluationStepMs } from './backtest.ts';
import {
  type AlarmState,
  type ComparisonOperator,
  type EvaluationConfig,
  type TreatMissingData,
  evaluateAlarm,
  evaluationRangeSlots,
} from './evaluate.ts';

const T0 = Date.parse('2026-11-21T00:00:00Z');

/** A live scheduler, written the slow way: every instant, the last complete periods, evaluateAlarm. */
function naiveBacktest(
  config: EvaluationConfig,
  series: BacktestSeries,
  startMs: number,
  endMs: number,
  initial: AlarmState,
): AlarmTransition[] {
  const p = config.periodMs;
  const step = evaluationStepMs(p);
  const range = evaluationRangeSlots(config.evaluationPeriods, p);
  const phase = series.timestamps.length ? ((series.timestamps[0] % p) + p) % p : 0;
  const at = new Map<number, number>();
  series.timestamps.forEach((ts, i) => at.set(Math.floor((ts - phase) / p) * p + phase, i));
  const pick = (arr: number[] | undefined, i: number | undefined) =>
    arr && i !== undefined && Number.isFinite(arr[i]) ? arr[i] : undefined;
  const out: AlarmTransition[] = [];
  let state = initial;
  for (let t = Math.ceil(startMs / step) * step; t < endMs; t += step) {
    const newest = Math.floor((t - phase) / p) * p + phase - p;
    const periodStarts = Array.from({ length: range }, (_, k) => newest - (range - 1 - k) * p);
    const idx = periodStarts.map((s) => at.get(s));
    const e = evaluateAlarm(
      config,
      {
        periodStarts,
        values: idx.map((i) => pick(series.values, i)),
        sampleCounts: series.sampleCounts && idx.map((i) => pick(series.sampleCounts, i)),
        lower: series.lower && idx.map((i) => pick(series.lower, i)),
        upper: series.upper && idx.map((i) => pick(series.upper, i)),
      },
      state,
      t,
    );
    if (e.state !== 'RETAIN' && e.state !== state) {
      out.push({ atMs: t, from: state, to: e.state, reason: e.reason });
      state = e.state;
    }
  }
  return out;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPERATORS: readonly ComparisonOperator[] = [
  'GreaterThanOrEqualToThreshold',
  'GreaterThanThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
  'LessThanLowerOrGreaterThanUpperThreshold',
  'LessThanLowerThreshold',
  'GreaterThanUpperThreshold',
];
const TREATMENTS: readonly TreatMissingData[] = ['missing', 'ignore', 'breaching', 'notBreaching'];
const PERIODS = [10 * SECOND_MS, 30 * SECOND_MS, MINUTE_MS, 5 * MINUTE_MS];

describe('backtest', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i))(
    'matches a scheduler calling evaluateAlarm (random case %i)',
    (seed) => {
      const r = rng(seed + 1);
      const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)];
      const n = 1 + Math.floor(r() * 5);
      const op = pick(OPERATORS);
      const config: EvaluationConfig = {
        periodMs: pick(PERIODS),
        evaluationPeriods: n,
        datapointsToAlarm: 1 + Math.floor(r() * n),
        comparisonOperator: op,
        threshold: op.includes('Lower') || op.includes('Upper') ? undefined : 50,
        treatMissingData: pick(TREATMENTS),
        namespace: r() < 0.1 ? 'AWS/DynamoDB' : 'Custom',
        percentile: r() < 0.3 ? 0.9 : undefined,
        evaluateLowSampleCountPercentile: r() < 0.5 ? 'ignore' : 'evaluate',
        statisticLabel: 'Average',
      };
      const p = config.periodMs;
      const missing = r() * 0.7;
      const offset = r() < 0.3 ? Math.floor(r() * 5) * SECOND_MS : 0;
      const series: Required<BacktestSeries> = {
        timestamps: [],
        values: [],
        sampleCounts: [],
        lower: [],
        upper: [],
      };
      const count = Math.round((3 * 60 * MINUTE_MS) / p);
      for (let k = 0; k < count; k++) {
        if (r() < missing) continue;
        series.timestamps.push(T0 + offset + k * p);
        series.values.push(r() < 0.5 ? 20 + r() * 25 : 45 + r() * 30);
        series.sampleCounts.push(Math.floor(r() * 200));
        series.lower.push(r() < 0.05 ? NaN : 30);
        series.upper.push(60);
      }
      const startMs = T0 + Math.floor(r() * 20) * MINUTE_MS + Math.floor(r() * 60) * SECOND_MS;
      const endMs = T0 + 3 * 60 * MINUTE_MS + 7 * SECOND_MS;
      const initial = pick<AlarmState>(['OK', 'ALARM', 'INSUFFICIENT_DATA']);

      const result = backtest(config, series, startMs, endMs, initial);
      const expected = naiveBacktest(config, series, startMs, endMs, initial);
      expect(expected.length).toBeGreaterThan(0);
      expect(result.transitions).toEqual(expected);
    },
  );

  it('reproduces the figure of "Evaluating an alarm": N = M = 3, threshold 3', () => {
    // Periods 1..10 of 1 minute; breaching (> 3) in periods 1–5 and 9.
    const values = [4, 5, 4, 6, 4, 1, 2, 1, 5, 1];
    const series = { timestamps: values.map((_, i) => T0 + i * MINUTE_MS), values };
    const config: EvaluationConfig = {
      periodMs: MINUTE_MS,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 3,
      treatMissingData: 'missing',
    };
    const { transitions, timeline } = backtest(config, series, T0, T0 + 10 * MINUTE_MS, 'INSUFFICIENT_DATA');
    expect(transitions.map((t) => [(t.atMs - T0) / MINUTE_MS, t.to])).toEqual([
      [1, 'OK'], // one datapoint, not breaching yet: the unspecified cell, not ALARM
      [3, 'ALARM'], // end of period 3
      [6, 'OK'], // end of period 6: period 6 is not breaching
    ]);
    expect(transitions[0].reason).toBe(
      'Not enough datapoints: 1 out of the last 3 datapoints [4.0 (21/11/26 00:00:00)] was greater than the threshold (3.0) and 2 datapoints were missing (minimum 3 datapoints for OK -> ALARM transition).',
    );
    expect(transitions[1].reason).toBe(
      'Threshold Crossed: 3 out of the last 3 datapoints [4.0 (21/11/26 00:02:00), 5.0 (21/11/26 00:01:00), 4.0 (21/11/26 00:00:00)] were greater than the threshold (3.0) (minimum 3 datapoints for OK -> ALARM transition).',
    );
    expect(timeline).toEqual([
      { startMs: T0, endMs: T0 + MINUTE_MS, state: 'INSUFFICIENT_DATA' },
      { startMs: T0 + MINUTE_MS, endMs: T0 + 3 * MINUTE_MS, state: 'OK' },
      { startMs: T0 + 3 * MINUTE_MS, endMs: T0 + 6 * MINUTE_MS, state: 'ALARM' },
      { startMs: T0 + 6 * MINUTE_MS, endMs: T0 + 10 * MINUTE_MS, state: 'OK' },
    ]);
  });

  it.each<[number, number]>([
    [10 * SECOND_MS, 10 * SECOND_MS],
    [20 * SECOND_MS, 10 * SECOND_MS],
    [30 * SECOND_MS, 10 * SECOND_MS],
    [MINUTE_MS, MINUTE_MS],
    [5 * MINUTE_MS, MINUTE_MS],
  ])('a %i ms period is evaluated every %i ms', (periodMs, step) => {
    expect(evaluationStepMs(periodMs)).toBe(step);
  });

  it('a 5-minute period is seen complete at the first evaluation after it ends', () => {
    const config: EvaluationConfig = {
      periodMs: 5 * MINUTE_MS,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 0,
      treatMissingData: 'missing',
    };
    const series = { timestamps: [T0 + 10 * MINUTE_MS], values: [1] };
    const { transitions } = backtest(config, series, T0 + 7 * MINUTE_MS + 30 * SECOND_MS, T0 + DAY_MS, 'OK');
    expect(transitions.map((t) => [(t.atMs - T0) / MINUTE_MS, t.to])).toEqual([
      [8, 'INSUFFICIENT_DATA'],
      [15, 'ALARM'],
      [30, 'INSUFFICIENT_DATA'], // the datapoint stays in the 3-period evaluation range until then
    ]);
  });

  it('an empty or reversed range has one span or none', () => {
    const config: EvaluationConfig = {
      periodMs: MINUTE_MS,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 0,
      treatMissingData: 'missing',
    };
    const series = { timestamps: [], values: [] };
    expect(backtest(config, series, T0 + 1, T0 + 2, 'OK')).toEqual({
      transitions: [],
      timeline: [{ startMs: T0 + 1, endMs: T0 + 2, state: 'OK' }],
    });
    expect(backtest(config, series, T0, T0, 'OK')).toEqual({ transitions: [], timeline: [] });
  });

  it('replays 90 days of 1-minute data at period 60 (its speed is measured by npm run bench)', () => {
    const r = rng(7);
    const minutes = 90 * 24 * 60;
    const series = { timestamps: new Array<number>(minutes), values: new Array<number>(minutes) };
    let level = 50;
    for (let k = 0; k < minutes; k++) {
      level = Math.min(100, Math.max(0, level + (r() - 0.5) * 4));
      series.timestamps[k] = T0 + k * MINUTE_MS;
      series.values[k] = level + (r() - 0.5) * 10;
    }
    const config: EvaluationConfig = {
      periodMs: MINUTE_MS,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 80,
      treatMissingData: 'missing',
      statisticLabel: 'Average',
    };
    const result = backtest(config, series, T0, T0 + minutes * MINUTE_MS);
    expect(result.transitions.length).toBeGreaterThan(10);
    expect(result.timeline[0].startMs).toBe(T0);
    expect(result.timeline.at(-1)?.endMs).toBe(T0 + minutes * MINUTE_MS);
  });
});
