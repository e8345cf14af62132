import { queryOptions, useQuery } from '@tanstack/react-query';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';

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
    queryFn: async (): Promise<EngineState> => {
      const res = await fetch(`${base}/_watchtrail/state`);
      if (!res.ok) throw new Error(`The state endpoint answered ${res.status}.`);
      return (await res.json()) as EngineState;
    },
    enabled: base !== undefined,
  });

export function useEngineState() {
  return useQuery(engineStateQueryOptions(controlBase(useConnectionStore())));
}
