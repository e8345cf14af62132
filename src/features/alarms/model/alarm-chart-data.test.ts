import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { alarmQueries, bandFromResults, chartPeriod, withPeriod } from './alarm-chart-data.ts';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-21T12:00:00Z');

describe('chartPeriod', () => {
  it.each<[string, number, number, number]>([
    ['the alarm period over 3 hours', 300, 3 * HOUR, 300],
    ['10 s over 3 hours (1,080 points)', 10, 3 * HOUR, 10],
    ['10 s over 12 hours: 1-minute data at that age', 10, 12 * HOUR, 60],
    ['1 minute over 2 weeks: coarser, by whole minutes', 60, 14 * 24 * HOUR, 660],
    ['5 minutes over 30 days', 300, 30 * 24 * HOUR, 1500],
    ['1 hour over 90 days', 3600, 90 * 24 * HOUR, 3600 * 2],
  ])('%s', (_name, periodS, spanMs, expected) => {
    expect(chartPeriod(periodS, NOW - spanMs, NOW, NOW)).toBe(expected);
  });
});

describe('alarmQueries', () => {
  it('builds m1 from a single-metric alarm', () => {
    const alarm: MetricAlarm = {
      Namespace: 'AWS/EC2',
      MetricName: 'CPUUtilization',
      Dimensions: [{ Name: 'InstanceId', Value: 'i-1' }],
      Period: 60,
      ExtendedStatistic: 'p99',
    };
    expect(alarmQueries(alarm)).toEqual([
      {
        Id: 'm1',
        ReturnData: true,
        Label: 'CPUUtilization',
        MetricStat: {
          Metric: { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: alarm.Dimensions },
          Period: 60,
          Stat: 'p99',
        },
      },
    ]);
  });

  it('returns data only for the evaluated query and the band', () => {
    const alarm: MetricAlarm = {
      ThresholdMetricId: 'ad1',
      Metrics: [
        { Id: 'm1', MetricStat: { Metric: { MetricName: 'A' }, Period: 60, Stat: 'Sum' }, ReturnData: false },
        { Id: 'e1', Expression: 'm1 * 2', ReturnData: true },
        { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(e1)' },
      ],
    };
    expect(alarmQueries(alarm).map((q) => [q.Id, q.ReturnData])).toEqual([
      ['m1', false],
      ['e1', true],
      ['ad1', true],
    ]);
    expect(withPeriod(alarmQueries(alarm), 300)[0].MetricStat?.Period).toBe(300);
  });
});

describe('bandFromResults', () => {
  it('pairs the two series of the band by timestamp, lower below upper', () => {
    const band = bandFromResults(
      [
        { id: 'm1', label: 'm', timestamps: [1, 2, 3], values: [5, 5, 5] },
        { id: 'ad1', label: 'upper', timestamps: [1, 2, 3], values: [10, 11, 12] },
        { id: 'ad1', label: 'lower', timestamps: [1, 3], values: [0, 2] },
      ],
      'ad1',
    );
    expect(band).toEqual({ timestamps: [1, 3], lower: [0, 2], upper: [10, 12] });
  });

  it('is undefined without two series', () => {
    expect(bandFromResults([{ id: 'ad1', label: '', timestamps: [1], values: [1] }], 'ad1')).toBeUndefined();
  });
});
