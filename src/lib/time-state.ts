import { create } from 'zustand';
import {
  DEFAULT_TIME_RANGE,
  type RefreshInterval,
  type TimeRange,
  rangeFromSearchParams,
  rangeToSearchParams,
} from './time-range.ts';

/** The live console opens refreshing every minute of engine time. */
export const LIVE_REFRESH: RefreshInterval = '1m';

interface TimeState {
  range: TimeRange;
  refresh: RefreshInterval;
  /** Why the URL's range could not be used, if it could not. */
  urlError?: string;
  /** Bumped by "Refresh now" and by auto refresh: every view re-resolves its range at the engine's now. */
  refreshCount: number;
  bumpRefresh: () => void;
  setRange: (range: TimeRange) => void;
  setRefresh: (refresh: RefreshInterval) => void;
  /** Re-reads the URL (on back/forward navigation). */
  syncFromUrl: () => void;
}

function readUrl(): Pick<TimeState, 'range' | 'refresh' | 'urlError'> {
  if (typeof location === 'undefined') return { range: DEFAULT_TIME_RANGE, refresh: LIVE_REFRESH };
  const params = new URLSearchParams(location.search);
  const parsed = rangeFromSearchParams(params);
  return {
    range: parsed.range,
    refresh: params.has('refresh') ? parsed.refresh : LIVE_REFRESH,
    urlError: parsed.error,
  };
}

function writeUrl(range: TimeRange, refresh: RefreshInterval): void {
  const params = new URLSearchParams(location.search);
  for (const k of ['range', 'start', 'end', 'refresh']) params.delete(k);
  for (const [k, v] of rangeToSearchParams(range, refresh)) params.set(k, v);
  history.pushState(history.state, '', `${location.pathname}?${params.toString()}${location.hash}`);
}

/** The time range and refresh interval: UI state that lives in the URL, so a copied link reopens the view. */
export const useTimeState = create<TimeState>()((set, get) => ({
  ...readUrl(),
  refreshCount: 0,
  bumpRefresh: () => set((s) => ({ refreshCount: s.refreshCount + 1 })),
  setRange: (range) => {
    writeUrl(range, get().refresh);
    set({ range, urlError: undefined });
  },
  setRefresh: (refresh) => {
    writeUrl(get().range, refresh);
    set({ refresh });
  },
  syncFromUrl: () => set(readUrl()),
}));
