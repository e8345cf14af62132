// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { type MetricIdentity, metricLabel } from '../../lib/cloudwatch/metric-identity.ts';
import {
  dimensionColumns,
  filterMetrics,
  metricsNamed,
  searchTerms,
  summarizeMetricNames,
  summarizeNamespaces,
} from './metric-search.ts';

const m = (namespace: string, metricName: string, dims: Record<string, string> = {}): MetricIdentity => ({
  namespace,
  metricName,
  dimensions: Object.entries(dims).map(([name, value]) => ({ name, value })),
});

const METRICS: MetricIdentity[] = [
  m('AWS/EC2', 'CPUUtilization', { InstanceId: 'i-0b2' }),
  m('AWS/EC2', 'CPUUtilization', { InstanceId: 'i-0a1' }),
  m('AWS/EC2', 'CPUUtilization', { AutoScalingGroupName: 'web-asg' }),
  m('AWS/EC2', 'NetworkIn', { InstanceId: 'i-0a1' }),
  m('AWS/RDS', 'CPUUtilization', { DBInstanceIdentifier: 'orders-db' }),
  m('AWS/Lambda', 'Errors', { FunctionName: 'checkout' }),
  m('myapp', 'Latency', { Service: 'Checkout', Stage: 'prod' }),
  m('myapp', 'Heartbeat'),
];

const labels = (ms: MetricIdentity[]) => ms.map((x) => `${x.namespace} ${metricLabel(x)}`);

describe('searchTerms', () => {
  it.each<[string, string[]]>([
    ['', []],
    ['   ', []],
    ['CPU', ['cpu']],
    ['  ec2   CPU ', ['ec2', 'cpu']],
  ])('%j', (query, terms) => {
    expect(searchTerms(query)).toEqual(terms);
  });
});

describe('filterMetrics', () => {
  it.each<[string, string, string[]]>([
    [
      'metric name, any case',
      'cpuutil',
      [
        'AWS/EC2 CPUUtilization web-asg',
        'AWS/EC2 CPUUtilization i-0a1',
        'AWS/EC2 CPUUtilization i-0b2',
        'AWS/RDS CPUUtilization orders-db',
      ],
    ],
    ['namespace', 'aws/lambda', ['AWS/Lambda Errors checkout']],
    [
      'dimension value across namespaces',
      'checkout',
      ['AWS/Lambda Errors checkout', 'myapp Latency Checkout prod'],
    ],
    // DBInstanceIdentifier contains "instanceid" too.
    [
      'dimension name',
      'instanceid',
      [
        'AWS/EC2 CPUUtilization i-0a1',
        'AWS/EC2 CPUUtilization i-0b2',
        'AWS/EC2 NetworkIn i-0a1',
        'AWS/RDS CPUUtilization orders-db',
      ],
    ],
    ['dimension name, whole word', 'autoscalinggroupname', ['AWS/EC2 CPUUtilization web-asg']],
    ['every term must match', 'ec2 i-0a1', ['AWS/EC2 CPUUtilization i-0a1', 'AWS/EC2 NetworkIn i-0a1']],
    ['terms match different fields', 'cpu rds', ['AWS/RDS CPUUtilization orders-db']],
    ['custom namespace', 'MYAPP', ['myapp Heartbeat', 'myapp Latency Checkout prod']],
    ['no match', 'nothing-like-this', []],
  ])('by %s', (_name, query, expected) => {
    expect(labels(filterMetrics(METRICS, query))).toEqual(expected);
  });

  it('returns everything, sorted, for a blank query', () => {
    expect(filterMetrics(METRICS, '  ')).toHaveLength(METRICS.length);
  });
});

describe('browsing', () => {
  it('lists AWS and custom namespaces together with their metric counts', () => {
    expect(summarizeNamespaces(METRICS)).toEqual([
      { namespace: 'AWS/EC2', metricCount: 4 },
      { namespace: 'AWS/Lambda', metricCount: 1 },
      { namespace: 'AWS/RDS', metricCount: 1 },
      { namespace: 'myapp', metricCount: 2 },
    ]);
  });

  it('lists the metric names of a namespace', () => {
    expect(summarizeMetricNames(METRICS, 'AWS/EC2')).toEqual([
      {
        metricName: 'CPUUtilization',
        metricCount: 3,
        dimensionNames: ['AutoScalingGroupName', 'InstanceId'],
      },
      { metricName: 'NetworkIn', metricCount: 1, dimensionNames: ['InstanceId'] },
    ]);
  });

  it('lists one row per dimension set, with a column per dimension name', () => {
    const rows = metricsNamed(METRICS, 'AWS/EC2', 'CPUUtilization');
    expect(rows.map(metricLabel)).toEqual([
      'CPUUtilization web-asg',
      'CPUUtilization i-0a1',
      'CPUUtilization i-0b2',
    ]);
    expect(dimensionColumns(rows)).toEqual(['AutoScalingGroupName', 'InstanceId']);
  });
});
