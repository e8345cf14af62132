import { describe, expect, it } from 'vitest';
import { Engine } from '../engine.ts';
import { HOUR_MS, MINUTE_MS, SECOND_MS } from '../time.ts';
import {
  type AlarmTransition,
  type BacktestResult,
  type BacktestSeries,
  backtest,
  prepareFacts,
  rejudgeFacts,
  replay,
} from './backtest.ts';
import {
  type AlarmState,
  type ComparisonOperator,
  type EvaluationConfig,
  type TreatMissingData,
  evaluationRangeSlots,
} from './evaluate.ts';
import type { MetricAlarm } from './model.ts';
import {
  type GroundTruth,
  type TuningSummary,
  formatTuningDuration,
  prepareHistory,
  runPrepared,
  summarizeRun,
  sweepThresholds,
} from './tuning.ts';

const T0 = Date.parse('2026-11-21T00:00:00Z');
const M = MINUTE_MS;

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

const config = (over: Partial<EvaluationConfig> = {}): EvaluationConfig => ({
  periodMs: M,
  evaluationPeriods: 3,
  datapointsToAlarm: 2,
  comparisonOperator: 'GreaterThanThreshold',
  threshold: 50,
  treatMissingData: 'missing',
  ...over,
});

const minutes = (values: number[], from = T0): BacktestSeries => ({
  timestamps: values.map((_, i) => from + i * M),
  values,
});

describe('live scheduler versus backtest: the same transitions', () => {
  interface Case {
    period: number;
    n: number;
    m: number;
    op: ComparisonOperator;
    treat: TreatMissingData;
  }
  it.each<[string, Case]>([
    [
      '1-minute periods, 3 of 5, missing',
      { period: 60, n: 5, m: 3, op: 'GreaterThanThreshold', treat: 'missing' },
    ],
    [
      '1-minute periods, 2 of 3, ignore',
      { period: 60, n: 3, m: 2, op: 'GreaterThanThreshold', treat: 'ignore' },
    ],
    [
      '1-minute periods, 2 of 3, breaching',
      { period: 60, n: 3, m: 2, op: 'GreaterThanOrEqualToThreshold', treat: 'breaching' },
    ],
    [
      '1-minute periods, 1 of 2, notBreaching',
      { period: 60, n: 2, m: 1, op: 'LessThanThreshold', treat: 'notBreaching' },
    ],
    [
      '5-minute periods, 2 of 3, missing',
      { period: 300, n: 3, m: 2, op: 'GreaterThanThreshold', treat: 'missing' },
    ],
    [
      '5-minute periods, 1 of 1, notBreaching',
      { period: 300, n: 1, m: 1, op: 'LessThanOrEqualToThreshold', treat: 'notBreaching' },
    ],
  ])('%s', (_name, c) => {
    const periodMs = c.period * SECOND_MS;
    const engine = new Engine({ wallClock: () => T0, simulation: false });
    const r = rng(c.period * 31 + c.n * 7 + c.m);
    const leadIn = 30 * M;
    const from = T0 + leadIn;
    const until = T0 + 8 * HOUR_MS;
    // Bursts of high values, and two gaps without data (20 minutes and 2 hours).
    const valueAt = (t: number): number | undefined => {
      const minute = (t - T0) / M;
      if ((minute >= 100 && minute < 120) || (minute >= 300 && minute < 420)) return undefined;
      const burst = Math.floor(minute / 25) % 3 === 1;
      return burst ? 40 + r() * 40 : 10 + r() * 45;
    };
    // A 5-minute alarm's live periods slide by the minute; with the datapoint in the last minute of
    // each period, every sliding window holds the same datapoints as the period grid's.
    const publishes = (t: number) => periodMs === M || ((t - T0) / M) % 5 === 4;
    const name = 'tuned';
    for (let t = T0; t < until; t += M) {
      if (t === from) {
        engine.alarms.putMetricAlarm(
          {
            name,
            actionsEnabled: false,
            okActions: [],
            alarmActions: [],
            insufficientDataActions: [],
            tags: [],
            namespace: 'Shop',
            metricName: 'Latency',
            dimensions: [],
            statistic: 'Average',
            periodSeconds: c.period,
            evaluationPeriods: c.n,
            datapointsToAlarm: c.m,
            comparisonOperator: c.op,
            threshold: 50,
            treatMissingData: c.treat,
          },
          engine.now(),
        );
      }
      const v = valueAt(t);
      if (v !== undefined && publishes(t))
        engine.putMetricData({
          namespace: 'Shop',
          metricData: [{ metricName: 'Latency', value: v, timestampMs: t }],
        });
      engine.setClock({ advanceMs: M });
    }
    const live: AlarmTransition[] = engine.alarms
      .historyItems()
      .filter((h) => h.alarmName === name && h.type === 'StateUpdate' && h.timestampMs < until)
      .map((h) => {
        const data = JSON.parse(h.data) as {
          oldState: { stateValue: AlarmState };
          newState: { stateValue: AlarmState; stateReason: string };
        };
        return {
          atMs: h.timestampMs,
          from: data.oldState.stateValue,
          to: data.newState.stateValue,
          reason: data.newState.stateReason,
        };
      });

    // What the tuner fetches: GetMetricData at the alarm's period over the history and its lookback.
    const alarm = engine.alarms.get(name) as MetricAlarm;
    const evalConfig: EvaluationConfig = {
      periodMs,
      evaluationPeriods: alarm.evaluationPeriods,
      datapointsToAlarm: alarm.datapointsToAlarm ?? alarm.evaluationPeriods,
      comparisonOperator: alarm.comparisonOperator,
      threshold: alarm.threshold,
      treatMissingData: alarm.treatMissingData ?? 'missing',
      statisticLabel: 'Average',
    };
    const series = engine.queryMetric({
      metric: { namespace: 'Shop', metricName: 'Latency', dimensions: [] },
      periodMs,
      stat: { kind: 'basic', name: 'Average' },
      startMs: T0,
      endMs: until,
    });
    const replayed = backtest(evalConfig, series, from, until);
    const lookback = evaluationRangeSlots(c.n, periodMs);
    const tuned = runPrepared(evalConfig, prepareHistory(periodMs, series, from, until, lookback));

    expect(live.length).toBeGreaterThan(3);
    expect(live.some((t) => t.to === 'ALARM')).toBe(true);
    expect(replayed.transitions).toEqual(live);
    expect(tuned.transitions).toEqual(live);
    expect(tuned.timeline).toEqual(replayed.timeline);
  });
});

