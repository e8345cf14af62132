import { describe, expect, it } from 'vitest';
import {
  type DynamicLabelContext,
  formatLabelDuration,
  isDynamicLabel,
  resolveDynamicLabel,
} from './dynamic-labels';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 21, 10, 0);
const ctx: DynamicLabelContext = {
  // 4, NaN (missing), 10, 1, 6 at one-minute steps
  timestamps: [T0, T0 + MIN, T0 + 2 * MIN, T0 + 3 * MIN, T0 + 4 * MIN],
  values: [4, Number.NaN, 10, 1, 6],
  nowMs: T0 + 64 * MIN,
  defaultLabel: 'CPUUtilization',
  namespace: 'AWS/EC2',
  metricName: 'CPUUtilization',
  dimensions: [{ name: 'InstanceId', value: 'i-123' }],
  stat: 'p99',
  period: 300,
  region: 'eu-west-1',
  accountId: '123456789012',
};

describe('resolveDynamicLabel', () => {
  it.each([
    ['${AVG}', '5.25'],
    ['${SUM}', '21'],
    ['${MIN}', '1'],
    ['${MAX}', '10'],
    ['${FIRST}', '4'],
    ['${LAST}', '6'],
    ['${FIRST_LAST_RANGE}', '2'],
    ['${MIN_MAX_RANGE}', '9'],
    ['${DATAPOINT_COUNT}', '4'],
    ['${FIRST_LAST_TIME_RANGE}', '4m'],
    ['${MIN_MAX_TIME_RANGE}', '1m'],
    ['${FIRST_TIME}', '2026-11-21 10:00 UTC'],
    ['${LAST_TIME}', '2026-11-21 10:04 UTC'],
    ['${MAX_TIME}', '2026-11-21 10:02 UTC'],
    ['${MIN_TIME}', '2026-11-21 10:03 UTC'],
    ['${LAST_TIME_RELATIVE}', '1h'],
    ['${FIRST_TIME_RELATIVE}', '1h 4m'],
    ['${LABEL} (avg ${AVG})', 'CPUUtilization (avg 5.25)'],
    ["${PROP('Dim.InstanceId')}", 'i-123'],
    ["${PROP('Dim.instanceid')}", ''],
    ["${PROP('MetricName')}", 'CPUUtilization'],
    ["${PROP('Namespace')}", 'AWS/EC2'],
    ["${PROP('Stat')}", 'p99'],
    ["${PROP('Period')}", '300'],
    ["${PROP('Region')}", 'eu-west-1'],
    ["${PROP('AccountId')}", '123456789012'],
    ['${NOT_A_VALUE} stays', '${NOT_A_VALUE} stays'],
    ['plain label', 'plain label'],
  ])('%s → %s', (label, expected) => {
    expect(resolveDynamicLabel(label, ctx)).toBe(expected);
  });

  it('gives empty statistics for a range without points, and a count of 0', () => {
    const empty = { ...ctx, timestamps: [], values: [] };
    expect(resolveDynamicLabel('avg ${AVG} n=${DATAPOINT_COUNT}', empty)).toBe('avg  n=0');
  });

  it('tells dynamic labels from plain ones', () => {
    expect(isDynamicLabel('Errors ${SUM}')).toBe(true);
    expect(isDynamicLabel('Errors')).toBe(false);
    expect(isDynamicLabel(undefined)).toBe(false);
  });

  it('formats durations with their two largest units', () => {
    expect(formatLabelDuration(0)).toBe('0s');
    expect(formatLabelDuration((2 * 86_400 + 3 * 3_600 + 5) * 1000)).toBe('2d 3h');
  });
});
