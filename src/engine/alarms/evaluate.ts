/**
 * The one metric-alarm evaluator: the live scheduler and the history backtest both call it.
 * Follows "Evaluating an alarm" and "Configuring how CloudWatch alarms treat missing data"
 * (spec §a.2–§a.5): https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
 */
import { DAY_MS } from '../time.ts';
import {
  type AlarmReasonData,
  type ReasonDatapoint,
  crossedClause,
  ignoredMissingReason,
  ignoredNoDataReason,
  insufficientDataReason,
  lowSampleReason,
  minimumClause,
  noDatapointsReason,
  notEnoughDataReason,
  reasonDataTimestamp,
  thresholdCrossedReason,
} from './reason.ts';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
export type ComparisonOperator =
  | 'GreaterThanOrEqualToThreshold'
  | 'GreaterThanThreshold'
  | 'LessThanThreshold'
  | 'LessThanOrEqualToThreshold'
  | 'LessThanLowerOrGreaterThanUpperThreshold'
  | 'LessThanLowerThreshold'
  | 'GreaterThanUpperThreshold';
export type TreatMissingData = 'missing' | 'ignore' | 'breaching' | 'notBreaching';

export interface EvaluationConfig {
  periodMs: number;
  /** N. */
  evaluationPeriods: number;
  /** M, 1 ≤ M ≤ N (PutMetricAlarm without DatapointsToAlarm means M = N). */
  datapointsToAlarm: number;
  comparisonOperator: ComparisonOperator;
  /** Required by the static operators, unused by the anomaly-band ones. */
  threshold?: number;
  treatMissingData: TreatMissingData;
  /** AWS/DynamoDB always ignores missing data, whatever treatMissingData says. */
  namespace?: string;
  /** p of a percentile statistic as a fraction (p99 → 0.99), for EvaluateLowSampleCountPercentile. */
  percentile?: number;
  evaluateLowSampleCountPercentile?: 'evaluate' | 'ignore';
  /** StateReasonData's `statistic`; omit for metric-math alarms. */
  statisticLabel?: string;
}

/** The datapoints of the evaluation range, oldest first, one slot per period; undefined = missing. */
export interface EvaluationInput {
  periodStarts: number[];
  values: (number | undefined)[];
  sampleCounts?: (number | undefined)[];
  /** Anomaly band per slot, for the band operators. */
  lower?: (number | undefined)[];
  upper?: (number | undefined)[];
}

export interface UsedDatapoint {
  periodStart: number;
  value: number | undefined;
  breaching: boolean;
  /** A missing datapoint that TreatMissingData filled in (breaching or not). */
  filled: boolean;
}

export interface Evaluation {
  /** RETAIN: keep the current state (TreatMissingData ignore, low-sample percentiles, undecidable cases). */
  state: AlarmState | 'RETAIN';
  reason: string;
  /** An {@link AlarmReasonData}; serialize it with `stringifyReasonData` to get CloudWatch's `50.0` numbers. */
  reasonData: object;
  /** The slots actually used, oldest first, for UIs. */
  used: UsedDatapoint[];
}

/**
 * How many periods an evaluation fetches (its evaluation range). AWS publishes no formula: its only
 * example is N = 3 → 5, so N + 2; for periods over 12 hours the lookback is trimmed to N + 1, which
 * keeps it near a day beyond the evaluated periods and still above N, as the docs require.
 */
export function evaluationRangeSlots(evaluationPeriods: number, periodMs: number): number {
  return evaluationPeriods + (periodMs * 2 <= DAY_MS ? 2 : 1);
}

/** Whether the operator compares against an anomaly-detection band instead of a threshold. */
export const isBandOperator = (op: ComparisonOperator): boolean =>
  op === 'LessThanLowerOrGreaterThanUpperThreshold' ||
  op === 'LessThanLowerThreshold' ||
  op === 'GreaterThanUpperThreshold';

/** The missing-data treatment that applies: AWS/DynamoDB alarms always ignore missing data. */
export const effectiveTreatment = (config: EvaluationConfig): TreatMissingData =>
  config.namespace === 'AWS/DynamoDB' ? 'ignore' : config.treatMissingData;

/**
 * Fewest samples a percentile datapoint needs before EvaluateLowSampleCountPercentile `ignore` lets it
 * count: 10/(1 − p) for p in [0.5, 1), 10/p for p in (0, 0.5); undefined for other p. Rounded to
 * absorb floating-point error (p0.9 → 100, not 100.00000000000003).
 */
