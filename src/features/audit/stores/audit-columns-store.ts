import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { COLUMN_IDS, type ColumnId, DEFAULT_COLUMNS } from '../model/columns.ts';

interface AuditColumnsState {
  /** Visible columns, in table order. */
  visible: ColumnId[];
  toggle: (id: ColumnId) => void;
  reset: () => void;
}

/** The event history's visible columns, remembered in localStorage. */
export const useAuditColumns = create<AuditColumnsState>()(
  persist(
    (set) => ({
      visible: [...DEFAULT_COLUMNS],
      toggle: (id) =>
        set((s) => {
          const on = s.visible.includes(id);
          if (on && s.visible.length === 1) return s;
          const next = on ? s.visible.filter((c) => c !== id) : [...s.visible, id];
          return { visible: COLUMN_IDS.filter((c) => next.includes(c)) };
        }),
      reset: () => set({ visible: [...DEFAULT_COLUMNS] }),
    }),
    {
      name: 'watchtrail.audit.columns',
      merge: (persisted, current) => {
        const visible = (persisted as Partial<AuditColumnsState> | undefined)?.visible;
        const known = Array.isArray(visible) ? COLUMN_IDS.filter((c) => visible.includes(c)) : [];
        return { ...current, visible: known.length > 0 ? known : current.visible };
      },
    },
  ),
);
