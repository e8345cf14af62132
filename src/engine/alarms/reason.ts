/**
 * StateReason and StateReasonData of metric alarms, in the wording and number format CloudWatch
 * writes (spec §a.8; observed AWS output quoted in the user guide).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-eventbridge.html
 */
import type { ComparisonOperator } from './evaluate.ts';

/** A double as Java's `Double.toString` prints it, which is what CloudWatch shows: 80.0, 1.0E7, 1.5E-4. */
export function javaDouble(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(x);
  // Java switches to scientific notation outside [1e-3, 1e7); JavaScript only outside [1e-7, 1e21).
  if (abs >= 1e-3 && abs < 1e7) {
    const plain = String(x);
    return plain.includes('.') ? plain : `${plain}.0`;
  }
  const [mantissa, exponent] = x.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent.replace('+', '')}`;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** A datapoint's time inside a StateReason: `dd/MM/yy HH:mm:ss`, UTC. */
export function reasonTimestamp(ms: number): string {
  const d = new Date(ms);
  const date = `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCFullYear() % 100)}`;
  return `${date} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** A time inside StateReasonData: `yyyy-MM-dd'T'HH:mm:ss.SSS+0000`. */
export function reasonDataTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** StateReasonData of a metric alarm, keys in CloudWatch's order. */
export interface AlarmReasonData {
  version: '1.0';
  queryDate: string;
  /** Time of the oldest evaluated real datapoint; absent when there was none. */
  startDate?: string;
  /** Absent for metric-math alarms. */
  statistic?: string;
  /** Seconds (an integer, unlike every other number here). */
  period: number;
  /** Values of the evaluated real datapoints, oldest first. */
  recentDatapoints: number[];
  /** Anomaly-detection alarms: the band at those datapoints, in the same order. */
  recentLowerThresholds?: number[];
  recentUpperThresholds?: number[];
  /** Static-threshold alarms only. */
  threshold?: number;
  /** Every evaluated period, newest first; a missing (or filled) one has only its timestamp. */
  evaluatedDatapoints: { timestamp: string; sampleCount?: number; value?: number }[];
}

/** Keys whose numbers are integers in CloudWatch's JSON; every other number is a Java double. */
const INTEGER_KEYS = new Set(['period']);

/**
 * JSON text of StateReasonData with numbers as CloudWatch prints them (`"threshold":50.0`), which
 * `JSON.stringify` cannot do. Accepts any plain object, so callers may pass `{}` as well.
 */
