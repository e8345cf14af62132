import { anomalyBand } from '../anomaly/anomaly-band.ts';
import type { Args } from './args.ts';
import { MathError } from './math-error.ts';
import { type Value, array, seriesOf } from './series.ts';

/**
 * ANOMALY_DETECTION_BAND(TS [, k = 2]): [upper, lower] (so FIRST is the upper bound and LAST the lower, as
 * CloudWatch documents), at the input's timestamps. The model (see anomalyBand) learns from the same input
 * evaluated over the training window before the range, fetched through the context.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Anomaly_Detection.html
 */
export function anomalyDetectionBand(a: Args): Value {
  const input = a.series(0);
  const k = a.length > 1 ? a.scalar(1) : 2;
  if (k < 0)
    throw new MathError(
      'Invalid argument for ANOMALY_DETECTION_BAND',
      a.node(1).position,
      undefined,
      `expected a number of standard deviations 0 or more, got ${k}`,
    );
  const training = a.ctx.trainingContext();
  if (!training)
    throw new MathError(
      'Nested ANOMALY_DETECTION_BAND',
      a.call.position,
      'ANOMALY_DETECTION_BAND',
      'a band cannot be computed from another band',
    );
  const history = a.series(0, training);
  const band = anomalyBand(history, input.timestamps, k, a.ctx.anomalyOptions(a.node(0)));
  const like = { periodMs: input.periodMs, label: input.label };
  return array([
    seriesOf({ ...like, role: 'upper' }, input.timestamps, band.upper),
    seriesOf({ ...like, role: 'lower' }, input.timestamps, band.lower),
  ]);
}
