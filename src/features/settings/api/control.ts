import { useMutation, useQueryClient } from '@tanstack/react-query';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';
import { controlRequest } from '../../../lib/control-request.ts';
import type { EngineClock } from '../../../lib/engine-clock.ts';

/** A change of the engine clock: `POST /_watchtrail/clock`. */
export interface ClockChange {
  now?: number;
  paused?: boolean;
  speed?: number;
  advanceMs?: number;
}

const post = <T>(base: string | undefined, path: string, body: unknown): Promise<T> =>
  controlRequest<T>(base, path, { method: 'POST', body });

/** Sets the engine clock; every query is refetched since "now" moved. */
export function useSetClock() {
  const base = controlBase(useConnectionStore());
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: ClockChange) => post<EngineClock>(base, 'clock', change),
    onSuccess: () => qc.invalidateQueries(),
  });
}

/** Restarts the engine: `POST /_watchtrail/reset`. Clears everything it holds. */
export function useResetEngine() {
  const base = controlBase(useConnectionStore());
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { seed?: number; simulation: boolean }) =>
      post<{ seed: number; simulation: boolean }>(base, 'reset', body),
    onSuccess: () => qc.invalidateQueries(),
  });
}