export function stringifyReasonData(data: object): string {
  const write = (value: unknown, key: string | undefined): string => {
    if (typeof value === 'number') {
      return key !== undefined && INTEGER_KEYS.has(key) && Number.isInteger(value)
        ? String(value)
        : javaDouble(value);
    }
    if (Array.isArray(value)) return `[${value.map((v) => write(v, undefined)).join(',')}]`;
    if (value !== null && typeof value === 'object') {
      const parts: string[] = [];
      for (const [k, v] of Object.entries(value)) {
        if (v !== undefined) parts.push(`${JSON.stringify(k)}:${write(v, k)}`);
      }
      return `{${parts.join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
  };
  return write(data, undefined);
}

/** One datapoint as a reason lists it, with the anomaly band at its time when there is one. */
export interface ReasonDatapoint {
  periodStart: number;
  value: number;
  lower?: number;
  upper?: number;
}

const STATIC_PHRASES: Partial<Record<ComparisonOperator, string>> = {
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  GreaterThanThreshold: 'greater than',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

const isBand = (op: ComparisonOperator): boolean => STATIC_PHRASES[op] === undefined;

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
const wasWere = (n: number): string => (n === 1 ? 'was' : 'were');
const head = (op: ComparisonOperator): string => (isBand(op) ? 'Thresholds Crossed' : 'Threshold Crossed');

/** "greater than the threshold (80.0)" or the anomaly form with the band at each listed datapoint. */
function comparison(
  op: ComparisonOperator,
  threshold: number | undefined,
  listed: readonly ReasonDatapoint[],
) {
  const phrase = STATIC_PHRASES[op];
  if (phrase !== undefined) return `${phrase} the threshold (${javaDouble(threshold ?? NaN)})`;
  const lower = `less than the lower thresholds [${listed.map((p) => javaDouble(p.lower ?? NaN)).join(', ')}]`;
  const upper = `greater than the upper thresholds [${listed.map((p) => javaDouble(p.upper ?? NaN)).join(', ')}]`;
  if (op === 'LessThanLowerThreshold') return lower;
  if (op === 'GreaterThanUpperThreshold') return upper;
  return `${lower} or ${upper}`;
}

/** What a threshold-crossed reason says. */
export interface CrossedReason {
  state: 'ALARM' | 'OK';
  comparisonOperator: ComparisonOperator;
  threshold?: number;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  /** The real datapoints on the side of the new state (breaching for ALARM, not breaching for OK), newest first. */
  listed: readonly ReasonDatapoint[];
  /** How many missing datapoints TreatMissingData filled in, and as what. */
  filled: number;
  filledAs?: 'Breaching' | 'NonBreaching';
}

/** "1 out of the last 3 datapoints [91.2 (21/11/26 10:15:00)] was greater than the threshold (80.0)". */
export function crossedClause(r: Omit<CrossedReason, 'filled' | 'datapointsToAlarm'>): string {
  const list = r.listed.map((p) => `${javaDouble(p.value)} (${reasonTimestamp(p.periodStart)})`).join(', ');
  const not = r.state === 'OK' ? 'not ' : '';
  const compared = comparison(r.comparisonOperator, r.threshold, r.listed);
  return `${r.listed.length} out of the last ${r.evaluationPeriods} datapoints [${list}] ${wasWere(r.listed.length)} ${not}${compared}`;
}

/** " (minimum 2 datapoints for OK -> ALARM transition)": M to alarm, N − M + 1 to recover. */
export function minimumClause(
  state: 'ALARM' | 'OK',
  evaluationPeriods: number,
  datapointsToAlarm: number,
): string {
  return state === 'ALARM'
    ? ` (minimum ${plural(datapointsToAlarm, 'datapoint')} for OK -> ALARM transition)`
    : ` (minimum ${plural(evaluationPeriods - datapointsToAlarm + 1, 'datapoint')} for ALARM -> OK transition)`;
}

/**
 * The M-out-of-N form CloudWatch writes on a transition, e.g. `Threshold Crossed: 2 out of the last 3
 * datapoints [91.2 (21/11/26 10:15:00), 88.0 (21/11/26 10:14:00)] were greater than the threshold
 * (80.0) (minimum 2 datapoints for OK -> ALARM transition).`, with `and 19 missing datapoints were
 * treated as [NonBreaching]` before the minimum when missing data was filled in.
 */
export function thresholdCrossedReason(r: CrossedReason): string {
  const fill =
    r.filled > 0
      ? ` and ${plural(r.filled, 'missing datapoint')} ${wasWere(r.filled)} treated as [${r.filledAs ?? 'NonBreaching'}]`
      : '';
  const minimum = minimumClause(r.state, r.evaluationPeriods, r.datapointsToAlarm);
  return `${head(r.comparisonOperator)}: ${crossedClause(r)}${fill}${minimum}.`;
}

/** `Threshold Crossed: no datapoints were received for 3 periods and 3 missing datapoints were treated as [Breaching].` */
export function noDatapointsReason(
  op: ComparisonOperator,
  periods: number,
  filledAs: 'Breaching' | 'NonBreaching',
): string {
  return `${head(op)}: no datapoints were received for ${plural(periods, 'period')} and ${plural(periods, 'missing datapoint')} ${wasWere(periods)} treated as [${filledAs}].`;
}

/** `Insufficient Data: 3 datapoints were unknown.` (wording seen in AWS notifications; not documented). */
export function insufficientDataReason(unknown: number): string {
  return `Insufficient Data: ${plural(unknown, 'datapoint')} ${wasWere(unknown)} unknown.`;
}

// The reasons below explain evaluations that keep the state. CloudWatch never records one (there
// is no transition), so the wording is ours.

/** TreatMissingData `ignore` (or AWS/DynamoDB) with no datapoint at all. */
export function ignoredNoDataReason(periods: number): string {
  return `Missing data ignored: no datapoints were received for ${plural(periods, 'period')}; the alarm keeps its state.`;
}

/** TreatMissingData `ignore` where `missing` would alarm prematurely (spec §a.4.3). */
export function ignoredMissingReason(clause: string, missing: number): string {
  return `Missing data ignored: ${clause} and ${plural(missing, 'datapoint')} ${wasWere(missing)} missing; the alarm keeps its state.`;
}

/**
 * Too few real datapoints to alarm, though some breach (spec §a.4.4, cells the docs leave open): the
 * alarm goes to OK, or keeps ALARM.
 */
export function notEnoughDataReason(
  clause: string,
  missing: number,
  minimum: string,
  keeps: boolean,
): string {
  return `Not enough datapoints: ${clause} and ${plural(missing, 'datapoint')} ${wasWere(missing)} missing${minimum}${
    keeps ? '; the alarm keeps its state' : ''
  }.`;
}

/** EvaluateLowSampleCountPercentile `ignore` with an evaluated datapoint of too few samples. */
export function lowSampleReason(lowCount: number, threshold: number): string {
  return `Percentile with low samples: ${plural(lowCount, 'evaluated datapoint')} ${
    lowCount === 1 ? 'has' : 'have'
  } fewer than ${threshold} samples and EvaluateLowSampleCountPercentile is ignore; the alarm keeps its state.`;
}
