import { PutMetricDataCommand, type PutMetricDataCommandInput } from '@aws-sdk/client-cloudwatch';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cloudWatchClient } from '../../../lib/aws-clients.ts';
import { metricDataQueryOptions } from '../../../lib/cloudwatch/get-metric-data.ts';
import { metricUnitQueryPrefix } from '../../../lib/cloudwatch/get-metric-unit.ts';
import { type Connection, useConnectionStore } from '../../../lib/connection-store.ts';
import { listMetricsQueryOptions } from '../../../lib/cloudwatch/list-metrics.ts';

/**
 * PutMetricData through the SDK. The server validates the request as CloudWatch does and answers
 * with a typed exception (InvalidParameterValueException, …) naming the parameter.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html
 */
export async function putMetricData(connection: Connection, input: PutMetricDataCommandInput): Promise<void> {
  await cloudWatchClient(connection).send(new PutMetricDataCommand(input));
}

/** `['cloudwatch', 'GetMetricData']`: the prefix of every GetMetricData query, whatever its metrics and range. */
const metricDataPrefix = (connection: Connection) =>
  metricDataQueryOptions(connection, { queries: [], startMs: 0, endMs: 0 }).queryKey.slice(0, 2);

/**
 * Publishes datapoints; on success the metric list and every graph re-query, so a new metric shows
 * up in the browser and its datapoint on the charts (the mutation settles once they have re-queried).
 */
export function usePutMetricData() {
  const connection = useConnectionStore();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PutMetricDataCommandInput) => putMetricData(connection, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: listMetricsQueryOptions(connection).queryKey }),
        queryClient.invalidateQueries({ queryKey: metricDataPrefix(connection) }),
        queryClient.invalidateQueries({ queryKey: metricUnitQueryPrefix(connection) }),
      ]),
  });
}
