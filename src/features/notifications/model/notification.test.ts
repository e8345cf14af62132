import { describe, expect, it } from 'vitest';
import {
  type AlarmNotification,
  newArrivals,
  parseAlarmMessage,
  readNotifications,
  topicNameOf,
} from './notification.ts';

const MESSAGE = JSON.stringify({
  AlarmName: 'cpu-high',
  AlarmDescription: null,
  AWSAccountId: '123456789012',
  NewStateValue: 'ALARM',
  NewStateReason:
    'Threshold Crossed: 1 out of the last 1 datapoints [91.0 (21/11/26 10:00:00)] was greater than the threshold (80.0).',
  StateChangeTime: '2026-11-21T10:01:00.000+0000',
  Region: 'US East (N. Virginia)',
  AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu-high',
  OldStateValue: 'OK',
  Trigger: { MetricName: 'CPUUtilization', Threshold: 80 },
});

const n = (id: string, timestampMs: number, extra: Partial<AlarmNotification> = {}): AlarmNotification => ({
  id,
  topicArn: 'arn:aws:sns:us-east-1:123456789012:ops',
  subject: `ALARM: "${id}" in US East (N. Virginia)`,
  message: '{}',
  timestampMs,
  alarmName: id,
  newState: 'ALARM',
  oldState: 'OK',
  protocols: ['app'],
  ...extra,
});

describe('readNotifications', () => {
  it('reads the endpoint answer newest first, dropping what has no id and unknown protocols', () => {
    const list = readNotifications({
      notifications: [
        { ...n('a', 1000), protocols: ['app', 'email'] },
        { ...n('b', 3000), protocols: ['browser'] },
        { subject: 'no id' },
        { ...n('c', 2000), timestampMs: '2000' },
        null,
      ],
    });
    expect(list.map((x) => [x.id, x.timestampMs, x.protocols])).toEqual([
      ['b', 3000, ['browser']],
      ['c', 2000, ['app']],
      ['a', 1000, ['app']],
    ]);
  });
  it.each([undefined, null, {}, { notifications: 'x' }])('reads %j as no notifications', (raw) => {
    expect(readNotifications(raw)).toEqual([]);
  });
});

describe('parseAlarmMessage', () => {
  it('pretty-prints AWS alarm JSON and picks the reason', () => {
    const m = parseAlarmMessage(MESSAGE);
    expect(m.isJson).toBe(true);
    expect(m.pretty).toBe(JSON.stringify(JSON.parse(MESSAGE), null, 2));
    expect(m.pretty.split('\n')[1]).toBe('  "AlarmName": "cpu-high",');
    expect(m.reason).toMatch(/^Threshold Crossed: 1 out of the last 1 datapoints/);
    expect(m.description).toBeUndefined();
    expect(m.stateChangeTime).toBe('2026-11-21T10:01:00.000+0000');
    expect(m.alarmArn).toBe('arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu-high');
  });
  it('keeps a composite alarm rule', () => {
    expect(parseAlarmMessage(JSON.stringify({ AlarmRule: 'ALARM(a)' })).alarmRule).toBe('ALARM(a)');
  });
  it.each([
    ['plain text', 'plain text', false],
    ['[1,2]', '[\n  1,\n  2\n]', false],
  ])('shows %j as it is', (message, pretty, isJson) => {
    expect(parseAlarmMessage(message)).toEqual({ pretty, isJson });
  });
});

describe('topicNameOf', () => {
  it.each([
    ['arn:aws:sns:us-east-1:123456789012:ops-alerts', 'ops-alerts'],
    ['ops', 'ops'],
  ])('%s → %s', (arn, name) => expect(topicNameOf(arn)).toBe(name));
});

describe('newArrivals', () => {
  it('learns what is there on the first poll without showing it', () => {
    const out = newArrivals(undefined, [n('b', 2), n('a', 1)]);
    expect(out.fresh).toEqual([]);
    expect([...out.known]).toEqual(['b', 'a']);
  });
  it('shows what is new, oldest first', () => {
    const out = newArrivals(new Set(['a']), [n('c', 3), n('b', 2), n('a', 1)]);
    expect(out.fresh.map((x) => x.id)).toEqual(['b', 'c']);
    expect(out.known).toEqual(new Set(['a', 'b', 'c']));
  });
  it('shows nothing when nothing changed', () => {
    expect(newArrivals(new Set(['a']), [n('a', 1)]).fresh).toEqual([]);
  });
});
