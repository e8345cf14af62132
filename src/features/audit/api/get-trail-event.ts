import { queryOptions, useQuery } from '@tanstack/react-query';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';
import { controlRequest } from '../../../lib/control-request.ts';
import type { TrailEvent } from '../model/trail-types.ts';
import { trailQueryPrefix } from './search-trail.ts';

/** `GET /_watchtrail/trail/event?id=`: an event's summary and its full record. */
export function getTrailEvent(base: string | undefined, eventId: string): Promise<TrailEvent> {
  return controlRequest<TrailEvent>(base, `trail/event?id=${encodeURIComponent(eventId)}`);
}

export const trailEventQueryOptions = (base: string | undefined, eventId: string) =>
  queryOptions({
    queryKey: [...trailQueryPrefix(base), 'event', eventId],
    queryFn: () => getTrailEvent(base, eventId),
    staleTime: Infinity,
    retry: false,
  });

/** One event by id, from the control endpoints (undefined id = nothing to load). */
export function useTrailEvent(eventId: string | undefined, enabled: boolean) {
  const base = controlBase(useConnectionStore());
  return useQuery({ ...trailEventQueryOptions(base, eventId ?? ''), enabled: enabled && !!eventId });
}
