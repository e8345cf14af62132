import { type FormEvent, useState } from 'react';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';
import {
  useSaveTrailSettings,
  useTrailSettings,
  validateEventsPerDay,
  validateUserName,
} from '../api/trail-settings.ts';

const input = 'w-full rounded border border-slate-300 px-2 py-1 text-sm';
const primary =
  'rounded bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50';

/**
 * Audit settings: the user name the app's access key maps to (every change the app makes is recorded
 * under it), and how many events per day the simulated account generates.
 */
export function AuditSettings() {
  const connection = useConnectionStore();
  const base = controlBase(connection);
  const { data, error } = useTrailSettings();
  const save = useSaveTrailSettings();
  const [nameText, setNameText] = useState<string | undefined>(undefined);
  const [volumeText, setVolumeText] = useState<string | undefined>(undefined);
  const [nameProblem, setNameProblem] = useState<string | undefined>(undefined);
  const [volumeProblem, setVolumeProblem] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<'name' | 'volume' | undefined>(undefined);

  if (base === undefined) return null;
  const mapped = data?.identities.find((i) => i.accessKeyId === connection.accessKeyId)?.userName ?? '';
  const name = nameText ?? mapped;
  const volume = volumeText ?? (data ? String(data.eventsPerDay) : '');

  const saveName = (e: FormEvent) => {
    e.preventDefault();
    setSaved(undefined);
    const problem = validateUserName(name);
    setNameProblem(problem);
    if (problem || !data) return;
    const identities = [
      ...data.identities.filter((i) => i.accessKeyId !== connection.accessKeyId),
      { accessKeyId: connection.accessKeyId, userName: name.trim() },
    ];
    save.mutate(
      { identities },
      {
        onSuccess: () => {
          setNameText(undefined);
          setSaved('name');
        },
        onError: (err) => setNameProblem(err.message),
      },
    );
  };

  const saveVolume = (e: FormEvent) => {
    e.preventDefault();
    setSaved(undefined);
    const problem = validateEventsPerDay(volume);
    setVolumeProblem(problem);
    if (problem) return;
    save.mutate(
      { eventsPerDay: Number(volume.trim()) },
      {
        onSuccess: () => {
          setVolumeText(undefined);
          setSaved('volume');
        },
        onError: (err) => setVolumeProblem(err.message),
      },
    );
  };

  return (
    <section aria-labelledby="audit-heading" className="rounded-md border border-slate-200 bg-white p-4">
      <h2 id="audit-heading" className="mb-2 font-semibold">
        Audit trail
      </h2>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      )}
      <form onSubmit={saveName} noValidate className="mb-4">
        <h3 className="text-sm font-medium">Audit identity</h3>
        <p className="mb-2 text-xs text-slate-600">
          Every change this app makes (PutMetricAlarm, DeleteAlarms, …) is recorded in the event history as a
          CloudTrail event by the user its access key maps to. This app uses the access key{' '}
          <code className="font-mono">{connection.accessKeyId}</code> (set under Connection).
        </p>
        <div className="flex items-end gap-2">
          <label className="text-sm">
            <span className="block text-slate-600">User name for {connection.accessKeyId}</span>
            <input
              aria-label="Audit user name"
              className={`${input} w-64`}
              value={name}
              placeholder={data ? 'not mapped yet' : 'loading…'}
              aria-invalid={nameProblem !== undefined}
              onChange={(e) => setNameText(e.target.value)}
            />
          </label>
          <button type="submit" className={primary} disabled={save.isPending || !data}>
            Save user name
          </button>
        </div>
        {nameProblem && (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {nameProblem}
          </p>
        )}
        {saved === 'name' && <p className="mt-1 text-sm text-green-700">Saved.</p>}
      </form>
      <form onSubmit={saveVolume} noValidate>
        <h3 className="text-sm font-medium">Simulated audit volume</h3>
        <p className="mb-2 text-xs text-slate-600">
          How many CloudTrail events per day the simulated account generates (people, deploy bots and
          services).
          {data?.size !== undefined && ` The trail holds ${data.size.toLocaleString('en-US')} events now.`}
        </p>
        <div className="flex items-end gap-2">
          <label className="text-sm">
            <span className="block text-slate-600">Events per day</span>
            <input
              aria-label="Events per day"
              inputMode="numeric"
              className={`${input} w-40`}
              value={volume}
              aria-invalid={volumeProblem !== undefined}
              onChange={(e) => setVolumeText(e.target.value)}
            />
          </label>
          <button type="submit" className={primary} disabled={save.isPending || !data}>
            Save volume
          </button>
        </div>
        {volumeProblem && (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {volumeProblem}
          </p>
        )}
        {saved === 'volume' && <p className="mt-1 text-sm text-green-700">Saved.</p>}
      </form>
    </section>
  );
}
