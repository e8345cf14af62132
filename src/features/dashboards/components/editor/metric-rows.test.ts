import { describe, expect, it } from 'vitest';
import type { MetricRow } from '../../model/dashboard-body.ts';
import { readPeriod, readMetricId, readRangeStart, readStat, checkBounds } from './field-rules.ts';
import { newExpressionRow, removeRow, toggleMetrics, updateRowOptions } from './metric-rows.ts';

const cpu = {
  namespace: 'AWS/EC2',
  metricName: 'CPUUtilization',
  dimensions: [{ name: 'InstanceId', value: 'i-1' }],
};

describe('metric rows', () => {
  it('removing a row writes out a following "." row', () => {
    const rows: MetricRow[] = [
      ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1'],
      ['.', 'NetworkIn', '.', '.', { stat: 'Sum' }],
    ];
    expect(removeRow(rows, 0)).toEqual([['AWS/EC2', 'NetworkIn', 'InstanceId', 'i-1', { stat: 'Sum' }]]);
  });

  it('"..." rows name the metric above and are written out when that row goes', () => {
    const rows: MetricRow[] = [
      ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1'],
      ['...', { stat: 'Maximum' }],
    ];
    expect(toggleMetrics(rows, [cpu], true)).toEqual(rows);
    expect(removeRow(rows, 0)).toEqual([
      ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1', { stat: 'Maximum' }],
    ]);
  });

  it('toggling adds a full row once and removes it again', () => {
    const added = toggleMetrics([], [cpu], true);
    expect(added).toEqual([['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1']]);
    expect(toggleMetrics(added, [cpu], true)).toEqual(added);
    expect(toggleMetrics(added, [cpu], false)).toEqual([]);
  });

  it('options: unknown keys stay, undefined removes, an empty object goes', () => {
    const row: MetricRow = ['AWS/EC2', 'CPUUtilization', { stat: 'Sum', accountId: '123', custom: 1 }];
    expect(updateRowOptions(row, { stat: undefined, label: 'x' })).toEqual([
      'AWS/EC2',
      'CPUUtilization',
      { accountId: '123', custom: 1, label: 'x' },
    ]);
    expect(updateRowOptions(['A', 'B', { stat: 'Sum' }], { stat: undefined })).toEqual(['A', 'B']);
  });

  it('a new expression takes the next free id', () => {
    expect(newExpressionRow([[{ expression: 'm1*2', id: 'e1' }]])[0]).toMatchObject({ id: 'e2' });
  });
});

describe('field rules', () => {
  it.each([
    ['300', 300],
    ['60', 60],
    ['1', 1],
    ['', undefined],
    ['90', 'error'],
    ['7', 'error'],
    ['abc', 'error'],
  ] as const)('period %s', (text, want) => {
    const r = readPeriod(text);
    expect(r.ok ? r.value : 'error').toBe(want);
  });

  it.each([
    ['Average', true],
    ['p99', true],
    ['p99.9', true],
    ['tm90', true],
    ['TM(10%:90%)', true],
    ['Mean', false],
  ] as const)('stat %s', (text, good) => {
    expect(readStat(text).ok).toBe(good);
  });

  it.each([
    ['m1', [], true],
    ['e_2', [], true],
    ['M1', [], false],
    ['1m', [], false],
    ['m1', ['m1'], false],
  ] as const)('id %s', (text, taken, good) => {
    expect(readMetricId(text, taken).ok).toBe(good);
  });

  it.each([
    ['-PT3H', true],
    ['-P7D', true],
    ['-PT15M', true],
    ['2026-11-21T09:00:00Z', true],
    ['-P', false],
    ['3 hours', false],
  ] as const)('range start %s', (text, good) => {
    expect(readRangeStart(text).ok).toBe(good);
  });

  it('min must be below max', () => {
    expect(checkBounds(5, 1)).toMatch(/less than/);
    expect(checkBounds(1, 5)).toBeUndefined();
    expect(checkBounds(undefined, 5)).toBeUndefined();
  });
});