describe('runPrepared', () => {
  it('gives backtest’s transitions, and classes every slot as the evaluator judged it', () => {
    const values = [10, 60, 70, 80, 20, NaN, 10, 90, 95, 99, 10, 10, 10, 10];
    const series = minutes(values);
    const end = T0 + values.length * M;
    const h = prepareHistory(M, series, T0, end, 5);
    expect(h.firstSlotMs).toBe(T0 - 5 * M);
    const run = runPrepared(config(), h);
    expect(run.transitions).toEqual(backtest(config(), series, T0, end).transitions);
    expect([...run.slotClass]).toEqual([0, 0, 0, 0, 0, 1, 2, 2, 2, 1, 0, 1, 2, 2, 2, 1, 1, 1, 1]);
  });

  it('pads a history prepared without lookback with missing slots', () => {
    const series = minutes([60, 70, 80, 20, 10, 10], T0 - 3 * M);
    const end = T0 + 3 * M;
    const bare = runPrepared(config(), prepareHistory(M, series, T0, end));
    expect(bare.transitions).toEqual(backtest(config(), minutes([20, 10, 10]), T0, end).transitions);
    expect(bare.slotClass.length).toBe(3);
  });

  it('without reasons: the same transitions, empty reasons', () => {
    const r = rng(3);
    const values = Array.from({ length: 600 }, () => (r() < 0.1 ? NaN : r() * 100));
    const h = prepareHistory(M, minutes(values), T0 + 10 * M, T0 + 600 * M, 5);
    const full = runPrepared(config(), h);
    const quick = runPrepared(config(), h, { reasons: false });
    expect(quick.transitions.map((t) => ({ ...t, reason: 'x' }))).toEqual(
      full.transitions.map((t) => ({ ...t, reason: 'x' })),
    );
    expect(quick.transitions.every((t) => t.reason === '')).toBe(true);
    expect(full.transitions.every((t) => t.reason.length > 0)).toBe(true);
  });

  it('starts from the given state', () => {
    const h = prepareHistory(M, minutes([10, 10, 10, 10], T0 - 4 * M), T0, T0 + 4 * M, 5);
    expect(runPrepared(config(), h, { initial: 'ALARM' }).transitions[0]).toMatchObject({
      from: 'ALARM',
      to: 'OK',
    });
  });

  it('refuses a configuration of another period than the history’s', () => {
    const h = prepareHistory(M, minutes([1]), T0, T0 + M);
    expect(() => runPrepared(config({ periodMs: 5 * M }), h)).toThrow(RangeError);
  });

  it('is structured-clone friendly', () => {
    const h = prepareHistory(M, { ...minutes([1, 2]), sampleCounts: [3, 4] }, T0, T0 + 2 * M, 2);
    expect(structuredClone(h)).toEqual(h);
  });
});

