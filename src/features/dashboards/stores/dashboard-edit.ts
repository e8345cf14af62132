import { create } from 'zustand';
import type { DashboardBody } from '../model/dashboard-body.ts';

/** Undo steps kept; older ones are dropped. */
export const UNDO_DEPTH = 200;
/** Edits with the same coalesce key this close together are one undo step (typing a title). */
export const COALESCE_MS = 1000;

/** The dashboard being edited: the saved body, the draft, and the draft's history. */
export interface DashboardEditState {
  /** The dashboard's name; undefined before {@link DashboardEditState.begin}. */
  name?: string;
  /** The body as last saved (or as loaded). */
  saved?: DashboardBody;
  /** The body with the edits so far; what the page draws while editing. */
  draft?: DashboardBody;
  /** Earlier drafts, oldest first. */
  past: DashboardBody[];
  /** Undone drafts, the next redo last. */
  future: DashboardBody[];
  editing: boolean;
  /** The last edit's coalesce key and time, so the next edit with that key merges into its step. */
  lastEdit?: { key: string; atMs: number };
  /** Starts editing `body` of dashboard `name`: saved and draft are `body`, no history. */
  begin: (name: string, body: DashboardBody) => void;
  /**
   * Replaces the draft with `update(draft)` as one undo step, or merged into the previous step when
   * it had the same `coalesceKey` less than {@link COALESCE_MS} ago. An update that returns the draft
   * itself changes nothing.
   */
  apply: (update: (body: DashboardBody) => DashboardBody, coalesceKey?: string) => void;
  undo: () => void;
  redo: () => void;
  /** Drops every edit: the draft goes back to the saved body, the history is cleared, editing stops. */
  discard: () => void;
  /**
   * Records that `body` was saved. The draft stays as it is (it may have changed while the save was
   * under way), and so does the history.
   */
  markSaved: (body: DashboardBody) => void;
  /** Leaves edit mode, keeping draft and history (dirty or not: the page decides whether to ask). */
  stopEditing: () => void;
}

type EditData = Pick<
  DashboardEditState,
  'name' | 'saved' | 'draft' | 'past' | 'future' | 'editing' | 'lastEdit'
>;

const EMPTY: EditData = {
  name: undefined,
  saved: undefined,
  draft: undefined,
  past: [],
  future: [],
  editing: false,
  lastEdit: undefined,
};

/** A fresh store; the app uses {@link useDashboardEdit}, tests may make their own. */
export function createDashboardEditStore(now: () => number = Date.now) {
  return create<DashboardEditState>()((set) => ({
    ...EMPTY,
    begin: (name, body) => set({ ...EMPTY, name, saved: body, draft: body, editing: true }),
    apply: (update, coalesceKey) =>
      set((state) => {
        if (!state.draft) return state;
        const next = update(state.draft);
        if (next === state.draft) return state;
        const atMs = now();
        const last = state.lastEdit;
        const merge =
          coalesceKey !== undefined &&
          last?.key === coalesceKey &&
          atMs - last.atMs < COALESCE_MS &&
          state.past.length > 0;
        return {
          draft: next,
          past: merge ? state.past : [...state.past, state.draft].slice(-UNDO_DEPTH),
          future: [],
          lastEdit: coalesceKey === undefined ? undefined : { key: coalesceKey, atMs },
        };
      }),
    undo: () =>
      set((state) => {
        const previous = state.past[state.past.length - 1];
        if (!previous || !state.draft) return state;
        return {
          draft: previous,
          past: state.past.slice(0, -1),
          future: [...state.future, state.draft],
          lastEdit: undefined,
        };
      }),
    redo: () =>
      set((state) => {
        const next = state.future[state.future.length - 1];
        if (!next || !state.draft) return state;
        return {
          draft: next,
          past: [...state.past, state.draft].slice(-UNDO_DEPTH),
          future: state.future.slice(0, -1),
          lastEdit: undefined,
        };
      }),
    discard: () =>
      set((state) => ({ draft: state.saved, past: [], future: [], editing: false, lastEdit: undefined })),
    markSaved: (body) => set({ saved: body, lastEdit: undefined }),
    stopEditing: () => set({ editing: false, lastEdit: undefined }),
  }));
}

/** The dashboard page's edit state (UI state: the saved body itself comes from GetDashboard). */
export const useDashboardEdit = createDashboardEditStore();

/**
 * Whether two JSON values are equal: same types, arrays element by element, objects key by key in
 * any order, a key whose value is undefined the same as a missing key (JSON.stringify drops both).
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keysA = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const keysB = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return keysA.length === keysB.length && keysA.every((k) => k in rb && jsonEqual(ra[k], rb[k]));
}

/** Whether the draft differs from the saved body (by content, not identity). */
export function isDirty(state: Pick<DashboardEditState, 'saved' | 'draft'>): boolean {
  return !jsonEqual(state.draft, state.saved);
}
