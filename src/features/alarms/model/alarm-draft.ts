// The alarm form's draft: what a person types, read from an alarm or a link, and turned into a
// PutMetricAlarm request.
import type {
  ComparisonOperator,
  MetricAlarm,
  MetricDataQuery,
  PutMetricAlarmCommandInput,
  StandardUnit,
} from '@aws-sdk/client-cloudwatch';
import type { MetricDimension } from '../../../lib/cloudwatch/metric-identity.ts';
import { evaluatedQuery, isBandOperator, parseBandExpression } from './alarm-condition.ts';
import { isSimpleStat, isValidAlarmPeriod } from './alarm-options.ts';
import type { AlarmState } from './alarm-state.ts';

/** One metric, or a math expression over it. */
export type MetricMode = 'metric' | 'expression';
/** A fixed number, or an anomaly detection band. */
export type ThresholdType = 'static' | 'anomaly';

/** The form's fields; numbers stay text so what is typed is kept exactly, valid or not. */
export interface AlarmDraft {
  name: string;
  description: string;
  metricMode: MetricMode;
  namespace: string;
  metricName: string;
  dimensions: MetricDimension[];
  /** The math expression (expression mode), over the metric's id. */
  expression: string;
  expressionLabel: string;
  stat: string;
  /** Seconds. */
  period: number;
  thresholdType: ThresholdType;
  comparison: ComparisonOperator;
  threshold: string;
  /** The band width k of ANOMALY_DETECTION_BAND(m1, k). */
  bandWidth: string;
  datapointsToAlarm: string;
  evaluationPeriods: string;
  treatMissingData: string;
  actions: Record<AlarmState, string[]>;
  actionsEnabled: boolean;
  /** Query ids: the metric, the expression, the band. */
  metricId: string;
  expressionId: string;
  bandId: string;
  /** Queries of an edited alarm the form does not show (more metrics of an expression), kept as they are. */
  extraQueries: MetricDataQuery[];
  /** Kept from an edited alarm: PutMetricAlarm overwrites the whole configuration. */
  unit?: StandardUnit;
  evaluateLowSampleCountPercentile?: string;
}

export const EMPTY_DRAFT: AlarmDraft = {
  name: '',
  description: '',
  metricMode: 'metric',
  namespace: '',
  metricName: '',
  dimensions: [],
  expression: '',
  expressionLabel: '',
  stat: 'Average',
  period: 300,
  thresholdType: 'static',
  comparison: 'GreaterThanThreshold',
  threshold: '',
  bandWidth: '2',
  datapointsToAlarm: '1',
  evaluationPeriods: '1',
  treatMissingData: 'missing',
  actions: { ALARM: [], OK: [], INSUFFICIENT_DATA: [] },
  actionsEnabled: true,
  metricId: 'm1',
  expressionId: 'e1',
  bandId: 'ad1',
  extraQueries: [],
};

/** Reads `[{"Name":"InstanceId","Value":"i-1"}]`, `[{"name":…,"value":…}]` or `{"InstanceId":"i-1"}`. */
export function parseDimensionsParam(text: string | null): MetricDimension[] | undefined {
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (Array.isArray(parsed)) {
    const out: MetricDimension[] = [];
    for (const d of parsed as Record<string, unknown>[]) {
      const name = d?.Name ?? d?.name;
      const value = d?.Value ?? d?.value;
      if (typeof name !== 'string' || typeof value !== 'string') return undefined;
      out.push({ name, value });
    }
    return out;
  }
  if (parsed && typeof parsed === 'object') {
    const entries = Object.entries(parsed as Record<string, unknown>);
    if (entries.some(([, v]) => typeof v !== 'string')) return undefined;
    return entries.map(([name, value]) => ({ name, value: value as string }));
  }
  return undefined;
}

/**
 * A new alarm's draft from a link (`/alarms/new?namespace=…&metricName=…&dimensions=[…]&stat=…&period=…`),
 * as the Metrics explorer's "Create alarm from this" sends it. Unreadable params are left at their defaults.
 */
