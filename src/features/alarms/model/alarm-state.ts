// The three states of an alarm and how the console shows them.

/** An alarm's state, as StateValue reports it. */
export type AlarmState = 'ALARM' | 'INSUFFICIENT_DATA' | 'OK';

/** The states in the order lists show them: what needs attention first. */
export const ALARM_STATES: readonly AlarmState[] = ['ALARM', 'INSUFFICIENT_DATA', 'OK'];

/** Whether `value` is one of the three states. */
export function isAlarmState(value: unknown): value is AlarmState {
  return value === 'ALARM' || value === 'INSUFFICIENT_DATA' || value === 'OK';
}

/** How a state reads and looks: red for ALARM, grey for INSUFFICIENT_DATA, green for OK. */
export interface StateLook {
  label: string;
  /** A glyph that tells the states apart without colour. */
  icon: string;
  /** Colour for charts and ribbons. */
  color: string;
  /** Tailwind classes of the badge. */
  badgeClass: string;
}

export const STATE_LOOK: Record<AlarmState, StateLook> = {
  ALARM: {
    label: 'In alarm',
    icon: '▲',
    color: '#d62728',
    badgeClass: 'border-red-200 bg-red-50 text-red-800',
  },
  INSUFFICIENT_DATA: {
    label: 'Insufficient data',
    icon: '◆',
    color: '#94a3b8',
    badgeClass: 'border-slate-300 bg-slate-100 text-slate-700',
  },
  OK: {
    label: 'OK',
    icon: '●',
    color: '#2ca02c',
    badgeClass: 'border-green-200 bg-green-50 text-green-800',
  },
};

/** The position of a state in {@link ALARM_STATES}; unknown states sort last. */
export function stateRank(state: string | undefined): number {
  const i = ALARM_STATES.indexOf(state as AlarmState);
  return i === -1 ? ALARM_STATES.length : i;
}
