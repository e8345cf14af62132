import { describe, expect, it } from 'vitest';
import { BucketTable } from '../metrics/bucket-table.ts';
import { needsDistribution, parseStat, statValue } from '../metrics/statistics.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time.ts';
import { SIMULATED_SERIES, TrafficCache, modelContext } from './catalog.ts';
import { MinuteSampleCache, accumulateSimulated } from './synthetic-source.ts';
import { incidentsBetween } from './workload.ts';

const NOW = Date.parse('2026-11-19T16:00:00Z');

function values(
  metricIndex: number,
  stat: string,
  startMs: number,
  endMs: number,
  periodMs: number,
  cache?: MinuteSampleCache,
) {
  const model = SIMULATED_SERIES[metricIndex];
  const s = parseStat(stat)!;
  const table = new BucketTable(startMs, endMs, periodMs, needsDistribution(s));
  const ctx = modelContext(42, incidentsBetween(42, startMs - HOUR_MS, endMs + HOUR_MS), new TrafficCache());
  accumulateSimulated(model, ctx, table, NOW, cache);
  return Array.from({ length: table.length }, (_, i) =>
    table.count[i] > 0
      ? statValue(s, table.count[i], table.sum[i], table.min[i], table.max[i], table.dist?.[i])
      : undefined,
  );
}

describe('the minute sample cache gives exactly what computing afresh gives', () => {
  const latency = SIMULATED_SERIES.findIndex((m) => m.shape === 'latency');
  const sparse = SIMULATED_SERIES.findIndex((m) => m.sparse);
  it.each([
    ['a value metric, Average at 5 minutes over 2 days', 0, 'Average', 2 * DAY_MS, 5 * MINUTE_MS],
    ['a value metric, p90 at 1 hour over 1 day', 0, 'p90', DAY_MS, HOUR_MS],
    ['a latency metric, p99 at 10 minutes over 1 day', latency, 'p99', DAY_MS, 10 * MINUTE_MS],
    ['a sparse metric, SampleCount at 1 minute over 6 hours', sparse, 'SampleCount', 6 * HOUR_MS, MINUTE_MS],
  ])('%s', (_name, index, stat, span, period) => {
    const cache = new MinuteSampleCache();
    const fresh = values(index, stat, NOW - span, NOW, period);
    expect(values(index, stat, NOW - span, NOW, period, cache)).toEqual(fresh);
    // The second time comes from the cache, and overlapping ranges agree too.
    expect(values(index, stat, NOW - span, NOW, period, cache)).toEqual(fresh);
    expect(values(index, stat, NOW - span / 2, NOW, period, cache)).toEqual(
      values(index, stat, NOW - span / 2, NOW, period),
    );
  });

  it('stays bounded: the oldest days are dropped first', () => {
    const cache = new MinuteSampleCache(3);
    const first = cache.day(1, 100);
    first.state[0] = 1;
    for (const day of [101, 102, 103]) cache.day(1, day);
    expect(cache.day(1, 100).state[0]).toBe(0);
  });
});
