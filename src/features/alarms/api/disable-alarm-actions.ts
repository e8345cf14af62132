import { DisableAlarmActionsCommand } from '@aws-sdk/client-cloudwatch';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cloudWatchClient } from '../../../lib/aws-clients.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';
import { invalidateAlarms } from './invalidate-alarms.ts';

/** DisableAlarmActions takes at most 100 names per call. */
const BATCH = 100;

/**
 * DisableAlarmActions for the named alarms, 100 names per call.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DisableAlarmActions.html
 */
export async function disableAlarmActions(connection: Connection, names: readonly string[]): Promise<void> {
  const client = cloudWatchClient(connection);
  for (let i = 0; i < names.length; i += BATCH) {
    await client.send(new DisableAlarmActionsCommand({ AlarmNames: names.slice(i, i + BATCH) }));
  }
}

export function useDisableAlarmActions() {
  const connection = useConnectionStore();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (names: readonly string[]) => disableAlarmActions(connection, names),
    onSettled: () => invalidateAlarms(queryClient, connection),
  });
}
