import { useEngineNow } from '../../../lib/engine-clock.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { navigate } from '../../../lib/navigation.ts';
import type { AlarmRow } from '../model/alarm-list.ts';
import { alarmPath, compositeAlarmPath } from '../model/alarm-route.ts';
import { timeInState } from '../model/durations.ts';
import { AlarmStateBadge } from './alarm-state-badge.tsx';

/** Props of {@link AlarmTable}. */
export interface AlarmTableProps {
  /** The rows to show, in order. */
  rows: AlarmRow[];
  /** Names of the checked rows. */
  selected: ReadonlySet<string>;
  /** Called with the names to check or uncheck. */
  onSelect: (names: string[], checked: boolean) => void;
}

const KIND_LABEL = { MetricAlarm: 'Metric', CompositeAlarm: 'Composite' } as const;

/**
 * The alarms, one row each (`data-testid="alarm-row"`, `data-state`): a checkbox, the state, the name
 * (a link to the alarm; composite alarms open their own page), type, condition, time in state (by
 * the engine clock), the state reason and whether actions are enabled.
 */
export function AlarmTable({ rows, selected, onSelect }: AlarmTableProps) {
  const { now } = useEngineNow(1000);
  const allChecked = rows.length > 0 && rows.every((r) => selected.has(r.name));
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className="w-8 px-3 py-2">
              <input
                type="checkbox"
                aria-label="Select all alarms"
                checked={allChecked}
                disabled={rows.length === 0}
                onChange={(e) =>
                  onSelect(
                    rows.map((r) => r.name),
                    e.target.checked,
                  )
                }
              />
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              State
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Name
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Type
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Conditions
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              In state
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Reason
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Actions
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => {
            const href = r.kind === 'CompositeAlarm' ? compositeAlarmPath(r.name) : alarmPath(r.name);
            return (
              <tr
                key={r.name}
                data-testid="alarm-row"
                data-state={r.state ?? 'UNKNOWN'}
                data-name={r.name}
                className={selected.has(r.name) ? 'bg-blue-50/60' : 'hover:bg-slate-50'}
              >
                <td className="px-3 py-2 align-top">
                  <input
                    type="checkbox"
                    aria-label={`Select ${r.name}`}
                    checked={selected.has(r.name)}
                    onChange={(e) => onSelect([r.name], e.target.checked)}
                  />
                </td>
                <td className="px-3 py-2 align-top">
                  <AlarmStateBadge state={r.state} />
                </td>
                <td className="max-w-64 px-3 py-2 align-top break-words">
                  <a
                    href={href}
                    className="font-medium text-blue-700 hover:underline"
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(href);
                    }}
                  >
                    {r.name}
                  </a>
                </td>
                <td className="px-3 py-2 align-top text-slate-600">{KIND_LABEL[r.kind]}</td>
                <td className="max-w-80 px-3 py-2 align-top font-mono text-xs break-words text-slate-700">
                  {r.condition}
                </td>
                <td
                  className="px-3 py-2 align-top whitespace-nowrap text-slate-600"
                  title={
                    r.stateUpdatedMs !== undefined ? `Since ${formatDateTime(r.stateUpdatedMs)}` : undefined
                  }
                >
                  {r.stateUpdatedMs !== undefined ? timeInState(now - r.stateUpdatedMs) : '—'}
                </td>
                <td className="max-w-96 px-3 py-2 align-top text-xs text-slate-600">
                  <span className="line-clamp-2" title={r.stateReason}>
                    {r.stateReason}
                  </span>
                </td>
                <td className="px-3 py-2 align-top whitespace-nowrap text-slate-600">
                  {r.actionsEnabled ? 'Enabled' : 'Disabled'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
