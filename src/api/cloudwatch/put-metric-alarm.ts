import type { AlarmMetricQuery, Engine, MetricAlarm } from '../../engine/index.ts';
import { DataQueryError, checkDataQueries, parseStat } from '../../engine/index.ts';
import { actionsAt, alarmNameAt, BAND_OPERATORS, COMPARISON_OPERATORS } from './alarm-shapes.ts';
import { invalidParameterCombination, invalidParameterValue, missingParameter } from './errors.ts';
import {
  type Json,
  booleanAt,
  dimensionsAt,
  integerAt,
  isObject,
  listAt,
  metricNameAt,
  namespaceAt,
  numberAt,
  objectAt,
  stringAt,
  unitAt,
} from './input.ts';

const ID = /^[a-z][A-Za-z0-9_]*$/;
const BASIC = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'];
const MISSING = ['missing', 'ignore', 'breaching', 'notBreaching'];

/** Alarm periods: 10, 20, 30 or any multiple of 60 seconds. */
function alarmPeriodAt(o: Json, key: string, path: string, required: boolean): number | undefined {
  const p = numberAt(o, key, path, required);
  if (p === undefined) return undefined;
  if (!Number.isInteger(p) || p < 10 || !(p % 60 === 0 || p === 10 || p === 20 || p === 30)) {
    throw invalidParameterValue(
      `The parameter ${path} must be 10, 20, 30, or a multiple of 60 (seconds); ${p} is not.`,
    );
  }
  return p;
}

function readMetrics(list: unknown[]): AlarmMetricQuery[] {
  if (list.length === 0) throw invalidParameterValue('The collection Metrics must contain at least 1 query.');
  if (list.length > 20)
    throw invalidParameterValue('The collection Metrics must not have a size greater than 20.');
  const ids = new Set<string>();
  const out = list.map((item, i): AlarmMetricQuery => {
    const p = `Metrics.member.${i + 1}`;
    if (!isObject(item))
      throw invalidParameterValue(`The value for parameter ${p} is invalid: expected a structure.`);
    const id = stringAt(item, 'Id', `${p}.Id`, true, 255);
    if (!ID.test(id))
      throw invalidParameterValue(
        `The value ${id} for parameter ${p}.Id is invalid: it must start with a lowercase letter and contain only letters, numbers and underscores.`,
      );
    if (ids.has(id))
      throw invalidParameterValue(
        `The value ${id} for parameter ${p}.Id is used by more than one query: Ids must be unique.`,
      );
    ids.add(id);
    const expression = stringAt(item, 'Expression', `${p}.Expression`, false, 2048);
    const ms = objectAt(item, 'MetricStat', `${p}.MetricStat`);
    if ((expression === undefined) === (ms === undefined)) {
      throw invalidParameterCombination(
        `Exactly one of ${p}.MetricStat and ${p}.Expression must be specified.`,
      );
    }
    const q: AlarmMetricQuery = {
      id,
      label: stringAt(item, 'Label', `${p}.Label`),
      returnData: booleanAt(item, 'ReturnData', `${p}.ReturnData`) ?? true,
      expression,
      periodSeconds: alarmPeriodAt(item, 'Period', `${p}.Period`, false),
      accountId: stringAt(item, 'AccountId', `${p}.AccountId`),
    };
    if (ms) {
      const mp = `${p}.MetricStat`;
      const metric = objectAt(ms, 'Metric', `${mp}.Metric`, true);
      const stat = stringAt(ms, 'Stat', `${mp}.Stat`, true);
      if (!parseStat(stat))
        throw invalidParameterValue(`The value ${stat} for parameter ${mp}.Stat is not a valid statistic.`);
      q.metricStat = {
        namespace: namespaceAt(metric, 'Namespace', `${mp}.Metric.Namespace`, true),
        metricName: metricNameAt(metric, 'MetricName', `${mp}.Metric.MetricName`, true),
        dimensions: dimensionsAt(metric, 'Dimensions', `${mp}.Metric.Dimensions`, 30),
        periodSeconds: alarmPeriodAt(ms, 'Period', `${mp}.Period`, true) as number,
        stat,
        unit: unitAt(ms, 'Unit', `${mp}.Unit`),
      };
    }
    return q;
  });
  if (out.filter((q) => q.metricStat).length > 10)
    throw invalidParameterValue('Metrics may contain at most 10 queries with MetricStat.');
  if (out.filter((q) => q.expression).length > 10)
    throw invalidParameterValue('Metrics may contain at most 10 queries with Expression.');
  const periods = new Set(out.flatMap((q) => (q.metricStat ? [q.metricStat.periodSeconds] : [])));
  if (periods.size > 1) throw invalidParameterValue('All metrics in Metrics must use the same period.');
  return out;
}

