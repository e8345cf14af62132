import type { Dimension, Engine } from '../../engine/index.ts';
import { parseStat } from '../../engine/index.ts';
import { invalidParameterCombination, invalidParameterValue, missingParameter } from './errors.ts';
import { type Json, dimensionsAt, metricNameAt, namespaceAt, objectAt, stringAt } from './input.ts';

/** The metric of an anomaly detector: SingleMetricAnomalyDetector, or the older top-level fields. */
export function detectorMetricAt(input: Json): {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  stat: string;
} {
  const single = objectAt(input, 'SingleMetricAnomalyDetector', 'SingleMetricAnomalyDetector');
  if (objectAt(input, 'MetricMathAnomalyDetector', 'MetricMathAnomalyDetector')) {
    throw invalidParameterValue(
      'MetricMathAnomalyDetector is not supported by this endpoint: use SingleMetricAnomalyDetector, or ANOMALY_DETECTION_BAND in a metric math expression.',
    );
  }
  const legacy = ['Namespace', 'MetricName', 'Dimensions', 'Stat'].filter((k) => input[k] !== undefined);
  if (single && legacy.length > 0) {
    throw invalidParameterCombination(
      `The parameters SingleMetricAnomalyDetector and ${legacy[0]} are mutually exclusive and you have specified both.`,
    );
  }
  const src = single ?? input;
  const p = single ? 'SingleMetricAnomalyDetector.' : '';
  if (src.Namespace === undefined && src.MetricName === undefined)
    throw missingParameter(single ? 'SingleMetricAnomalyDetector.Namespace' : 'SingleMetricAnomalyDetector');
  const stat = stringAt(src, 'Stat', `${p}Stat`, true);
  if (!parseStat(stat))
    throw invalidParameterValue(`The value ${stat} for parameter ${p}Stat is not a valid statistic.`);
  return {
    namespace: namespaceAt(src, 'Namespace', `${p}Namespace`, true),
    metricName: metricNameAt(src, 'MetricName', `${p}MetricName`, true),
    dimensions: dimensionsAt(src, 'Dimensions', `${p}Dimensions`, 30),
    stat,
  };
}

/** Anomaly detector states: a new model trains for a while (AWS says up to 15 minutes for an existing metric). */
export function detectorState(engine: Engine, createdMs: number): string {
  return engine.now() - createdMs < 15 * 60_000 ? 'PENDING_TRAINING' : 'TRAINED';
}
