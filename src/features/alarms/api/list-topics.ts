import { queryOptions, useQuery } from '@tanstack/react-query';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';

/** An SNS topic alarms can notify. */
export interface Topic {
  arn: string;
  name: string;
}

/**
 * The topics the engine knows: `GET /_watchtrail/topics` → `{ topics: [{ arn, name }] }`. A backend
 * without control endpoints (a real account) or without this one lists none; ARNs can still be typed.
 */
export async function listTopics(base: string | undefined): Promise<Topic[]> {
  if (base === undefined) return [];
  const res = await fetch(`${base}/_watchtrail/topics`);
  if (res.status === 404) return [];
  if (!res.ok) throw new Error(`The topics endpoint answered ${res.status}.`);
  const body = (await res.json()) as { topics?: Topic[] };
  return (body.topics ?? []).filter((t) => typeof t.arn === 'string');
}

export const topicsQueryOptions = (base: string | undefined) =>
  queryOptions({
    queryKey: ['watchtrail', 'topics', base],
    queryFn: () => listTopics(base),
    staleTime: 30_000,
  });

export function useTopics() {
  const base = controlBase(useConnectionStore());
  return useQuery(topicsQueryOptions(base));
}
