import type { QueryClient } from '@tanstack/react-query';
import type { Connection } from '../../../lib/connection-store.ts';
import { alarmHistoryQueryPrefix } from './describe-alarm-history.ts';
import { describeAlarmsQueryPrefix } from './describe-alarms.ts';

/** After a change to alarms: every alarm list, detail and history re-queries (resolves once they have). */
export async function invalidateAlarms(queryClient: QueryClient, connection: Connection): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: describeAlarmsQueryPrefix(connection) }),
    queryClient.invalidateQueries({ queryKey: alarmHistoryQueryPrefix(connection) }),
  ]);
}
