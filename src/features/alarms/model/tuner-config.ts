// What the tuner replays, read from the alarm form's draft: the evaluation configuration (threshold,
// operator, M of N, missing data) and, apart from it, the data to fetch (queries at the alarm's
// period). Only a change of the data refetches; a change of the configuration only re-runs.
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { GroundTruth, TunerConfig } from '../../../lib/alarm-tuner.ts';
import type { MetricIdentity } from '../../../lib/cloudwatch/metric-identity.ts';
import { type AlarmDraft, draftQueries, evaluatedId } from './alarm-draft.ts';
import type { AlarmErrors, AlarmField } from './alarm-validation.ts';
import { parseNumber } from './alarm-validation.ts';

/** The fields the data depends on; with an error in any of them there is nothing to fetch. */
const DATA_FIELDS: readonly AlarmField[] = [
  'namespace',
  'metricName',
  'expression',
  'stat',
  'period',
  'bandWidth',
];
/** The fields the evaluation depends on. */
const CONDITION_FIELDS: readonly AlarmField[] = [
  'comparison',
  'threshold',
  'evaluationPeriods',
  'datapointsToAlarm',
  'treatMissingData',
];

/** The Id under which the tuner asks for the sample count of a percentile alarm that ignores low samples. */
export const SAMPLES_ID = 'wt_tuner_samples';

/** `p99` → 0.99, `p99.9` → 0.999; undefined for other statistics. */
export function percentileOf(stat: string): number | undefined {
  const m = /^p(\d{1,2}(?:\.\d+)?|100(?:\.0+)?)$/.exec(stat.trim());
  return m ? Number(m[1]) / 100 : undefined;
}

/** What to fetch for a replay: the draft's queries at its period, which results are which. */
export interface TunerDataSpec {
  /** GetMetricData queries; only the evaluated one, the band and the sample count return data. */
  queries: MetricDataQuery[];
  periodS: number;
  evaluatedId: string;
  /** The band's Id, for anomaly detection alarms. */
  bandId?: string;
  /** The sample count's Id, for percentile alarms with EvaluateLowSampleCountPercentile `ignore`. */
  samplesId?: string;
}

/** The data a draft's replay needs, or undefined while the metric part has errors. */
export function tunerDataSpec(d: AlarmDraft, errors: AlarmErrors): TunerDataSpec | undefined {
  if (DATA_FIELDS.some((f) => errors[f] !== undefined)) return undefined;
  const queries = draftQueries(d);
  const spec: TunerDataSpec = { queries, periodS: d.period, evaluatedId: evaluatedId(d) };
  if (d.thresholdType === 'anomaly') spec.bandId = d.bandId;
  if (
    d.metricMode === 'metric' &&
    d.evaluateLowSampleCountPercentile === 'ignore' &&
    percentileOf(d.stat) !== undefined
  ) {
    const metric = queries[0].MetricStat;
    if (metric) {
      queries.push({
        Id: SAMPLES_ID,
        MetricStat: { ...metric, Stat: 'SampleCount' },
        ReturnData: true,
      });
      spec.samplesId = SAMPLES_ID;
    }
  }
  return spec;
}

/** A stable text of the spec: equal texts fetch the same data. */
export const dataSpecKey = (spec: TunerDataSpec): string => JSON.stringify(spec);

/**
 * The evaluation configuration of the draft, as the engine's evaluator takes it, or undefined while
 * a condition field has an error.
 */
export function tunerConfigFromDraft(d: AlarmDraft, errors: AlarmErrors): TunerConfig | undefined {
  if (CONDITION_FIELDS.some((f) => errors[f] !== undefined) || errors.period !== undefined) return undefined;
  if (d.thresholdType === 'anomaly' && errors.bandWidth !== undefined) return undefined;
  const threshold = d.thresholdType === 'static' ? parseNumber(d.threshold) : undefined;
  if (d.thresholdType === 'static' && threshold === undefined) return undefined;
  const stat = d.stat.trim();
  const percentile = percentileOf(stat);
  const low = d.evaluateLowSampleCountPercentile;
  return {
    periodMs: d.period * 1000,
    evaluationPeriods: Number(d.evaluationPeriods),
    datapointsToAlarm: Number(d.datapointsToAlarm),
    comparisonOperator: d.comparison as TunerConfig['comparisonOperator'],
    ...(threshold !== undefined ? { threshold } : {}),
    treatMissingData: d.treatMissingData as TunerConfig['treatMissingData'],
    namespace: d.namespace,
    ...(percentile !== undefined ? { percentile } : {}),
    ...(low === 'evaluate' || low === 'ignore' ? { evaluateLowSampleCountPercentile: low } : {}),
    ...(d.metricMode === 'metric' ? { statisticLabel: stat } : {}),
  };
}

/** How long after an incident ends an alarm still counts as catching it: the evaluation window, N × period. */
export const graceMs = (config: Pick<TunerConfig, 'evaluationPeriods' | 'periodMs'>): number =>
  config.evaluationPeriods * config.periodMs;

/** The metrics the draft reads (the metric, and those of the kept queries of an expression). */
export function draftMetrics(d: AlarmDraft): MetricIdentity[] {
  const out: MetricIdentity[] = [];
  const seen = new Set<string>();
  const add = (m: MetricIdentity) => {
    const key = JSON.stringify(m);
    if (m.namespace === '' || m.metricName === '' || seen.has(key)) return;
    seen.add(key);
    out.push(m);
  };
  add({ namespace: d.namespace, metricName: d.metricName, dimensions: d.dimensions });
  for (const q of d.extraQueries) {
    const m = q.MetricStat?.Metric;
    if (!m) continue;
    add({
      namespace: m.Namespace ?? '',
      metricName: m.MetricName ?? '',
      dimensions: (m.Dimensions ?? []).map((x) => ({ name: x.Name ?? '', value: x.Value ?? '' })),
    });
  }
  return out;
}

/** The dimension values of the draft's metrics: the resources an audit event may have touched. */
export function draftResourceNames(d: AlarmDraft): string[] {
  return [...new Set(draftMetrics(d).flatMap((m) => m.dimensions.map((x) => x.value)))].filter(Boolean);
}

/** An incident as the control endpoint returns it. */
export interface Incident {
  id: string;
  kind: string;
  startMs: number;
  endMs: number;
  target: string;
  severity: number;
  summary: string;
  causeAtMs?: number;
}

/** The incidents as the replay's ground truth. */
export const groundTruth = (incidents: readonly Incident[]): GroundTruth[] =>
  incidents.map((i) => ({ id: i.id, startMs: i.startMs, endMs: i.endMs, label: i.summary || i.kind }));
