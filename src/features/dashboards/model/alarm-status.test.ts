import { describe, expect, it } from 'vitest';
import { type AlarmTile, alarmNameOfArn, alarmTilePath, sortTiles, widgetTiles } from './alarm-status.ts';

const arn = (name: string) => `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}`;
const tile = (
  name: string,
  state: AlarmTile['state'],
  updatedMs: number,
  type: AlarmTile['type'] = 'MetricAlarm',
): AlarmTile => ({
  name,
  arn: arn(name),
  type,
  state,
  updatedMs,
});

const KNOWN = [
  tile('b-ok-old', 'OK', 100),
  tile('a-alarm-old', 'ALARM', 200),
  tile('c-insufficient', 'INSUFFICIENT_DATA', 500),
  tile('d-alarm-new', 'ALARM', 900, 'CompositeAlarm'),
  tile('e-ok-new', 'OK', 800),
];
const names = (tiles: AlarmTile[]) => tiles.map((t) => t.name);

describe('sortTiles', () => {
  it.each([
    ['default', ['a-alarm-old', 'b-ok-old', 'c-insufficient', 'd-alarm-new', 'e-ok-new']],
    ['stateUpdatedTimestamp', ['d-alarm-new', 'a-alarm-old', 'c-insufficient', 'e-ok-new', 'b-ok-old']],
    ['timestamp', ['d-alarm-new', 'e-ok-new', 'c-insufficient', 'a-alarm-old', 'b-ok-old']],
  ] as const)('%s', (sortBy, expected) => expect(names(sortTiles(KNOWN, sortBy))).toEqual(expected));
});

describe('widgetTiles', () => {
  it('shows every alarm when the list is empty', () => {
    expect(names(widgetTiles({ alarms: [] }, KNOWN))).toHaveLength(5);
  });
  it('shows the listed alarms only, and a listed one that does not exist as not found', () => {
    const tiles = widgetTiles(
      { alarms: [arn('e-ok-new'), arn('gone'), 'a-alarm-old', arn('e-ok-new')] },
      KNOWN,
    );
    expect(tiles.map((t) => [t.name, t.state])).toEqual([
      ['a-alarm-old', 'ALARM'],
      ['e-ok-new', 'OK'],
      ['gone', undefined],
    ]);
  });
  it('filters by state', () => {
    expect(names(widgetTiles({ alarms: [], states: ['ALARM'] }, KNOWN))).toEqual([
      'a-alarm-old',
      'd-alarm-new',
    ]);
    expect(names(widgetTiles({ alarms: [], states: [] }, KNOWN))).toHaveLength(5);
  });
});

describe('alarm paths', () => {
  it('opens metric alarms under /alarms and composites under /alarms/composite', () => {
    expect(alarmTilePath({ name: 'cpu high', type: 'MetricAlarm' })).toBe('/alarms/cpu%20high');
    expect(alarmTilePath({ name: 'shop', type: 'CompositeAlarm' })).toBe('/alarms/composite/shop');
    expect(alarmNameOfArn(arn('a:b'))).toBe('a:b');
  });
});