describe('a sweep’s incremental replays', () => {
  it.each(Array.from({ length: 24 }, (_, i) => i))('equal full replays (random case %i)', (seed) => {
    const r = rng(seed + 100);
    const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)];
    const n = 1 + Math.floor(r() * 5);
    const periodMs = pick([10 * SECOND_MS, M, 5 * M]);
    const base = config({
      periodMs,
      evaluationPeriods: n,
      datapointsToAlarm: 1 + Math.floor(r() * n),
      comparisonOperator: pick<ComparisonOperator>([
        'GreaterThanThreshold',
        'GreaterThanOrEqualToThreshold',
        'LessThanThreshold',
        'LessThanOrEqualToThreshold',
      ]),
      treatMissingData: pick<TreatMissingData>(['missing', 'ignore', 'breaching', 'notBreaching']),
      percentile: r() < 0.3 ? 0.9 : undefined,
      evaluateLowSampleCountPercentile: r() < 0.5 ? 'ignore' : 'evaluate',
    });
    const missing = r() * 0.6;
    const series: Required<Pick<BacktestSeries, 'timestamps' | 'values' | 'sampleCounts'>> = {
      timestamps: [],
      values: [],
      sampleCounts: [],
    };
    for (let k = 0; k < 300; k++) {
      if (r() < missing) continue;
      series.timestamps.push(T0 + k * periodMs);
      series.values.push(Math.round(r() * 100));
      series.sampleCounts.push(Math.floor(r() * 200));
    }
    const h = prepareHistory(periodMs, series, T0 + 5 * periodMs, T0 + 300 * periodMs, Math.floor(r() * 8));
    const thresholds = Array.from({ length: 30 }, (_, i) => i * 3.5);
    const incremental = prepareFacts({ ...base, threshold: thresholds[0] }, h);
    const changed = new Int32Array(incremental.facts.size);
    let previous: ReturnType<typeof replay> | undefined;
    for (const threshold of thresholds) {
      const c = { ...base, threshold };
      const changedCount = previous ? rejudgeFacts(c, incremental, changed) : 0;
      const got = replay(
        c,
        h,
        incremental,
        'INSUFFICIENT_DATA',
        false,
        previous && { previous, changed, changedCount },
      );
      const expected = replay(c, h, prepareFacts(c, h), 'INSUFFICIENT_DATA', false);
      expect(got).toEqual(expected);
      previous = got;
    }
  });
});

const truth = (id: string, startMin: number, endMin: number): GroundTruth => ({
  id,
  label: `incident ${id}`,
  startMs: T0 + startMin * M,
  endMs: T0 + endMin * M,
});

/** A run from ALARM spans given in minutes from T0 (OK elsewhere) over [0, 1000) minutes. */
function runOf(alarms: [number, number][], insufficient: [number, number][] = []): BacktestResult {
  const spans = [
    ...alarms.map(([s, e]) => ({ s, e, state: 'ALARM' as const })),
    ...insufficient.map(([s, e]) => ({ s, e, state: 'INSUFFICIENT_DATA' as const })),
  ].sort((a, b) => a.s - b.s);
  const timeline: BacktestResult['timeline'] = [];
  let at = 0;
  for (const { s, e, state } of spans) {
    if (s > at) timeline.push({ startMs: T0 + at * M, endMs: T0 + s * M, state: 'OK' });
    timeline.push({ startMs: T0 + s * M, endMs: T0 + e * M, state });
    at = e;
  }
  if (at < 1000) timeline.push({ startMs: T0 + at * M, endMs: T0 + 1000 * M, state: 'OK' });
  return { transitions: [], timeline };
}

const summarize = (run: BacktestResult, t: GroundTruth[], graceMin = 3) =>
  summarizeRun(run, t, { startMs: T0, endMs: T0 + 1000 * M, graceMs: graceMin * M });

