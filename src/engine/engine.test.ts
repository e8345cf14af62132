import { describe, expect, it } from 'vitest';
import { Engine, type MetricDatumInput, type PutMetricDataInput } from './engine.ts';
import type { MetricId } from './metrics/identity.ts';
import { type Stat, parseStat } from './metrics/statistics.ts';
import type { StandardUnit } from './metrics/units.ts';
import { WEB_INSTANCES } from './simulation/workload.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, RETENTION_MS, SECOND_MS } from './time.ts';

const T0 = Date.parse('2026-11-19T16:00:00Z');
const fixedAt = (t: number) => () => t;
const emptyEngine = (now = T0) => new Engine({ wallClock: fixedAt(now), simulation: false });

const CUSTOM: MetricId = {
  namespace: 'Shop',
  metricName: 'Latency',
  dimensions: [{ name: 'Service', value: 'cart' }],
};
const cpuOf = (instance: string): MetricId => ({
  namespace: 'AWS/EC2',
  metricName: 'CPUUtilization',
  dimensions: [{ name: 'InstanceId', value: instance }],
});

function stat(text: string): Stat {
  const s = parseStat(text);
  if (!s) throw new Error(`test bug: ${text}`);
  return s;
}

function put(engine: Engine, ...metricData: MetricDatumInput[]) {
  engine.putMetricData({
    namespace: CUSTOM.namespace,
    metricData: metricData.map((d) => ({ dimensions: CUSTOM.dimensions, ...d })),
  });
}

/** [period start as minutes before T0, value] pairs of one statistic. */
function series(
  engine: Engine,
  statText: string,
  startMs: number,
  endMs: number,
  periodMs: number,
  metric = CUSTOM,
  unit?: StandardUnit,
) {
  const r = engine.queryMetric({ metric, stat: stat(statText), startMs, endMs, periodMs, unit });
  return r.timestamps.map((t, i) => [(T0 - t) / MINUTE_MS, r.values[i]] as [number, number]);
}

