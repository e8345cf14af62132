import { STATE_LOOK, type AlarmState } from '../model/alarm-state.ts';

/** Props of {@link AlarmStateBadge}. */
export interface AlarmStateBadgeProps {
  /** The state; undefined reads "Unknown". */
  state: AlarmState | undefined;
}

/** The state with its colour and icon (red ▲ ALARM, grey ◆ INSUFFICIENT_DATA, green ● OK); `data-state` carries the value. */
export function AlarmStateBadge({ state }: AlarmStateBadgeProps) {
  const look = state ? STATE_LOOK[state] : undefined;
  return (
    <span
      data-testid="alarm-state"
      data-state={state ?? 'UNKNOWN'}
      title={look?.label}
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-semibold ${look?.badgeClass ?? 'border-slate-200 bg-white text-slate-500'}`}
    >
      <span aria-hidden="true">{look?.icon ?? '?'}</span>
      {state ?? 'Unknown'}
    </span>
  );
}