export function lowSampleThreshold(p: number): number | undefined {
  if (!(p > 0 && p < 1)) return undefined;
  const t = p >= 0.5 ? 10 / (1 - p) : 10 / p;
  return Math.round(t * 1e6) / 1e6;
}

/** The comparison operators as small integers: a switch on them is cheaper than on strings in hot loops. */
const OPERATOR_CODES: Record<ComparisonOperator, number> = {
  GreaterThanOrEqualToThreshold: 0,
  GreaterThanThreshold: 1,
  LessThanThreshold: 2,
  LessThanOrEqualToThreshold: 3,
  LessThanLowerOrGreaterThanUpperThreshold: 4,
  LessThanLowerThreshold: 5,
  GreaterThanUpperThreshold: 6,
};

/** {@link breaches} with the operator as its code in OPERATOR_CODES. */
function breachesByCode(
  code: number,
  value: number,
  t: number,
  lower: number | undefined,
  upper: number | undefined,
): boolean | undefined {
  switch (code) {
    case 0:
      return value >= t;
    case 1:
      return value > t;
    case 2:
      return value < t;
    case 3:
      return value <= t;
  }
  const hasLower = lower !== undefined && Number.isFinite(lower);
  const hasUpper = upper !== undefined && Number.isFinite(upper);
  if (code === 4) return hasLower && hasUpper ? value < lower || value > upper : undefined;
  if (code === 5) return hasLower ? value < lower : undefined;
  return hasUpper ? value > upper : undefined;
}

/** Whether one datapoint breaches; undefined when it cannot be judged (its band bound is missing). */
export function breaches(
  op: ComparisonOperator,
  value: number,
  threshold: number | undefined,
  lower: number | undefined,
  upper: number | undefined,
): boolean | undefined {
  return breachesByCode(OPERATOR_CODES[op], value, threshold ?? NaN, lower, upper);
}

/**
 * Per-slot facts over a run of consecutive periods as prefix counts, so that any window of it is
 * judged in O(1): the evaluator builds one per call, the backtest one for its whole range.
 * Internal to the alarm evaluator and its backtest.
 */
export interface SlotFacts {
  size: number;
  /** realBefore[i]: real datapoints in slots [0, i). A slot is real when it has a judgeable value. */
  realBefore: Int32Array;
  /** breachBefore[i]: breaching real datapoints in slots [0, i). */
  breachBefore: Int32Array;
  /** lowBefore[i]: real datapoints in [0, i) with fewer samples than the low-sample threshold. */
  lowBefore: Int32Array;
  /** realAt[r]: the slot of the r-th real datapoint. */
  realAt: Int32Array;
  /** firstBreachFrom[i]: the first slot ≥ i holding a breaching datapoint (size when none). */
  firstBreachFrom: Int32Array;
}

/** Builds {@link SlotFacts}; undefined or non-finite values are missing datapoints. */
export function buildSlotFacts(
  config: EvaluationConfig,
  size: number,
  values: ArrayLike<number | undefined>,
  lower?: ArrayLike<number | undefined>,
  upper?: ArrayLike<number | undefined>,
  sampleCounts?: ArrayLike<number | undefined>,
): SlotFacts {
  const code = OPERATOR_CODES[config.comparisonOperator];
  const threshold = config.threshold ?? NaN;
  const lowThreshold =
    config.evaluateLowSampleCountPercentile === 'ignore' && config.percentile !== undefined
      ? lowSampleThreshold(config.percentile)
      : undefined;
  const realBefore = new Int32Array(size + 1);
  const breachBefore = new Int32Array(size + 1);
  const lowBefore = new Int32Array(size + 1);
  const realAt = new Int32Array(size);
  const firstBreachFrom = new Int32Array(size + 1);
  let real = 0;
  let breach = 0;
  let low = 0;
  for (let i = 0; i < size; i++) {
    const v = values[i];
    if (v !== undefined && Number.isFinite(v)) {
      // Static operators (codes 0–3) read no band.
      const b =
        code < 4
          ? breachesByCode(code, v, threshold, undefined, undefined)
          : breachesByCode(code, v, threshold, lower?.[i], upper?.[i]);
      if (b !== undefined) {
        realAt[real++] = i;
        breach += b ? 1 : 0;
        if (lowThreshold !== undefined) {
          const samples = sampleCounts?.[i];
          if (samples !== undefined && samples < lowThreshold) low++;
        }
      }
    }
    realBefore[i + 1] = real;
    breachBefore[i + 1] = breach;
    lowBefore[i + 1] = low;
  }
  fillFirstBreachFrom(size, breachBefore, firstBreachFrom);
  return { size, realBefore, breachBefore, lowBefore, realAt, firstBreachFrom };
}

