import { describe, expect, it } from 'vitest';
import { widgetMetrics } from './dashboard-body.ts';

describe('widgetMetrics', () => {
  it('expands "." and "..." from the row above, and applies the widget defaults', () => {
    const metrics = widgetMetrics({
      stat: 'Sum',
      period: 60,
      metrics: [
        ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1', { id: 'a' }],
        ['.', '.', '.', 'i-2', { stat: 'p99', yAxis: 'right' }],
        ['...', { label: 'again' }],
        ['...', 'i-3'],
        [{ expression: 'SUM(METRICS())', id: 'e1' }],
      ],
    });
    expect(
      metrics.map((m) => [m.id, m.namespace, m.metricName, m.dimensions[0]?.value, m.stat, m.yAxis]),
    ).toEqual([
      ['a', 'AWS/EC2', 'CPUUtilization', 'i-1', 'Sum', 'left'],
      ['m1', 'AWS/EC2', 'CPUUtilization', 'i-2', 'p99', 'right'],
      ['m2', 'AWS/EC2', 'CPUUtilization', 'i-2', 'Sum', 'left'],
      ['m3', 'AWS/EC2', 'CPUUtilization', 'i-3', 'Sum', 'left'],
      ['e1', '', '', undefined, '', 'left'],
    ]);
    expect(metrics[2].label).toBe('again');
    expect(metrics[4].expression).toBe('SUM(METRICS())');
    expect(metrics.every((m) => m.period === 60)).toBe(true);
  });

  it('skips rows that are not arrays instead of failing', () => {
    expect(widgetMetrics({ metrics: [[], 'x' as never, ['AWS/EC2', 'CPUUtilization']] })).toHaveLength(1);
  });
});
