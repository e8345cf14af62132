import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';
import { controlRequest } from '../../../lib/control-request.ts';

/** `GET/POST /_watchtrail/trail/settings`: who the app's access keys are, and the simulated audit volume. */
export interface TrailSettings {
  identities: { accessKeyId: string; userName: string }[];
  eventsPerDay: number;
  /** Events the trail holds (in the answer only). */
  size?: number;
}

/** The simulated audit volume the engine accepts, events per day. */
export const EVENTS_PER_DAY_MIN = 100;
export const EVENTS_PER_DAY_MAX = 50_000;

const trailSettingsQueryOptions = (base: string | undefined) =>
  queryOptions({
    queryKey: ['watchtrail', 'trail-settings', base],
    queryFn: () => controlRequest<TrailSettings>(base, 'trail/settings'),
    enabled: base !== undefined,
  });

/** The trail settings. */
export function useTrailSettings() {
  const base = controlBase(useConnectionStore());
  return useQuery(trailSettingsQueryOptions(base));
}

/** Saves trail settings (only the members given); the event history is re-read afterwards. */
export function useSaveTrailSettings() {
  const base = controlBase(useConnectionStore());
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<Pick<TrailSettings, 'identities' | 'eventsPerDay'>>) =>
      controlRequest<TrailSettings>(base, 'trail/settings', { method: 'POST', body: patch }),
    onSuccess: (saved) => {
      qc.setQueryData(trailSettingsQueryOptions(base).queryKey, saved);
      void qc.invalidateQueries({ queryKey: ['watchtrail', 'trail', base] });
    },
  });
}

/** Why a user name cannot be used, or undefined: IAM's rule, 1–64 of letters, digits and + = , . @ _ -. */
export function validateUserName(text: string): string | undefined {
  if (text.trim() === '') return 'Enter a user name.';
  if (text.length > 64) return 'A user name has at most 64 characters.';
  if (!/^[\w+=,.@-]+$/.test(text)) return 'Use letters, digits and + = , . @ _ - only (no spaces).';
  return undefined;
}

/** Why an events-per-day text cannot be used, or undefined. */
export function validateEventsPerDay(text: string): string | undefined {
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || n < EVENTS_PER_DAY_MIN || n > EVENTS_PER_DAY_MAX)
    return `Enter a whole number from ${EVENTS_PER_DAY_MIN.toLocaleString('en-US')} to ${EVENTS_PER_DAY_MAX.toLocaleString('en-US')}.`;
  return undefined;
}
