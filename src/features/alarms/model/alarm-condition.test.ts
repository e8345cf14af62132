import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { conditionSummary, parseBandExpression } from './alarm-condition.ts';

const cpu: MetricAlarm = {
  MetricName: 'CPUUtilization',
  Namespace: 'AWS/EC2',
  ComparisonOperator: 'GreaterThanThreshold',
  Threshold: 80,
  Period: 300,
  EvaluationPeriods: 3,
  DatapointsToAlarm: 2,
};

describe('conditionSummary', () => {
  it.each<[string, MetricAlarm, string]>([
    ['M of N', cpu, 'CPUUtilization > 80 for 2 of 3 datapoints within 15 minutes'],
    ['M = N', { ...cpu, DatapointsToAlarm: 3 }, 'CPUUtilization > 80 for 3 datapoints within 15 minutes'],
    [
      'M omitted (= N)',
      { ...cpu, DatapointsToAlarm: undefined },
      'CPUUtilization > 80 for 3 datapoints within 15 minutes',
    ],
    [
      'one datapoint',
      { ...cpu, EvaluationPeriods: 1, DatapointsToAlarm: 1, Period: 60 },
      'CPUUtilization > 80 for 1 datapoint within 1 minute',
    ],
    [
      '>= with a fraction',
      { ...cpu, ComparisonOperator: 'GreaterThanOrEqualToThreshold', Threshold: 0.5 },
      'CPUUtilization >= 0.5 for 2 of 3 datapoints within 15 minutes',
    ],
    [
      '< over hours',
      { ...cpu, ComparisonOperator: 'LessThanThreshold', Threshold: 10, Period: 3600, EvaluationPeriods: 6 },
      'CPUUtilization < 10 for 2 of 6 datapoints within 6 hours',
    ],
    [
      '<= at high resolution',
      {
        ...cpu,
        ComparisonOperator: 'LessThanOrEqualToThreshold',
        Threshold: -1,
        Period: 10,
        EvaluationPeriods: 9,
      },
      'CPUUtilization <= -1 for 2 of 9 datapoints within 90 seconds',
    ],
    [
      'a math expression',
      {
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 5,
        EvaluationPeriods: 2,
        DatapointsToAlarm: 2,
        Metrics: [
          {
            Id: 'm1',
            ReturnData: false,
            MetricStat: { Metric: { Namespace: 'Shop', MetricName: 'Errors' }, Period: 60, Stat: 'Sum' },
          },
          { Id: 'e1', Expression: 'm1 * 100', Label: 'Error rate', ReturnData: true },
        ],
      },
      'Error rate > 5 for 2 datapoints within 2 minutes',
    ],
    [
      'an unlabelled expression',
      {
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 5,
        EvaluationPeriods: 1,
        Metrics: [
          {
            Id: 'm1',
            ReturnData: false,
            MetricStat: { Metric: { MetricName: 'Errors' }, Period: 60, Stat: 'Sum' },
          },
          { Id: 'e1', Expression: 'RATE(m1)', ReturnData: true },
        ],
      },
      'RATE(m1) > 5 for 1 datapoint within 1 minute',
    ],
    [
      'an anomaly band',
      {
        ComparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold',
        ThresholdMetricId: 'ad1',
        EvaluationPeriods: 3,
        DatapointsToAlarm: 2,
        Metrics: [
          {
            Id: 'm1',
            ReturnData: true,
            MetricStat: { Metric: { MetricName: 'Latency' }, Period: 300, Stat: 'p99' },
          },
          { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1, 2.5)', ReturnData: true },
        ],
      },
      'Latency outside the band (width 2.5) for 2 of 3 datapoints within 15 minutes',
    ],
    [
      'above the band',
      {
        ComparisonOperator: 'GreaterThanUpperThreshold',
        ThresholdMetricId: 'ad1',
        EvaluationPeriods: 1,
        Metrics: [
          { Id: 'm1', MetricStat: { Metric: { MetricName: 'Latency' }, Period: 60, Stat: 'Average' } },
          { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1)' },
        ],
      },
      'Latency above the band (width 2) for 1 datapoint within 1 minute',
    ],
  ])('%s', (_name, alarm, expected) => {
    expect(conditionSummary(alarm)).toBe(expected);
  });
});

describe('parseBandExpression', () => {
  it.each<[string, { input: string; width: number } | undefined]>([
    ['ANOMALY_DETECTION_BAND(m1, 2)', { input: 'm1', width: 2 }],
    ['ANOMALY_DETECTION_BAND(m1,0.5)', { input: 'm1', width: 0.5 }],
    [' ANOMALY_DETECTION_BAND( e1 ) ', { input: 'e1', width: 2 }],
    ['ANOMALY_DETECTION_BAND(m1, 2) * 2', undefined],
    ['m1 * 2', undefined],
  ])('%s', (expression, expected) => {
    expect(parseBandExpression(expression)).toEqual(expected);
  });
});
