import type { ReactNode } from 'react';

/** Whether figures shown are the form's: replayed, on their way, or from before the form had an error. */
export type ReplayFreshness = 'current' | 'replaying' | 'outdated';

/** How an outdated replay is dimmed: a class, so the element (and its state) stays put. */
export const OUTDATED_CLASS = 'opacity-50';

/** Says that the replay shown is not the form's: the form's conditions cannot be replayed as typed. */
export function OutdatedNote() {
  return (
    <p className="text-xs font-medium text-amber-800">
      Last valid configuration: the conditions have an error, so this replay is from before it.
    </p>
  );
}

/** Props of {@link LastValidReplay}. */
export interface LastValidReplayProps {
  /** The form's draft cannot be replayed: the children show the last valid configuration's replay. */
  outdated: boolean;
  children: ReactNode;
}

/**
 * Part of the tuner that shows a replay, dimmed and labelled while it is the last valid
 * configuration's rather than the form's. Not aria-busy: nothing is loading, the form has to change.
 */
export function LastValidReplay({ outdated, children }: LastValidReplayProps) {
  return (
    <div className="space-y-1">
      {outdated && <OutdatedNote />}
      <div className={outdated ? OUTDATED_CLASS : undefined}>{children}</div>
    </div>
  );
}
