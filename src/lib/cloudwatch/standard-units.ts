import { StandardUnit } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchUnit } from '../format.ts';

/** The units a person picks most, listed first. */
const FIRST: readonly CloudWatchUnit[] = [
  'None',
  'Count',
  'Count/Second',
  'Percent',
  'Seconds',
  'Milliseconds',
  'Microseconds',
];

/**
 * The 27 CloudWatch standard units (the SDK's `StandardUnit`), in the order a unit picker lists
 * them: the common ones first, then the rest.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDatum.html
 */
export const STANDARD_UNITS: readonly CloudWatchUnit[] = [
  ...FIRST,
  ...Object.values(StandardUnit).filter((u) => !FIRST.includes(u)),
];

/** Whether `text` is one of the CloudWatch standard units. */
export function isStandardUnit(text: string): text is CloudWatchUnit {
  return (STANDARD_UNITS as readonly string[]).includes(text);
}
