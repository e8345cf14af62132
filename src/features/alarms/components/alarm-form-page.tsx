import { useState } from 'react';
import { navigate } from '../../../lib/navigation.ts';
import { useAlarm } from '../api/describe-alarms.ts';
import { draftFromAlarm, draftFromSearchParams } from '../model/alarm-draft.ts';
import { alarmPath, compositeAlarmPath } from '../model/alarm-route.ts';
import { AlarmForm } from './alarm-form.tsx';
import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';

/** Props of {@link CreateAlarmPage}. */
export interface CreateAlarmPageProps {
  /** The location's query string: `namespace`, `metricName`, `dimensions` (JSON), `stat`, `period` prefill. */
  search: string;
}

/** `/alarms/new`: a new metric alarm, prefilled from the link when it names a metric. */
export function CreateAlarmPage({ search }: CreateAlarmPageProps) {
  const [initial] = useState(() => draftFromSearchParams(new URLSearchParams(search)));
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <Breadcrumb current="Create alarm" />
      <h1 className="text-lg font-semibold text-slate-900">Create alarm</h1>
      <AlarmForm initial={initial} mode="create" />
    </div>
  );
}

/** Props of {@link EditAlarmPage}. */
export interface EditAlarmPageProps {
  /** The alarm to edit. */
  name: string;
}

/** `/alarms/<name>/edit`: the alarm's configuration in the form, read once from DescribeAlarms. */
export function EditAlarmPage({ name }: EditAlarmPageProps) {
  const alarm = useAlarm(name);
  // Read the configuration once: later refetches must not overwrite what is being typed.
  const [loaded, setLoaded] = useState<ReturnType<typeof draftFromAlarm> | undefined>(undefined);
  const metricAlarm = alarm.data?.metricAlarm;
  if (!loaded && metricAlarm) setLoaded(draftFromAlarm(metricAlarm));
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <Breadcrumb current={`Edit ${name}`} parent={{ label: name, path: alarmPath(name) }} />
      <h1 className="text-lg font-semibold break-words text-slate-900">Edit alarm {name}</h1>
      {alarm.error && <AwsErrorAlert title="The alarm could not be read" error={alarm.error} />}
      {alarm.isPending && <p className="text-sm text-slate-500">Loading the alarm…</p>}
      {alarm.data?.compositeAlarm && (
        <p className="text-sm">
          {name} is a composite alarm.{' '}
          <button
            type="button"
            className="text-blue-700 underline"
            onClick={() => navigate(compositeAlarmPath(name))}
          >
            Open the composite alarm
          </button>
        </p>
      )}
      {alarm.data && !metricAlarm && !alarm.data.compositeAlarm && (
        <p className="text-sm text-slate-700">There is no alarm named {name}.</p>
      )}
      {loaded && <AlarmForm initial={loaded} mode="edit" />}
    </div>
  );
}

/** Props of {@link Breadcrumb}. */
export interface BreadcrumbProps {
  current: string;
  parent?: { label: string; path: string };
}

/** Alarms › (alarm) › this page. */
export function Breadcrumb({ current, parent }: BreadcrumbProps) {
  const link = (label: string, path: string) => (
    <a
      href={path}
      className="text-blue-700 hover:underline"
      onClick={(e) => {
        e.preventDefault();
        navigate(path);
      }}
    >
      {label}
    </a>
  );
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
      {link('Alarms', '/alarms')}
      {parent && <> › {link(parent.label, parent.path)}</>}
      {' › '}
      <span aria-current="page">{current}</span>
    </nav>
  );
}