describe('Engine: ingest and query', () => {
  const engine = emptyEngine();
  // Minute by minute, 30 to 27 minutes ago; the minute 28 minutes ago has no data.
  put(
    engine,
    { metricName: 'Latency', timestampMs: T0 - 30 * MINUTE_MS, value: 10 },
    { metricName: 'Latency', timestampMs: T0 - 30 * MINUTE_MS + 20 * SECOND_MS, value: 30 },
    { metricName: 'Latency', timestampMs: T0 - 29 * MINUTE_MS, values: [1, 2, 3], counts: [1, 1, 2] },
    {
      metricName: 'Latency',
      timestampMs: T0 - 27 * MINUTE_MS,
      statisticValues: { sampleCount: 4, sum: 100, minimum: 5, maximum: 40 },
    },
  );

  it.each<[string, [number, number][]]>([
    [
      'SampleCount',
      [
        [30, 2],
        [29, 4],
        [27, 4],
      ],
    ],
    [
      'Sum',
      [
        [30, 40],
        [29, 9],
        [27, 100],
      ],
    ],
    [
      'Average',
      [
        [30, 20],
        [29, 2.25],
        [27, 25],
      ],
    ],
    [
      'Minimum',
      [
        [30, 10],
        [29, 1],
        [27, 5],
      ],
    ],
    [
      'Maximum',
      [
        [30, 30],
        [29, 3],
        [27, 40],
      ],
    ],
    [
      'p50',
      [
        [30, 10],
        [29, 2],
      ],
    ],
  ])('%s per minute, empty periods omitted', (statText, expected) => {
    expect(series(engine, statText, T0 - 30 * MINUTE_MS, T0 - 26 * MINUTE_MS, MINUTE_MS)).toEqual(expected);
  });

  it.each<[number, number, [number, number][]]>([
    // period start (minutes before T0), period (minutes), [start, Sum] per period
    [
      30,
      2,
      [
        [30, 49],
        [28, 100],
      ],
    ],
    [
      31,
      2,
      [
        [31, 40],
        [29, 9],
        [27, 100],
      ],
    ],
    [30, 5, [[30, 149]]],
  ])('periods start at the query start (%s min ago, period %s min)', (startAgo, periodMin, expected) => {
    expect(series(engine, 'Sum', T0 - startAgo * MINUTE_MS, T0, periodMin * MINUTE_MS)).toEqual(expected);
  });

  it('datapoints at or after the end time are not counted', () => {
    // [30 min ago, 29.5 min ago) with a 5-minute period holds the 30-minute datapoints only.
    expect(
      series(engine, 'SampleCount', T0 - 30 * MINUTE_MS, T0 - 29 * MINUTE_MS - 30 * SECOND_MS, 5 * MINUTE_MS),
    ).toEqual([[30, 2]]);
  });

  it('standard-resolution datapoints are stored at the minute; high-resolution ones at the second', () => {
    const e = emptyEngine();
    put(e, { metricName: 'Latency', timestampMs: T0 - 10 * MINUTE_MS + 42_500, value: 1 });
    put(e, {
      metricName: 'Latency',
      timestampMs: T0 - 10 * MINUTE_MS + 42_500,
      value: 2,
      storageResolution: 1,
    });
    const r = e.queryMetric({
      metric: CUSTOM,
      stat: stat('Sum'),
      startMs: T0 - 10 * MINUTE_MS,
      endMs: T0,
      periodMs: SECOND_MS,
    });
    expect(r.timestamps.map((t) => t - (T0 - 10 * MINUTE_MS))).toEqual([0, 42 * SECOND_MS]);
    expect(r.values).toEqual([1, 2]);
    expect(e.isHighResolution(CUSTOM)).toBe(true);
  });

  it('out-of-order writes are queried in time order', () => {
    const e = emptyEngine();
    for (const m of [5, 1, 3, 2, 4])
      put(e, { metricName: 'Latency', timestampMs: T0 - m * MINUTE_MS, value: m });
    expect(series(e, 'Sum', T0 - 10 * MINUTE_MS, T0, MINUTE_MS)).toEqual([
      [5, 5],
      [4, 4],
      [3, 3],
      [2, 2],
      [1, 1],
    ]);
  });

  it.each<[StandardUnit | undefined, number]>([
    [undefined, 3],
    ['Milliseconds', 1],
    ['Seconds', 2],
    ['Count', 0],
  ])('the unit filter %s selects the datapoints published with it (Sum %s)', (unit, sum) => {
    const e = emptyEngine();
    put(e, { metricName: 'Latency', timestampMs: T0 - MINUTE_MS, value: 1, unit: 'Milliseconds' });
    put(e, { metricName: 'Latency', timestampMs: T0 - MINUTE_MS, value: 2, unit: 'Seconds' });
    const r = e.queryMetric({
      metric: CUSTOM,
      stat: stat('Sum'),
      startMs: T0 - HOUR_MS,
      endMs: T0,
      periodMs: HOUR_MS,
      unit,
    });
    expect(r.values).toEqual(sum === 0 ? [] : [sum]);
  });

  it.each<[number, number, number]>([
    // period (s), datapoints, SampleCount of each
    [1, 120, 1],
    [10, 12, 10],
    [60, 2, 60],
  ])('1-second data at period %s s: %s datapoints of %s samples', (periodSec, n, each) => {
    const e = emptyEngine();
    const start = T0 - 5 * MINUTE_MS;
    for (let k = 0; k < 120; k++)
      put(e, { metricName: 'Latency', timestampMs: start + k * SECOND_MS, value: k, storageResolution: 1 });
    const r = e.queryMetric({
      metric: CUSTOM,
      stat: stat('SampleCount'),
      startMs: start,
      endMs: T0,
      periodMs: periodSec * SECOND_MS,
    });
    expect(r.values).toEqual(Array(n).fill(each));
    expect(r.timestamps.every((t) => (t - start) % (periodSec * SECOND_MS) === 0)).toBe(true);
  });
});

