import {
  type AlarmState,
  type AlarmTransition,
  type BacktestSeries,
  type ComparisonOperator,
  type EvaluationConfig,
  type GroundTruth,
  type StateSpan,
  type TreatMissingData,
  type TuningSummary,
  assertValidConfig,
  evaluationRangeSlots,
  prepareHistory,
  runPrepared,
  summarizeRun,
} from '../../engine/index.ts';

/** Most slots one request may replay: 1-minute periods over almost two years. */
export const MAX_BACKTEST_SLOTS = 1_000_000;

export interface BacktestResponse {
  transitions: AlarmTransition[];
  timeline: StateSpan[];
  summary: TuningSummary;
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
const STATES: readonly AlarmState[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A field of `o`, checked; `where` names it in the error ("config.threshold"). */
function field<T>(o: Json, key: string, where: string, check: (v: unknown) => v is T, expected: string): T;
function field<T>(
  o: Json,
  key: string,
  where: string,
  check: (v: unknown) => v is T,
  expected: string,
  optional: true,
): T | undefined;
function field<T>(
  o: Json,
  key: string,
  where: string,
  check: (v: unknown) => v is T,
  expected: string,
  optional = false,
): T | undefined {
  const v = o[key];
  if (v === undefined && optional) return undefined;
  if (!check(v))
    throw new RangeError(`"${where}${key}" must be ${expected}; got ${JSON.stringify(v) ?? 'nothing'}.`);
  return v;
}

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);

function parseConfig(v: unknown): EvaluationConfig {
  if (!isObject(v)) throw new RangeError('"config" must be an object (the alarm’s evaluation settings).');
  const w = 'config.';
  const config: EvaluationConfig = {
    periodMs: field(v, 'periodMs', w, isNumber, 'a period in milliseconds'),
    evaluationPeriods: field(v, 'evaluationPeriods', w, isNumber, 'N, an integer ≥ 1'),
    datapointsToAlarm: field(v, 'datapointsToAlarm', w, isNumber, 'M, an integer from 1 to N'),
    comparisonOperator: field(v, 'comparisonOperator', w, oneOf(OPERATORS), `one of ${OPERATORS.join(', ')}`),
    threshold: field(v, 'threshold', w, isNumber, 'a number', true),
    treatMissingData: field(v, 'treatMissingData', w, oneOf(TREATMENTS), `one of ${TREATMENTS.join(', ')}`),
    namespace: field(v, 'namespace', w, (x): x is string => typeof x === 'string', 'a string', true),
    percentile: field(v, 'percentile', w, isNumber, 'a fraction (p99 → 0.99)', true),
    evaluateLowSampleCountPercentile: field(
      v,
      'evaluateLowSampleCountPercentile',
      w,
      oneOf(['evaluate', 'ignore'] as const),
      'evaluate or ignore',
      true,
    ),
    statisticLabel: field(
      v,
      'statisticLabel',
      w,
      (x): x is string => typeof x === 'string',
      'a string',
      true,
    ),
  };
  return config;
}

/** A list of numbers, where null (JSON's NaN) is a missing value. */
const isNumberList = (v: unknown): v is (number | null)[] =>
  Array.isArray(v) && v.every((x) => x === null || typeof x === 'number');

function parseSeries(v: unknown): BacktestSeries {
  if (!isObject(v)) throw new RangeError('"series" must be an object {timestamps, values, …}.');
  const list = (key: string, optional: boolean) => {
    const a = field(v, key, 'series.', isNumberList, 'a list of numbers (null for none)', true);
    if (a === undefined && !optional) throw new RangeError(`"series.${key}" must be a list of numbers.`);
    return a?.map((x) => x ?? NaN);
  };
  const timestamps = list('timestamps', false) ?? [];
  const series: BacktestSeries = { timestamps, values: list('values', false) ?? [] };
  for (const key of ['sampleCounts', 'lower', 'upper'] as const) {
    const a = list(key, true);
    if (a) series[key] = a;
  }
  for (const key of ['values', 'sampleCounts', 'lower', 'upper'] as const) {
    const a = series[key];
    if (a && a.length !== timestamps.length)
      throw new RangeError(
        `"series.${key}" must have one entry per timestamp (${timestamps.length}), not ${a.length}.`,
      );
  }
  if (!timestamps.every(Number.isFinite))
    throw new RangeError('"series.timestamps" must be epoch milliseconds.');
  return series;
}

function parseIncidents(v: unknown): GroundTruth[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new RangeError('"incidents" must be a list of {id, startMs, endMs, label}.');
  return v.map((x, i) => {
    if (!isObject(x))
      throw new RangeError(`"incidents[${i}]" must be an object {id, startMs, endMs, label}.`);
    const w = `incidents[${i}].`;
    const isString = (s: unknown): s is string => typeof s === 'string';
    return {
      id: field(x, 'id', w, isString, 'a string'),
      startMs: field(x, 'startMs', w, isNumber, 'epoch milliseconds'),
      endMs: field(x, 'endMs', w, isNumber, 'epoch milliseconds'),
      label: field(x, 'label', w, isString, 'a string', true) ?? field(x, 'id', w, isString, 'a string'),
    };
  });
}

/**
 * POST /_watchtrail/alarms/backtest: replays an alarm configuration over a series with the engine's
 * evaluator and summarizes it against labeled incidents, as the tuner does, for headless callers.
 * Body: {config, series, startMs, endMs, incidents?, initial?, graceMs?, flapWindowMs?}; the series
 * may start before startMs (the first evaluations look back N + 2 periods). Throws a RangeError
 * with a message for a body it cannot use.
 */
export function serveAlarmBacktest(body: Json): BacktestResponse {
  const config = parseConfig(body.config);
  const series = parseSeries(body.series);
  const startMs = field(body, 'startMs', '', isNumber, 'epoch milliseconds');
  const endMs = field(body, 'endMs', '', isNumber, 'epoch milliseconds');
  if (!(startMs < endMs)) throw new RangeError('"startMs" must be before "endMs".');
  const incidents = parseIncidents(body.incidents);
  const initial = field(body, 'initial', '', oneOf(STATES), STATES.join(', '), true);
  const graceMs =
    field(body, 'graceMs', '', isNumber, 'milliseconds', true) ?? config.evaluationPeriods * config.periodMs;
  const flapWindowMs = field(body, 'flapWindowMs', '', isNumber, 'milliseconds', true);
  // PutMetricAlarm's rules (M of N, a positive period, a threshold for static operators).
  assertValidConfig(config);
  const range = evaluationRangeSlots(config.evaluationPeriods, config.periodMs);
  if ((endMs - startMs) / config.periodMs + range > MAX_BACKTEST_SLOTS)
    throw new RangeError(`The range holds more than ${MAX_BACKTEST_SLOTS.toLocaleString('en-US')} periods.`);
  const h = prepareHistory(config.periodMs, series, startMs, endMs, range);
  const { transitions, timeline } = runPrepared(config, h, { initial });
  const summary = summarizeRun({ transitions, timeline }, incidents, {
    startMs,
    endMs,
    graceMs,
    flapWindowMs,
  });
  return { transitions, timeline, summary };
}
