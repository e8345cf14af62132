import { queryOptions, useQuery } from '@tanstack/react-query';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';
import { controlRequest } from '../../../lib/control-request.ts';

/** `GET /_watchtrail/state`: the seed, whether the simulation runs, and what the engine holds. */
export interface EngineState {
  seed: number;
  simulation: boolean;
  publishedSeries: number;
  storedDatapoints: number;
  simulatedSeries: number;
}

export const engineStateQueryOptions = (base: string | undefined) =>
  queryOptions({
    queryKey: ['watchtrail', 'state', base],
    queryFn: () => controlRequest<EngineState>(base, 'state'),
    enabled: base !== undefined,
  });

export function useEngineState() {
  return useQuery(engineStateQueryOptions(controlBase(useConnectionStore())));
}
