/** Props of {@link StateChange}. */
export interface StateChangeProps {
  oldState: string;
  newState: string;
}

function stateClass(state: string): string {
  if (state === 'ALARM') return 'bg-red-100 text-red-800';
  if (state === 'OK') return 'bg-green-100 text-green-800';
  return 'bg-slate-200 text-slate-700';
}

/** `OK → ALARM`, each state in its colour (ALARM red, OK green, INSUFFICIENT_DATA gray). */
export function StateChange({ oldState, newState }: StateChangeProps) {
  return (
    <span className="inline-flex items-center gap-1 text-xs" aria-label={`from ${oldState} to ${newState}`}>
      <span className={`rounded px-1.5 py-0.5 font-medium ${stateClass(oldState)}`}>{oldState}</span>
      <span aria-hidden="true">→</span>
      <span className={`rounded px-1.5 py-0.5 font-medium ${stateClass(newState)}`} data-state={newState}>
        {newState}
      </span>
    </span>
  );
}
