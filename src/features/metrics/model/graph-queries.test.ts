import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import type { MetricIdentity } from '../../../lib/cloudwatch/metric-identity.ts';
import {
  type MathExpression,
  type MetricQueryOptions,
  areDefaultMetricOptions,
  bandId,
  buildGraphQueries,
  defaultMetricOptions,
  dependentsOf,
  failedExpressionIndex,
  idNumber,
  nextId,
  referencedIds,
  returnsData,
} from './graph-queries.ts';

const cpu: MetricIdentity = {
  namespace: 'AWS/EC2',
  metricName: 'CPUUtilization',
  dimensions: [{ name: 'InstanceId', value: 'i-1' }],
};
const net: MetricIdentity = { namespace: 'AWS/EC2', metricName: 'NetworkIn', dimensions: [] };
const expr = (id: string, expression: string, fields: Partial<MathExpression> = {}): MathExpression => ({
  id,
  expression,
  label: '',
  visible: true,
  ...fields,
});

describe('Ids', () => {
  it('gives graphed metrics m1, m2, … in order', () => {
    expect(defaultMetricOptions(3)).toEqual([
      { id: 'm1', visible: true },
      { id: 'm2', visible: true },
      { id: 'm3', visible: true },
    ]);
    expect(areDefaultMetricOptions(defaultMetricOptions(3))).toBe(true);
    expect(areDefaultMetricOptions([{ id: 'm2', visible: true }])).toBe(false);
    expect(areDefaultMetricOptions([{ id: 'm1', visible: false }])).toBe(false);
    expect(areDefaultMetricOptions([{ id: 'm1', visible: true, bandWidth: 2 }])).toBe(false);
  });

  it.each<[string, 'm' | 'e', string[], string[], string]>([
    ['the first metric', 'm', [], [], 'm1'],
    ['after m1, m2', 'm', ['m1', 'm2'], [], 'm3'],
    ['after a gap (m2 removed)', 'm', ['m1', 'm3'], [], 'm4'],
    ['past an Id an expression still uses', 'm', ['m1'], ['m1 + m2'], 'm3'],
    ['ignoring Ids inside a SEARCH string', 'm', ['m1'], ["SEARCH('m9', 'Average')"], 'm2'],
    ['the first expression', 'e', [], [], 'e1'],
    ['after e1, e4', 'e', ['e1', 'e4'], ['e1 * 2'], 'e5'],
    ['past an expression Id still used', 'e', ['e1'], ['e1 + e7'], 'e8'],
  ])('next Id: %s', (_case, prefix, taken, expressions, expected) => {
    expect(
      nextId(
        prefix,
        taken,
        expressions.map((e, i) => expr(`e${100 + i}`, e)),
      ),
    ).toBe(expected);
  });

  it.each([
    ['m1', 1],
    ['e12', 12],
  ])('reads the number of %s', (id, n) => {
    expect(idNumber(id)).toBe(n);
  });

  it('names a metric band adN', () => {
    expect(bandId('m3')).toBe('ad3');
  });
});

describe('referencedIds', () => {
  it.each<[string, string[]]>([
    ['m1 * 100 / m2', ['m1', 'm2']],
    ['SUM(METRICS())', []],
    ['RATE(m1)', ['m1']],
    ['IF(m1 > 50, m1)', ['m1']],
    ['FILL(METRICS("4xx"), e2) + my_metric', ['e2', 'my_metric']],
    ["SEARCH('{AWS/EC2} m7', 'Average', 300)", []],
  ])('%s', (expression, ids) => {
    expect([...referencedIds(expression)].sort()).toEqual(ids.sort());
  });
});

