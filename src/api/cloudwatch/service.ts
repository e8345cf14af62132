import type { Engine } from '../../engine/index.ts';
import type { JsonService, Operation } from '../protocol/json-rpc.ts';
import { getMetricData } from './get-metric-data.ts';
import { getMetricStatistics } from './get-metric-statistics.ts';
import { listMetrics } from './list-metrics.ts';
import { putMetricData } from './put-metric-data.ts';

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
};
