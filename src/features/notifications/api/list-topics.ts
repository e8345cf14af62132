import { queryOptions, useQuery } from '@tanstack/react-query';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';
import type { DeliveryProtocol } from '../model/notification.ts';
import { controlRequest } from '../../../lib/control-request.ts';

export interface Subscription {
  arn: string;
  protocol: DeliveryProtocol;
}

/** A notification topic (Watchtrail's stand-in for an SNS topic) and how it delivers. */
export interface Topic {
  arn: string;
  name: string;
  subscriptions: Subscription[];
}

/** `['watchtrail', 'topics', base]`: the topics, also read by the composite alarm form's actions. */
export const listTopicsQueryOptions = (base: string | undefined) =>
  queryOptions({
    queryKey: ['watchtrail', 'topics', base],
    queryFn: async (): Promise<Topic[]> => (await controlRequest<{ topics: Topic[] }>(base, 'topics')).topics,
    enabled: base !== undefined,
  });

/** `GET /_watchtrail/topics`; disabled where the backend has no control endpoints. */
export function useTopics() {
  const base = controlBase(useConnectionStore());
  return { base, ...useQuery(listTopicsQueryOptions(base)) };
}
