import { useMemo, useSyncExternalStore } from 'react';
import { type RefreshInterval, type TimeRange, rangeToSearchParams } from '../../../lib/time-range.ts';
import { useTimeState } from '../../../lib/time-state.ts';
import { type AuditView, viewFromSearchParams, viewToSearchParams } from '../model/audit-view.ts';

const VIEW_EVENT = 'watchtrail:audit-view';
// The app's navigate() announces itself with this event (src/lib/navigation.ts).
const NAVIGATE_EVENT = 'watchtrail:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  window.addEventListener(VIEW_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
    window.removeEventListener(VIEW_EVENT, onChange);
  };
}

/**
 * The link to the event history showing `view`, keeping the current time range unless `range` is
 * given.
 */
export function auditHref(view: AuditView, range?: TimeRange, refresh?: RefreshInterval): string {
  const params = new URLSearchParams(location.search);
  if (range) {
    for (const k of ['range', 'start', 'end', 'refresh']) params.delete(k);
    for (const [k, v] of rangeToSearchParams(range, refresh ?? useTimeState.getState().refresh))
      params.set(k, v);
  }
  viewToSearchParams(view, params);
  return `${location.pathname}?${params.toString()}`;
}

/** Goes to an event history link (one history entry), re-reading the time range from it. */
export function openAuditHref(href: string, replace = false): void {
  if (replace) history.replaceState(history.state, '', href);
  else history.pushState(history.state, '', href);
  useTimeState.getState().syncFromUrl();
  window.dispatchEvent(new Event(VIEW_EVENT));
}

/** The event history's view, read from the URL; `setView` writes it back (a new history entry). */
export function useAuditView(): { view: AuditView; setView: (next: AuditView, replace?: boolean) => void } {
  const search = useSyncExternalStore(subscribe, () => location.search);
  const view = useMemo(() => viewFromSearchParams(new URLSearchParams(search)), [search]);
  const setView = (next: AuditView, replace = false) => openAuditHref(auditHref(next), replace);
  return { view, setView };
}