function fillFirstBreachFrom(size: number, breachBefore: Int32Array, firstBreachFrom: Int32Array): void {
  let next = size;
  firstBreachFrom[size] = size;
  for (let i = size - 1; i >= 0; i--) {
    if (breachBefore[i + 1] !== breachBefore[i]) next = i;
    firstBreachFrom[i] = next;
  }
}

/**
 * Re-judges, in place, {@link SlotFacts} built by buildSlotFacts from the same values under another
 * threshold of a static operator: a static operator judges every finite value, so which slots are
 * real (and their sample counts) stay; only the breach counts change. The slots whose breaching
 * changed go to `changed` (ascending) when given; returns their count. For threshold sweeps.
 */
export function rejudgeSlotFacts(
  config: EvaluationConfig,
  facts: SlotFacts,
  values: ArrayLike<number | undefined>,
  changed?: Int32Array,
): number {
  const code = OPERATOR_CODES[config.comparisonOperator];
  if (code >= 4) throw new RangeError('Only the facts of a static threshold can be re-judged.');
  const threshold = config.threshold ?? NaN;
  const { size, breachBefore } = facts;
  let breach = 0;
  let count = 0;
  let wasBefore = 0;
  for (let i = 0; i < size; i++) {
    const v = values[i];
    const b =
      v !== undefined && Number.isFinite(v) && breachesByCode(code, v, threshold, undefined, undefined)
        ? 1
        : 0;
    const was = breachBefore[i + 1] - wasBefore;
    wasBefore = breachBefore[i + 1];
    if (was !== b && changed) changed[count++] = i;
    breach += b;
    breachBefore[i + 1] = breach;
  }
  fillFirstBreachFrom(size, breachBefore, facts.firstBreachFrom);
  return count;
}

/** Which step of the procedure (spec §a.4.4) decided. */
export type DecisionRule =
  /** ≥ N real datapoints: the N most recent decide (rules 1 and 2 of §a.4.1). */
  | 'recent'
  /** No real datapoint in the evaluation range. */
  | 'no-data'
  /** Fewer than N real: breaching/notBreaching fill the rest (rule 3). */
  | 'filled'
  /** missing/ignore, fewer than M real: the premature-alarm rule (§a.4.3) applies. */
  | 'premature'
  /** missing/ignore, fewer than M real, none breaching. */
  | 'no-breach'
  /** missing/ignore, fewer than M real, some breaching, premature rule not met: undocumented. */
  | 'unspecified'
  /** missing/ignore, between M and N real: the real ones decide. */
  | 'partial';

/** A decision, written into a caller-owned object so the backtest allocates nothing per step. */
export interface Decision {
  state: AlarmState | 'RETAIN';
  rule: DecisionRule;
  /** Real datapoints of the slots from `from` to the window's end were evaluated. */
  from: number;
  /** Missing datapoints filled in by TreatMissingData. */
  filled: number;
  /** Evaluated real datapoints with too few samples (EvaluateLowSampleCountPercentile ignore ⇒ RETAIN). */
  lowSamples: number;
}

export const newDecision = (): Decision => ({
  state: 'RETAIN',
  rule: 'no-data',
  from: 0,
  filled: 0,
  lowSamples: 0,
});

/**
 * Decides the window [first, last] of `facts` (last = the newest complete period; the window must
 * hold at least N slots). Unspecified cells of the docs resolve to "not ALARM": OK, or RETAIN when
 * the alarm is already in ALARM.
 */
