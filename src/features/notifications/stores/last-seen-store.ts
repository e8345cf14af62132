import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { LastSeen } from '../model/unread.ts';

interface LastSeenState {
  /** The newest notification seen on the notifications page; undefined before the first visit. */
  lastSeen: LastSeen | undefined;
  markSeen: (seen: LastSeen | undefined) => void;
}

/** Storage key of the last visit to /notifications (the unread badge counts from it). */
export const LAST_SEEN_STORAGE_KEY = 'watchtrail.notifications.lastSeen';

/** The last visit to the notifications page, kept in localStorage so the badge survives a reload. */
export const useLastSeen = create<LastSeenState>()(
  persist(
    (set) => ({
      lastSeen: undefined,
      markSeen: (seen) =>
        set((s) =>
          s.lastSeen?.id === seen?.id && s.lastSeen?.timestampMs === seen?.timestampMs
            ? s
            : { lastSeen: seen },
        ),
    }),
    { name: LAST_SEEN_STORAGE_KEY, partialize: (s) => ({ lastSeen: s.lastSeen }) },
  ),
);