/** Expressions are checked when the alarm is created (syntax, references, types), as AWS does. */
function checkExpressions(metrics: AlarmMetricQuery[], periodSeconds: number): void {
  try {
    checkDataQueries(
      metrics.map((m) => ({
        id: m.id,
        returnData: m.returnData,
        expression: m.expression,
        periodMs: (m.periodSeconds ?? periodSeconds) * 1000,
        metricStat: m.metricStat && {
          metric: {
            namespace: m.metricStat.namespace,
            metricName: m.metricStat.metricName,
            dimensions: m.metricStat.dimensions,
          },
          periodMs: m.metricStat.periodSeconds * 1000,
          stat: parseStat(m.metricStat.stat) ?? { kind: 'basic', name: 'Average' },
          unit: m.metricStat.unit,
        },
      })),
      { alarm: true },
    );
  } catch (e) {
    if (!(e instanceof DataQueryError)) throw e;
    const q = metrics[e.queryIndex];
    throw invalidParameterValue(
      `The value ${q.expression ?? q.id} for parameter Metrics.member.${e.queryIndex + 1}.Expression is invalid: ${e.mathError.message}`,
    );
  }
}

/**
 * PutMetricAlarm: creates or overwrites a metric alarm (single metric, metric math, or anomaly band).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
 */