export function decide(
  config: EvaluationConfig,
  facts: SlotFacts,
  first: number,
  last: number,
  previous: AlarmState,
  out: Decision,
): Decision {
  const n = config.evaluationPeriods;
  const realBefore = facts.realBefore;
  const end = last + 1;
  // The common case in a few lines, so that the backtest's hot loop can inline it.
  if (realBefore[end] - realBefore[first] >= n) {
    const from = facts.realAt[realBefore[end] - n];
    out.from = from;
    out.filled = 0;
    out.lowSamples = 0;
    out.rule = 'recent';
    out.state =
      facts.breachBefore[end] - facts.breachBefore[from] >= config.datapointsToAlarm ? 'ALARM' : 'OK';
    return lowSamples(facts, end, out);
  }
  return decideFewReal(config, facts, first, last, previous, out);
}

/** {@link decide} with fewer than N real datapoints in the window. */
function decideFewReal(
  config: EvaluationConfig,
  facts: SlotFacts,
  first: number,
  last: number,
  previous: AlarmState,
  out: Decision,
): Decision {
  const n = config.evaluationPeriods;
  const m = config.datapointsToAlarm;
  const { realBefore, breachBefore } = facts;
  const end = last + 1;
  const real = realBefore[end] - realBefore[first];
  out.from = first;
  out.filled = 0;
  out.lowSamples = 0;
  const treatment = effectiveTreatment(config);
  if (real === 0) {
    out.rule = 'no-data';
    if (treatment === 'breaching' || treatment === 'notBreaching') out.filled = n;
    out.state =
      treatment === 'missing'
        ? 'INSUFFICIENT_DATA'
        : treatment === 'ignore'
          ? 'RETAIN'
          : treatment === 'breaching'
            ? 'ALARM'
            : 'OK';
  } else {
    const breaching = breachBefore[end] - breachBefore[first];
    if (treatment === 'breaching' || treatment === 'notBreaching') {
      // Rule 3: all real datapoints count, plus as few filled ones as make N.
      out.rule = 'filled';
      out.filled = n - real;
      out.state = breaching + (treatment === 'breaching' ? out.filled : 0) >= m ? 'ALARM' : 'OK';
    } else if (real < m) {
      // Premature alarm: the oldest breaching datapoint among the last N slots is at least M periods
      // old and everything newer is breaching or missing.
      const oldest = facts.firstBreachFrom[end - n];
      const premature =
        oldest < end &&
        end - oldest >= m &&
        realBefore[end] - realBefore[oldest] === breachBefore[end] - breachBefore[oldest];
      if (premature) {
        out.rule = 'premature';
        out.state = treatment === 'missing' ? 'ALARM' : 'RETAIN';
      } else if (breaching === 0) {
        out.rule = 'no-breach';
        out.state = 'OK';
      } else {
        out.rule = 'unspecified';
        out.state = previous === 'ALARM' ? 'RETAIN' : 'OK';
      }
    } else {
      out.rule = 'partial';
      out.state = breaching >= m ? 'ALARM' : 'OK';
    }
  }
  return lowSamples(facts, end, out);
}

/** EvaluateLowSampleCountPercentile ignore: evaluated datapoints with too few samples keep the state. */
function lowSamples(facts: SlotFacts, end: number, out: Decision): Decision {
  const low = facts.lowBefore[end] - facts.lowBefore[out.from];
  if (low > 0) {
    out.lowSamples = low;
    out.state = 'RETAIN';
  }
  return out;
}

/** Throws a RangeError for a configuration PutMetricAlarm would have refused. */
export function assertValidConfig(config: EvaluationConfig): void {
  const { evaluationPeriods: n, datapointsToAlarm: m, periodMs, comparisonOperator: op } = config;
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`evaluationPeriods must be an integer ≥ 1, not ${n}`);
  if (!Number.isInteger(m) || m < 1 || m > n) {
    throw new RangeError(`datapointsToAlarm must be an integer in [1, ${n}], not ${m}`);
  }
  if (!(periodMs > 0)) throw new RangeError(`periodMs must be positive, not ${periodMs}`);
  if (!isBandOperator(op) && !Number.isFinite(config.threshold)) {
    throw new RangeError(`${op} needs a threshold`);
  }
}

function assertValid(config: EvaluationConfig, input: EvaluationInput): void {
  assertValidConfig(config);
  if (input.periodStarts.length !== input.values.length) {
    throw new RangeError('periodStarts and values must have one entry per slot');
  }
}

