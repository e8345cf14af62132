import type { Engine } from '../../engine/index.ts';
import { detectorMetricAt } from './anomaly-detector-input.ts';
import { resourceNotFoundException } from './errors.ts';
import type { Json } from './input.ts';

/** DeleteAnomalyDetector. https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DeleteAnomalyDetector.html */
export function deleteAnomalyDetector(input: Json, engine: Engine): Json {
  const m = detectorMetricAt(input);
  if (!engine.alarms.deleteDetector(m.namespace, m.metricName, m.dimensions, m.stat)) {
    throw resourceNotFoundException(
      `No anomaly detection model exists for ${m.namespace} ${m.metricName} ${m.stat} with these dimensions.`,
    );
  }
  return {};
}
