import { navigate, usePathname } from '../../../lib/navigation.ts';
import { useAllAlarms, useCompositeAlarm } from '../api/describe-alarms.ts';
import { EMPTY_COMPOSITE_DRAFT, draftFromAlarm } from '../model/composite-draft.ts';
import { compositePath, compositeRoute } from '../model/composite-route.ts';
import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';
import { CompositeAlarmDetail } from './composite-alarm-detail.tsx';
import { CompositeAlarmEditor } from './composite-alarm-editor.tsx';
import { StateBadge } from './state-badge.tsx';

const linkButton = 'text-sm text-blue-700 underline hover:text-blue-900';

function BackToAlarms() {
  return (
    <button type="button" className={linkButton} onClick={() => navigate('/alarms')}>
      ← Back to alarms
    </button>
  );
}

function EditCompositeAlarm({ name }: { name: string }) {
  const alarm = useCompositeAlarm(name);
  if (alarm.isPending) return <p className="text-sm text-slate-500">Loading {name}…</p>;
  if (alarm.error) return <AwsErrorAlert error={alarm.error} title={`${name} could not be loaded`} />;
  if (!alarm.data) return <p className="text-sm">There is no composite alarm named “{name}”.</p>;
  // Keyed by name: the form starts from the alarm as loaded and is not reset by later refetches.
  return <CompositeAlarmEditor key={name} mode="edit" initial={draftFromAlarm(alarm.data)} />;
}

function CompositeAlarmIndex() {
  const alarms = useAllAlarms();
  const composites = alarms.data?.filter((a) => a.type === 'CompositeAlarm');
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3">
        <h1 className="text-lg font-semibold text-slate-900">Composite alarms</h1>
        <button
          type="button"
          className="ml-auto rounded bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700"
          onClick={() => navigate('/alarms/composite/new')}
        >
          Create composite alarm
        </button>
      </div>
      {alarms.error && <AwsErrorAlert error={alarms.error} title="The alarms could not be listed" />}
      {composites?.length === 0 && <p className="text-sm text-slate-500">No composite alarms yet.</p>}
      {composites && composites.length > 0 && (
        <ul
          aria-label="Composite alarms"
          className="divide-y divide-slate-100 rounded border border-slate-200 bg-white"
        >
          {composites.map((a) => (
            <li
              key={a.name}
              aria-label={`${a.name}: ${a.state}`}
              className="flex items-center gap-3 px-3 py-2"
            >
              <StateBadge state={a.state} />
              <button type="button" className={linkButton} onClick={() => navigate(compositePath(a.name))}>
                {a.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Composite alarms, mounted by the shell for `/alarms/composite/…`: the list, `new`, a composite
 * alarm's page `<name>` and its editor `<name>/edit`.
 */
export function CompositeAlarmsPage() {
  const route = compositeRoute(usePathname());
  switch (route.kind) {
    case 'index':
      return (
        <div className="space-y-3">
          <BackToAlarms />
          <CompositeAlarmIndex />
        </div>
      );
    case 'new':
      return (
        <div className="space-y-3">
          <BackToAlarms />
          <h1 className="text-lg font-semibold text-slate-900">Create composite alarm</h1>
          <CompositeAlarmEditor mode="create" initial={EMPTY_COMPOSITE_DRAFT} />
        </div>
      );
    case 'edit':
      return (
        <div className="space-y-3">
          <BackToAlarms />
          <h1 className="text-lg font-semibold text-slate-900">Edit {route.name}</h1>
          <EditCompositeAlarm name={route.name} />
        </div>
      );
    case 'detail':
      return <CompositeAlarmDetail key={route.name} name={route.name} />;
    case 'unknown':
      return (
        <div className="space-y-2 text-sm">
          <p>There is no composite alarm page at {location.pathname}.</p>
          <BackToAlarms />
        </div>
      );
  }
}
