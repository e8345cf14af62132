import { describe, expect, it } from 'vitest';
import {
  type AlarmRow,
  compositeAlarmRow,
  deleteBatches,
  filterAlarmRows,
  metricAlarmRow,
} from './alarm-list.ts';

const row = (name: string, state: AlarmRow['state'], kind: AlarmRow['kind'] = 'MetricAlarm'): AlarmRow => ({
  name,
  state,
  kind,
  stateReason: '',
  stateUpdatedMs: 0,
  actionsEnabled: true,
  condition: '',
});

describe('filterAlarmRows', () => {
  const rows = [
    row('web-ok', 'OK'),
    row('db-alarm', 'ALARM'),
    row('api-insufficient', 'INSUFFICIENT_DATA'),
    row('api-alarm', 'ALARM'),
    row('checkout', 'OK', 'CompositeAlarm'),
    row('mystery', undefined),
  ];

  it('orders ALARM first, then INSUFFICIENT_DATA, then OK, by name within a state', () => {
    expect(filterAlarmRows(rows, { state: 'all', kind: 'all', search: '' }).map((r) => r.name)).toEqual([
      'api-alarm',
      'db-alarm',
      'api-insufficient',
      'checkout',
      'web-ok',
      'mystery',
    ]);
  });

  it.each<[string, Parameters<typeof filterAlarmRows>[1], string[]]>([
    ['by state', { state: 'ALARM', kind: 'all', search: '' }, ['api-alarm', 'db-alarm']],
    ['by type', { state: 'all', kind: 'CompositeAlarm', search: '' }, ['checkout']],
    [
      'by a substring, any case',
      { state: 'all', kind: 'all', search: 'API' },
      ['api-alarm', 'api-insufficient'],
    ],
    ['by all three', { state: 'OK', kind: 'MetricAlarm', search: 'o' }, ['web-ok']],
    ['to nothing', { state: 'OK', kind: 'all', search: 'zzz' }, []],
  ])('filters %s', (_name, filter, expected) => {
    expect(filterAlarmRows(rows, filter).map((r) => r.name)).toEqual(expected);
  });
});

describe('alarm rows', () => {
  it('reads a metric alarm', () => {
    expect(
      metricAlarmRow({
        AlarmName: 'cpu',
        StateValue: 'ALARM',
        StateReason: 'Threshold Crossed',
        StateUpdatedTimestamp: new Date(1_000),
        ActionsEnabled: false,
        MetricName: 'CPUUtilization',
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 80,
        Period: 60,
        EvaluationPeriods: 1,
      }),
    ).toEqual({
      name: 'cpu',
      kind: 'MetricAlarm',
      state: 'ALARM',
      stateReason: 'Threshold Crossed',
      stateUpdatedMs: 1_000,
      actionsEnabled: false,
      condition: 'CPUUtilization > 80 for 1 datapoint within 1 minute',
    });
  });

  it('reads a composite alarm, its rule as the condition, actions enabled by default', () => {
    expect(
      compositeAlarmRow({ AlarmName: 'all', StateValue: 'OK', AlarmRule: 'ALARM("a") OR ALARM("b")' }),
    ).toMatchObject({
      kind: 'CompositeAlarm',
      state: 'OK',
      actionsEnabled: true,
      condition: 'ALARM("a") OR ALARM("b")',
    });
  });
});

describe('deleteBatches', () => {
  const metric = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ name: `m${i}`, kind: 'MetricAlarm' as const }));

  it.each<[string, Parameters<typeof deleteBatches>[0], number[]]>([
    ['nothing', [], []],
    ['a few metric alarms in one call', metric(3), [3]],
    ['100 per call', metric(250), [100, 100, 50]],
    [
      'one composite per call, first',
      [...metric(2), { name: 'c1', kind: 'CompositeAlarm' }, { name: 'c2', kind: 'CompositeAlarm' }],
      [1, 1, 2],
    ],
  ])('%s', (_name, rows, sizes) => {
    const batches = deleteBatches(rows);
    expect(batches.map((b) => b.length)).toEqual(sizes);
    expect(batches.flat().sort()).toEqual(rows.map((r) => r.name).sort());
  });

  it('puts composite alarms before their metric children', () => {
    expect(
      deleteBatches([
        { name: 'm', kind: 'MetricAlarm' },
        { name: 'c', kind: 'CompositeAlarm' },
      ]),
    ).toEqual([['c'], ['m']]);
  });
});
