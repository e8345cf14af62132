import type { Engine } from '../engine.ts';
import type { BucketTable } from '../metrics/bucket-table.ts';
import { type MetricId, metricKey } from '../metrics/identity.ts';
import { type Stat, needsDistribution, parseStat, statValue } from '../metrics/statistics.ts';
import type { StandardUnit } from '../metrics/units.ts';
import { type DataQuery, getMetricDataResults } from '../math/metric-data.ts';
import { type EvaluationConfig, type EvaluationInput, evaluationRangeSlots } from './evaluate.ts';
import { type MetricAlarm, alarmPeriodSeconds } from './model.ts';

/**
 * Fetches what an alarm evaluates: the datapoints of its evaluation range ending at the evaluation
 * instant, one slot per period, oldest first. Within one scheduler tick, alarms on the same metric,
 * period and statistic share one aggregation.
 */
export class AlarmData {
  private readonly engine: Engine;
  private readonly cache = new Map<string, BucketTable>();
  private caching = false;
  /** Metric keys per metric identity object, so a tick does not rebuild them for every alarm. */
  private readonly keys = new WeakMap<MetricId, string>();

  constructor(engine: Engine) {
    this.engine = engine;
  }

  beginTick(): void {
    this.caching = true;
    this.cache.clear();
  }

  endTick(): void {
    this.caching = false;
    this.cache.clear();
  }

  private aggregate(
    metric: MetricId,
    startMs: number,
    endMs: number,
    periodMs: number,
    stat: Stat,
    unit?: StandardUnit,
  ): BucketTable {
    const withDist = needsDistribution(stat);
    if (!this.caching) return this.engine.aggregate(metric, startMs, endMs, periodMs, withDist, unit);
    let mk = this.keys.get(metric);
    if (mk === undefined) {
      mk = metricKey(metric);
      this.keys.set(metric, mk);
    }
    const key = `${mk}|${startMs}|${periodMs}|${withDist}|${unit ?? ''}`;
    let t = this.cache.get(key);
    if (!t) {
      t = this.engine.aggregate(metric, startMs, endMs, periodMs, withDist, unit);
      this.cache.set(key, t);
    }
    return t;
  }

  private readonly metrics = new WeakMap<MetricAlarm, MetricId>();

  /** One identity object per alarm (it keys the caches above). */
  private metricOf(alarm: MetricAlarm, namespace: string, metricName: string): MetricId {
    let m = this.metrics.get(alarm);
    if (!m) {
      m = { namespace, metricName, dimensions: alarm.dimensions };
      this.metrics.set(alarm, m);
    }
    return m;
  }

  evaluationInput(alarm: MetricAlarm, atMs: number): { config: EvaluationConfig; input: EvaluationInput } {
    const returned = alarm.metrics?.find((m) => m.returnData && m.id !== alarm.thresholdMetricId);
    const periodSeconds = alarmPeriodSeconds(alarm);
    const periodMs = periodSeconds * 1000;
    const slots = evaluationRangeSlots(alarm.evaluationPeriods, periodMs);
    const startMs = atMs - slots * periodMs;
    const statText = alarm.extendedStatistic ?? alarm.statistic ?? returned?.metricStat?.stat ?? 'Average';
    const stat = parseStat(statText);
    const config: EvaluationConfig = {
      periodMs,
      evaluationPeriods: alarm.evaluationPeriods,
      datapointsToAlarm: alarm.datapointsToAlarm ?? alarm.evaluationPeriods,
      comparisonOperator: alarm.comparisonOperator,
      threshold: alarm.threshold,
      treatMissingData: alarm.treatMissingData ?? 'missing',
      namespace: alarm.namespace ?? returned?.metricStat?.namespace,
      percentile: stat?.kind === 'percentile' ? stat.p / 100 : undefined,
      evaluateLowSampleCountPercentile: alarm.evaluateLowSampleCountPercentile,
      statisticLabel: alarm.metrics ? undefined : statText,
    };
    const periodStarts = Array.from({ length: slots }, (_, i) => startMs + i * periodMs);
    if (!alarm.metrics) {
      if (!stat || !alarm.namespace || !alarm.metricName)
        throw new Error(`the statistic ${statText} is not valid`);
      const metric = this.metricOf(alarm, alarm.namespace, alarm.metricName);
      const table = this.aggregate(metric, startMs, atMs, periodMs, stat, alarm.unit);
      const values: (number | undefined)[] = [];
      const sampleCounts: (number | undefined)[] = [];
      for (let i = 0; i < slots; i++) {
        const c = table.count[i];
        values.push(
          c > 0 ? statValue(stat, c, table.sum[i], table.min[i], table.max[i], table.dist?.[i]) : undefined,
        );
        sampleCounts.push(c > 0 ? c : undefined);
      }
      return { config, input: { periodStarts, values, sampleCounts } };
    }
    const queries: DataQuery[] = alarm.metrics.map((m) => {
      const s = m.metricStat;
      const parsed = s ? parseStat(s.stat) : undefined;
      if (s && !parsed) throw new Error(`the statistic ${s.stat} of ${m.id} is not valid`);
      return {
        id: m.id,
        label: m.label,
        returnData: m.returnData,
        expression: m.expression,
        periodMs: (m.periodSeconds ?? periodSeconds) * 1000,
        metricStat:
          s && parsed
            ? {
                metric: { namespace: s.namespace, metricName: s.metricName, dimensions: s.dimensions },
                periodMs: s.periodSeconds * 1000,
                stat: parsed,
                unit: s.unit,
              }
            : undefined,
      };
    });
    // A band honours the anomaly detector's ExcludedTimeRanges for that metric and statistic.
    const results = getMetricDataResults(this.engine, queries, startMs, atMs, {
      excludedTimeRanges: (q) => {
        const m = alarm.metrics?.find((x) => x.id === q.id)?.metricStat;
        return (
          m &&
          this.engine.alarms.detector(m.namespace, m.metricName, m.dimensions, m.stat)?.excludedTimeRanges
        );
      },
    });
    const bySlot = (id: string, which: 0 | 1 = 0): (number | undefined)[] => {
      const r = results.filter((x) => x.id === id)[which];
      const out: (number | undefined)[] = new Array(slots).fill(undefined);
      if (!r) return out;
      for (let k = 0; k < r.timestamps.length; k++) {
        const i = Math.floor((r.timestamps[k] - startMs) / periodMs);
        if (i >= 0 && i < slots) out[i] = r.values[k];
      }
      return out;
    };
    if (!returned) throw new Error('no query of Metrics has ReturnData set to true');
    const input: EvaluationInput = { periodStarts, values: bySlot(returned.id) };
    if (alarm.thresholdMetricId) {
      input.upper = bySlot(alarm.thresholdMetricId, 0);
      input.lower = bySlot(alarm.thresholdMetricId, 1);
    }
    return { config, input };
  }
}
