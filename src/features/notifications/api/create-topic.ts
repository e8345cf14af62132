import { useMutation, useQueryClient } from '@tanstack/react-query';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';
import { controlRequest } from '../../../lib/control-request.ts';
import { type Topic, listTopicsQueryOptions } from './list-topics.ts';

/** `POST /_watchtrail/topics {name}`: creates a topic, or returns the one of that name (like SNS CreateTopic). */
export function useCreateTopic() {
  const base = controlBase(useConnectionStore());
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => controlRequest<Topic>(base, 'topics', { method: 'POST', body: { name } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: listTopicsQueryOptions(base).queryKey }),
  });
}
