/**
 * Replays a metric alarm over history, evaluating at every instant a live scheduler would (every
 * minute; every 10 seconds for 10/20/30-second periods), with the same evaluator.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarm-evaluation
 */
import { MINUTE_MS, SECOND_MS } from '../time.ts';
import {
  type AlarmState,
  type EvaluationConfig,
  assertValidConfig,
  buildSlotFacts,
  decide,
  evaluationRangeSlots,
  explain,
  newDecision,
} from './evaluate.ts';

/** One datapoint per period of the alarm (as GetMetricData returns for its Period and statistic). */
export interface BacktestSeries {
  /** Period starts, epoch ms. */
  timestamps: number[];
  values: number[];
  sampleCounts?: number[];
  /** The anomaly band at each timestamp, for the band operators. */
  lower?: number[];
  upper?: number[];
}

export interface AlarmTransition {
  atMs: number;
  from: AlarmState;
  to: AlarmState;
  reason: string;
}

export interface StateSpan {
  startMs: number;
  endMs: number;
  state: AlarmState;
}

export interface BacktestResult {
  transitions: AlarmTransition[];
  /** Contiguous spans covering [startMs, endMs). */
  timeline: StateSpan[];
}

/** How often an alarm is evaluated: every 10 seconds for high-resolution periods, else every minute. */
export const evaluationStepMs = (periodMs: number): number =>
  periodMs < MINUTE_MS ? 10 * SECOND_MS : MINUTE_MS;

const slotOf = (ms: number, phase: number, periodMs: number): number => Math.floor((ms - phase) / periodMs);

/**
 * The alarm's states over [startMs, endMs), starting in `initial`. At each evaluation instant t in
 * that range (multiples of {@link evaluationStepMs}) the evaluation range is the last
 * `evaluationRangeSlots` periods of the series' grid complete at t (a period [s, s + P) is complete
 * when s + P ≤ t). Periods are the series' own: a period sliding by the minute (CloudWatch's
 * "minutes 2–6" for a 5-minute period) would need the raw samples. Two datapoints in one period:
 * the later one wins.
 */
export function backtest(
  config: EvaluationConfig,
  series: BacktestSeries,
  startMs: number,
  endMs: number,
  initial: AlarmState = 'INSUFFICIENT_DATA',
): BacktestResult {
  assertValidConfig(config);
  const p = config.periodMs;
  const step = evaluationStepMs(p);
  const range = evaluationRangeSlots(config.evaluationPeriods, p);
  const firstAt = Math.ceil(startMs / step) * step;
  if (!(endMs > startMs)) return { transitions: [], timeline: [] };
  if (firstAt >= endMs) return { transitions: [], timeline: [{ startMs, endMs, state: initial }] };
  const lastAt = firstAt + Math.floor((endMs - 1 - firstAt) / step) * step;

  // Slots on the series' grid, from the oldest period of the first window to the newest of the last.
  const phase = series.timestamps.length > 0 ? ((series.timestamps[0] % p) + p) % p : 0;
  const base = slotOf(firstAt, phase, p) - range;
  const size = slotOf(lastAt, phase, p) - base;
  const values = new Float64Array(size).fill(NaN);
  const lower = series.lower ? new Float64Array(size).fill(NaN) : undefined;
  const upper = series.upper ? new Float64Array(size).fill(NaN) : undefined;
  const sampleCounts = series.sampleCounts ? new Float64Array(size).fill(NaN) : undefined;
  for (let i = 0; i < series.timestamps.length; i++) {
    const k = slotOf(series.timestamps[i], phase, p) - base;
    if (k < 0 || k >= size) continue;
    values[k] = series.values[i];
    if (lower && series.lower) lower[k] = series.lower[i];
    if (upper && series.upper) upper[k] = series.upper[i];
    if (sampleCounts && series.sampleCounts) sampleCounts[k] = series.sampleCounts[i];
  }
  const facts = buildSlotFacts(config, size, values, lower, upper, sampleCounts);

  const data = { startOf: (i: number) => phase + (base + i) * p, values, sampleCounts, lower, upper };

  const transitions: AlarmTransition[] = [];
  const d = newDecision();
  let state = initial;
  for (let t = firstAt; t <= lastAt; t += step) {
    const last = slotOf(t, phase, p) - 1 - base;
    const first = last - range + 1;
    decide(config, facts, first, last, state, d);
    if (d.state === 'RETAIN' || d.state === state) continue;
    // Only transitions need words; StateReasonData is left out.
    const { reason } = explain(config, data, facts, first, last, d, t, false);
    transitions.push({ atMs: t, from: state, to: d.state, reason });
    state = d.state;
  }

  const timeline: StateSpan[] = [];
  let spanStart = startMs;
  let spanState = initial;
  for (const tr of transitions) {
    if (tr.atMs > spanStart) timeline.push({ startMs: spanStart, endMs: tr.atMs, state: spanState });
    spanStart = tr.atMs;
    spanState = tr.to;
  }
  timeline.push({ startMs: spanStart, endMs, state: spanState });
  return { transitions, timeline };
}
