import { navigate, usePathname } from '../../../lib/navigation.ts';
import { alarmRoute } from '../model/alarm-route.ts';
import { AlarmDetailPage } from './alarm-detail-page.tsx';
import { CreateAlarmPage, EditAlarmPage } from './alarm-form-page.tsx';
import { AlarmListPage } from './alarm-list-page.tsx';

/**
 * The alarm pages, routed by path: `/alarms` the list, `/alarms/new` a new alarm (query params may
 * prefill the metric), `/alarms/<url-encoded name>` an alarm, `/alarms/<name>/edit` its form.
 * (`/alarms/composite/…` belongs to the composite alarm pages; the shell does not mount this there.)
 */
export function AlarmsPage() {
  const route = alarmRoute(usePathname());
  switch (route.page) {
    case 'list':
      return <AlarmListPage />;
    case 'create':
      return <CreateAlarmPage search={location.search} />;
    case 'detail':
      return <AlarmDetailPage key={route.name} name={route.name} />;
    case 'edit':
      return <EditAlarmPage key={route.name} name={route.name} />;
    case 'not-found':
      return (
        <div className="text-sm">
          <p>There is no alarm page at {location.pathname}.</p>
          <button type="button" className="text-blue-700 underline" onClick={() => navigate('/alarms')}>
            Go to the alarms
          </button>
        </div>
      );
  }
}
