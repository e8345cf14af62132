import type { Dimension } from '../metrics/identity.ts';
import type { StandardUnit } from '../metrics/units.ts';
import type { AlarmState, ComparisonOperator, TreatMissingData } from './evaluate.ts';
import type { SuppressionState } from './suppression.ts';

export const ACCOUNT_ID = '123456789012';
export const REGION = 'us-east-1';

export const alarmArn = (name: string): string => `arn:aws:cloudwatch:${REGION}:${ACCOUNT_ID}:alarm:${name}`;
export const topicArn = (name: string): string => `arn:aws:sns:${REGION}:${ACCOUNT_ID}:${name}`;

/** A query of a metric-math alarm (PutMetricAlarm's Metrics), in engine units. */
export interface AlarmMetricQuery {
  id: string;
  label?: string;
  returnData: boolean;
  expression?: string;
  metricStat?: {
    namespace: string;
    metricName: string;
    dimensions: Dimension[];
    periodSeconds: number;
    stat: string;
    unit?: StandardUnit;
  };
  periodSeconds?: number;
  accountId?: string;
}

export interface AlarmStateInfo {
  value: AlarmState;
  reason: string;
  /** JSON text, as the API returns it. */
  reasonData?: string;
  updatedMs: number;
  transitionedMs: number;
}

interface AlarmBase {
  name: string;
  arn: string;
  description?: string;
  actionsEnabled: boolean;
  okActions: string[];
  alarmActions: string[];
  insufficientDataActions: string[];
  configUpdatedMs: number;
  state: AlarmStateInfo;
  tags: { key: string; value: string }[];
}

export interface MetricAlarm extends AlarmBase {
  type: 'MetricAlarm';
  namespace?: string;
  metricName?: string;
  dimensions: Dimension[];
  statistic?: string;
  extendedStatistic?: string;
  unit?: StandardUnit;
  periodSeconds?: number;
  metrics?: AlarmMetricQuery[];
  thresholdMetricId?: string;
  evaluationPeriods: number;
  datapointsToAlarm?: number;
  threshold?: number;
  comparisonOperator: ComparisonOperator;
  treatMissingData?: TreatMissingData;
  evaluateLowSampleCountPercentile?: 'evaluate' | 'ignore';
}

/**
 * The period a metric alarm evaluates, in seconds: its Period, or for metric math the returned
 * query's, else that of its metrics (which all share one).
 */
export function alarmPeriodSeconds(a: MetricAlarm): number {
  const returned = a.metrics?.find((m) => m.returnData && m.id !== a.thresholdMetricId);
  return (
    a.periodSeconds ??
    returned?.metricStat?.periodSeconds ??
    returned?.periodSeconds ??
    a.metrics?.find((m) => m.metricStat)?.metricStat?.periodSeconds ??
    60
  );
}

export interface CompositeAlarm extends AlarmBase {
  type: 'CompositeAlarm';
  rule: string;
  actionsSuppressor?: string;
  actionsSuppressorWaitPeriod?: number;
  actionsSuppressorExtensionPeriod?: number;
  actionsSuppressedBy?: 'WaitPeriod' | 'ExtensionPeriod' | 'Alarm';
  actionsSuppressedReason?: string;
  /** The actions suppressor's state machine (plain data, persisted with the alarm). */
  suppression?: SuppressionState;
  /** The state before the last change, for actions the suppressor deferred. */
  previousState?: AlarmState;
}

export type Alarm = MetricAlarm | CompositeAlarm;

export type HistoryItemType = 'ConfigurationUpdate' | 'StateUpdate' | 'Action';

export interface AlarmHistoryItem {
  alarmName: string;
  alarmType: 'MetricAlarm' | 'CompositeAlarm';
  timestampMs: number;
  type: HistoryItemType;
  summary: string;
  /** JSON text. */
  data: string;
}

export interface Subscription {
  arn: string;
  protocol: 'app' | 'browser';
}

export interface Topic {
  arn: string;
  name: string;
  subscriptions: Subscription[];
}

/** A message a topic delivered: AWS's alarm notification JSON, as SNS would send it. */
export interface Notification {
  id: string;
  topicArn: string;
  subject: string;
  message: string;
  timestampMs: number;
  alarmName: string;
  newState: AlarmState;
  oldState: AlarmState;
  protocols: ('app' | 'browser')[];
}

export interface AnomalyDetector {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  stat: string;
  excludedTimeRanges: { startMs: number; endMs: number }[];
  metricTimezone?: string;
  createdMs: number;
}

/** Everything the registry holds, as plain data: what a browser host persists. */
export interface AlarmSnapshot {
  alarms: Alarm[];
  history: AlarmHistoryItem[];
  topics: Topic[];
  notifications: Notification[];
  detectors: AnomalyDetector[];
}
