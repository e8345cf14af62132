import { useSyncExternalStore } from 'react';
import { useTimeState } from '../lib/time-state.ts';

export type RouteId = 'dashboard' | 'metrics' | 'settings';

export const ROUTES: { id: RouteId; path: string; label: string }[] = [
  { id: 'dashboard', path: '/', label: 'Dashboard' },
  { id: 'metrics', path: '/metrics', label: 'Metrics' },
  { id: 'settings', path: '/settings', label: 'Settings' },
];

const NAVIGATE_EVENT = 'watchtrail:navigate';

function subscribe(onChange: () => void): () => void {
  const onPop = () => {
    useTimeState.getState().syncFromUrl();
    onChange();
  };
  window.addEventListener('popstate', onPop);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onPop);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export function routeOf(pathname: string): RouteId | undefined {
  return ROUTES.find((r) => r.path === pathname.replace(/\/+$/, '') || (r.path === '/' && pathname === '/'))
    ?.id;
}

/** The current route from the location's path. */
export function useRoute(): RouteId | undefined {
  return useSyncExternalStore(subscribe, () => routeOf(location.pathname));
}

/** Goes to another page, keeping the time range and refresh (they are shared across pages). */
export function navigate(path: string): void {
  const keep = new URLSearchParams();
  const current = new URLSearchParams(location.search);
  for (const k of ['range', 'start', 'end', 'refresh']) {
    const v = current.get(k);
    if (v !== null) keep.set(k, v);
  }
  const search = keep.toString();
  history.pushState(null, '', `${path}${search ? `?${search}` : ''}`);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
