import type { AlarmState } from './evaluate.ts';
import { ACCOUNT_ID, type Alarm, type MetricAlarm, REGION, alarmPeriodSeconds } from './model.ts';

const REGION_NAME = 'US East (N. Virginia)';

/** Dates as AWS writes them in alarm messages: 2019-10-02T17:04:40.985+0000. */
export const awsDate = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');

/** TreatMissingData as AWS's notifications write it: `- TreatMissingData:                    missing`. */
const treatMissingDataText = (alarm: MetricAlarm): string =>
  `- TreatMissingData:${' '.repeat(20)}${alarm.treatMissingData ?? 'missing'}`;

/** The SNS subject of an alarm notification: `ALARM: "cpu-high" in US East (N. Virginia)`. */
export function notificationSubject(alarm: Alarm, state: AlarmState): string {
  return `${state}: "${alarm.name}" in ${REGION_NAME}`;
}

/**
 * The JSON message CloudWatch publishes to SNS when an alarm changes state (the fields of AWS's
 * alarm notification; composite alarms carry their rule instead of a Trigger).
 */
export function notificationMessage(alarm: Alarm, oldState: AlarmState, atMs: number): string {
  const base = {
    AlarmName: alarm.name,
    AlarmDescription: alarm.description ?? null,
    AWSAccountId: ACCOUNT_ID,
    AlarmConfigurationUpdatedTimestamp: awsDate(alarm.configUpdatedMs),
    NewStateValue: alarm.state.value,
    NewStateReason: alarm.state.reason,
    StateChangeTime: awsDate(atMs),
    Region: REGION_NAME,
    AlarmArn: alarm.arn,
    OldStateValue: oldState,
    OKActions: alarm.okActions,
    AlarmActions: alarm.alarmActions,
    InsufficientDataActions: alarm.insufficientDataActions,
  };
  if (alarm.type === 'CompositeAlarm') return JSON.stringify({ ...base, AlarmRule: alarm.rule });
  const trigger = alarm.metrics
    ? {
        Period: alarmPeriodSeconds(alarm),
        EvaluationPeriods: alarm.evaluationPeriods,
        DatapointsToAlarm: alarm.datapointsToAlarm ?? alarm.evaluationPeriods,
        ComparisonOperator: alarm.comparisonOperator,
        Threshold: alarm.threshold ?? null,
        ThresholdMetricId: alarm.thresholdMetricId,
        TreatMissingData: treatMissingDataText(alarm),
        EvaluateLowSampleCountPercentile: alarm.evaluateLowSampleCountPercentile ?? '',
        Metrics: alarm.metrics.map((m) => ({
          Id: m.id,
          Label: m.label,
          ReturnData: m.returnData,
          Expression: m.expression,
          MetricStat: m.metricStat && {
            Metric: {
              Namespace: m.metricStat.namespace,
              MetricName: m.metricStat.metricName,
              Dimensions: m.metricStat.dimensions.map((d) => ({ value: d.value, name: d.name })),
            },
            Period: m.metricStat.periodSeconds,
            Stat: m.metricStat.stat,
          },
        })),
      }
    : {
        MetricName: alarm.metricName,
        Namespace: alarm.namespace,
        StatisticType: alarm.extendedStatistic ? 'ExtendedStatistic' : 'Statistic',
        Statistic: alarm.extendedStatistic ? undefined : alarm.statistic?.toUpperCase(),
        ExtendedStatistic: alarm.extendedStatistic,
        Unit: alarm.unit ?? null,
        Dimensions: alarm.dimensions.map((d) => ({ value: d.value, name: d.name })),
        Period: alarm.periodSeconds,
        EvaluationPeriods: alarm.evaluationPeriods,
        DatapointsToAlarm: alarm.datapointsToAlarm ?? alarm.evaluationPeriods,
        ComparisonOperator: alarm.comparisonOperator,
        Threshold: alarm.threshold,
        TreatMissingData: treatMissingDataText(alarm),
        EvaluateLowSampleCountPercentile: alarm.evaluateLowSampleCountPercentile ?? '',
      };
  return JSON.stringify({ ...base, Trigger: trigger });
}

export { REGION };
