import { queryOptions, useQuery } from '@tanstack/react-query';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';
import { controlRequest } from '../../../lib/control-request.ts';

/** A notification topic, as `GET /_watchtrail/topics` lists it (only what actions need). */
export interface TopicSummary {
  arn: string;
  name: string;
}

export const listTopicsQueryOptions = (base: string | undefined) =>
  queryOptions({
    queryKey: ['watchtrail', 'topics', base],
    queryFn: async (): Promise<TopicSummary[]> =>
      (await controlRequest<{ topics: TopicSummary[] }>(base, 'topics')).topics,
    enabled: base !== undefined,
  });

/** The topics an alarm's actions can notify; disabled where there are no control endpoints. */
export function useTopics() {
  const base = controlBase(useConnectionStore());
  return { base, ...useQuery(listTopicsQueryOptions(base)) };
}
