import type { AlarmHistoryItem } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import {
  type StateChange,
  alarmRanges,
  parseCreation,
  parseStateChange,
  stateSegments,
} from './alarm-ranges.ts';

const MIN = 60_000;

const item = (
  atMs: number,
  from: string,
  to: string,
  extra: Partial<AlarmHistoryItem> = {},
): AlarmHistoryItem => ({
  AlarmName: 'a',
  HistoryItemType: 'StateUpdate',
  Timestamp: new Date(atMs),
  HistorySummary: `Alarm updated from ${from} to ${to}`,
  HistoryData: JSON.stringify({
    version: '1.0',
    oldState: { stateValue: from, stateReason: 'x' },
    newState: { stateValue: to, stateReason: 'y', stateReasonData: { version: '1.0' } },
  }),
  ...extra,
});

describe('parseStateChange', () => {
  it.each<[string, AlarmHistoryItem, StateChange | undefined]>([
    ['HistoryData', item(5, 'OK', 'ALARM'), { atMs: 5, from: 'OK', to: 'ALARM' }],
    [
      'the summary when HistoryData is not JSON',
      item(5, 'ALARM', 'OK', { HistoryData: 'garbled' }),
      { atMs: 5, from: 'ALARM', to: 'OK' },
    ],
    [
      'nothing from a configuration update',
      item(5, 'OK', 'ALARM', { HistoryItemType: 'ConfigurationUpdate' }),
      undefined,
    ],
    ['nothing without a timestamp', item(5, 'OK', 'ALARM', { Timestamp: undefined }), undefined],
    [
      'nothing from an unreadable item',
      {
        HistoryItemType: 'StateUpdate',
        Timestamp: new Date(5),
        HistorySummary: 'Alarm updated',
        HistoryData: '{}',
      },
      undefined,
    ],
  ])('reads %s', (_name, it_, expected) => {
    expect(parseStateChange(it_)).toEqual(expected);
  });
});

describe('parseCreation', () => {
  const config = (summary: string, data: string): AlarmHistoryItem => ({
    HistoryItemType: 'ConfigurationUpdate',
    Timestamp: new Date(7),
    HistorySummary: summary,
    HistoryData: data,
  });
  it.each<[string, AlarmHistoryItem, number | undefined]>([
    ['HistoryData type Create', config('Alarm "a" created', '{"version":"1.0","type":"Create"}'), 7],
    ['the summary alone', config('Alarm "a" created', 'not json'), 7],
    ['an update', config('Alarm "a" updated', '{"version":"1.0","type":"Update"}'), undefined],
    ['a state update', item(7, 'OK', 'ALARM'), undefined],
  ])('%s', (_name, it_, expected) => {
    expect(parseCreation(it_)).toBe(expected);
  });
});

const change = (min: number, from: StateChange['from'], to: StateChange['to']): StateChange => ({
  atMs: min * MIN,
  from,
  to,
});

describe('stateSegments and alarmRanges over minutes 10–70', () => {
  const seg = (state: string | undefined, from: number, to: number) => ({
    state,
    startMs: from * MIN,
    endMs: to * MIN,
  });

  it.each<[string, StateChange[], string | undefined, ReturnType<typeof seg>[]]>([
    ['no history: the current state throughout', [], 'OK', [seg('OK', 10, 70)]],
    ['no history and no state: unknown', [], undefined, [seg(undefined, 10, 70)]],
    [
      'one change inside: before it, its origin',
      [change(30, 'OK', 'ALARM')],
      'ALARM',
      [seg('OK', 10, 30), seg('ALARM', 30, 70)],
    ],
    [
      'a change before the range gives the starting state',
      [change(5, 'INSUFFICIENT_DATA', 'ALARM'), change(40, 'ALARM', 'OK')],
      'OK',
      [seg('ALARM', 10, 40), seg('OK', 40, 70)],
    ],
    [
      'changes after the range are ignored',
      [change(20, 'OK', 'ALARM'), change(80, 'ALARM', 'OK')],
      'OK',
      [seg('OK', 10, 20), seg('ALARM', 20, 70)],
    ],
    [
      'unordered input, several alarms',
      [
        change(50, 'ALARM', 'OK'),
        change(20, 'OK', 'ALARM'),
        change(60, 'OK', 'ALARM'),
        change(30, 'ALARM', 'ALARM'),
      ],
      'ALARM',
      [seg('OK', 10, 20), seg('ALARM', 20, 50), seg('OK', 50, 60), seg('ALARM', 60, 70)],
    ],
    ['a change exactly at the start', [change(10, 'OK', 'ALARM')], 'ALARM', [seg('ALARM', 10, 70)]],
  ])('%s', (_name, changes, current, expected) => {
    const segments = stateSegments(changes, 10 * MIN, 70 * MIN, current as StateChange['to'] | undefined);
    expect(segments).toEqual(expected);
    expect(alarmRanges(segments)).toEqual(
      expected.filter((s) => s.state === 'ALARM').map(({ startMs, endMs }) => ({ startMs, endMs })),
    );
  });

  it.each<[string, StateChange[], number, ReturnType<typeof seg>[]]>([
    [
      'created inside the range: no state before',
      [change(25, 'INSUFFICIENT_DATA', 'OK'), change(40, 'OK', 'ALARM')],
      20,
      [seg(undefined, 10, 20), seg('INSUFFICIENT_DATA', 20, 25), seg('OK', 25, 40), seg('ALARM', 40, 70)],
    ],
    [
      'created again: the earlier alarm of that name is ignored',
      [change(12, 'OK', 'ALARM'), change(35, 'INSUFFICIENT_DATA', 'OK')],
      30,
      [seg(undefined, 10, 30), seg('INSUFFICIENT_DATA', 30, 35), seg('OK', 35, 70)],
    ],
    ['created before the range', [change(5, 'INSUFFICIENT_DATA', 'OK')], 2, [seg('OK', 10, 70)]],
    ['created after the range', [], 80, [seg(undefined, 10, 70)]],
  ])('%s', (_name, changes, createdMin, expected) => {
    expect(stateSegments(changes, 10 * MIN, 70 * MIN, 'OK', createdMin * MIN)).toEqual(expected);
  });

  it('is empty for an empty range', () => {
    expect(stateSegments([change(30, 'OK', 'ALARM')], 10 * MIN, 10 * MIN)).toEqual([]);
  });
});
