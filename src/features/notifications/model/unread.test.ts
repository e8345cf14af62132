import { describe, expect, it } from 'vitest';
import type { AlarmNotification } from './notification.ts';
import { type LastSeen, countUnread, lastSeenOf, unreadBadgeText } from './unread.ts';

const n = (id: string, timestampMs: number): AlarmNotification => ({
  id,
  topicArn: 't',
  subject: id,
  message: '',
  timestampMs,
  alarmName: id,
  newState: 'ALARM',
  oldState: 'OK',
  protocols: ['app'],
});

// Newest first, as the endpoint lists them.
const LIST = [n('d', 400), n('c', 300), n('b', 200), n('a', 100)];

describe('countUnread', () => {
  const cases: { name: string; list: AlarmNotification[]; seen: LastSeen | undefined; unread: number }[] = [
    { name: 'never visited: all', list: LIST, seen: undefined, unread: 4 },
    { name: 'seen the newest: none', list: LIST, seen: { id: 'd', timestampMs: 400 }, unread: 0 },
    { name: 'seen b: c and d', list: LIST, seen: { id: 'b', timestampMs: 200 }, unread: 2 },
    {
      name: 'two at the same time, one seen',
      list: [n('y', 500), n('x', 500), ...LIST],
      seen: { id: 'x', timestampMs: 500 },
      unread: 1,
    },
    {
      name: 'the seen one is gone (engine reset): those later than it',
      list: [n('e2', 900), n('e1', 150)],
      seen: { id: 'b', timestampMs: 200 },
      unread: 1,
    },
    { name: 'nothing delivered', list: [], seen: { id: 'b', timestampMs: 200 }, unread: 0 },
  ];
  it.each(cases)('$name', ({ list, seen, unread }) => expect(countUnread(list, seen)).toBe(unread));
});

describe('lastSeenOf', () => {
  it('marks the newest one listed', () => {
    expect(lastSeenOf(LIST)).toEqual({ id: 'd', timestampMs: 400 });
    expect(lastSeenOf([])).toBeUndefined();
  });
});

describe('unreadBadgeText', () => {
  it.each([
    [0, ''],
    [1, '1'],
    [99, '99'],
    [100, '99+'],
  ])('%i → %j', (count, text) => expect(unreadBadgeText(count)).toBe(text));
});
