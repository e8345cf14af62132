import { create } from 'zustand';

/** A toast for a notification delivered "in the app". */
export interface Toast {
  /** The notification's id. */
  id: string;
  title: string;
  body: string;
  newState: string;
}

interface ToastState {
  toasts: Toast[];
  push: (toast: Toast) => void;
  dismiss: (id: string) => void;
}

/** At most this many toasts are on screen; older ones give way. */
export const MAX_TOASTS = 4;

/** Toasts on screen (UI state only: the notifications themselves stay on the server). */
export const useToasts = create<ToastState>()((set) => ({
  toasts: [],
  push: (toast) =>
    set((s) =>
      s.toasts.some((t) => t.id === toast.id) ? s : { toasts: [...s.toasts, toast].slice(-MAX_TOASTS) },
    ),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));