describe('Engine: rollups on CloudWatch schedule as the clock advances', () => {
  /** Ten minutes of 1-second data (values cycling 1..50) ending at T0, then the clock moves on. */
  function engineWithSecondData() {
    const e = emptyEngine();
    const data: MetricDatumInput[] = [];
    for (let k = 0; k < 600; k++)
      data.push({
        metricName: 'Latency',
        timestampMs: T0 - 10 * MINUTE_MS + k * SECOND_MS,
        value: (k % 50) + 1,
        storageResolution: 1,
      });
    put(e, ...data);
    return e;
  }

  it.each<[string, number, number, number]>([
    // case, clock advance, granularity of what is stored, datapoints left
    ['before 3 hours: 1-second datapoints', 2 * HOUR_MS, SECOND_MS, 600],
    ['past 3 hours: 1-minute datapoints', 4 * HOUR_MS + 10 * MINUTE_MS, MINUTE_MS, 10],
    ['past 15 days: 5-minute datapoints', 15 * DAY_MS + 2 * HOUR_MS, 5 * MINUTE_MS, 2],
    ['past 63 days: hourly datapoints', 63 * DAY_MS + 2 * HOUR_MS, HOUR_MS, 1],
    ['past 455 days: dropped', 455 * DAY_MS + 2 * HOUR_MS, HOUR_MS, 0],
  ])('%s', (_case, advance, granularity, left) => {
    const e = engineWithSecondData();
    e.setClock({ advanceMs: advance });
    expect(e.now()).toBe(T0 + advance);
    // Queried at period 1 s, the datapoints show the stored granularity.
    const fine = e.queryMetric({
      metric: CUSTOM,
      stat: stat('SampleCount'),
      startMs: T0 - HOUR_MS,
      endMs: T0,
      periodMs: SECOND_MS,
    });
    expect(fine.timestamps).toHaveLength(left);
    expect(fine.values).toEqual(Array(left).fill(600 / Math.max(left, 1)));
    for (const t of fine.timestamps) expect(t % granularity).toBe(0);
    // Sum and SampleCount are preserved, and percentiles are still there.
    const hour = (s: string) =>
      e.queryMetric({ metric: CUSTOM, stat: stat(s), startMs: T0 - HOUR_MS, endMs: T0, periodMs: HOUR_MS })
        .values;
    expect(hour('Sum')).toEqual(left ? [12 * 1275] : []);
    expect(hour('SampleCount')).toEqual(left ? [600] : []);
    expect(hour('p50')).toEqual(left ? [25] : []);
    expect(hour('p90')).toEqual(left ? [45] : []);
  });

  it('rolls up step by step through every resolution with the same totals', () => {
    const e = engineWithSecondData();
    const seen: number[] = [];
    for (const target of [4 * HOUR_MS, 16 * DAY_MS, 64 * DAY_MS]) {
      e.setClock({ now: T0 + target });
      const r = e.queryMetric({
        metric: CUSTOM,
        stat: stat('SampleCount'),
        startMs: T0 - HOUR_MS,
        endMs: T0,
        periodMs: SECOND_MS,
      });
      seen.push(r.timestamps.length);
      expect(r.values.reduce((a, b) => a + b, 0)).toBe(600);
    }
    expect(seen).toEqual([10, 2, 1]);
    expect(e.stats().storedDatapoints).toBe(1);
  });
});