export function draftFromSearchParams(params: URLSearchParams): AlarmDraft {
  const draft: AlarmDraft = { ...EMPTY_DRAFT };
  const namespace = params.get('namespace');
  const metricName = params.get('metricName');
  if (namespace) draft.namespace = namespace;
  if (metricName) draft.metricName = metricName;
  const dimensions = parseDimensionsParam(params.get('dimensions'));
  if (dimensions) draft.dimensions = dimensions;
  const stat = params.get('stat');
  if (stat) draft.stat = stat;
  const period = Number(params.get('period'));
  if (params.get('period') && isValidAlarmPeriod(period)) draft.period = period;
  return draft;
}

const dimensionsOf = (
  m: { Dimensions?: { Name?: string; Value?: string }[] } | undefined,
): MetricDimension[] => (m?.Dimensions ?? []).map((d) => ({ name: d.Name ?? '', value: d.Value ?? '' }));

/** The draft that edits an existing metric alarm: every field of its configuration. */
export function draftFromAlarm(a: MetricAlarm): AlarmDraft {
  const draft: AlarmDraft = {
    ...EMPTY_DRAFT,
    name: a.AlarmName ?? '',
    description: a.AlarmDescription ?? '',
    comparison: a.ComparisonOperator ?? EMPTY_DRAFT.comparison,
    threshold: a.Threshold !== undefined ? String(a.Threshold) : '',
    evaluationPeriods: String(a.EvaluationPeriods ?? 1),
    datapointsToAlarm: String(a.DatapointsToAlarm ?? a.EvaluationPeriods ?? 1),
    treatMissingData: a.TreatMissingData ?? 'missing',
    actions: {
      ALARM: a.AlarmActions ?? [],
      OK: a.OKActions ?? [],
      INSUFFICIENT_DATA: a.InsufficientDataActions ?? [],
    },
    actionsEnabled: a.ActionsEnabled ?? true,
    thresholdType: a.ThresholdMetricId || isBandOperator(a.ComparisonOperator) ? 'anomaly' : 'static',
    ...(a.Unit !== undefined ? { unit: a.Unit } : {}),
    ...(a.EvaluateLowSampleCountPercentile !== undefined
      ? { evaluateLowSampleCountPercentile: a.EvaluateLowSampleCountPercentile }
      : {}),
  };
  const metrics = a.Metrics ?? [];
  if (metrics.length === 0) {
    return {
      ...draft,
      namespace: a.Namespace ?? '',
      metricName: a.MetricName ?? '',
      dimensions: dimensionsOf(a),
      stat: a.Statistic ?? a.ExtendedStatistic ?? 'Average',
      period: a.Period ?? EMPTY_DRAFT.period,
    };
  }
  const band = metrics.find((q) => q.Id === a.ThresholdMetricId);
  const evaluated = evaluatedQuery(metrics, a.ThresholdMetricId);
  const metricQuery = evaluated?.MetricStat ? evaluated : metrics.find((q) => q.MetricStat);
  const expressionQuery = evaluated && !evaluated.MetricStat ? evaluated : undefined;
  const used = new Set([band, metricQuery, expressionQuery]);
  const stat = metricQuery?.MetricStat;
  return {
    ...draft,
    metricMode: expressionQuery ? 'expression' : 'metric',
    namespace: stat?.Metric?.Namespace ?? '',
    metricName: stat?.Metric?.MetricName ?? '',
    dimensions: dimensionsOf(stat?.Metric),
    stat: stat?.Stat ?? 'Average',
    period: stat?.Period ?? expressionQuery?.Period ?? EMPTY_DRAFT.period,
    ...(stat?.Unit !== undefined ? { unit: stat.Unit } : {}),
    expression: expressionQuery?.Expression ?? '',
    expressionLabel: expressionQuery?.Label ?? '',
    bandWidth: String(parseBandExpression(band?.Expression)?.width ?? 2),
    metricId: metricQuery?.Id ?? 'm1',
    expressionId: expressionQuery?.Id ?? 'e1',
    bandId: band?.Id ?? 'ad1',
    extraQueries: metrics.filter((q) => !used.has(q)),
  };
}

