/**
 * Units of the AWS namespaces' metrics, as AWS documents them. GetMetricData returns no units, so
 * graphs label their axes from this table (custom metrics fall back to GetMetricStatistics' Unit).
 */
const KNOWN_UNITS: Record<string, Record<string, string>> = {
  'AWS/EC2': {
    CPUUtilization: 'Percent',
    NetworkIn: 'Bytes',
    NetworkOut: 'Bytes',
    StatusCheckFailed: 'Count',
  },
  'AWS/Lambda': {
    Invocations: 'Count',
    Errors: 'Count',
    Throttles: 'Count',
    ConcurrentExecutions: 'Count',
    Duration: 'Milliseconds',
  },
  'AWS/ApplicationELB': {
    RequestCount: 'Count',
    TargetResponseTime: 'Seconds',
    HTTPCode_Target_2XX_Count: 'Count',
    HTTPCode_Target_4XX_Count: 'Count',
    HTTPCode_Target_5XX_Count: 'Count',
    HTTPCode_ELB_5XX_Count: 'Count',
    ActiveConnectionCount: 'Count',
  },
  'AWS/DynamoDB': {
    ConsumedReadCapacityUnits: 'Count',
    ConsumedWriteCapacityUnits: 'Count',
    ProvisionedReadCapacityUnits: 'Count',
    ProvisionedWriteCapacityUnits: 'Count',
    ReadThrottleEvents: 'Count',
  },
  'AWS/RDS': {
    CPUUtilization: 'Percent',
    DatabaseConnections: 'Count',
    FreeableMemory: 'Bytes',
    ReadLatency: 'Seconds',
    ReadIOPS: 'Count/Second',
    WriteIOPS: 'Count/Second',
  },
};

/** The documented unit of an AWS metric, or undefined for custom metrics. */
export function knownUnit(namespace: string, metricName: string): string | undefined {
  return KNOWN_UNITS[namespace]?.[metricName];
}

/** SampleCount counts datapoints whatever the metric's unit. */
export function unitForStat(unit: string | undefined, stat: string): string | undefined {
  if (stat === 'SampleCount' || stat.startsWith('TC') || stat.startsWith('tc')) return 'Count';
  if (stat.startsWith('PR')) return 'Percent';
  return unit;
}
