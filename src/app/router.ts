import { usePathname } from '../lib/navigation.ts';

export { navigate } from '../lib/navigation.ts';

export type RouteId =
  'dashboard' | 'dashboards' | 'metrics' | 'alarms' | 'composite' | 'events' | 'notifications' | 'settings';

/** Top-level pages, in the order the header lists them. Sub-paths belong to the route whose prefix they share. */
export const ROUTES: { id: RouteId; path: string; label: string; nav: boolean }[] = [
  { id: 'dashboard', path: '/', label: 'Home', nav: false },
  { id: 'dashboards', path: '/dashboards', label: 'Dashboards', nav: true },
  { id: 'metrics', path: '/metrics', label: 'Metrics', nav: true },
  { id: 'composite', path: '/alarms/composite', label: 'Composite alarms', nav: false },
  { id: 'alarms', path: '/alarms', label: 'Alarms', nav: true },
  { id: 'events', path: '/events', label: 'Event history', nav: true },
  { id: 'notifications', path: '/notifications', label: 'Notifications', nav: true },
  { id: 'settings', path: '/settings', label: 'Settings', nav: true },
];

export function routeOf(pathname: string): RouteId | undefined {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return 'dashboard';
  return ROUTES.find((r) => r.path !== '/' && (path === r.path || path.startsWith(`${r.path}/`)))?.id;
}

/** The current route from the location's path. */
export function useRoute(): RouteId | undefined {
  return routeOf(usePathname());
}

/** The dashboard a `/dashboards/<name>` path names; undefined on the list (`/dashboards`) and elsewhere. */
export function dashboardNameOf(pathname: string): string | undefined {
  const m = /^\/dashboards\/([^/]+)\/?$/.exec(pathname);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}
