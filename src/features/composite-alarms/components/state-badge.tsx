import { type ChildState, stateColors } from '../model/rule-tree.ts';

/** Props of {@link StateBadge}. */
export interface StateBadgeProps {
  /** The alarm's state; undefined while it loads. */
  state: ChildState | undefined;
}

/** An alarm state as a coloured badge: ALARM red, OK green, INSUFFICIENT_DATA gray. */
export function StateBadge({ state }: StateBadgeProps) {
  const c = stateColors(state);
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ${c.badge}`}
      data-state={state ?? 'UNKNOWN'}
    >
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${c.dot}`} />
      {c.text}
    </span>
  );
}
