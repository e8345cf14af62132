import { DeleteAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cloudWatchClient } from '../../../lib/aws-clients.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';
import { describeAlarmsPrefix } from './describe-alarms.ts';

/**
 * DeleteAlarms for one composite alarm (a call may delete at most one composite, spec §b).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DeleteAlarms.html
 */
export async function deleteAlarm(connection: Connection, name: string): Promise<void> {
  await cloudWatchClient(connection).send(new DeleteAlarmsCommand({ AlarmNames: [name] }));
}

/** Deletes a composite alarm; every alarm list re-queries. */
export function useDeleteAlarm() {
  const connection = useConnectionStore();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => deleteAlarm(connection, name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: describeAlarmsPrefix }),
  });
}