describe('Engine: reset and clock', () => {
  it('reset({ simulation: false }) leaves an empty engine', () => {
    const e = new Engine({ wallClock: fixedAt(T0) });
    put(e, { metricName: 'Latency', timestampMs: T0 - MINUTE_MS, value: 1 });
    expect(e.listMetrics().length).toBeGreaterThan(1);
    e.reset({ simulation: false });
    expect(e.listMetrics()).toEqual([]);
    expect(e.stats()).toEqual({ publishedSeries: 0, storedDatapoints: 0, simulatedSeries: 0 });
    expect(series(e, 'SampleCount', T0 - HOUR_MS, T0, MINUTE_MS, cpuOf(WEB_INSTANCES[0]))).toEqual([]);
    expect(e.incidents(T0 - 30 * DAY_MS, T0)).toEqual([]);
  });

  it('setClock applies now, advance, pause and speed', () => {
    let wall = T0;
    const e = new Engine({ wallClock: () => wall, simulation: false });
    expect(e.setClock({ advanceMs: HOUR_MS })).toEqual({ now: T0 + HOUR_MS, paused: false, speed: 1 });
    expect(e.setClock({ speed: 60 })).toEqual({ now: T0 + HOUR_MS, paused: false, speed: 60 });
    wall += SECOND_MS;
    expect(e.now()).toBe(T0 + HOUR_MS + MINUTE_MS);
    e.setClock({ paused: true });
    wall += HOUR_MS;
    expect(e.clockState()).toEqual({ now: T0 + HOUR_MS + MINUTE_MS, paused: true, speed: 60 });
    expect(e.setClock({ now: T0 - DAY_MS })).toEqual({ now: T0 - DAY_MS, paused: true, speed: 60 });
    expect(e.setClock({ now: T0, advanceMs: MINUTE_MS }).now).toBe(T0 + MINUTE_MS);
  });

  it('after the clock moves back, rollups run again as it moves forward', () => {
    const e = emptyEngine();
    e.setClock({ advanceMs: 10 * DAY_MS });
    e.setClock({ now: T0 });
    for (let k = 0; k < 120; k++)
      put(e, {
        metricName: 'Latency',
        timestampMs: T0 - 2 * MINUTE_MS + k * SECOND_MS,
        value: 1,
        storageResolution: 1,
      });
    e.setClock({ advanceMs: 5 * HOUR_MS });
    expect(e.stats().storedDatapoints).toBe(2);
  });
});

