import { QueryClientProvider } from '@tanstack/react-query';
import { AlarmsPage } from '../features/alarms/components/alarms-page.tsx';
import { CompositeAlarmsPage } from '../features/composite-alarms/components/composite-alarms-page.tsx';
import { DashboardPage } from '../features/dashboards/components/dashboard-page.tsx';
import { MetricsExplorerPage } from '../features/metrics/components/metrics-explorer-page.tsx';
import { NotificationWatcher } from '../features/notifications/components/notification-watcher.tsx';
import { NotificationsPage } from '../features/notifications/components/notifications-page.tsx';
import { SettingsPage } from '../features/settings/components/settings-page.tsx';
import { queryClient } from '../lib/query-client.ts';
import { Header } from './header.tsx';
import { navigate, useRoute } from './router.ts';

function Page() {
  const route = useRoute();
  return (
    <div className="min-h-screen">
      <Header route={route} />
      <main className="p-4">
        {route === 'dashboard' && <DashboardPage />}
        {route === 'metrics' && <MetricsExplorerPage />}
        {route === 'alarms' && <AlarmsPage />}
        {route === 'composite' && <CompositeAlarmsPage />}
        {route === 'notifications' && <NotificationsPage />}
        {route === 'settings' && <SettingsPage />}
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
