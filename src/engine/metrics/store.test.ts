import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '../time.ts';
import { BucketTable } from './bucket-table.ts';
import { type MetricId, metricKey } from './identity.ts';
import { parseStat, statValue } from './statistics.ts';
import { MetricStore, SeriesColumns } from './store.ts';
import { unitCode } from './units.ts';

const T0 = Date.parse('2026-11-19T16:00:00Z');
const METRIC: MetricId = {
  namespace: 'App',
  metricName: 'Latency',
  dimensions: [{ name: 'Host', value: 'a' }],
};
const NONE = unitCode('None');

const series = () => new SeriesColumns(METRIC, metricKey(METRIC));

interface Row {
  t: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

/** The non-empty periods of a query over [startMs, endMs), as rows. */
function query(s: SeriesColumns, startMs: number, endMs: number, periodMs: number, unit?: number): Row[] {
  const table = new BucketTable(startMs, endMs, periodMs, false);
  s.accumulate(table, unit);
  const out: Row[] = [];
  for (let i = 0; i < table.length; i++) {
    if (table.count[i] > 0)
      out.push({
        t: startMs + i * periodMs,
        count: table.count[i],
        sum: table.sum[i],
        min: table.min[i],
        max: table.max[i],
      });
  }
  return out;
}

/** One statistic per non-empty period, with the values behind each period. */
function statPerPeriod(
  s: SeriesColumns,
  statText: string,
  startMs: number,
  endMs: number,
  periodMs: number,
): (number | undefined)[] {
  const stat = parseStat(statText);
  if (!stat) throw new Error(`test bug: ${statText}`);
  const table = new BucketTable(startMs, endMs, periodMs, true);
  s.accumulate(table, undefined);
  const out: (number | undefined)[] = [];
  for (let i = 0; i < table.length; i++) {
    if (table.count[i] > 0)
      out.push(statValue(stat, table.count[i], table.sum[i], table.min[i], table.max[i], table.dist?.[i]));
  }
  return out;
}

/** One value a second for `seconds` seconds from `startMs`, cycling through 1..50. */
function perSecond(startMs: number, seconds: number): SeriesColumns {
  const s = series();
  for (let k = 0; k < seconds; k++)
    s.append(startMs + k * SECOND_MS, 1, (k % 50) + 1, (k % 50) + 1, (k % 50) + 1, NONE);
  s.highResolution = true;
  return s;
}

const totals = (rows: Row[]) =>
  rows.reduce((a, r) => ({ count: a.count + r.count, sum: a.sum + r.sum }), { count: 0, sum: 0 });

describe('SeriesColumns: ingest and query', () => {
  it('aggregates per period: SampleCount, Sum, Minimum, Maximum; empty periods are left out', () => {
    const s = series();
    // value, seconds after T0
    const points: [number, number][] = [
      [10, 0],
      [20, 30],
      [30, 59],
      [5, 60],
      [7, 200],
    ];
    for (const [v, sec] of points) s.append(T0 + sec * SECOND_MS, 1, v, v, v, NONE);
    expect(query(s, T0, T0 + 5 * MINUTE_MS, MINUTE_MS)).toEqual([
      { t: T0, count: 3, sum: 60, min: 10, max: 30 },
      { t: T0 + MINUTE_MS, count: 1, sum: 5, min: 5, max: 5 },
      { t: T0 + 3 * MINUTE_MS, count: 1, sum: 7, min: 7, max: 7 },
    ]);
  });

  it('period boundaries follow the start of the query, not the clock', () => {
    const s = series();
    for (const sec of [0, 29, 30, 89, 90]) s.append(T0 + sec * SECOND_MS, 1, sec, sec, sec, NONE);
    const start = T0 + 30 * SECOND_MS;
    expect(query(s, start, start + 2 * MINUTE_MS, MINUTE_MS).map((r) => [r.t - T0, r.count])).toEqual([
      [30 * SECOND_MS, 2],
      [90 * SECOND_MS, 1],
    ]);
  });

  it('start is inclusive, end exclusive', () => {
    const s = series();
    for (const t of [T0 - 1, T0, T0 + MINUTE_MS - 1, T0 + MINUTE_MS]) s.append(t, 1, 1, 1, 1, NONE);
    expect(query(s, T0, T0 + MINUTE_MS, MINUTE_MS)).toEqual([{ t: T0, count: 2, sum: 2, min: 1, max: 1 }]);
  });

  it('out-of-order writes land in the right periods', () => {
    const s = series();
    const minutes = [4, 0, 3, 1, 0, 2, 4];
    minutes.forEach((m, k) => s.append(T0 + m * MINUTE_MS, 1, k, k, k, NONE));
    const rows = query(s, T0, T0 + 5 * MINUTE_MS, MINUTE_MS);
    expect(rows.map((r) => [(r.t - T0) / MINUTE_MS, r.count, r.sum])).toEqual([
      [0, 2, 1 + 4],
      [1, 1, 3],
      [2, 1, 5],
      [3, 1, 2],
      [4, 2, 0 + 6],
    ]);
    // A later query over part of the range uses the sorted columns.
    expect(query(s, T0 + 3 * MINUTE_MS, T0 + 4 * MINUTE_MS, MINUTE_MS)).toEqual([
      { t: T0 + 3 * MINUTE_MS, count: 1, sum: 2, min: 2, max: 2 },
    ]);
  });

  it.each<[string | undefined, number, number]>([
    // unit filter, SampleCount, Sum
    [undefined, 3, 1 + 2 + 4],
    ['Bytes', 2, 1 + 4],
    ['Seconds', 1, 2],
    ['Percent', 0, 0],
  ])('the unit filter %s keeps only datapoints published with that unit', (unit, count, sum) => {
    const s = series();
    s.append(T0, 1, 1, 1, 1, unitCode('Bytes'));
    s.append(T0 + SECOND_MS, 1, 2, 2, 2, unitCode('Seconds'));
    s.append(T0 + 2 * SECOND_MS, 1, 4, 4, 4, unitCode('Bytes'));
    const filter = unit === undefined ? undefined : unitCode(unit as 'Bytes');
    expect(totals(query(s, T0, T0 + MINUTE_MS, MINUTE_MS, filter))).toEqual({ count, sum });
  });

  it('Values with Counts count each value Count times', () => {
    const s = series();
    s.appendValues(T0, [1, 2, 3], [1, 1, 8], NONE);
    expect(query(s, T0, T0 + MINUTE_MS, MINUTE_MS)).toEqual([{ t: T0, count: 10, sum: 27, min: 1, max: 3 }]);
    expect(statPerPeriod(s, 'p50', T0, T0 + MINUTE_MS, MINUTE_MS)).toEqual([3]);
  });

  it.each<[number, number]>([
    // period (s), number of non-empty periods over 2 minutes of 1-second data
    [1, 120],
    [10, 12],
    [60, 2],
  ])('1-second data queried at period %s gives %s datapoints', (periodSec, expected) => {
    const s = perSecond(T0, 120);
    const rows = query(s, T0, T0 + 2 * MINUTE_MS, periodSec * SECOND_MS);
    expect(rows).toHaveLength(expected);
    expect(totals(rows)).toEqual({ count: 120, sum: 2 * 1275 + 210 });
  });
});

describe('SeriesColumns.compact: rollups on CloudWatch schedule', () => {
  // Ten minutes of 1-second data (600 values cycling 1..50) starting at T0, compacted at T0 + age.
  it.each<[string, number, number, number]>([
    // case, age of the data when compacted, expected granularity of the timestamps, expected entries
    ['younger than 3 hours: 1-second data stays', 2 * HOUR_MS, SECOND_MS, 600],
    ['older than 3 hours: 1-minute datapoints', 3 * HOUR_MS + 11 * MINUTE_MS, MINUTE_MS, 10],
    ['older than 15 days: 5-minute datapoints', 15 * DAY_MS + HOUR_MS, 5 * MINUTE_MS, 2],
    ['older than 63 days: hourly datapoints', 63 * DAY_MS + HOUR_MS, HOUR_MS, 1],
    ['older than 455 days: dropped', 455 * DAY_MS + HOUR_MS, HOUR_MS, 0],
  ])('%s', (_case, age, granularity, entries) => {
    const s = perSecond(T0, 600);
    s.compact(T0 + age);
    expect(s.length).toBe(entries);
    for (let i = 0; i < s.length; i++) expect(s.t[i] % granularity).toBe(0);
    const rows = query(s, T0 - DAY_MS, T0 + DAY_MS, HOUR_MS);
    if (entries === 0) {
      expect(rows).toEqual([]);
      return;
    }
    // Sum, SampleCount, Minimum and Maximum survive the rollup, and so does the median.
    expect(rows).toEqual([{ t: T0, count: 600, sum: 12 * 1275, min: 1, max: 50 }]);
    expect(statPerPeriod(s, 'p50', T0, T0 + HOUR_MS, HOUR_MS)).toEqual([25]);
    expect(statPerPeriod(s, 'p90', T0, T0 + HOUR_MS, HOUR_MS)).toEqual([45]);
  });

  it('rolls up in steps as data ages, preserving Sum and SampleCount at every step', () => {
    const s = perSecond(T0, 600);
    for (const age of [4 * HOUR_MS, 16 * DAY_MS, 64 * DAY_MS]) {
      s.compact(T0 + age);
      expect(totals(query(s, T0, T0 + HOUR_MS, HOUR_MS)), `at age ${age / HOUR_MS} h`).toEqual({
        count: 600,
        sum: 12 * 1275,
      });
      expect(statPerPeriod(s, 'p50', T0, T0 + HOUR_MS, HOUR_MS)).toEqual([25]);
    }
    expect(s.length).toBe(1);
    s.compact(T0 + 456 * DAY_MS);
    expect(s.length).toBe(0);
  });

  it('keeps percentiles close (within 1 %) when a rolled-up datapoint holds more than 256 distinct values', () => {
    const s = series();
    for (let k = 0; k < 3600; k++) s.append(T0 + k * SECOND_MS, 1, 100 + k, 100 + k, 100 + k, NONE);
    const before = statPerPeriod(s, 'p90', T0, T0 + HOUR_MS, HOUR_MS)[0] ?? NaN;
    s.compact(T0 + 64 * DAY_MS);
    const after = statPerPeriod(s, 'p90', T0, T0 + HOUR_MS, HOUR_MS)[0] ?? NaN;
    expect(before).toBe(100 + 3239);
    expect(Math.abs(after / before - 1)).toBeLessThan(0.01);
    expect(totals(query(s, T0, T0 + HOUR_MS, HOUR_MS)).sum).toBe(3600 * 100 + (3599 * 3600) / 2);
  });

  it('statistic sets keep Sum and SampleCount but give no percentiles after a rollup', () => {
    const s = series();
    for (let m = 0; m < 10; m++) s.append(T0 + m * MINUTE_MS, 4, 20, 2, 8, NONE);
    s.compact(T0 + 64 * DAY_MS);
    expect(s.length).toBe(1);
    expect(query(s, T0, T0 + HOUR_MS, HOUR_MS)).toEqual([{ t: T0, count: 40, sum: 200, min: 2, max: 8 }]);
    expect(statPerPeriod(s, 'p50', T0, T0 + HOUR_MS, HOUR_MS)).toEqual([undefined]);
  });

  it('keeps datapoints of different units apart', () => {
    const s = series();
    for (let k = 0; k < 120; k++)
      s.append(T0 + k * SECOND_MS, 1, 1, 1, 1, k % 2 === 0 ? unitCode('Bytes') : unitCode('Count'));
    s.compact(T0 + 4 * HOUR_MS);
    expect(totals(query(s, T0, T0 + HOUR_MS, HOUR_MS, unitCode('Bytes')))).toEqual({ count: 60, sum: 60 });
    expect(totals(query(s, T0, T0 + HOUR_MS, HOUR_MS, unitCode('Count')))).toEqual({ count: 60, sum: 60 });
  });

  it('compacts data written out of order', () => {
    const s = series();
    for (let k = 599; k >= 0; k--)
      s.append(T0 + k * SECOND_MS, 1, (k % 50) + 1, (k % 50) + 1, (k % 50) + 1, NONE);
    s.compact(T0 + 4 * HOUR_MS);
    expect(s.length).toBe(10);
    expect(query(s, T0, T0 + 10 * MINUTE_MS, MINUTE_MS).map((r) => r.count)).toEqual(Array(10).fill(60));
  });
});

describe('MetricStore', () => {
  it('identifies a metric by namespace, name and dimensions, whatever the dimension order', () => {
    const store = new MetricStore();
    const a = store.getOrCreate({
      namespace: 'N',
      metricName: 'M',
      dimensions: [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' },
      ],
    });
    const b = store.getOrCreate({
      namespace: 'N',
      metricName: 'M',
      dimensions: [
        { name: 'B', value: '2' },
        { name: 'A', value: '1' },
      ],
    });
    expect(b).toBe(a);
    expect(store.size).toBe(1);
  });

  it.each<[string, MetricId]>([
    ['another namespace', { namespace: 'n', metricName: 'M', dimensions: [{ name: 'A', value: '1' }] }],
    ['another name', { namespace: 'N', metricName: 'm', dimensions: [{ name: 'A', value: '1' }] }],
    ['another dimension value', { namespace: 'N', metricName: 'M', dimensions: [{ name: 'A', value: '2' }] }],
    [
      'an extra dimension',
      {
        namespace: 'N',
        metricName: 'M',
        dimensions: [
          { name: 'A', value: '1' },
          { name: 'C', value: '1' },
        ],
      },
    ],
    ['no dimensions', { namespace: 'N', metricName: 'M', dimensions: [] }],
  ])('%s is another metric', (_case, other) => {
    const store = new MetricStore();
    store.getOrCreate({ namespace: 'N', metricName: 'M', dimensions: [{ name: 'A', value: '1' }] });
    expect(store.get(other)).toBeUndefined();
  });

  it('compacts each series at most once an hour', () => {
    const store = new MetricStore();
    const s = store.getOrCreate(METRIC);
    for (let k = 0; k < 120; k++) s.append(T0 + k * SECOND_MS, 1, 1, 1, 1, NONE);
    store.compact(T0 + 2 * HOUR_MS + 30 * MINUTE_MS);
    // 40 minutes later the data is old enough, but the series was compacted less than an hour ago.
    store.compact(T0 + 3 * HOUR_MS + 10 * MINUTE_MS);
    expect(s.length).toBe(120);
    store.compact(T0 + 3 * HOUR_MS + 30 * MINUTE_MS);
    expect(s.length).toBe(2);
    expect(store.datapointCount()).toBe(2);
  });
});
