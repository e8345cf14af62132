import { useSyncExternalStore } from 'react';
import { useTimeState } from './time-state.ts';

const NAVIGATE_EVENT = 'watchtrail:navigate';

/** The location the app shows, to return to when a guard refuses a back/forward step. */
let shown = typeof location === 'undefined' ? '' : location.href;

function subscribe(onChange: () => void): () => void {
  const onPop = () => {
    if (guard && !guard()) {
      // The browser has already moved; step back to the page that asked to stay.
      history.pushState(null, '', shown);
      return;
    }
    shown = location.href;
    useTimeState.getState().syncFromUrl();
    onChange();
  };
  const onNavigate = () => {
    shown = location.href;
    onChange();
  };
  window.addEventListener('popstate', onPop);
  window.addEventListener(NAVIGATE_EVENT, onNavigate);
  return () => {
    window.removeEventListener('popstate', onPop);
    window.removeEventListener(NAVIGATE_EVENT, onNavigate);
  };
}

/** The current location's path, re-rendering on navigation. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

let guard: (() => boolean) | undefined;

/**
 * Sets (or clears, with undefined) a check every in-app navigation asks first: it returns false to stay
 * (a page with unsaved changes asks the person). One guard at a time; the last set wins.
 */
export function setNavigationGuard(check: (() => boolean) | undefined): void {
  guard = check;
}

/**
 * Goes to another page, keeping the time range and refresh (they are shared across pages). Extra
 * search params for the new page may be given.
 */
export function navigate(path: string, params?: Record<string, string>): void {
  if (guard && !guard()) return;
  const next = new URLSearchParams();
  const current = new URLSearchParams(location.search);
  for (const k of ['range', 'start', 'end', 'refresh']) {
    const v = current.get(k);
    if (v !== null) next.set(k, v);
  }
  for (const [k, v] of Object.entries(params ?? {})) next.set(k, v);
  const search = next.toString();
  history.pushState(null, '', `${path}${search ? `?${search}` : ''}`);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/**
 * Opens an in-app link whose search params are complete, time range included (an event in the event
 * history with a range around it): the shared time state follows the link's range.
 */
export function openLink(href: string): void {
  if (guard && !guard()) return;
  history.pushState(null, '', href);
  useTimeState.getState().syncFromUrl();
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