/** The input with older missing slots added when it holds fewer than N. */
function atLeastN(config: EvaluationConfig, input: EvaluationInput, nowMs: number): EvaluationInput {
  const missing = config.evaluationPeriods - input.values.length;
  if (missing <= 0) return input;
  const p = config.periodMs;
  const oldest = input.periodStarts[0] ?? Math.floor(nowMs / p) * p;
  const starts = Array.from({ length: missing }, (_, i) => oldest - (missing - i) * p);
  const pad = <T>(a: T[] | undefined) => (a ? [...new Array<T | undefined>(missing), ...a] : undefined);
  return {
    periodStarts: [...starts, ...input.periodStarts],
    values: [...new Array<undefined>(missing), ...input.values],
    sampleCounts: pad(input.sampleCounts),
    lower: pad(input.lower),
    upper: pad(input.upper),
  };
}

/**
 * The state {@link evaluateAlarm} would decide, without building its reason: the same decision, for
 * callers (the live scheduler) that need the text only when the state changes.
 */
export function decideState(
  config: EvaluationConfig,
  input: EvaluationInput,
  previous: AlarmState,
  nowMs: number,
): AlarmState | 'RETAIN' {
  assertValid(config, input);
  const slots = atLeastN(config, input, nowMs);
  const size = slots.values.length;
  const facts = buildSlotFacts(config, size, slots.values, slots.lower, slots.upper, slots.sampleCounts);
  return decide(config, facts, 0, size - 1, previous, newDecision()).state;
}

/**
 * Evaluates an alarm over its evaluation range (spec §a.4.4), with CloudWatch's reason text.
 * `previous` is the current state; the result is RETAIN when that state must be kept.
 */
export function evaluateAlarm(
  config: EvaluationConfig,
  input: EvaluationInput,
  previous: AlarmState,
  nowMs: number,
): Evaluation {
  assertValid(config, input);
  const slots = atLeastN(config, input, nowMs);
  const size = slots.values.length;
  const facts = buildSlotFacts(config, size, slots.values, slots.lower, slots.upper, slots.sampleCounts);
  const d = decide(config, facts, 0, size - 1, previous, newDecision());
  return explain(config, { ...slots, startOf: (i) => slots.periodStarts[i] }, facts, 0, size - 1, d, nowMs);
}

/** Slot data indexed like a {@link SlotFacts}; NaN or undefined = none. Internal to the evaluator and backtest. */
export interface SlotData {
  startOf: (slot: number) => number;
  values: ArrayLike<number | undefined>;
  sampleCounts?: ArrayLike<number | undefined>;
  lower?: ArrayLike<number | undefined>;
  upper?: ArrayLike<number | undefined>;
}

const finite = (x: number | undefined): number | undefined =>
  x !== undefined && Number.isFinite(x) ? x : undefined;

// Module-level helpers rather than closures: explain runs on every transition of a backtest.
const isReal = (facts: SlotFacts, i: number) => facts.realBefore[i + 1] > facts.realBefore[i];
const isBreach = (facts: SlotFacts, i: number) => facts.breachBefore[i + 1] > facts.breachBefore[i];

interface RealDatapoint extends ReasonDatapoint {
  slot: number;
  breaching: boolean;
}

/** The evaluated real datapoints on the side of `state` (breaching for ALARM), newest first. */
function listedFor(real: readonly RealDatapoint[], state: 'ALARM' | 'OK'): RealDatapoint[] {
  const out: RealDatapoint[] = [];
  for (let k = real.length - 1; k >= 0; k--) if (real[k].breaching === (state === 'ALARM')) out.push(real[k]);
  return out;
}

function clauseFor(config: EvaluationConfig, real: readonly RealDatapoint[], state: 'ALARM' | 'OK'): string {
  return crossedClause({
    state,
    comparisonOperator: config.comparisonOperator,
    threshold: config.threshold,
    evaluationPeriods: config.evaluationPeriods,
    listed: listedFor(real, state),
  });
}

/**
 * The used slots, the reason and (unless `withReasonData` is false) the reason data of a decision
 * on the window [first, last] of `facts`.
 */
