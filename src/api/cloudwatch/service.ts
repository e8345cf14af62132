import type { Engine } from '../../engine/index.ts';
import type { JsonService, Operation } from '../protocol/json-rpc.ts';
import { deleteAlarms } from './delete-alarms.ts';
import { deleteAnomalyDetector } from './delete-anomaly-detector.ts';
import { deleteDashboards } from './delete-dashboards.ts';
import { describeAlarmHistory } from './describe-alarm-history.ts';
import { describeAlarms } from './describe-alarms.ts';
import { describeAlarmsForMetric } from './describe-alarms-for-metric.ts';
import { describeAnomalyDetectors } from './describe-anomaly-detectors.ts';
import { disableAlarmActions } from './disable-alarm-actions.ts';
import { enableAlarmActions } from './enable-alarm-actions.ts';
import { getDashboard } from './get-dashboard.ts';
import { getMetricData } from './get-metric-data.ts';
import { getMetricStatistics } from './get-metric-statistics.ts';
import { listDashboards } from './list-dashboards.ts';
import { listMetrics } from './list-metrics.ts';
import { putAnomalyDetector } from './put-anomaly-detector.ts';
import { putCompositeAlarm } from './put-composite-alarm.ts';
import { putDashboard } from './put-dashboard.ts';
import { putMetricAlarm } from './put-metric-alarm.ts';
import { putMetricData } from './put-metric-data.ts';
import { setAlarmState } from './set-alarm-state.ts';

/** CloudWatch speaks awsJson1_0 in query-compatible mode (SDK ≥ 3.949). */
export const CLOUDWATCH: JsonService = {
  target: 'GraniteServiceVersion20100801',
  contentType: 'application/x-amz-json-1.0',
  namespace: 'com.amazonaws.cloudwatch',
  queryCompatible: true,
};

export const CLOUDWATCH_OPERATIONS: Record<string, Operation<Engine>> = {
  PutMetricData: putMetricData,
  ListMetrics: listMetrics,
  GetMetricData: getMetricData,
  GetMetricStatistics: getMetricStatistics,
  PutMetricAlarm: putMetricAlarm,
  PutCompositeAlarm: putCompositeAlarm,
  DescribeAlarms: describeAlarms,
  DescribeAlarmsForMetric: describeAlarmsForMetric,
  DescribeAlarmHistory: describeAlarmHistory,
  DeleteAlarms: deleteAlarms,
  SetAlarmState: setAlarmState,
  EnableAlarmActions: enableAlarmActions,
  DisableAlarmActions: disableAlarmActions,
  PutAnomalyDetector: putAnomalyDetector,
  DescribeAnomalyDetectors: describeAnomalyDetectors,
  DeleteAnomalyDetector: deleteAnomalyDetector,
  PutDashboard: putDashboard,
  GetDashboard: getDashboard,
  ListDashboards: listDashboards,
  DeleteDashboards: deleteDashboards,
};