/** The id of the query the alarm evaluates: the expression's in expression mode, else the metric's. */
export function evaluatedId(d: AlarmDraft): string {
  return d.metricMode === 'expression' ? d.expressionId : d.metricId;
}

/** `ANOMALY_DETECTION_BAND(m1, 2)` for the draft. */
export function bandExpression(d: AlarmDraft): string {
  return `ANOMALY_DETECTION_BAND(${evaluatedId(d)}, ${Number(d.bandWidth)})`;
}

/**
 * The draft's queries in `Metrics` form: the metric (returning data unless an expression reads it),
 * the expression, the band, and any queries kept from the edited alarm.
 */
export function draftQueries(d: AlarmDraft): MetricDataQuery[] {
  const queries: MetricDataQuery[] = [
    {
      Id: d.metricId,
      MetricStat: {
        Metric: {
          Namespace: d.namespace,
          MetricName: d.metricName,
          Dimensions: d.dimensions.map((x) => ({ Name: x.name, Value: x.value })),
        },
        Period: d.period,
        Stat: d.stat.trim(),
        ...(d.unit !== undefined ? { Unit: d.unit } : {}),
      },
      ReturnData: d.metricMode === 'metric',
    },
  ];
  if (d.metricMode === 'expression') {
    queries.push({
      Id: d.expressionId,
      Expression: d.expression.trim(),
      ...(d.expressionLabel.trim() ? { Label: d.expressionLabel.trim() } : {}),
      ReturnData: true,
    });
  }
  if (d.thresholdType === 'anomaly') {
    queries.push({ Id: d.bandId, Expression: bandExpression(d), ReturnData: true });
  }
  for (const q of d.extraQueries) queries.push({ ...q, ReturnData: false });
  return queries;
}

/**
 * The PutMetricAlarm request for a valid draft. A static alarm on one metric uses the single-metric
 * fields (Namespace, MetricName, Statistic or ExtendedStatistic, …); an expression or an anomaly
 * band uses `Metrics`, with `ThresholdMetricId` naming the band and no `Threshold` (AWS PutMetricAlarm).
 */
export function toPutMetricAlarmInput(d: AlarmDraft): PutMetricAlarmCommandInput {
  const n = Number(d.evaluationPeriods);
  const input: PutMetricAlarmCommandInput = {
    AlarmName: d.name,
    AlarmDescription: d.description,
    ActionsEnabled: d.actionsEnabled,
    AlarmActions: d.actions.ALARM,
    OKActions: d.actions.OK,
    InsufficientDataActions: d.actions.INSUFFICIENT_DATA,
    ComparisonOperator: d.comparison,
    EvaluationPeriods: n,
    DatapointsToAlarm: Number(d.datapointsToAlarm),
    TreatMissingData: d.treatMissingData,
    ...(d.evaluateLowSampleCountPercentile !== undefined
      ? { EvaluateLowSampleCountPercentile: d.evaluateLowSampleCountPercentile }
      : {}),
  };
  if (d.thresholdType === 'anomaly') {
    return { ...input, Metrics: draftQueries(d), ThresholdMetricId: d.bandId };
  }
  const threshold = Number(d.threshold);
  if (d.metricMode === 'expression') return { ...input, Metrics: draftQueries(d), Threshold: threshold };
  const stat = d.stat.trim();
  return {
    ...input,
    Namespace: d.namespace,
    MetricName: d.metricName,
    Dimensions: d.dimensions.map((x) => ({ Name: x.name, Value: x.value })),
    Period: d.period,
    ...(isSimpleStat(stat) ? { Statistic: stat } : { ExtendedStatistic: stat }),
    ...(d.unit !== undefined ? { Unit: d.unit } : {}),
    Threshold: threshold,
  };
}
