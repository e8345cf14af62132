import { SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cloudWatchClient } from '../../../lib/aws-clients.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';
import type { AlarmState } from '../model/alarm-state.ts';
import { invalidateAlarms } from './invalidate-alarms.ts';

/** What SetAlarmState sets. */
export interface SetAlarmStateRequest {
  alarmName: string;
  state: AlarmState;
  reason: string;
}

/**
 * SetAlarmState: sets the state for testing (actions run if it changes). A metric alarm goes back
 * to its evaluated state at its next evaluation.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_SetAlarmState.html
 */
export async function setAlarmState(connection: Connection, req: SetAlarmStateRequest): Promise<void> {
  await cloudWatchClient(connection).send(
    new SetAlarmStateCommand({ AlarmName: req.alarmName, StateValue: req.state, StateReason: req.reason }),
  );
}

export function useSetAlarmState() {
  const connection = useConnectionStore();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (req: SetAlarmStateRequest) => setAlarmState(connection, req),
    onSuccess: () => invalidateAlarms(queryClient, connection),
  });
}
