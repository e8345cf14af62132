import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import {
  type AlarmDraft,
  EMPTY_DRAFT,
  draftFromAlarm,
  draftFromSearchParams,
  parseDimensionsParam,
  toPutMetricAlarmInput,
} from './alarm-draft.ts';

const base: AlarmDraft = {
  ...EMPTY_DRAFT,
  name: 'cpu-high',
  description: 'CPU above 80',
  namespace: 'AWS/EC2',
  metricName: 'CPUUtilization',
  dimensions: [{ name: 'InstanceId', value: 'i-1' }],
  stat: 'Average',
  period: 300,
  threshold: '80',
  datapointsToAlarm: '2',
  evaluationPeriods: '3',
  treatMissingData: 'breaching',
  actions: { ALARM: ['arn:aws:sns:us-east-1:1:ops'], OK: [], INSUFFICIENT_DATA: [] },
};

const common = {
  AlarmName: 'cpu-high',
  AlarmDescription: 'CPU above 80',
  ActionsEnabled: true,
  AlarmActions: ['arn:aws:sns:us-east-1:1:ops'],
  OKActions: [],
  InsufficientDataActions: [],
  EvaluationPeriods: 3,
  DatapointsToAlarm: 2,
  TreatMissingData: 'breaching',
};
const metric = {
  Namespace: 'AWS/EC2',
  MetricName: 'CPUUtilization',
  Dimensions: [{ Name: 'InstanceId', Value: 'i-1' }],
};

describe('toPutMetricAlarmInput', () => {
  it('sends a static alarm on one metric with the single-metric fields', () => {
    expect(toPutMetricAlarmInput(base)).toEqual({
      ...common,
      ...metric,
      ComparisonOperator: 'GreaterThanThreshold',
      Period: 300,
      Statistic: 'Average',
      Threshold: 80,
    });
  });

  it('sends a percentile as ExtendedStatistic', () => {
    const input = toPutMetricAlarmInput({ ...base, stat: 'p99' });
    expect(input.ExtendedStatistic).toBe('p99');
    expect(input.Statistic).toBeUndefined();
  });

  it('sends an expression as Metrics: m1 returns no data, e1 does', () => {
    const input = toPutMetricAlarmInput({
      ...base,
      metricMode: 'expression',
      expression: 'm1 / 100',
      expressionLabel: 'Ratio',
    });
    expect(input).toEqual({
      ...common,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 80,
      Metrics: [
        { Id: 'm1', MetricStat: { Metric: metric, Period: 300, Stat: 'Average' }, ReturnData: false },
        { Id: 'e1', Expression: 'm1 / 100', Label: 'Ratio', ReturnData: true },
      ],
    });
  });

  it('sends an anomaly alarm as Metrics with the band as ThresholdMetricId and no Threshold', () => {
    const input = toPutMetricAlarmInput({
      ...base,
      thresholdType: 'anomaly',
      comparison: 'GreaterThanUpperThreshold',
      bandWidth: '3',
    });
    expect(input).toEqual({
      ...common,
      ComparisonOperator: 'GreaterThanUpperThreshold',
      ThresholdMetricId: 'ad1',
      Metrics: [
        { Id: 'm1', MetricStat: { Metric: metric, Period: 300, Stat: 'Average' }, ReturnData: true },
        { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1, 3)', ReturnData: true },
      ],
    });
  });
});

describe('draftFromAlarm', () => {
  it.each<[string, AlarmDraft]>([
    ['a static alarm', base],
    ['an extended statistic', { ...base, stat: 'TM(10%:90%)' }],
    ['an expression', { ...base, metricMode: 'expression', expression: 'RATE(m1)', expressionLabel: 'Rate' }],
    [
      'an anomaly band',
      {
        ...base,
        threshold: '',
        thresholdType: 'anomaly',
        comparison: 'LessThanLowerThreshold',
        bandWidth: '1.5',
      },
    ],
  ])('reads back %s as it was sent', (_name, draft) => {
    const alarm = toPutMetricAlarmInput(draft) as MetricAlarm;
    expect(draftFromAlarm({ ...alarm, StateValue: 'OK' })).toEqual(draft);
  });

  it('keeps the queries it does not show, with their ids', () => {
    const alarm: MetricAlarm = {
      AlarmName: 'ratio',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 1,
      EvaluationPeriods: 1,
      Metrics: [
        {
          Id: 'errors',
          MetricStat: { Metric: { Namespace: 'Shop', MetricName: 'Errors' }, Period: 60, Stat: 'Sum' },
          ReturnData: false,
        },
        {
          Id: 'requests',
          MetricStat: { Metric: { Namespace: 'Shop', MetricName: 'Requests' }, Period: 60, Stat: 'Sum' },
          ReturnData: false,
        },
        { Id: 'rate', Expression: 'errors / requests', ReturnData: true },
      ],
    };
    const draft = draftFromAlarm(alarm);
    expect(draft).toMatchObject({
      metricMode: 'expression',
      metricId: 'errors',
      expressionId: 'rate',
      metricName: 'Errors',
    });
    expect(toPutMetricAlarmInput(draft).Metrics?.map((q) => q.Id)).toEqual(['errors', 'rate', 'requests']);
  });

  it('defaults DatapointsToAlarm to EvaluationPeriods', () => {
    expect(draftFromAlarm({ AlarmName: 'a', EvaluationPeriods: 4 }).datapointsToAlarm).toBe('4');
  });
});

describe('draftFromSearchParams', () => {
  it('prefills the metric, statistic and period from a link', () => {
    const params = new URLSearchParams({
      namespace: 'AWS/EC2',
      metricName: 'CPUUtilization',
      dimensions: JSON.stringify([{ Name: 'InstanceId', Value: 'i-1' }]),
      stat: 'p90',
      period: '60',
    });
    expect(draftFromSearchParams(params)).toMatchObject({
      namespace: 'AWS/EC2',
      metricName: 'CPUUtilization',
      dimensions: [{ name: 'InstanceId', value: 'i-1' }],
      stat: 'p90',
      period: 60,
    });
  });

  it('keeps the defaults for what it cannot read', () => {
    const draft = draftFromSearchParams(new URLSearchParams({ dimensions: 'not json', period: '45' }));
    expect(draft).toEqual(EMPTY_DRAFT);
  });
});

describe('parseDimensionsParam', () => {
  it.each<[string, { name: string; value: string }[] | undefined]>([
    ['[{"Name":"A","Value":"1"}]', [{ name: 'A', value: '1' }]],
    ['[{"name":"A","value":"1"}]', [{ name: 'A', value: '1' }]],
    [
      '{"A":"1","B":"2"}',
      [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' },
      ],
    ],
    ['[]', []],
    ['[{"Name":"A"}]', undefined],
    ['{"A":1}', undefined],
    ['nope', undefined],
  ])('%s', (text, expected) => {
    expect(parseDimensionsParam(text)).toEqual(expected);
  });
});
