import { useEffect, useState } from 'react';
import { navigate } from '../../../lib/navigation.ts';
import { type Toast, useToasts } from '../stores/toast-store.ts';

/** How long a toast stays, unless the pointer or focus rests on it. */
export const TOAST_MS = 8_000;

function stateClass(state: string): string {
  if (state === 'ALARM') return 'border-l-red-600';
  if (state === 'OK') return 'border-l-green-600';
  return 'border-l-slate-400';
}

function ToastCard({ toast }: { toast: Toast }) {
  const dismiss = useToasts((s) => s.dismiss);
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const id = setTimeout(() => dismiss(toast.id), TOAST_MS);
    return () => clearTimeout(id);
  }, [held, toast.id, dismiss]);
  return (
    <div
      role="status"
      data-testid="toast"
      data-state={toast.newState}
      className={`flex w-80 items-start gap-2 rounded-md border border-l-4 border-slate-200 bg-white p-3 shadow-lg ${stateClass(toast.newState)}`}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <button
        type="button"
        className="min-w-0 flex-1 text-left"
        onClick={() => {
          dismiss(toast.id);
          navigate('/notifications');
        }}
      >
        <span className="block text-sm font-medium text-slate-900">{toast.title}</span>
        <span className="line-clamp-3 block text-xs text-slate-600">{toast.body}</span>
      </button>
      <button
        type="button"
        className="text-slate-400 hover:text-slate-700"
        aria-label={`Dismiss ${toast.title}`}
        onClick={() => dismiss(toast.id)}
      >
        ×
      </button>
    </div>
  );
}

/** The toasts, bottom right, newest at the bottom; a click opens the notification center. */
export function ToastStack() {
  const toasts = useToasts((s) => s.toasts);
  return (
    <section
      aria-label="New notifications"
      aria-live="polite"
      className="pointer-events-none fixed right-4 bottom-4 z-50 flex flex-col items-end gap-2 [&>*]:pointer-events-auto"
    >
      {toasts.map((t) => (
        <ToastCard key={t.id} toast={t} />
      ))}
    </section>
  );
}