describe('Engine: the simulated account', () => {
  const engine = new Engine({ wallClock: fixedAt(T0) });
  const cpu = cpuOf(WEB_INSTANCES[0]);
  const lastHours = (e: Engine, metric = cpu) =>
    e.queryMetric({
      metric,
      stat: stat('Average'),
      startMs: T0 - 3 * HOUR_MS,
      endMs: T0,
      periodMs: MINUTE_MS,
    });

  it('is deterministic from the seed', () => {
    const again = new Engine({ wallClock: fixedAt(T0), seed: 42 });
    const other = new Engine({ wallClock: fixedAt(T0), seed: 7 });
    const a = lastHours(engine);
    expect(a.values).toHaveLength(180);
    expect(lastHours(again)).toEqual(a);
    const b = lastHours(other);
    expect(b.timestamps).toEqual(a.timestamps);
    expect(b.values).not.toEqual(a.values);
    expect(again.incidents(T0 - 30 * DAY_MS, T0)).toEqual(engine.incidents(T0 - 30 * DAY_MS, T0));
    expect(other.incidents(T0 - 30 * DAY_MS, T0)).not.toEqual(engine.incidents(T0 - 30 * DAY_MS, T0));
  });

  it('lists the same metrics whatever the seed', () => {
    const other = new Engine({ wallClock: fixedAt(T0), seed: 7 });
    expect(other.listMetrics()).toEqual(engine.listMetrics());
    expect(
      engine.listMetrics({ namespace: 'AWS/EC2', metricName: 'CPUUtilization' }).length,
    ).toBeGreaterThanOrEqual(4);
  });

  it.each<[string, number, number, number]>([
    // range, start before now, period, expected datapoints
    ['last 3 hours by the minute', 3 * HOUR_MS, MINUTE_MS, 180],
    ['last 15 days by the minute', 15 * DAY_MS, MINUTE_MS, 15 * 1440],
    ['15 to 63 days ago by 5 minutes', 63 * DAY_MS, 5 * MINUTE_MS, (63 * 1440) / 5],
    ['455 days by the hour', 455 * DAY_MS, HOUR_MS, 455 * 24],
  ])('has history: %s', (_range, back, periodMs, expected) => {
    const r = engine.queryMetric({
      metric: cpu,
      stat: stat('Average'),
      startMs: T0 - back,
      endMs: T0,
      periodMs,
    });
    expect(r.timestamps).toHaveLength(expected);
    expect(r.timestamps[0]).toBe(T0 - back);
    expect(r.values.every((v) => v >= 0 && v <= 100)).toBe(true);
  });

  it.each<[string, number]>([
    ['now on the hour', T0],
    ['now at 16:20', T0 + 20 * MINUTE_MS],
    ['now at 16:59:59', T0 + HOUR_MS - SECOND_MS],
  ])('keeps nothing older than 455 days (%s)', (_case, now) => {
    const e = new Engine({ wallClock: fixedAt(now) });
    const r = e.queryMetric({
      metric: cpu,
      stat: stat('SampleCount'),
      startMs: now - 500 * DAY_MS - (now % HOUR_MS),
      endMs: now,
      periodMs: HOUR_MS,
    });
    expect(r.timestamps.length).toBeGreaterThan(455 * 24 - 2);
    expect(r.timestamps[0]).toBeGreaterThanOrEqual(now - RETENTION_MS);
    expect(r.timestamps[0]).toBeLessThan(now - RETENTION_MS + HOUR_MS);
  });

  it.each<[string, number, number]>([
    // case, now, last datapoint (a minute's datapoint exists once the minute has ended)
    ['on the minute', T0, T0 - MINUTE_MS],
    ['mid-minute', T0 + 30 * SECOND_MS, T0 - MINUTE_MS],
    ['a second before the next minute', T0 + MINUTE_MS - 1, T0 - MINUTE_MS],
    ['a minute later', T0 + MINUTE_MS, T0],
  ])('has data up to now only, never in the future (%s)', (_case, now, last) => {
    const e = new Engine({ wallClock: fixedAt(now) });
    for (const periodMs of [SECOND_MS, MINUTE_MS]) {
      const r = e.queryMetric({
        metric: cpu,
        stat: stat('Average'),
        startMs: T0 - HOUR_MS,
        endMs: T0 + DAY_MS,
        periodMs,
      });
      expect(r.timestamps.at(-1)).toBe(last);
    }
  });

  it('moves on as its clock advances', () => {
    const e = new Engine({ wallClock: fixedAt(T0) });
    const before = e.queryMetric({
      metric: cpu,
      stat: stat('Average'),
      startMs: T0 - HOUR_MS,
      endMs: T0 + HOUR_MS,
      periodMs: MINUTE_MS,
    });
    e.setClock({ advanceMs: 30 * MINUTE_MS });
    const after = e.queryMetric({
      metric: cpu,
      stat: stat('Average'),
      startMs: T0 - HOUR_MS,
      endMs: T0 + HOUR_MS,
      periodMs: MINUTE_MS,
    });
    expect(after.timestamps).toHaveLength(before.timestamps.length + 30);
    expect(after.values.slice(0, 60)).toEqual(before.values);
  });

  it('gives percentiles of simulated latencies, ordered p50 < p90 < p99', () => {
    const metric: MetricId = {
      namespace: 'AWS/Lambda',
      metricName: 'Duration',
      dimensions: [{ name: 'FunctionName', value: 'orders-api' }],
    };
    const at = (s: string) =>
      engine.queryMetric({ metric, stat: stat(s), startMs: T0 - HOUR_MS, endMs: T0, periodMs: HOUR_MS })
        .values[0];
    const [p50, p90, p99, avg] = [at('p50'), at('p90'), at('p99'), at('Average')];
    expect(p50).toBeGreaterThan(0);
    expect(p50).toBeLessThan(p90);
    expect(p90).toBeLessThan(p99);
    expect(avg).toBeGreaterThan(p50);
  });

  describe('incidents', () => {
    const hot = engine.incidents(T0 - 14 * DAY_MS, T0).filter((i) => i.kind === 'hot-instance');
    const plateauMean = (instance: string, from: number, to: number) => {
      const r = engine.queryMetric({
        metric: cpuOf(instance),
        stat: stat('Average'),
        startMs: from,
        endMs: to,
        periodMs: MINUTE_MS,
      });
      return r.values.reduce((a, b) => a + b, 0) / r.values.length;
    };

    it('are labelled and stay inside the range and before now', () => {
      const all = engine.incidents(T0 - 14 * DAY_MS, T0 + 7 * DAY_MS);
      expect(all.length).toBeGreaterThan(3);
      for (const inc of all) {
        expect(inc.startMs).toBeLessThanOrEqual(T0);
        expect(inc.endMs).toBeGreaterThan(T0 - 14 * DAY_MS);
        expect(inc.severity).toBeGreaterThanOrEqual(0.55);
        expect(inc.severity).toBeLessThanOrEqual(1);
      }
      expect(hot.length).toBeGreaterThan(0);
    });

    it('a hot instance runs far hotter than before, and hotter than its peers', () => {
      for (const inc of hot) {
        // The plateau: after the 3-minute ramp up, before the 5-minute ramp down.
        const from = inc.startMs + 3 * MINUTE_MS;
        const to = inc.endMs - 5 * MINUTE_MS;
        const during = plateauMean(inc.target, from, to);
        const before = plateauMean(inc.target, inc.startMs - 30 * MINUTE_MS, inc.startMs);
        expect(during, inc.id).toBeGreaterThan(55);
        expect(during - before, inc.id).toBeGreaterThan(15);
        for (const peer of WEB_INSTANCES.filter((i) => i !== inc.target))
          expect(during, `${inc.id} vs ${peer}`).toBeGreaterThan(plateauMean(peer, from, to) + 15);
      }
    });

    it('the most severe hot-instance incident of the last two weeks drives CPUUtilization above 85', () => {
      const worst = hot.reduce((a, b) => (b.severity > a.severity ? b : a));
      expect(worst.severity).toBeGreaterThan(0.8);
      const r = engine.queryMetric({
        metric: cpuOf(worst.target),
        stat: stat('Average'),
        startMs: worst.startMs + 3 * MINUTE_MS,
        endMs: worst.endMs - 5 * MINUTE_MS,
        periodMs: 5 * MINUTE_MS,
      });
      expect(r.values.length).toBeGreaterThan(3);
      for (const v of r.values) expect(v).toBeGreaterThan(85);
    });
  });
});

