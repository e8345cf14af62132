import { useMutation, useQueryClient } from '@tanstack/react-query';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';
import type { DeliveryProtocol } from '../model/notification.ts';
import { controlRequest } from '../../../lib/control-request.ts';
import { type Subscription, listTopicsQueryOptions } from './list-topics.ts';

/** `POST /_watchtrail/topics/subscribe {topicArn, protocol}` → the subscription. */
export function useSubscribe() {
  const base = controlBase(useConnectionStore());
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { topicArn: string; protocol: DeliveryProtocol }) =>
      controlRequest<Subscription>(base, 'topics/subscribe', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: listTopicsQueryOptions(base).queryKey }),
  });
}
