import type { Alarm, AlarmHistoryItem, CompositeAlarm, MetricAlarm } from '../../engine/index.ts';
import { invalidParameterValue } from './errors.ts';
import { type Json, dimensionsOut, listAt, stringAt } from './input.ts';

/** ASCII control characters, which alarm names must not contain. */
const hasControlChars = (text: string): boolean =>
  [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** Alarm names: 1–255 characters, no ASCII control characters. */
export function alarmNameAt(o: Json, key: string, path: string): string {
  const name = stringAt(o, key, path, true, 255);
  if (hasControlChars(name))
    throw invalidParameterValue(`The value for parameter ${path} must not contain control characters.`);
  return name;
}

/** A list of alarm names (AlarmNames: at most 100). */
export function alarmNamesAt(o: Json, key: string, path: string, required: boolean): string[] | undefined {
  const list = listAt(o, key, path, required);
  if (list === undefined) return undefined;
  if (list.length > 100)
    throw invalidParameterValue(`The collection ${path} must not have a size greater than 100.`);
  return list.map((v, i) => {
    if (typeof v !== 'string' || v.length === 0 || v.length > 255) {
      throw invalidParameterValue(
        `The value ${JSON.stringify(v)} for parameter ${path}.member.${i + 1} is invalid: alarm names have 1 to 255 characters.`,
      );
    }
    return v;
  });
}

/** Action ARNs: at most 5 per state, each 1–1024 characters and an ARN. */
export function actionsAt(o: Json, key: string): string[] {
  const list = listAt(o, key, key) ?? [];
  if (list.length > 5)
    throw invalidParameterValue(`The collection ${key} must not have a size greater than 5.`);
  return list.map((v, i) => {
    const p = `${key}.member.${i + 1}`;
    if (typeof v !== 'string' || !/^arn:[^:]*:[^:]+:[^:]*:[^:]*:.+/.test(v) || v.length > 1024) {
      throw invalidParameterValue(
        `The value ${JSON.stringify(v)} for parameter ${p} is not a valid action ARN.`,
      );
    }
    return v;
  });
}

const seconds = (ms: number) => ms / 1000;

function commonOut(a: Alarm): Json {
  return {
    AlarmName: a.name,
    AlarmArn: a.arn,
    AlarmDescription: a.description,
    AlarmConfigurationUpdatedTimestamp: seconds(a.configUpdatedMs),
    ActionsEnabled: a.actionsEnabled,
    OKActions: a.okActions,
    AlarmActions: a.alarmActions,
    InsufficientDataActions: a.insufficientDataActions,
    StateValue: a.state.value,
    StateReason: a.state.reason,
    StateReasonData: a.state.reasonData,
    StateUpdatedTimestamp: seconds(a.state.updatedMs),
    StateTransitionedTimestamp: seconds(a.state.transitionedMs),
  };
}

/** A MetricAlarm as DescribeAlarms returns it. */
export function metricAlarmOut(a: MetricAlarm): Json {
  return {
    ...commonOut(a),
    MetricName: a.metricName,
    Namespace: a.namespace,
    Statistic: a.statistic,
    ExtendedStatistic: a.extendedStatistic,
    Dimensions: a.metrics ? undefined : dimensionsOut(a.dimensions),
    Period: a.periodSeconds,
    Unit: a.unit,
    EvaluationPeriods: a.evaluationPeriods,
    DatapointsToAlarm: a.datapointsToAlarm,
    Threshold: a.threshold,
    ComparisonOperator: a.comparisonOperator,
    TreatMissingData: a.treatMissingData,
    EvaluateLowSampleCountPercentile: a.evaluateLowSampleCountPercentile,
    ThresholdMetricId: a.thresholdMetricId,
    Metrics: a.metrics?.map((m) => ({
      Id: m.id,
      Label: m.label,
      ReturnData: m.returnData,
      Expression: m.expression,
      Period: m.periodSeconds,
      AccountId: m.accountId,
      MetricStat: m.metricStat && {
        Metric: {
          Namespace: m.metricStat.namespace,
          MetricName: m.metricStat.metricName,
          Dimensions: dimensionsOut(m.metricStat.dimensions),
        },
        Period: m.metricStat.periodSeconds,
        Stat: m.metricStat.stat,
        Unit: m.metricStat.unit,
      },
    })),
  };
}

/** A CompositeAlarm as DescribeAlarms returns it. */
export function compositeAlarmOut(a: CompositeAlarm): Json {
  return {
    ...commonOut(a),
    AlarmRule: a.rule,
    ActionsSuppressor: a.actionsSuppressor,
    ActionsSuppressorWaitPeriod: a.actionsSuppressorWaitPeriod,
    ActionsSuppressorExtensionPeriod: a.actionsSuppressorExtensionPeriod,
    ActionsSuppressedBy: a.actionsSuppressedBy,
    ActionsSuppressedReason: a.actionsSuppressedReason,
  };
}

export function historyItemOut(h: AlarmHistoryItem): Json {
  return {
    AlarmName: h.alarmName,
    AlarmType: h.alarmType,
    Timestamp: seconds(h.timestampMs),
    HistoryItemType: h.type,
    HistorySummary: h.summary,
    HistoryData: h.data,
  };
}

export const COMPARISON_OPERATORS = [
  'GreaterThanOrEqualToThreshold',
  'GreaterThanThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
  'LessThanLowerOrGreaterThanUpperThreshold',
  'LessThanLowerThreshold',
  'GreaterThanUpperThreshold',
] as const;
export const BAND_OPERATORS = new Set([
  'LessThanLowerOrGreaterThanUpperThreshold',
  'LessThanLowerThreshold',
  'GreaterThanUpperThreshold',
]);
export const ALARM_STATES = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const;
