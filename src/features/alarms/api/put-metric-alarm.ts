import { PutMetricAlarmCommand, type PutMetricAlarmCommandInput } from '@aws-sdk/client-cloudwatch';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cloudWatchClient } from '../../../lib/aws-clients.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';
import { invalidateAlarms } from './invalidate-alarms.ts';

/**
 * PutMetricAlarm: creates the alarm (in INSUFFICIENT_DATA until evaluated) or overwrites the whole
 * configuration of the alarm with that name, keeping its state.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
 */
export async function putMetricAlarm(
  connection: Connection,
  input: PutMetricAlarmCommandInput,
): Promise<void> {
  await cloudWatchClient(connection).send(new PutMetricAlarmCommand(input));
}

/** Saves an alarm; alarm lists, details and histories re-query before the mutation settles. */
export function usePutMetricAlarm() {
  const connection = useConnectionStore();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PutMetricAlarmCommandInput) => putMetricAlarm(connection, input),
    onSuccess: () => invalidateAlarms(queryClient, connection),
  });
}
