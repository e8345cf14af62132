/**
 * Replays a metric alarm over history, evaluating at every instant a live scheduler would (every
 * minute; every 10 seconds for 10/20/30-second periods), with the same evaluator.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarm-evaluation
 */
import { MINUTE_MS, SECOND_MS } from '../time.ts';
import {
  type AlarmState,
  type Decision,
  type EvaluationConfig,
  type SlotFacts,
  assertValidConfig,
  buildSlotFacts,
  decide,
  evaluationRangeSlots,
  explain,
  newDecision,
  rejudgeSlotFacts,
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
 * The alarm's per-period datapoints over a history, laid on the period grid once: changing the
 * threshold, operator, M, N or missing-data treatment reuses it (no re-aggregation). Slot i covers
 * [firstSlotMs + i × periodMs, + periodMs); NaN = no datapoint. Structured-clone friendly.
 */
export interface PreparedHistory {
  periodMs: number;
  /** The history's range [startMs, endMs): evaluations happen at the scheduler's instants in it. */
  startMs: number;
  endMs: number;
  /** The start of slot 0, on the series' grid. */
  firstSlotMs: number;
  values: Float64Array;
  lower?: Float64Array;
  upper?: Float64Array;
  sampleCounts?: Float64Array;
}

/** A backtest with the per-slot classes the evaluator saw. */
export interface TunedRun extends BacktestResult {
  /** Per slot of the PreparedHistory: 0 missing, 1 not breaching, 2 breaching (the evaluator's `breaches`). */
  slotClass: Uint8Array;
}

export interface RunOptions {
  /** The state before startMs; INSUFFICIENT_DATA (a new alarm's) by default. */
  initial?: AlarmState;
  /** False: transitions carry '' as reason, which skips building their words (sweeps, drags). */
  reasons?: boolean;
}

/** The first evaluation instant at or after startMs, and the last one before endMs. */
function instants(periodMs: number, startMs: number, endMs: number) {
  const step = evaluationStepMs(periodMs);
  const firstAt = Math.ceil(startMs / step) * step;
  const lastAt = firstAt + Math.floor((endMs - 1 - firstAt) / step) * step;
  return { step, firstAt, lastAt };
}

/**
 * Lays a series (one datapoint per period, as GetMetricData returns at the alarm's Period) on its
 * period grid over [startMs, endMs): slot 0 is the period holding the first evaluation instant, less
 * `lookbackSlots` older periods (pass the evaluation range, N + 2, so the first evaluations see a
 * full window; missing older slots read as missing data). Slots run to the last period starting
 * before endMs. Two datapoints in one period: the later one wins.
 */
export function prepareHistory(
  periodMs: number,
  series: BacktestSeries,
  startMs: number,
  endMs: number,
  lookbackSlots = 0,
): PreparedHistory {
  if (!(periodMs > 0)) throw new RangeError(`periodMs must be positive, not ${periodMs}`);
  if (!Number.isInteger(lookbackSlots) || lookbackSlots < 0)
    throw new RangeError(`lookbackSlots must be an integer ≥ 0, not ${lookbackSlots}`);
  const p = periodMs;
  const phase = series.timestamps.length > 0 ? ((series.timestamps[0] % p) + p) % p : 0;
  const { firstAt } = instants(p, startMs, endMs);
  const base = slotOf(firstAt, phase, p) - lookbackSlots;
  const size = endMs > startMs ? Math.max(0, slotOf(endMs - 1, phase, p) - base + 1) : 0;
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
  const h: PreparedHistory = { periodMs: p, startMs, endMs, firstSlotMs: phase + base * p, values };
  if (lower) h.lower = lower;
  if (upper) h.upper = upper;
  if (sampleCounts) h.sampleCounts = sampleCounts;
  return h;
}

/**
 * A history's slots ready for the evaluator: its {@link SlotFacts} under one configuration, with
 * `pad` missing slots in front when the history's lookback is shorter than the evaluation range.
 * Internal to the backtest and the tuner (a sweep builds it once per threshold, for every M).
 */
export interface PreparedFacts {
  facts: SlotFacts;
  pad: number;
  values: ArrayLike<number>;
  lower?: ArrayLike<number>;
  upper?: ArrayLike<number>;
  sampleCounts?: ArrayLike<number>;
}

/** Slot index (of a {@link PreparedFacts}) of the newest period complete at instant t. */
const lastCompleteSlot = (h: PreparedHistory, pad: number, t: number) =>
  Math.floor((t - h.firstSlotMs) / h.periodMs) - 1 + pad;

const padded = (a: Float64Array | undefined, pad: number): Float64Array | undefined => {
  if (!a || pad === 0) return a;
  const out = new Float64Array(a.length + pad).fill(NaN);
  out.set(a, pad);
  return out;
};

/** Builds the {@link PreparedFacts} of a history under a configuration (the evaluator's buildSlotFacts). */
export function prepareFacts(config: EvaluationConfig, h: PreparedHistory): PreparedFacts {
  const range = evaluationRangeSlots(config.evaluationPeriods, h.periodMs);
  const { firstAt } = instants(h.periodMs, h.startMs, h.endMs);
  const pad = Math.max(0, range - 1 - lastCompleteSlot(h, 0, firstAt));
  const values = padded(h.values, pad) ?? h.values;
  const lower = padded(h.lower, pad);
  const upper = padded(h.upper, pad);
  const sampleCounts = padded(h.sampleCounts, pad);
  const facts = buildSlotFacts(config, values.length, values, lower, upper, sampleCounts);
  return { facts, pad, values, lower, upper, sampleCounts };
}

/**
 * Re-judges prepared facts under another static threshold, in place (the evaluator's
 * rejudgeSlotFacts), and lists the slots whose breaching changed in `changed`; returns their count.
 */
export function rejudgeFacts(config: EvaluationConfig, pf: PreparedFacts, changed?: Int32Array): number {
  return rejudgeSlotFacts(config, pf.facts, pf.values, changed);
}

/** A replay's transitions, with the window (its newest slot, in {@link PreparedFacts} indices) of each. */
export interface Replay {
  transitions: AlarmTransition[];
  windows: number[];
}

/**
 * What a replay may reuse from the replay of the same configuration under the previous threshold of
 * a sweep: its result, and the slots whose breaching differs between the two (ascending).
 */
export interface ReplayBasis {
  previous: Replay;
  changed: Int32Array;
  changedCount: number;
}

/**
 * The alarm's transitions over the history, evaluating at every instant the live scheduler would
 * (multiples of {@link evaluationStepMs} in [startMs, endMs)) the last `evaluationRangeSlots` periods
 * complete then, with the one evaluator (`decide`; `explain` for the words).
 *
 * Instants step by no more than a period (evaluationStepMs ≤ periodMs), so every window from the
 * first instant's to the last instant's comes up, in order; an instant whose window is the previous
 * instant's is skipped, since deciding the same window again cannot change the state.
 *
 * With a `basis`, windows are decided only where this replay may differ from the previous one: a
 * decision depends on nothing but the window's slots and the state before it, so from a window
 * holding no changed slot, entered in the state the previous replay had there, on to the next
 * window holding a changed slot, the previous replay's transitions are this one's.
 */
export function replay(
  config: EvaluationConfig,
  h: PreparedHistory,
  pf: PreparedFacts,
  initial: AlarmState,
  reasons: boolean,
  basis?: ReplayBasis,
): Replay {
  const transitions: AlarmTransition[] = [];
  const windows: number[] = [];
  if (!(h.endMs > h.startMs)) return { transitions, windows };
  const { step, firstAt, lastAt } = instants(h.periodMs, h.startMs, h.endMs);
  const range = evaluationRangeSlots(config.evaluationPeriods, h.periodMs);
  const { facts, pad } = pf;
  const p = h.periodMs;
  const data = reasons
    ? { ...pf, startOf: (i: number) => h.firstSlotMs + (i - pad) * p }
    : { values: pf.values, startOf: () => 0 };
  const firstLast = lastCompleteSlot(h, pad, firstAt);
  const lastLast = lastCompleteSlot(h, pad, lastAt);
  const d = newDecision();
  let state = initial;
  /** Records the decision in `d` on the window ending at slot `last`, a change of state. */
  const record = (last: number) => {
    // The first instant that sees this window: its newest period has just completed.
    const t = last === firstLast ? firstAt : Math.ceil((h.firstSlotMs + (last + 1 - pad) * p) / step) * step;
    // Only transitions need words; StateReasonData is left out.
    const reason = reasons ? explain(config, data, facts, last - range + 1, last, d, t, false).reason : '';
    const to = d.state as AlarmState;
    transitions.push({ atMs: t, from: state, to, reason });
    windows.push(last);
    state = to;
  };

  if (!basis) {
    for (let last = firstLast; last <= lastLast; last++) {
      last = nextChange(config, facts, range, last, lastLast, state, d);
      if (last > lastLast) break;
      record(last);
    }
    return { transitions, windows };
  }

  const { previous, changed, changedCount } = basis;
  let k = 0; // the previous replay's first transition not yet passed
  let previousState = initial; // the previous replay's state before window `last`
  let c = 0; // the first changed slot whose windows may still come
  for (let last = firstLast; last <= lastLast;) {
    while (k < previous.windows.length && previous.windows[k] < last)
      previousState = previous.transitions[k++].to;
    // A changed slot s lies in the windows ending at s … s + range − 1.
    while (c < changedCount && changed[c] + range - 1 < last) c++;
    const nextDirty = c < changedCount ? Math.max(changed[c], last) : lastLast + 1;
    if (state === previousState && nextDirty > last) {
      const stop = Math.min(nextDirty, lastLast + 1);
      while (k < previous.windows.length && previous.windows[k] < stop) {
        const tr = previous.transitions[k];
        transitions.push(tr);
        windows.push(previous.windows[k++]);
        previousState = tr.to;
      }
      state = previousState;
      last = stop;
      continue;
    }
    decide(config, facts, last - range + 1, last, state, d);
    if (d.state !== 'RETAIN' && d.state !== state) record(last);
    last++;
  }
  return { transitions, windows };
}

/**
 * The newest slot of the first window from `fromLast` on whose decision (left in `d`) changes
 * `state`; past `toLast` when none does. Small, so that the engine inlines `decide` into its loop.
 */
function nextChange(
  config: EvaluationConfig,
  facts: SlotFacts,
  range: number,
  fromLast: number,
  toLast: number,
  state: AlarmState,
  d: Decision,
): number {
  for (let last = fromLast; last <= toLast; last++) {
    decide(config, facts, last - range + 1, last, state, d);
    if (d.state !== 'RETAIN' && d.state !== state) return last;
  }
  return toLast + 1;
}

/** Contiguous spans covering [startMs, endMs), from `initial` through the transitions. */
export function timelineOf(
  transitions: readonly AlarmTransition[],
  startMs: number,
  endMs: number,
  initial: AlarmState,
): StateSpan[] {
  if (!(endMs > startMs)) return [];
  const timeline: StateSpan[] = [];
  let spanStart = startMs;
  let spanState = initial;
  for (const tr of transitions) {
    if (tr.atMs > spanStart) timeline.push({ startMs: spanStart, endMs: tr.atMs, state: spanState });
    spanStart = tr.atMs;
    spanState = tr.to;
  }
  timeline.push({ startMs: spanStart, endMs, state: spanState });
  return timeline;
}

/** Per slot of the history: 0 missing (or unjudgeable), 1 not breaching, 2 breaching. */
function slotClasses(h: PreparedHistory, pf: PreparedFacts): Uint8Array {
  const out = new Uint8Array(h.values.length);
  const { realBefore, breachBefore } = pf.facts;
  for (let i = 0, k = pf.pad; i < out.length; i++, k++) {
    if (realBefore[k + 1] === realBefore[k]) continue;
    out[i] = breachBefore[k + 1] > breachBefore[k] ? 2 : 1;
  }
  return out;
}

/**
 * Backtests a configuration over a {@link PreparedHistory}: the same transitions as {@link backtest}
 * (which calls it), plus each slot's class for drawing.
 */
export function runPrepared(config: EvaluationConfig, h: PreparedHistory, opts: RunOptions = {}): TunedRun {
  assertValidConfig(config);
  if (config.periodMs !== h.periodMs)
    throw new RangeError(`The history is prepared for ${h.periodMs} ms periods, not ${config.periodMs} ms.`);
  const initial = opts.initial ?? 'INSUFFICIENT_DATA';
  const pf = prepareFacts(config, h);
  const { transitions } = replay(config, h, pf, initial, opts.reasons ?? true);
  return {
    transitions,
    timeline: timelineOf(transitions, h.startMs, h.endMs, initial),
    slotClass: slotClasses(h, pf),
  };
}

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
  const range = evaluationRangeSlots(config.evaluationPeriods, config.periodMs);
  const h = prepareHistory(config.periodMs, series, startMs, endMs, range);
  const { transitions, timeline } = runPrepared(config, h, { initial });
  return { transitions, timeline };
}
