import { useMutation, useQueryClient } from '@tanstack/react-query';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';
import type { EngineClock } from '../../../lib/engine-clock.ts';

/** A change of the engine clock: `POST /_watchtrail/clock`. */
export interface ClockChange {
  now?: number;
  paused?: boolean;
  speed?: number;
  advanceMs?: number;
}

async function post<T>(base: string | undefined, path: string, body: unknown): Promise<T> {
  if (base === undefined)
    throw new Error('This backend has no Watchtrail control endpoints (a real AWS account keeps real time).');
  const res = await fetch(`${base}/_watchtrail/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(json.error ?? `The control endpoint answered ${res.status}.`);
  return json;
}

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
