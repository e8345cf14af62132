import { useEffect, useState } from 'react';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import type { AlarmKind } from '../model/alarm-list.ts';
import type { AlarmState } from '../model/alarm-state.ts';
import { useAlarmListStore } from '../stores/alarm-list-store.ts';
import { FormField, fieldClass } from './form-field.tsx';

/** A typed prefix goes to the server once typing pauses this long. */
const PREFIX_DELAY_MS = 300;

const STATE_OPTIONS: { value: AlarmState | 'all'; label: string }[] = [
  { value: 'all', label: 'All states' },
  { value: 'ALARM', label: 'ALARM' },
  { value: 'OK', label: 'OK' },
  { value: 'INSUFFICIENT_DATA', label: 'INSUFFICIENT_DATA' },
];

const KIND_OPTIONS: { value: AlarmKind | 'all'; label: string }[] = [
  { value: 'all', label: 'All types' },
  { value: 'MetricAlarm', label: 'Metric alarm' },
  { value: 'CompositeAlarm', label: 'Composite alarm' },
];

/** The list's filters: state, type, a name search (here) and a name prefix (on the server). */
export function AlarmListFilters() {
  const { state, kind, search, prefix, setFilter } = useAlarmListStore();
  const [prefixDraft, setPrefixDraft] = useState(prefix);
  const settledPrefix = useDebouncedValue(prefixDraft, PREFIX_DELAY_MS);
  useEffect(() => {
    if (settledPrefix !== useAlarmListStore.getState().prefix) setFilter({ prefix: settledPrefix });
  }, [settledPrefix, setFilter]);
  return (
    <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter alarms">
      <FormField label="Search alarms" className="w-56">
        <input
          type="text"
          className={fieldClass}
          placeholder="Part of a name"
          value={search}
          onChange={(e) => setFilter({ search: e.target.value })}
        />
      </FormField>
      <FormField label="Name prefix" className="w-48">
        <input
          type="text"
          className={fieldClass}
          placeholder="AlarmNamePrefix"
          value={prefixDraft}
          onChange={(e) => setPrefixDraft(e.target.value)}
        />
      </FormField>
      <FormField label="State" className="w-44">
        <select
          className={fieldClass}
          value={state}
          onChange={(e) => setFilter({ state: e.target.value as AlarmState | 'all' })}
        >
          {STATE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Type" className="w-40">
        <select
          className={fieldClass}
          value={kind}
          onChange={(e) => setFilter({ kind: e.target.value as AlarmKind | 'all' })}
        >
          {KIND_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </FormField>
    </div>
  );
}
