import { DeleteAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cloudWatchClient } from '../../../lib/aws-clients.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';
import { type AlarmRow, deleteBatches } from '../model/alarm-list.ts';
import { invalidateAlarms } from './invalidate-alarms.ts';

/**
 * DeleteAlarms, in as many calls as AWS's limits need (100 names, one composite alarm per call),
 * one after another. Stops at the first error; what was deleted before it stays deleted.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DeleteAlarms.html
 */
export async function deleteAlarms(
  connection: Connection,
  alarms: readonly Pick<AlarmRow, 'name' | 'kind'>[],
): Promise<void> {
  const client = cloudWatchClient(connection);
  for (const names of deleteBatches(alarms)) {
    await client.send(new DeleteAlarmsCommand({ AlarmNames: names }));
  }
}

/** Deletes alarms; lists re-query whether it succeeded or not (a batch may have gone through). */
export function useDeleteAlarms() {
  const connection = useConnectionStore();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (alarms: readonly Pick<AlarmRow, 'name' | 'kind'>[]) => deleteAlarms(connection, alarms),
    onSettled: () => invalidateAlarms(queryClient, connection),
  });
}
