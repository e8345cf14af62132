import { useMutation, useQueryClient } from '@tanstack/react-query';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';
import { controlRequest } from '../../../lib/control-request.ts';
import { listTopicsQueryOptions } from './list-topics.ts';

/** `POST /_watchtrail/topics/unsubscribe {arn}`: removes a subscription. */
export function useUnsubscribe() {
  const base = controlBase(useConnectionStore());
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (arn: string) =>
      controlRequest<unknown>(base, 'topics/unsubscribe', { method: 'POST', body: { arn } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: listTopicsQueryOptions(base).queryKey }),
  });
}
