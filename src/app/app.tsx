import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, lazy } from 'react';
import { DashboardPage, HomeDashboardPage } from '../features/dashboards/components/dashboard-page.tsx';
import { NotificationWatcher } from '../features/notifications/components/notification-watcher.tsx';
import { queryClient } from '../lib/query-client.ts';
import { Header } from './header.tsx';
import { usePathname } from '../lib/navigation.ts';
import { dashboardNameOf, navigate, useRoute } from './router.ts';

// The landing dashboard loads with the app; every other page is its own chunk, loaded when opened.
const MetricsExplorerPage = lazy(() =>
  import('../features/metrics/components/metrics-explorer-page.tsx').then((m) => ({
    default: m.MetricsExplorerPage,
  })),
);
const AlarmsPage = lazy(() =>
  import('../features/alarms/components/alarms-page.tsx').then((m) => ({ default: m.AlarmsPage })),
);
const CompositeAlarmsPage = lazy(() =>
  import('../features/composite-alarms/components/composite-alarms-page.tsx').then((m) => ({
    default: m.CompositeAlarmsPage,
  })),
);
const NotificationsPage = lazy(() =>
  import('../features/notifications/components/notifications-page.tsx').then((m) => ({
    default: m.NotificationsPage,
  })),
);
const DashboardsListPage = lazy(() =>
  import('../features/dashboards/components/dashboards-list-page.tsx').then((m) => ({
    default: m.DashboardsListPage,
  })),
);
const AuditPage = lazy(() =>
  import('../features/audit/components/audit-page.tsx').then((m) => ({ default: m.AuditPage })),
);
const SettingsPage = lazy(() =>
  import('../features/settings/components/settings-page.tsx').then((m) => ({ default: m.SettingsPage })),
);

function Page() {
  const route = useRoute();
  const dashboardName = dashboardNameOf(usePathname());
  return (
    <div className="min-h-screen">
      <Header route={route} />
      <main className="p-4">
        <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
          {route === 'dashboard' && <HomeDashboardPage />}
          {route === 'dashboards' &&
            (dashboardName === undefined ? (
              <DashboardsListPage />
            ) : (
              <DashboardPage key={dashboardName} name={dashboardName} />
            ))}
          {route === 'metrics' && <MetricsExplorerPage />}
          {route === 'alarms' && <AlarmsPage />}
          {route === 'composite' && <CompositeAlarmsPage />}
          {route === 'events' && <AuditPage />}
          {route === 'notifications' && <NotificationsPage />}
          {route === 'settings' && <SettingsPage />}
        </Suspense>
        {route === undefined && (
          <div className="text-sm">
            <p>There is no page at {location.pathname}.</p>
            <button type="button" className="text-blue-700 underline" onClick={() => navigate('/')}>
              Go to the dashboard
            </button>
          </div>
        )}
      </main>
      <NotificationWatcher />
    </div>
  );
}

/** The app: providers and the shell. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Page />
    </QueryClientProvider>
  );
}