export function explain(
  config: EvaluationConfig,
  data: SlotData,
  facts: SlotFacts,
  first: number,
  last: number,
  d: Decision,
  nowMs: number,
  withReasonData = true,
): Evaluation {
  const n = config.evaluationPeriods;
  const m = config.datapointsToAlarm;
  const op = config.comparisonOperator;
  const fillBreaches = effectiveTreatment(config) === 'breaching';

  // Real datapoints evaluated, oldest first.
  const real: RealDatapoint[] = [];
  if (d.rule !== 'no-data') {
    for (let i = d.from; i <= last; i++) {
      if (!isReal(facts, i)) continue;
      real.push({
        slot: i,
        periodStart: data.startOf(i),
        value: data.values[i] ?? NaN,
        lower: finite(data.lower?.[i]),
        upper: finite(data.upper?.[i]),
        breaching: isBreach(facts, i),
      });
    }
  }

  // Slots evaluated, newest first: filled ones are the most recent missing ("as few times as possible").
  const usedSlots: { slot: number; filled: boolean }[] = [];
  if (d.rule === 'no-data') {
    for (let i = last; i > last - n; i--) usedSlots.push({ slot: i, filled: d.filled > 0 });
  } else {
    let toFill = d.filled;
    for (let i = last; i >= d.from && i >= first; i--) {
      if (isReal(facts, i)) usedSlots.push({ slot: i, filled: false });
      else if (toFill-- > 0) usedSlots.push({ slot: i, filled: true });
    }
  }
  const used: UsedDatapoint[] = [];
  for (let k = usedSlots.length - 1; k >= 0; k--) {
    const { slot, filled } = usedSlots[k];
    used.push({
      periodStart: data.startOf(slot),
      value: filled || !isReal(facts, slot) ? undefined : data.values[slot],
      breaching: filled ? fillBreaches : isBreach(facts, slot),
      filled,
    });
  }
  const missingOfN = Math.max(0, n - real.length);

  let reason: string;
  if (d.lowSamples > 0) {
    reason = lowSampleReason(d.lowSamples, lowSampleThreshold(config.percentile ?? NaN) ?? NaN);
  } else if (d.state === 'INSUFFICIENT_DATA') {
    reason = insufficientDataReason(n);
  } else if (d.rule === 'no-data') {
    reason =
      d.state === 'RETAIN'
        ? ignoredNoDataReason(n)
        : noDatapointsReason(op, n, fillBreaches ? 'Breaching' : 'NonBreaching');
  } else if (d.state === 'RETAIN' && d.rule === 'premature') {
    reason = ignoredMissingReason(clauseFor(config, real, 'ALARM'), missingOfN);
  } else if (d.rule === 'unspecified') {
    const minimum = minimumClause('ALARM', n, m);
    reason = notEnoughDataReason(clauseFor(config, real, 'ALARM'), missingOfN, minimum, d.state === 'RETAIN');
  } else {
    reason = thresholdCrossedReason({
      state: d.state === 'ALARM' ? 'ALARM' : 'OK',
      comparisonOperator: op,
      threshold: config.threshold,
      evaluationPeriods: n,
      datapointsToAlarm: m,
      listed: listedFor(real, d.state === 'ALARM' ? 'ALARM' : 'OK'),
      filled: d.filled,
      filledAs: fillBreaches ? 'Breaching' : 'NonBreaching',
    });
  }
  if (!withReasonData) return { state: d.state, reason, reasonData: {}, used };

  // Built key by key: CloudWatch's key order, and no key for what does not apply.
  const reasonData = { version: '1.0', queryDate: reasonDataTimestamp(nowMs) } as AlarmReasonData;
  if (real.length > 0) reasonData.startDate = reasonDataTimestamp(real[0].periodStart);
  if (config.statisticLabel !== undefined) reasonData.statistic = config.statisticLabel;
  reasonData.period = Math.round(config.periodMs / 1000);
  reasonData.recentDatapoints = real.map((p) => p.value);
  if (isBandOperator(op)) {
    const lower = real.map((p) => p.lower);
    const upper = real.map((p) => p.upper);
    if (lower.every((x) => x !== undefined)) reasonData.recentLowerThresholds = lower;
    if (upper.every((x) => x !== undefined)) reasonData.recentUpperThresholds = upper;
  } else {
    reasonData.threshold = config.threshold;
  }
  reasonData.evaluatedDatapoints = usedSlots.map(({ slot, filled }) => {
    const timestamp = reasonDataTimestamp(data.startOf(slot));
    if (filled || !isReal(facts, slot)) return { timestamp };
    const sampleCount = finite(data.sampleCounts?.[slot]);
    const value = data.values[slot];
    return sampleCount === undefined ? { timestamp, value } : { timestamp, sampleCount, value };
  });

  return { state: d.state, reason, reasonData, used };
}
