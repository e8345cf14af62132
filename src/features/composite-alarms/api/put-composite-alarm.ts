import { PutCompositeAlarmCommand, type PutCompositeAlarmCommandInput } from '@aws-sdk/client-cloudwatch';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cloudWatchClient } from '../../../lib/aws-clients.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';
import { describeAlarmHistoryPrefix } from './describe-alarm-history.ts';
import { describeAlarmsPrefix } from './describe-alarms.ts';

/**
 * PutCompositeAlarm through the SDK: creates the alarm or replaces its whole configuration. A rule
 * that does not parse comes back as InvalidParameterValueException naming the position.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutCompositeAlarm.html
 */
export async function putCompositeAlarm(
  connection: Connection,
  input: PutCompositeAlarmCommandInput,
): Promise<void> {
  await cloudWatchClient(connection).send(new PutCompositeAlarmCommand(input));
}

/** Saves a composite alarm; every alarm list and history re-queries. */
export function usePutCompositeAlarm() {
  const connection = useConnectionStore();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PutCompositeAlarmCommandInput) => putCompositeAlarm(connection, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: describeAlarmsPrefix }),
        queryClient.invalidateQueries({ queryKey: describeAlarmHistoryPrefix }),
      ]),
  });
}
