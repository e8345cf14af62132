import type { CloudWatchUnit } from '../format.ts';

/**
 * The 27 CloudWatch standard units (`StandardUnit`), in the order a unit picker lists them: None
 * first, then counts, percent, time, sizes, bits and rates.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDatum.html
 */
export const STANDARD_UNITS: readonly CloudWatchUnit[] = [
  'None',
  'Count',
  'Count/Second',
  'Percent',
  'Seconds',
  'Milliseconds',
  'Microseconds',
  'Bytes',
  'Kilobytes',
  'Megabytes',
  'Gigabytes',
  'Terabytes',
  'Bits',
  'Kilobits',
  'Megabits',
  'Gigabits',
  'Terabits',
  'Bytes/Second',
  'Kilobytes/Second',
  'Megabytes/Second',
  'Gigabytes/Second',
  'Terabytes/Second',
  'Bits/Second',
  'Kilobits/Second',
  'Megabits/Second',
  'Gigabits/Second',
  'Terabits/Second',
];

/** Whether `text` is one of the CloudWatch standard units. */
export function isStandardUnit(text: string): text is CloudWatchUnit {
  return (STANDARD_UNITS as readonly string[]).includes(text);
}
