import { useState } from 'react';
import { AwsErrorAlert } from '../../../../components/aws-error-alert.tsx';
import type { AlarmSortBy, AlarmStateValue, AlarmWidget, Widget } from '../../model/dashboard-body.ts';
import { CheckboxInput, Section, SelectInput, TextInput, inputClass } from './fields.tsx';
import { useAlarmChoices } from './list-alarm-choices.ts';
import { withProperties } from './widget-patch.ts';

/** Props of {@link AlarmProperties}. */
export interface AlarmPropertiesProps {
  widget: AlarmWidget;
  onChange: (widget: Widget, coalesceKey?: string) => void;
}

const SORT: { value: AlarmSortBy; label: string }[] = [
  { value: 'default', label: 'By name' },
  { value: 'stateUpdatedTimestamp', label: 'By state, then most recently changed' },
  { value: 'timestamp', label: 'Most recently changed' },
];
const STATES: AlarmStateValue[] = ['ALARM', 'INSUFFICIENT_DATA', 'OK'];

/** The alarm status widget: which alarms (picked from DescribeAlarms), their order, which states. */
export function AlarmProperties({ widget, onChange }: AlarmPropertiesProps) {
  const p = widget.properties;
  const set = (patch: Record<string, unknown>, key?: string) => onChange(withProperties(widget, patch), key);
  const choices = useAlarmChoices();
  const [filter, setFilter] = useState('');
  const chosen = new Set(p.alarms);
  const states = Array.isArray(p.states) ? p.states : [];
  const shown = (choices.data ?? []).filter((a) =>
    a.name.toLowerCase().includes(filter.trim().toLowerCase()),
  );
  // ARNs in the widget that no alarm has (yet): kept, and listed so they can be removed.
  const unknown = p.alarms.filter((arn) => !(choices.data ?? []).some((a) => a.arn === arn));

  const toggle = (arn: string, on: boolean) =>
    set({ alarms: on ? [...p.alarms.filter((x) => x !== arn), arn] : p.alarms.filter((x) => x !== arn) });

  return (
    <div className="space-y-3">
      <Section title="Widget">
        <TextInput label="Title" value={p.title ?? ''} onValue={(title) => set({ title }, 'title')} />
        <SelectInput
          label="Sort"
          value={p.sortBy ?? 'default'}
          options={SORT}
          onValue={(sortBy) => set({ sortBy: sortBy === 'default' ? undefined : sortBy })}
        />
        <div className="space-y-1">
          <p className="text-xs font-medium text-slate-600">Show alarms in (none checked: every state)</p>
          <div className="flex flex-wrap gap-3">
            {STATES.map((s) => (
              <CheckboxInput
                key={s}
                label={s}
                checked={states.includes(s)}
                onValue={(on) => {
                  const next = on ? [...states.filter((x) => x !== s), s] : states.filter((x) => x !== s);
                  set({ states: next.length === 0 ? undefined : next });
                }}
              />
            ))}
          </div>
        </div>
      </Section>
      <Section title={`Alarms (${p.alarms.length === 0 ? 'all' : p.alarms.length})`}>
        <p className="text-xs text-slate-500">With no alarm checked, the widget shows every alarm.</p>
        <input
          type="search"
          aria-label="Filter alarms"
          placeholder="Filter alarms"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className={inputClass}
        />
        {choices.isPending && <p className="text-sm text-slate-500">Loading alarms…</p>}
        {choices.isError && <AwsErrorAlert title="The alarms could not be listed" error={choices.error} />}
        <ul className="max-h-64 space-y-1 overflow-y-auto">
          {shown.map((a) => (
            <li key={a.arn}>
              <CheckboxInput
                label={`${a.name}${a.state ? ` (${a.state})` : ''}`}
                checked={chosen.has(a.arn)}
                onValue={(on) => toggle(a.arn, on)}
              />
            </li>
          ))}
          {unknown.map((arn) => (
            <li key={arn}>
              <CheckboxInput label={`${arn} (no such alarm)`} checked onValue={() => toggle(arn, false)} />
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
