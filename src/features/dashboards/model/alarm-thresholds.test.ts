import { describe, expect, it } from 'vitest';
import {
  THRESHOLD_ALARM_COLOR,
  THRESHOLD_COLOR,
  statisticFields,
  thresholdLines,
} from './alarm-thresholds.ts';

describe('thresholdLines', () => {
  it('draws one line per alarm, labelled with its comparison in the metric unit, red while in ALARM', () => {
    const cpuHigh = {
      AlarmName: 'cpu-high',
      Threshold: 80,
      ComparisonOperator: 'GreaterThanThreshold',
      StateValue: 'ALARM',
    };
    expect(
      thresholdLines([
        {
          alarms: [
            cpuHigh,
            {
              AlarmName: 'cpu-low',
              Threshold: 5,
              ComparisonOperator: 'LessThanOrEqualToThreshold',
              StateValue: 'OK',
            },
          ],
          format: (v) => `${v} %`,
        },
        { alarms: undefined },
        {
          alarms: [
            cpuHigh,
            { AlarmName: 'anomaly', ComparisonOperator: 'GreaterThanUpperThreshold' },
            { AlarmName: 'odd', Threshold: 0.25, ComparisonOperator: 'Unknown' },
          ],
        },
      ]),
    ).toEqual([
      { value: 0.25, label: 'odd: 0.25', color: THRESHOLD_COLOR },
      { value: 5, label: 'cpu-low ≤ 5 %', color: THRESHOLD_COLOR },
      { value: 80, label: 'cpu-high > 80 %', color: THRESHOLD_ALARM_COLOR },
    ]);
  });
});

describe('statisticFields', () => {
  it.each([
    ['Average', { Statistic: 'Average' }],
    ['SampleCount', { Statistic: 'SampleCount' }],
    ['p99', { ExtendedStatistic: 'p99' }],
    ['tm90', { ExtendedStatistic: 'tm90' }],
  ])('%s', (stat, fields) => expect(statisticFields(stat)).toEqual(fields));
});
