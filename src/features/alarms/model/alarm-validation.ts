// Field-by-field checks of the alarm form, following PutMetricAlarm's rules, so a person sees what
// is wrong next to the field before the request goes out. The server still has the last word.
import { STATIC_OPERATORS, BAND_OPERATORS } from './alarm-condition.ts';
import type { AlarmDraft } from './alarm-draft.ts';
import { isKnownStatistic, isValidAlarmPeriod } from './alarm-options.ts';
import { ALARM_STATES, type AlarmState } from './alarm-state.ts';

/** Fields that can carry an error; the action lists are named by their state. */
export type AlarmField =
  | 'name'
  | 'description'
  | 'namespace'
  | 'metricName'
  | 'expression'
  | 'stat'
  | 'period'
  | 'comparison'
  | 'threshold'
  | 'bandWidth'
  | 'datapointsToAlarm'
  | 'evaluationPeriods'
  | 'treatMissingData'
  | AlarmState;

export type AlarmErrors = Partial<Record<AlarmField, string>>;

export const MAX_NAME_LENGTH = 255;
export const MAX_DESCRIPTION_LENGTH = 1024;
export const MAX_EXPRESSION_LENGTH = 2048;
export const MAX_ACTIONS_PER_STATE = 5;
export const MAX_ARN_LENGTH = 1024;
/** Period × EvaluationPeriods limits: one day for periods under an hour, else seven days. */
export const MAX_WINDOW_SHORT_PERIOD_S = 86_400;
export const MAX_WINDOW_S = 604_800;

const TREATMENTS = ['missing', 'ignore', 'breaching', 'notBreaching'];

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** A whole number ≥ 1 typed as text, or undefined. */
function positiveInteger(text: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 ? n : undefined;
}

/** A finite number typed as text (`80`, `-1.5`, `1e3`), or undefined; blank is not a number. */
export function parseNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

const seconds = (n: number) => `${n.toLocaleString('en-US')} s`;

/**
 * What is wrong with each field of the draft, as PutMetricAlarm would refuse it: name 1–255
 * characters without control characters; a metric or an expression; a known statistic; a period of
 * 10, 20, 30 or a multiple of 60 s; a numeric threshold (or a positive band width); 1 ≤ M ≤ N;
 * Period × N ≤ 86,400 s when Period < 3600, else ≤ 604,800 s; at most 5 actions per state, each an ARN.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
 */
export function validateAlarmDraft(d: AlarmDraft): AlarmErrors {
  const errors: AlarmErrors = {};
  if (d.name.length === 0) errors.name = 'Enter a name for the alarm.';
  else if (d.name.length > MAX_NAME_LENGTH)
    errors.name = `The name has ${d.name.length} characters; the limit is ${MAX_NAME_LENGTH}.`;
  else if (hasControlCharacter(d.name)) errors.name = 'The name must not contain control characters.';

  if (d.description.length > MAX_DESCRIPTION_LENGTH)
    errors.description = `The description has ${d.description.length} characters; the limit is ${MAX_DESCRIPTION_LENGTH}.`;

  if (d.namespace.trim() === '') errors.namespace = 'Choose a namespace.';
  if (d.metricName.trim() === '') errors.metricName = 'Choose a metric.';
  if (d.metricMode === 'expression') {
    const e = d.expression.trim();
    if (e === '') errors.expression = `Enter a math expression, for example ${d.metricId} * 100.`;
    else if (e.length > MAX_EXPRESSION_LENGTH)
      errors.expression = `The expression has ${e.length} characters; the limit is ${MAX_EXPRESSION_LENGTH}.`;
  }

  const stat = d.stat.trim();
  if (stat === '') errors.stat = 'Enter a statistic, for example p99 or TM(10%:90%).';
  else if (!isKnownStatistic(stat))
    errors.stat = `"${stat}" is not a statistic: use Average, Sum, Minimum, Maximum, SampleCount, pNN, tmNN, TM(a%:b%), IQM, …`;

  if (!isValidAlarmPeriod(d.period))
    errors.period = 'The period must be 10, 20 or 30 seconds, or a multiple of 60.';
  else if (d.thresholdType === 'anomaly' && d.period < 60)
    errors.period = 'Anomaly detection alarms need a period of at least 1 minute.';

  if (d.thresholdType === 'static') {
    if (!STATIC_OPERATORS.some((o) => o.value === d.comparison))
      errors.comparison = 'Choose how the value compares with the threshold.';
    if (parseNumber(d.threshold) === undefined)
      errors.threshold =
        d.threshold.trim() === '' ? 'Enter a threshold.' : `"${d.threshold}" is not a number.`;
  } else {
    if (!BAND_OPERATORS.some((o) => o.value === d.comparison))
      errors.comparison = 'Choose how the value compares with the band.';
    const k = parseNumber(d.bandWidth);
    if (k === undefined || k <= 0) errors.bandWidth = 'The band width must be a number greater than 0.';
  }

  const n = positiveInteger(d.evaluationPeriods);
  const m = positiveInteger(d.datapointsToAlarm);
  if (n === undefined) errors.evaluationPeriods = 'Evaluation periods must be a whole number of at least 1.';
  if (m === undefined) errors.datapointsToAlarm = 'Datapoints to alarm must be a whole number of at least 1.';
  else if (n !== undefined && m > n)
    errors.datapointsToAlarm = `Datapoints to alarm (${m}) cannot exceed evaluation periods (${n}).`;
  if (n !== undefined && isValidAlarmPeriod(d.period)) {
    const window = d.period * n;
    const limit = d.period < 3600 ? MAX_WINDOW_SHORT_PERIOD_S : MAX_WINDOW_S;
    if (window > limit) {
      errors.evaluationPeriods =
        d.period < 3600
          ? `Period × evaluation periods is ${seconds(window)}; with a period under an hour it must be at most ${seconds(limit)} (1 day).`
          : `Period × evaluation periods is ${seconds(window)}; it must be at most ${seconds(limit)} (7 days).`;
    }
  }

  if (!TREATMENTS.includes(d.treatMissingData)) errors.treatMissingData = 'Choose how to treat missing data.';

  for (const state of ALARM_STATES) {
    const arns = d.actions[state];
    const bad = arns.find((a) => !a.startsWith('arn:') || a.length > MAX_ARN_LENGTH);
    if (arns.length > MAX_ACTIONS_PER_STATE)
      errors[state] = `At most ${MAX_ACTIONS_PER_STATE} actions per state; ${state} has ${arns.length}.`;
    else if (bad !== undefined) errors[state] = `"${bad}" is not an ARN (arn:aws:sns:region:account:topic).`;
  }
  return errors;
}

/** Whether the draft has no error. */
export function isValidDraft(errors: AlarmErrors): boolean {
  return Object.keys(errors).length === 0;
}