type Figures = Pick<
  TuningSummary,
  'alarmCount' | 'alarmMs' | 'longestMs' | 'flaps' | 'detected' | 'missed' | 'falseAlarms' | 'insufficientMs'
> & { meanDetect?: number; maxDetect?: number };

const figures = (s: TuningSummary): Figures => ({
  alarmCount: s.alarmCount,
  alarmMs: s.alarmMs / M,
  longestMs: s.longestMs / M,
  flaps: s.flaps,
  insufficientMs: s.insufficientMs / M,
  detected: s.detected,
  missed: s.missed,
  falseAlarms: s.falseAlarms,
  meanDetect: s.meanDetectMs === undefined ? undefined : s.meanDetectMs / M,
  maxDetect: s.maxDetectMs === undefined ? undefined : s.maxDetectMs / M,
});

describe('summarizeRun', () => {
  // Durations in minutes.
  it.each<[string, [number, number][], GroundTruth[], Figures, TuningSummary['verdict']]>([
    [
      'no alarms, no incidents',
      [],
      [],
      {
        alarmCount: 0,
        alarmMs: 0,
        longestMs: 0,
        flaps: 0,
        insufficientMs: 0,
        detected: 0,
        missed: 0,
        falseAlarms: 0,
      },
      { tone: 'quiet', text: 'Quiet: no alarms and no labeled incidents in this history.' },
    ],
    [
      'alarms without ground truth',
      [
        [10, 20],
        [100, 130],
      ],
      [],
      {
        alarmCount: 2,
        alarmMs: 40,
        longestMs: 30,
        flaps: 0,
        insufficientMs: 0,
        detected: 0,
        missed: 0,
        falseAlarms: 2,
      },
      {
        tone: 'untested',
        text: 'Untested: 2 alarms, but no labeled incidents in this history to judge them against.',
      },
    ],
    [
      'every incident caught, nothing else',
      [
        [104, 130],
        [500, 540],
      ],
      [truth('a', 100, 125), truth('b', 495, 530)],
      {
        alarmCount: 2,
        alarmMs: 66,
        longestMs: 40,
        flaps: 0,
        insufficientMs: 0,
        detected: 2,
        missed: 0,
        falseAlarms: 0,
        meanDetect: 4.5,
        maxDetect: 5,
      },
      { tone: 'good', text: 'Caught 2 of 2 incidents, no false alarms; detects in 5 min on average.' },
    ],
    [
      'already in ALARM when the incident starts: detected at once',
      [[90, 130]],
      [truth('a', 100, 125)],
      {
        alarmCount: 1,
        alarmMs: 40,
        longestMs: 40,
        flaps: 0,
        insufficientMs: 0,
        detected: 1,
        missed: 0,
        falseAlarms: 0,
        meanDetect: 0,
        maxDetect: 0,
      },
      { tone: 'good', text: 'Caught 1 of 1 incident, no false alarms; detects in 0 s on average.' },
    ],
    [
      'an alarm within the grace period after the incident still catches it',
      [[127, 140]],
      [truth('a', 100, 125)],
      {
        alarmCount: 1,
        alarmMs: 13,
        longestMs: 13,
        flaps: 0,
        insufficientMs: 0,
        detected: 1,
        missed: 0,
        falseAlarms: 0,
        meanDetect: 27,
        maxDetect: 27,
      },
      { tone: 'good', text: 'Caught 1 of 1 incident, no false alarms; detects in 27 min on average.' },
    ],
    [
      'an alarm after the grace period is a false alarm, and the incident is missed',
      [[129, 140]],
      [truth('a', 100, 125)],
      {
        alarmCount: 1,
        alarmMs: 11,
        longestMs: 11,
        flaps: 0,
        insufficientMs: 0,
        detected: 0,
        missed: 1,
        falseAlarms: 1,
      },
      {
        tone: 'noisy-and-blind',
        text: 'Noisy and blind: misses 1 of 1 incident; 1 alarm, 1 outside incidents.',
      },
    ],
    [
      'noisy: flapping around one incident, plus alarms elsewhere',
      [
        [102, 110],
        [115, 120],
        [300, 302],
        [320, 321],
        [700, 705],
      ],
      [truth('a', 100, 125)],
      {
        alarmCount: 5,
        alarmMs: 21,
        longestMs: 8,
        flaps: 2,
        insufficientMs: 0,
        detected: 1,
        missed: 0,
        falseAlarms: 3,
        meanDetect: 2,
        maxDetect: 2,
      },
      {
        tone: 'noisy',
        text: 'Noisy: 5 alarms, 3 outside incidents. Catches 1 of 1 incident; detects in 2 min on average.',
      },
    ],
    [
      'blind: never alarms',
      [],
      [truth('a', 100, 125), truth('b', 400, 410)],
      {
        alarmCount: 0,
        alarmMs: 0,
        longestMs: 0,
        flaps: 0,
        insufficientMs: 0,
        detected: 0,
        missed: 2,
        falseAlarms: 0,
      },
      { tone: 'blind', text: 'Misses 2 of 2 incidents. No alarms in this history.' },
    ],
    [
      'blind: misses one of three',
      [
        [101, 105],
        [402, 404],
      ],
      [truth('a', 100, 125), truth('b', 400, 410), truth('c', 800, 810)],
      {
        alarmCount: 2,
        alarmMs: 6,
        longestMs: 4,
        flaps: 0,
        insufficientMs: 0,
        detected: 2,
        missed: 1,
        falseAlarms: 0,
        meanDetect: 1.5,
        maxDetect: 2,
      },
      { tone: 'blind', text: 'Misses 1 of 3 incidents.' },
    ],
    [
      'one long alarm over two incidents catches both, but overstays',
      [[100, 300]],
      [truth('a', 110, 125), truth('b', 200, 210)],
      {
        alarmCount: 1,
        alarmMs: 200,
        longestMs: 200,
        flaps: 0,
        insufficientMs: 0,
        detected: 2,
        missed: 0,
        falseAlarms: 0,
        meanDetect: 0,
        maxDetect: 0,
      },
      {
        tone: 'noisy',
        text: 'Noisy: stays in ALARM 2 h 49 min outside incidents. Catches 2 of 2 incidents; detects in 0 s on average.',
      },
    ],
    [
      'stuck in ALARM: catches everything, says nothing',
      [[0, 1000]],
      [truth('a', 100, 125), truth('b', 400, 410)],
      {
        alarmCount: 1,
        alarmMs: 1000,
        longestMs: 1000,
        flaps: 0,
        insufficientMs: 0,
        detected: 2,
        missed: 0,
        falseAlarms: 0,
        meanDetect: 0,
        maxDetect: 0,
      },
      {
        tone: 'noisy',
        text: 'Noisy: stays in ALARM 15 h 59 min outside incidents. Catches 2 of 2 incidents; detects in 0 s on average.',
      },
    ],
    [
      'a flap is a new episode less than 30 minutes after the last one ended',
      [
        [10, 20],
        [49, 50],
        [80, 81],
      ],
      [],
      {
        alarmCount: 3,
        alarmMs: 12,
        longestMs: 10,
        flaps: 1,
        insufficientMs: 0,
        detected: 0,
        missed: 0,
        falseAlarms: 3,
      },
      {
        tone: 'untested',
        text: 'Untested: 3 alarms, but no labeled incidents in this history to judge them against.',
      },
    ],
    [
      'incidents outside the history are left out',
      [[10, 20]],
      [truth('early', -100, -50), truth('late', 1000, 1100)],
      {
        alarmCount: 1,
        alarmMs: 10,
        longestMs: 10,
        flaps: 0,
        insufficientMs: 0,
        detected: 0,
        missed: 0,
        falseAlarms: 1,
      },
      {
        tone: 'untested',
        text: 'Untested: 1 alarm, but no labeled incidents in this history to judge it against.',
      },
    ],
  ])('%s', (_name, alarms, incidents, expected, verdict) => {
    const s = summarize(runOf(alarms), incidents);
    expect(figures(s)).toEqual(expected);
    expect(s.verdict).toEqual(verdict);
    expect(s.episodes).toHaveLength(s.alarmCount);
    expect(s.incidents).toHaveLength(expected.detected + expected.missed);
  });

  it('counts time in INSUFFICIENT_DATA and clips spans to the range', () => {
    const s = summarizeRun(runOf([[0, 50]], [[900, 1000]]), [], {
      startMs: T0 + 20 * M,
      endMs: T0 + 950 * M,
      graceMs: 0,
    });
    expect(s.episodes).toEqual([
      { startMs: T0 + 20 * M, endMs: T0 + 50 * M, flap: false, outsideMs: 30 * M, overstays: false },
    ]);
    expect(s.insufficientMs).toBe(50 * M);
  });

  it('names the incident each episode belongs to, and each incident’s time to detect', () => {
    const s = summarize(
      runOf([
        [104, 110],
        [300, 310],
      ]),
      [truth('a', 100, 125), truth('b', 800, 820)],
    );
    expect(s.episodes.map((e) => e.incidentId)).toEqual(['a', undefined]);
    expect(s.incidents).toEqual([
      {
        id: 'a',
        label: 'incident a',
        startMs: T0 + 100 * M,
        endMs: T0 + 125 * M,
        detected: true,
        detectMs: 4 * M,
      },
      { id: 'b', label: 'incident b', startMs: T0 + 800 * M, endMs: T0 + 820 * M, detected: false },
    ]);
  });

  it('takes another flap window', () => {
    const run = runOf([
      [10, 20],
      [49, 50],
      [80, 81],
    ]);
    const s = summarizeRun(run, [], { startMs: T0, endMs: T0 + 1000 * M, graceMs: 0, flapWindowMs: 31 * M });
    expect(s.flaps).toBe(2);
  });

  it.each<[number, string]>([
    [0, '0 s'],
    [45_000, '45 s'],
    [4 * M, '4 min'],
    [60 * M, '1 h'],
    [125 * M, '2 h 5 min'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatTuningDuration(ms)).toBe(text);
  });
});