export function putMetricAlarm(input: Json, engine: Engine): Json {
  const name = alarmNameAt(input, 'AlarmName', 'AlarmName');
  const description = stringAt(input, 'AlarmDescription', 'AlarmDescription', false, 1024);
  const metricsList = listAt(input, 'Metrics', 'Metrics');
  const single = [
    'MetricName',
    'Namespace',
    'Dimensions',
    'Period',
    'Unit',
    'Statistic',
    'ExtendedStatistic',
  ].filter((k) => input[k] !== undefined);
  if (metricsList !== undefined && single.length > 0) {
    throw invalidParameterCombination(
      `The parameters Metrics and ${single[0]} are mutually exclusive and you have specified both.`,
    );
  }
  const statistic = stringAt(input, 'Statistic', 'Statistic');
  const extendedStatistic = stringAt(input, 'ExtendedStatistic', 'ExtendedStatistic');
  if (statistic !== undefined && extendedStatistic !== undefined) {
    throw invalidParameterCombination(
      'The parameters Statistic and ExtendedStatistic are mutually exclusive and you have specified both.',
    );
  }
  const comparisonOperator = stringAt(input, 'ComparisonOperator', 'ComparisonOperator', true);
  if (!(COMPARISON_OPERATORS as readonly string[]).includes(comparisonOperator)) {
    throw invalidParameterValue(
      `The value ${comparisonOperator} for parameter ComparisonOperator is invalid: use one of ${COMPARISON_OPERATORS.join(', ')}.`,
    );
  }
  const evaluationPeriods = integerAt(input, 'EvaluationPeriods', 'EvaluationPeriods', 1, 100_000);
  if (evaluationPeriods === undefined) throw missingParameter('EvaluationPeriods');
  const datapointsToAlarm = integerAt(input, 'DatapointsToAlarm', 'DatapointsToAlarm', 1, 100_000);
  if (datapointsToAlarm !== undefined && datapointsToAlarm > evaluationPeriods) {
    throw invalidParameterValue(
      `DatapointsToAlarm (${datapointsToAlarm}) must be less than or equal to EvaluationPeriods (${evaluationPeriods}).`,
    );
  }
  const threshold = numberAt(input, 'Threshold', 'Threshold');
  if (threshold !== undefined && !Number.isFinite(threshold))
    throw invalidParameterValue('The parameter Threshold must be a finite number.');
  const thresholdMetricId = stringAt(input, 'ThresholdMetricId', 'ThresholdMetricId', false, 255);
  const band = BAND_OPERATORS.has(comparisonOperator);
  if (band && thresholdMetricId === undefined)
    throw invalidParameterValue(
      `The comparison operator ${comparisonOperator} requires ThresholdMetricId (an ANOMALY_DETECTION_BAND expression in Metrics).`,
    );
  if (!band && thresholdMetricId !== undefined)
    throw invalidParameterValue(
      `ThresholdMetricId requires one of the anomaly detection operators, not ${comparisonOperator}.`,
    );
  if (thresholdMetricId !== undefined && threshold !== undefined) {
    throw invalidParameterCombination(
      'The parameters Threshold and ThresholdMetricId are mutually exclusive and you have specified both.',
    );
  }
  if (thresholdMetricId === undefined && threshold === undefined) throw missingParameter('Threshold');
  const treatMissingData = stringAt(input, 'TreatMissingData', 'TreatMissingData', false, 255);
  if (treatMissingData !== undefined && !MISSING.includes(treatMissingData)) {
    throw invalidParameterValue(
      `The value ${treatMissingData} for parameter TreatMissingData is invalid: use missing, ignore, breaching or notBreaching.`,
    );
  }
  const lowSample = stringAt(
    input,
    'EvaluateLowSampleCountPercentile',
    'EvaluateLowSampleCountPercentile',
    false,
    255,
  );
  if (lowSample !== undefined && lowSample !== 'evaluate' && lowSample !== 'ignore') {
    throw invalidParameterValue(
      `The value ${lowSample} for parameter EvaluateLowSampleCountPercentile is invalid: use evaluate or ignore.`,
    );
  }
  const tags = listAt(input, 'Tags', 'Tags') ?? [];
  if (tags.length > 50)
    throw invalidParameterValue('The collection Tags must not have a size greater than 50.');

  let config: Omit<MetricAlarm, 'type' | 'arn' | 'state' | 'configUpdatedMs'>;
  const base = {
    name,
    description,
    actionsEnabled: booleanAt(input, 'ActionsEnabled', 'ActionsEnabled') ?? true,
    okActions: actionsAt(input, 'OKActions'),
    alarmActions: actionsAt(input, 'AlarmActions'),
    insufficientDataActions: actionsAt(input, 'InsufficientDataActions'),
    evaluationPeriods,
    datapointsToAlarm,
    threshold,
    comparisonOperator: comparisonOperator as MetricAlarm['comparisonOperator'],
    treatMissingData: treatMissingData as MetricAlarm['treatMissingData'],
    evaluateLowSampleCountPercentile: lowSample as MetricAlarm['evaluateLowSampleCountPercentile'],
    tags: tags.filter(isObject).map((t) => ({ key: String(t.Key), value: String(t.Value) })),
  };
  let periodSeconds: number;
  if (metricsList !== undefined) {
    const metrics = readMetrics(metricsList);
    const returning = metrics.filter((m) => m.returnData && m.id !== thresholdMetricId);
    if (returning.length !== 1)
      throw invalidParameterValue(
        'Exactly one query in Metrics (other than the ThresholdMetricId) must have ReturnData set to true.',
      );
    if (thresholdMetricId !== undefined) {
      const bandQuery = metrics.find((m) => m.id === thresholdMetricId);
      if (!bandQuery?.expression?.includes('ANOMALY_DETECTION_BAND')) {
        throw invalidParameterValue(
          `ThresholdMetricId ${thresholdMetricId} must be the Id of an ANOMALY_DETECTION_BAND expression in Metrics.`,
        );
      }
    }
    periodSeconds =
      metrics.find((m) => m.metricStat)?.metricStat?.periodSeconds ?? returning[0].periodSeconds ?? 60;
    checkExpressions(metrics, periodSeconds);
    config = { ...base, dimensions: [], metrics, thresholdMetricId };
  } else {
    if (statistic === undefined && extendedStatistic === undefined)
      throw missingParameter('Statistic or ExtendedStatistic');
    if (statistic !== undefined && !BASIC.includes(statistic)) {
      throw invalidParameterValue(
        `The value ${statistic} for parameter Statistic is invalid: use SampleCount, Average, Sum, Minimum or Maximum.`,
      );
    }
    if (extendedStatistic !== undefined) {
      const s = parseStat(extendedStatistic);
      if (!s || s.kind === 'basic')
        throw invalidParameterValue(
          `The value ${extendedStatistic} for parameter ExtendedStatistic is not a valid extended statistic (p90, tm90, IQM, TM(10%:90%), …).`,
        );
    }
    periodSeconds = alarmPeriodAt(input, 'Period', 'Period', true) as number;
    config = {
      ...base,
      namespace: namespaceAt(input, 'Namespace', 'Namespace', true),
      metricName: metricNameAt(input, 'MetricName', 'MetricName', true),
      dimensions: dimensionsAt(input, 'Dimensions', 'Dimensions', 30),
      statistic,
      extendedStatistic,
      unit: unitAt(input, 'Unit', 'Unit'),
      periodSeconds,
    };
  }
  const span = periodSeconds * evaluationPeriods;
  if (span > 604_800 || (periodSeconds < 3600 && span > 86_400)) {
    throw invalidParameterValue(
      `Period × EvaluationPeriods is ${span} seconds: it must be at most 86,400 (one day) when Period is under an hour, and at most 604,800 (7 days) otherwise.`,
    );
  }
  const existing = engine.alarms.get(name);
  if (existing?.type === 'CompositeAlarm')
    throw invalidParameterValue(
      `The alarm ${name} is a composite alarm; use PutCompositeAlarm to change it.`,
    );
  engine.alarms.putMetricAlarm(config, engine.now());
  return {};
}