describe('engine events (what a host persists)', () => {
  const T = Date.parse('2026-11-19T16:00:00Z');
  it.each([
    ['a datum without a timestamp is reported with the engine time it was stored at', undefined, T],
    ['a datum with a timestamp keeps it', T - 3_600_000, T - 3_600_000],
  ])('%s', (_name, timestampMs, expected) => {
    const engine = new Engine({ wallClock: () => T, simulation: false });
    const events: unknown[] = [];
    engine.subscribe((e) => events.push(e));
    engine.putMetricData({
      namespace: 'Shop',
      metricData: [{ metricName: 'Orders', value: 1, timestampMs }],
    });
    expect(events).toEqual([
      {
        type: 'metric-data',
        input: { namespace: 'Shop', metricData: [{ metricName: 'Orders', value: 1, timestampMs: expected }] },
      },
    ]);
  });

  it('replaying the reported inputs into a new engine reproduces the data, and reset is reported', () => {
    const a = new Engine({ wallClock: () => T, simulation: false });
    const journal: PutMetricDataInput[] = [];
    let resets = 0;
    const off = a.subscribe((e) => (e.type === 'metric-data' ? journal.push(e.input) : resets++));
    a.putMetricData({
      namespace: 'Shop',
      metricData: [{ metricName: 'Orders', values: [1, 2, 3], counts: [1, 1, 2] }],
    });
    const b = new Engine({ wallClock: () => T + 3_600_000, simulation: false });
    for (const input of journal) b.putMetricData(input);
    const q = {
      metric: { namespace: 'Shop', metricName: 'Orders', dimensions: [] },
      periodMs: 60_000,
      stat: parseStat('Sum')!,
      startMs: T - 60_000,
      endMs: T + 60_000,
    };
    expect(b.queryMetric(q)).toEqual(a.queryMetric(q));
    expect(b.queryMetric(q).values).toEqual([9]);
    a.reset({ simulation: false });
    expect(resets).toBe(1);
    off();
    a.reset({ simulation: false });
    expect(resets).toBe(1);
  });
});
