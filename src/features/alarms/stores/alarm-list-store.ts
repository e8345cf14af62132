import { create } from 'zustand';
import type { AlarmFilter } from '../model/alarm-list.ts';

interface AlarmListState extends AlarmFilter {
  /** AlarmNamePrefix, applied by the server. */
  prefix: string;
  setFilter: (patch: Partial<AlarmFilter & { prefix: string }>) => void;
}

/** The alarm list's filters: UI state, kept while a person visits an alarm and comes back. */
export const useAlarmListStore = create<AlarmListState>()((set) => ({
  state: 'all',
  kind: 'all',
  search: '',
  prefix: '',
  setFilter: (patch) => set(patch),
}));
