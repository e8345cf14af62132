import { useMemo, useState } from 'react';
import { navigate } from '../../../lib/navigation.ts';
import { useDeleteAlarms } from '../api/delete-alarms.ts';
import { useDescribeAlarms } from '../api/describe-alarms.ts';
import { useDisableAlarmActions } from '../api/disable-alarm-actions.ts';
import { useEnableAlarmActions } from '../api/enable-alarm-actions.ts';
import { type AlarmRow, compositeAlarmRow, filterAlarmRows, metricAlarmRow } from '../model/alarm-list.ts';
import { ALARM_STATES } from '../model/alarm-state.ts';
import { useAlarmListStore } from '../stores/alarm-list-store.ts';
import { AlarmListFilters } from './alarm-list-filters.tsx';
import { AlarmTable } from './alarm-table.tsx';
import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';
import { buttonClass, primaryButtonClass } from '../../../components/button-styles.ts';
import { ConfirmDeleteDialog } from './confirm-delete-dialog.tsx';

const plural = (n: number) => `${n} alarm${n === 1 ? '' : 's'}`;

/**
 * The alarm list (`/alarms`): every metric and composite alarm, ALARM first, re-read every few
 * seconds; filters; several can be selected to delete them or to enable or disable their actions.
 */
export function AlarmListPage() {
  const prefix = useAlarmListStore((s) => s.prefix);
  const state = useAlarmListStore((s) => s.state);
  const kind = useAlarmListStore((s) => s.kind);
  const search = useAlarmListStore((s) => s.search);
  const alarms = useDescribeAlarms(prefix ? { prefix } : {});
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | undefined>(undefined);
  const deleteAlarms = useDeleteAlarms();
  const enableActions = useEnableAlarmActions();
  const disableActions = useDisableAlarmActions();

  const all = useMemo((): AlarmRow[] => {
    const d = alarms.data;
    if (!d) return [];
    return [...d.metricAlarms.map(metricAlarmRow), ...d.compositeAlarms.map(compositeAlarmRow)];
  }, [alarms.data]);
  const rows = useMemo(() => filterAlarmRows(all, { state, kind, search }), [all, state, kind, search]);
  const chosen = rows.filter((r) => selected.has(r.name));
  const counts = ALARM_STATES.map((s) => ({ state: s, n: all.filter((r) => r.state === s).length }));

  const select = (names: string[], checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const n of names) {
        if (checked) next.add(n);
        else next.delete(n);
      }
      return next;
    });

  const busy = deleteAlarms.isPending || enableActions.isPending || disableActions.isPending;
  const actionError = deleteAlarms.error ?? enableActions.error ?? disableActions.error;
  const resetMutations = () => {
    deleteAlarms.reset();
    enableActions.reset();
    disableActions.reset();
    setDone(undefined);
  };
  const toggleActions = (enable: boolean) => {
    resetMutations();
    const names = chosen.map((r) => r.name);
    (enable ? enableActions : disableActions).mutate(names, {
      onSuccess: () => setDone(`${enable ? 'Enabled' : 'Disabled'} actions of ${plural(names.length)}.`),
    });
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-lg font-semibold text-slate-900">Alarms</h1>
          <p className="text-xs text-slate-500" aria-live="polite">
            {counts.map((c) => `${c.n} ${c.state}`).join(' · ')}
          </p>
        </div>
        <div className="flex gap-2">
          <button type="button" className={buttonClass} onClick={() => navigate('/alarms/composite/new')}>
            Create composite alarm
          </button>
          <button type="button" className={primaryButtonClass} onClick={() => navigate('/alarms/new')}>
            Create alarm
          </button>
        </div>
      </div>
      <AlarmListFilters />
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Selected alarms">
        <span className="text-sm text-slate-600">{chosen.length} selected</span>
        <button
          type="button"
          className={buttonClass}
          disabled={chosen.length === 0 || busy}
          onClick={() => {
            resetMutations();
            setConfirming(true);
          }}
        >
          Delete
        </button>
        <button
          type="button"
          className={buttonClass}
          disabled={chosen.length === 0 || busy}
          onClick={() => toggleActions(true)}
        >
          Enable actions
        </button>
        <button
          type="button"
          className={buttonClass}
          disabled={chosen.length === 0 || busy}
          onClick={() => toggleActions(false)}
        >
          Disable actions
        </button>
        {done && (
          <span role="status" className="text-sm text-green-700">
            {done}
          </span>
        )}
      </div>
      {actionError && <AwsErrorAlert title="The change could not be made" error={actionError} />}
      {alarms.error && <AwsErrorAlert title="The alarms could not be listed" error={alarms.error} />}
      <AlarmTable rows={rows} selected={selected} onSelect={select} />
      {alarms.isPending && <p className="text-sm text-slate-500">Loading alarms…</p>}
      {alarms.data && rows.length === 0 && (
        <p className="text-sm text-slate-500">
          {all.length === 0
            ? 'No alarms yet. Create one to watch a metric.'
            : 'No alarm matches these filters.'}
        </p>
      )}
      {confirming && (
        <ConfirmDeleteDialog
          names={chosen.map((r) => r.name)}
          pending={deleteAlarms.isPending}
          error={deleteAlarms.error}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            const victims = chosen;
            deleteAlarms.mutate(victims, {
              onSuccess: () => {
                setConfirming(false);
                select(
                  victims.map((r) => r.name),
                  false,
                );
                setDone(`Deleted ${plural(victims.length)}.`);
              },
            });
          }}
        />
      )}
    </div>
  );
}