describe('buildGraphQueries', () => {
  const base = {
    metrics: [cpu, net],
    labels: ['CPUUtilization i-1', 'NetworkIn'],
    stat: ' p99 ',
    periodSeconds: 300,
  };
  const stat = (metric: MetricIdentity) => ({
    Metric: {
      Namespace: metric.namespace,
      MetricName: metric.metricName,
      Dimensions: metric.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
    },
    Period: 300,
    Stat: 'p99',
  });

  it.each<[string, MetricQueryOptions[], MathExpression[], MetricDataQuery[]]>([
    [
      'metrics only',
      defaultMetricOptions(2),
      [],
      [
        { Id: 'm1', Label: 'CPUUtilization i-1', ReturnData: true, MetricStat: stat(cpu) },
        { Id: 'm2', Label: 'NetworkIn', ReturnData: true, MetricStat: stat(net) },
      ],
    ],
    [
      'an expression over hidden metrics; blank expressions are not sent',
      [
        { id: 'm1', visible: false },
        { id: 'm2', visible: false },
      ],
      [expr('e1', ' m1 * 100 / m2 ', { label: ' Share ' }), expr('e2', '   '), expr('e3', 'RATE(e1)')],
      [
        { Id: 'm1', Label: 'CPUUtilization i-1', ReturnData: false, MetricStat: stat(cpu) },
        { Id: 'm2', Label: 'NetworkIn', ReturnData: false, MetricStat: stat(net) },
        { Id: 'e1', Expression: 'm1 * 100 / m2', Label: 'Share', ReturnData: true, Period: 300 },
        { Id: 'e3', Expression: 'RATE(e1)', ReturnData: true, Period: 300 },
      ],
    ],
    [
      'an anomaly band, then the expressions; a hidden expression',
      [
        { id: 'm1', visible: true },
        { id: 'm4', visible: true, bandWidth: 1.5 },
      ],
      [expr('e1', 'SUM(METRICS())', { visible: false })],
      [
        { Id: 'm1', Label: 'CPUUtilization i-1', ReturnData: true, MetricStat: stat(cpu) },
        { Id: 'm4', Label: 'NetworkIn', ReturnData: true, MetricStat: stat(net) },
        { Id: 'ad4', Expression: 'ANOMALY_DETECTION_BAND(m4, 1.5)', Label: 'NetworkIn', ReturnData: true },
        { Id: 'e1', Expression: 'SUM(METRICS())', ReturnData: false, Period: 300 },
      ],
    ],
  ])('%s', (_case, options, expressions, expected) => {
    expect(buildGraphQueries({ ...base, options, expressions })).toEqual(expected);
  });

  it('knows when no query returns data', () => {
    expect(returnsData([{ Id: 'm1', ReturnData: false }])).toBe(false);
    expect(returnsData([{ Id: 'm1', ReturnData: false }, { Id: 'e1' }])).toBe(true);
    expect(returnsData([])).toBe(false);
  });
});

describe('failedExpressionIndex', () => {
  it.each<[string, number | undefined]>([
    [
      "The value m1 + (m1)) for parameter MetricDataQueries.member.3.Expression is invalid: Unexpected token ')' at position 9.",
      2,
    ],
    [
      'The value p99x for parameter MetricDataQueries.member.1.MetricStat.Stat is not a valid statistic.',
      undefined,
    ],
    ['The parameter MetricDataQueries.member.12.Expression must be at least 1 character long.', 11],
    ['Rate exceeded', undefined],
  ])('%s', (message, index) => {
    expect(failedExpressionIndex(message)).toBe(index);
  });
});

describe('dependentsOf', () => {
  const queries: MetricDataQuery[] = [
    { Id: 'm1' },
    { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1, 2)' },
    { Id: 'e1', Expression: 'm1 +' },
    { Id: 'e2', Expression: 'e1 * 2' },
    { Id: 'e3', Expression: 'RATE(e2)' },
    { Id: 'e4', Expression: 'm1 / 2' },
  ];
  it.each<[string, string[]]>([
    ['e1', ['e2', 'e3']],
    ['e3', []],
    ['m1', ['ad1', 'e1', 'e2', 'e3', 'e4']],
  ])('of %s', (id, expected) => {
    expect(dependentsOf(queries, id)).toEqual(expected);
  });
});
