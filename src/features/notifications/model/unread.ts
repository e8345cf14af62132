import type { AlarmNotification } from './notification.ts';

/**
 * The newest notification a person has seen on the notifications page. Times are the engine's
 * (which may run fast, or be set back), so what is unread is judged against the notifications'
 * own timestamps and ids, never against the wall clock.
 */
export interface LastSeen {
  id: string;
  timestampMs: number;
}

/** The mark to keep after a visit: the newest notification listed, or nothing when there is none. */
export function lastSeenOf(list: readonly AlarmNotification[]): LastSeen | undefined {
  const newest = list[0];
  return newest ? { id: newest.id, timestampMs: newest.timestampMs } : undefined;
}

/**
 * How many notifications arrived after the last visit. `list` is newest first. When the last one
 * seen is still listed, those above it are unread; when it is gone (the engine was reset), those
 * later than its time are. Never visited: all of them.
 */
export function countUnread(list: readonly AlarmNotification[], seen: LastSeen | undefined): number {
  if (!seen) return list.length;
  const index = list.findIndex((n) => n.id === seen.id && n.timestampMs === seen.timestampMs);
  if (index >= 0) return index;
  return list.filter((n) => n.timestampMs > seen.timestampMs).length;
}

/** The badge's text: the count, `99+` beyond 99, nothing at 0. */
export const unreadBadgeText = (count: number): string =>
  count <= 0 ? '' : count > 99 ? '99+' : String(count);
