import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { alarmResourceNames } from './what-changed-resources.ts';

const metric = (dims: [string, string][]) => ({
  Namespace: 'AWS/Lambda',
  MetricName: 'Errors',
  Dimensions: dims.map(([Name, Value]) => ({ Name, Value })),
});

describe('alarmResourceNames', () => {
  it.each<[string, Pick<MetricAlarm, 'Dimensions' | 'Metrics'>, string[]]>([
    [
      'a metric’s dimension values',
      { Dimensions: [{ Name: 'FunctionName', Value: 'orders-api' }] },
      ['orders-api'],
    ],
    [
      'several dimensions, in order',
      {
        Dimensions: [
          { Name: 'LoadBalancer', Value: 'app/web-alb/50dc6c495c0c9188' },
          { Name: 'TargetGroup', Value: 'targetgroup/web/6d0ecf831eec9f09' },
        ],
      },
      ['app/web-alb/50dc6c495c0c9188', 'targetgroup/web/6d0ecf831eec9f09'],
    ],
    ['no dimensions', { Dimensions: [] }, []],
    [
      'the metrics of an expression, once each, blanks left out',
      {
        Metrics: [
          { Id: 'e1', Expression: 'm1 / m2' },
          {
            Id: 'm1',
            MetricStat: { Metric: metric([['FunctionName', 'orders-api']]), Period: 60, Stat: 'Sum' },
          },
          {
            Id: 'm2',
            MetricStat: {
              Metric: metric([
                ['FunctionName', 'orders-api'],
                ['Resource', ' '],
                ['Alias', 'live'],
              ]),
              Period: 60,
              Stat: 'Sum',
            },
          },
        ],
      },
      ['orders-api', 'live'],
    ],
  ])('%s', (_name, alarm, names) => {
    expect(alarmResourceNames(alarm)).toEqual(names);
  });
});