describe('sweepThresholds', () => {
  // Quiet at 20–40, incidents reach 70–90; one false spike to 60 and one to 95.
  const history = () => {
    const r = rng(11);
    const values = Array.from({ length: 600 }, (_, i) => {
      if (i >= 100 && i < 130) return 70 + r() * 5;
      if (i >= 300 && i < 320) return 85 + r() * 5;
      if (i >= 450 && i < 455) return 60;
      if (i === 500) return 95;
      if (i % 37 === 0) return NaN;
      return 20 + r() * 20;
    });
    return prepareHistory(M, minutes(values), T0, T0 + 600 * M, 5);
  };
  const incidents = [truth('a', 100, 130), truth('b', 300, 320)];

  it('suggests the threshold that catches every incident with the fewest false alarms', () => {
    const h = history();
    const sweep = sweepThresholds(config(), h, incidents, { min: 0, max: 100, count: 101 });
    expect(sweep.points).toHaveLength(101);
    expect(sweep.points.map((p) => p.threshold)).toEqual(Array.from({ length: 101 }, (_, i) => i));
    const s = sweep.suggestion;
    expect(s).toBeDefined();
    expect(s?.detected).toBe(2);
    expect(s?.falseAlarms).toBe(0);
    // Above the false spike (60), at most the lower incident's lowest values (70+): 60 to 70 are
    // equally good, and the suggestion is the middle of that run.
    expect(s?.threshold).toBe(65);
    expect(s?.why).toBe(
      'Catches all 2 labeled incidents with 0 false alarms, the fewest of the thresholds that catch them all; detects in 2 min on average.',
    );
    // Every point is what a plain run gives.
    for (const p of sweep.points.filter((_, i) => i % 10 === 0)) {
      const run = runPrepared(config({ threshold: p.threshold }), h);
      const sum = summarizeRun(run, incidents, { startMs: h.startMs, endMs: h.endMs, graceMs: 3 * M });
      expect([p.alarmCount, p.falseAlarms, p.detected, p.alarmMs]).toEqual([
        sum.alarmCount,
        sum.falseAlarms,
        sum.detected,
        sum.alarmMs,
      ]);
    }
  });

  it('equally wide runs of equally good thresholds: the one nearest the current threshold', () => {
    // Two runs of two points each, between the spike (60) and the incidents (70+): 61–62 and 68–69.
    const h = history();
    const opts = { min: 61, max: 69, count: 9 };
    const ts = sweepThresholds(config({ threshold: 50 }), h, incidents, opts).points.map((p) => p.threshold);
    expect(ts).toEqual([61, 62, 63, 64, 65, 66, 67, 68, 69]);
    expect(sweepThresholds(config({ threshold: 62 }), h, incidents, opts).suggestion?.threshold).toBe(65);
    const narrow = { min: 60, max: 70, count: 3 }; // 60, 65, 70: one run of three
    expect(sweepThresholds(config({ threshold: 69 }), h, incidents, narrow).suggestion?.threshold).toBe(65);
  });

  it('a threshold that keeps the alarm on is not proposed', () => {
    const h = history();
    const sweep = sweepThresholds(config(), h, incidents, { min: 0, max: 100, count: 101 });
    const stuck = sweep.points.find((p) => p.threshold === 10);
    expect(stuck).toMatchObject({ detected: 2, falseAlarms: 0, overstays: 1 });
    expect(sweep.suggestion?.overstays).toBe(0);
  });

  it('when no threshold catches all, the one catching most', () => {
    // Incident c is a dip to 15: a GreaterThan alarm catches it only by staying on throughout.
    const values = [...history().values.slice(5)].map((v, i) => (i >= 530 && i < 580 ? 15 : v));
    const h = prepareHistory(M, minutes(values), T0, T0 + 600 * M, 5);
    const sweep = sweepThresholds(config(), h, [...incidents, truth('c', 550, 560)], { min: 0, max: 100 });
    expect(Math.max(...sweep.points.map((p) => p.detected))).toBe(3);
    expect(sweep.suggestion?.detected).toBe(2);
    expect(sweep.suggestion?.why).toBe(
      'No threshold catches all 3 labeled incidents without staying in ALARM long after them; this one catches 2 with 0 false alarms, the fewest of those catching 2; detects in 2 min on average.',
    );
    const gap = prepareHistory(
      M,
      minutes(values.map((v, i) => (i >= 530 && i < 580 ? NaN : v))),
      T0,
      T0 + 600 * M,
      5,
    );
    const missing = sweepThresholds(config(), gap, [...incidents, truth('c', 550, 560)], {
      min: 0,
      max: 100,
    });
    expect(missing.suggestion?.why).toMatch(
      /^No threshold catches all 3 labeled incidents; this one catches 2 /,
    );
  });

  it('sweeps M too, sorted by M then threshold', () => {
    const h = history();
    const sweep = sweepThresholds(config(), h, incidents, { count: 50, datapointsToAlarm: [3, 1, 2] });
    expect(sweep.points.map((p) => p.datapointsToAlarm)).toEqual([
      ...new Array<number>(50).fill(1),
      ...new Array<number>(50).fill(2),
      ...new Array<number>(50).fill(3),
    ]);
    for (const m of [1, 2, 3]) {
      const ts = sweep.points.filter((p) => p.datapointsToAlarm === m).map((p) => p.threshold);
      expect(ts).toEqual([...ts].sort((a, b) => a - b));
    }
    // 1 of 3 alarms on the single 95 spike: the suggestion needs 2 of 3 or more.
    expect(sweep.suggestion?.falseAlarms).toBe(0);
    expect(() => sweepThresholds(config(), h, incidents, { datapointsToAlarm: [4] })).toThrow(RangeError);
  });

  it('defaults to 200 thresholds over the history’s datapoints, rounded', () => {
    const sweep = sweepThresholds(config(), history(), incidents);
    expect(sweep.points).toHaveLength(200);
    expect(sweep.points[0].threshold).toBeGreaterThanOrEqual(20);
    expect(sweep.points.at(-1)?.threshold).toBeLessThanOrEqual(95);
    expect(sweep.points.every((p) => Number(p.threshold.toFixed(2)) === p.threshold)).toBe(true);
  });

  it('no labeled incidents: points, and no suggestion', () => {
    const sweep = sweepThresholds(config(), history(), []);
    expect(sweep.points.length).toBeGreaterThan(0);
    expect(sweep.suggestion).toBeUndefined();
    expect(sweep.noSuggestion).toBe('No labeled incidents in this history: nothing to tune against.');
  });

  it('no threshold catches anything', () => {
    const sweep = sweepThresholds(config(), history(), incidents, { min: 96, max: 100, count: 5 });
    expect(sweep.suggestion).toBeUndefined();
    expect(sweep.noSuggestion).toBe('No threshold from 96 to 100 catches any of the 2 labeled incidents.');
  });

  it('no datapoints', () => {
    const h = prepareHistory(M, minutes([]), T0, T0 + 60 * M, 5);
    expect(sweepThresholds(config(), h, incidents)).toEqual({
      points: [],
      noSuggestion: 'No datapoints in this history to sweep over.',
    });
  });

  it('refuses band operators', () => {
    const c = config({
      comparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold',
      threshold: undefined,
    });
    expect(() => sweepThresholds(c, history(), incidents)).toThrow(
      new RangeError('The sweep applies to static thresholds.'),
    );
  });
});
