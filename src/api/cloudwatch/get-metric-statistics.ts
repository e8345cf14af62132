import type { BucketTable, Engine, StandardUnit, Stat } from '../../engine/index.ts';
import { BASIC_STATS, parseStat, statValue, STANDARD_UNITS } from '../../engine/index.ts';
import { invalidParameterCombination, invalidParameterValue, missingParameter } from './errors.ts';
import {
  type Json,
  dimensionsAt,
  listAt,
  metricNameAt,
  namespaceAt,
  periodAt,
  timestampAt,
  unitAt,
} from './input.ts';
import { periodAllowedForAge, roundStartTime } from './period-rules.ts';

const MAX_DATAPOINTS = 1440;

/**
 * GetMetricStatistics: Statistics (1–5) or ExtendedStatistics (1–10), never both; at most 1,440
 * datapoints; datapoints carry their Unit.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html
 */
export function getMetricStatistics(input: Json, engine: Engine): Json {
  const namespace = namespaceAt(input, 'Namespace', 'Namespace', true);
  const metricName = metricNameAt(input, 'MetricName', 'MetricName', true);
  const dimensions = dimensionsAt(input, 'Dimensions', 'Dimensions', 30);
  const startMs = timestampAt(input, 'StartTime', 'StartTime', true);
  const endMs = timestampAt(input, 'EndTime', 'EndTime', true);
  const period = periodAt(input, 'Period', 'Period', true);
  const unit = unitAt(input, 'Unit', 'Unit');
  const statistics = listAt(input, 'Statistics', 'Statistics');
  const extended = listAt(input, 'ExtendedStatistics', 'ExtendedStatistics');
  if (statistics?.length && extended?.length) {
    throw invalidParameterCombination(
      'The parameters Statistics and ExtendedStatistics are mutually exclusive and you have specified both.',
    );
  }
  if (!statistics?.length && !extended?.length) throw missingParameter('Statistics or ExtendedStatistics');
  if (startMs >= endMs)
    throw invalidParameterValue('The parameter StartTime must be less than the parameter EndTime.');
  const basic = (statistics ?? []).map((s, i) => {
    if (typeof s !== 'string' || !(BASIC_STATS as readonly string[]).includes(s)) {
      throw invalidParameterValue(
        `The value ${JSON.stringify(s)} for parameter Statistics.member.${i + 1} is invalid: use SampleCount, Average, Sum, Minimum or Maximum.`,
      );
    }
    return s;
  });
  if (basic.length > 5)
    throw invalidParameterValue('The collection Statistics must not have a size greater than 5.');
  const ext = (extended ?? []).map((s, i): [string, Stat] => {
    const stat = typeof s === 'string' ? parseStat(s) : undefined;
    if (!stat || stat.kind === 'basic') {
      throw invalidParameterValue(
        `The value ${JSON.stringify(s)} for parameter ExtendedStatistics.member.${i + 1} is invalid: use a percentile such as p99 (p0.0 to p100) or TM, WM, TC, TS, PR, IQM.`,
      );
    }
    return [s as string, stat];
  });
  if (ext.length > 10)
    throw invalidParameterValue('The collection ExtendedStatistics must not have a size greater than 10.');

  const now = engine.now();
  const start = roundStartTime(startMs, period, now);
  const requested = Math.ceil((endMs - start) / (period * 1000));
  if (requested > MAX_DATAPOINTS) {
    throw invalidParameterValue(
      `You have requested up to ${requested.toLocaleString('en-US')} datapoints, which exceeds the limit of ${MAX_DATAPOINTS.toLocaleString('en-US')}. You may reduce the datapoints requested by increasing Period, or decreasing the time range.`,
    );
  }
  const out: Json = { Label: metricName, Datapoints: [] };
  if (!periodAllowedForAge(period, start, now)) return out;
  const metric = { namespace, metricName, dimensions };
  const aggregate = (u: StandardUnit | undefined) =>
    engine.aggregate(metric, start, endMs, period * 1000, ext.length > 0, u);
  const table = aggregate(unit);
  // "Datapoints with different units are aggregated separately": without a Unit, one set of datapoints per unit.
  const perUnit: [StandardUnit, BucketTable][] =
    unit === undefined && table.units.size > 1
      ? [...table.units]
          .sort((a, b) => a - b)
          .map((code) => [STANDARD_UNITS[code], aggregate(STANDARD_UNITS[code])])
      : [
          [
            unit ??
              (table.units.size === 1 ? STANDARD_UNITS[[...table.units][0]] : engine.unitOf(metric)) ??
              'None',
            table,
          ],
        ];
  const datapoints: Json[] = [];
  for (const [unitOut, t] of perUnit) {
    for (let i = 0; i < t.length; i++) {
      const c = t.count[i];
      if (c === 0) continue;
      const dp: Json = { Timestamp: (t.startMs + i * t.periodMs) / 1000, Unit: unitOut };
      for (const s of basic)
        dp[s] = statValue({ kind: 'basic', name: s as 'Sum' }, c, t.sum[i], t.min[i], t.max[i], undefined);
      if (ext.length) {
        const es: Record<string, number> = {};
        for (const [name, stat] of ext) {
          const v = statValue(stat, c, t.sum[i], t.min[i], t.max[i], t.dist?.[i]);
          if (v !== undefined) es[name] = v;
        }
        dp.ExtendedStatistics = es;
      }
      datapoints.push(dp);
    }
  }
  out.Datapoints = datapoints;
  return out;
}
