import { describe, expect, it } from 'vitest';
import { Engine } from '../engine.ts';
import type { MetricId } from '../metrics/identity.ts';
import type { Stat } from '../metrics/statistics.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time.ts';
import {
  type DataQuery,
  DataQueryError,
  type QueryResult,
  checkDataQueries,
  getMetricDataResults,
} from './metric-data.ts';

/** Monday 30 November 2026, 12:00 UTC. */
const NOW = Date.parse('2026-11-30T12:00:00Z');
const START = NOW - HOUR_MS;
const AVERAGE: Stat = { kind: 'basic', name: 'Average' };
const SUM: Stat = { kind: 'basic', name: 'Sum' };

const metric = (metricName: string): MetricId => ({ namespace: 'Shop', metricName, dimensions: [] });
const stat = (id: string, metricName: string, extra: Partial<DataQuery> = {}, s = SUM): DataQuery => ({
  id,
  returnData: true,
  metricStat: { metric: metric(metricName), periodMs: 5 * MINUTE_MS, stat: s },
  ...extra,
});
const expr = (id: string, expression: string, extra: Partial<DataQuery> = {}): DataQuery => ({
  id,
  returnData: true,
  expression,
  ...extra,
});

/** Latency: a daily wave over 16 days at 5 minutes (10 at night, 30 at 15:00 UTC), a spike at 11:30 today. */
const latency = (t: number) => 20 - 10 * Math.cos((2 * Math.PI * ((t % DAY_MS) - 3 * HOUR_MS)) / DAY_MS);
const SPIKE_AT = NOW - 30 * MINUTE_MS;

function shopEngine(): Engine {
  const engine = new Engine({ wallClock: () => NOW, simulation: false });
  const points = (
    name: string,
    from: number,
    f: (t: number, i: number) => number | undefined,
    unit?: 'Percent',
  ) => {
    const metricData = [];
    for (let t = from, i = 0; t < NOW; t += 5 * MINUTE_MS, i++) {
      const value = f(t, i);
      if (value !== undefined) metricData.push({ metricName: name, timestampMs: t, value, unit });
    }
    engine.putMetricData({ namespace: 'Shop', metricData });
  };
  // the last hour: 12 periods of 5 minutes
  points('Errors', START, (_t, i) => (i % 4 === 0 ? undefined : i));
  points('Requests', START, () => 100);
  points('Latency', NOW - 16 * DAY_MS, (t, i) =>
    t === SPIKE_AT ? 500 : latency(t) + ((i * 37) % 7) / 7 - 0.5,
  );
  points('DiskUsed', NOW - 16 * DAY_MS, (_t, i) => 97 + (i % 3), 'Percent');
  return engine;
}

const engine = shopEngine();
const results = (queries: DataQuery[], start = START, end = NOW) =>
  getMetricDataResults(engine, queries, start, end);
const brief = (r: QueryResult[]) => r.map((x) => [x.id, x.label, x.status, x.timestamps.length]);

describe('getMetricDataResults: MetricStat queries and expressions', () => {
  it('returns the queries with ReturnData, in request order, labelled', () => {
    const out = results([
      stat('errors', 'Errors', { returnData: false }),
      stat('requests', 'Requests', { label: 'All requests' }),
      expr('rate', '100 * errors / requests', { label: 'Error rate' }),
      expr('filled', 'FILL(errors, 0)'),
    ]);
    expect(brief(out)).toEqual([
      ['requests', 'All requests', 'Complete', 12],
      // a missing value counts as 0: 0 / 100
      ['rate', 'Error rate', 'Complete', 12],
      ['filled', 'filled', 'Complete', 12],
    ]);
    expect(out[1].values).toEqual([0, 1, 2, 3, 0, 5, 6, 7, 0, 9, 10, 11]);
    expect(out[2].values).toEqual([0, 1, 2, 3, 0, 5, 6, 7, 0, 9, 10, 11]);
    expect(out[0].timestamps[0]).toBe(START);
  });

  it('evaluates expressions in dependency order, whatever the request order', () => {
    const out = results([
      expr('e3', 'e2 + e1'),
      expr('e2', 'e1 * 2'),
      expr('e1', 'requests / 10'),
      stat('requests', 'Requests', { returnData: false }),
    ]);
    expect(out.map((r) => [r.id, r.values[0]])).toEqual([
      ['e3', 30],
      ['e2', 20],
      ['e1', 10],
    ]);
  });

  it('gives an array one result per series, all with the Id: "Expression-Label Metric-Label"', () => {
    const queries = [
      stat('m_errors', 'Errors', { returnData: false }),
      stat('m_requests', 'Requests', { returnData: false, label: 'Requests' }),
    ];
    expect(brief(results([...queries, expr('all', 'FILL(METRICS(), 0)', { label: 'Filled:' })]))).toEqual([
      ['all', 'Filled: Errors', 'Complete', 12],
      ['all', 'Filled: Requests', 'Complete', 12],
    ]);
    expect(brief(results([...queries, expr('all', 'METRICS()')]))).toEqual([
      ['all', 'Errors', 'Complete', 9],
      ['all', 'Requests', 'Complete', 12],
    ]);
    expect(brief(results([...queries, expr('none', 'METRICS("zzz")')]))).toEqual([
      ['none', 'none', 'Complete', 0],
    ]);
  });

  it('makes TIME_SERIES at the expression period, else at the smallest MetricStat period', () => {
    const count = (q: DataQuery[]) => results(q).find((r) => r.id === 'ts')?.timestamps.length;
    expect(count([expr('ts', 'TIME_SERIES(1)', { periodMs: MINUTE_MS })])).toBe(60);
    expect(count([expr('ts', 'TIME_SERIES(1)')])).toBe(60);
    expect(count([stat('m1', 'Requests', { returnData: false }), expr('ts', 'TIME_SERIES(1)')])).toBe(12);
  });

  it('follows periodStart: where periods begin, and no data for a period the range does not allow', () => {
    const q = [stat('m1', 'Requests')];
    const shifted = getMetricDataResults(engine, q, START + 2 * MINUTE_MS, NOW, {
      periodStart: () => START,
    });
    expect(shifted[0].timestamps[0]).toBe(START);
    const none = getMetricDataResults(engine, q, START, NOW, { periodStart: () => undefined });
    expect(none[0].timestamps).toEqual([]);
  });
});

describe('getMetricDataResults: queries in error', () => {
  it.each<[string, DataQuery[], string]>([
    ['a syntax error', [expr('e1', 'requests +')], 'Unexpected end of expression at position 10'],
    ['an unknown Id', [expr('e1', 'requests * 2')], "Unknown Id 'requests' at position 0"],
    [
      'a cycle',
      [expr('e1', 'e2 + 1'), expr('e2', 'FILL(e1, 0)')],
      "Circular reference to 'e2' at position 0: e1 → e2 → e1",
    ],
    ['itself', [expr('e1', '1 + e1')], "Circular reference to 'e1' at position 4: e1 → e1"],
    [
      'a scalar result',
      [stat('m1', 'Requests'), expr('e1', 'AVG(m1)')],
      'Invalid expression result at position 0: the result must be a time series or an array of time series, not a scalar',
    ],
    [
      'a type error',
      [stat('m1', 'Requests'), expr('e1', 'FIRST(m1)')],
      'Invalid argument for FIRST at position 6: expected an array of time series, got a time series',
    ],
    [
      'a reference to a query in error',
      [stat('m1', 'Requests'), expr('e0', 'AVG(m1)', { returnData: false }), expr('e1', 'm1 - e0')],
      "Invalid reference to 'e0' at position 5: e0 has an error: Invalid expression result at position 0: the result must be a time series or an array of time series, not a scalar",
    ],
  ])('%s: InternalError, and checkDataQueries names the query and position', (_case, queries, message) => {
    const failed = results(queries).find((r) => r.id === 'e1');
    expect(failed).toMatchObject({
      status: 'InternalError',
      messages: [{ code: 'InternalError', value: message }],
      timestamps: [],
    });
    let error: unknown;
    try {
      checkDataQueries(queries);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataQueryError);
    const e = error as DataQueryError;
    expect(e.mathError.message).toBe(queries[e.queryIndex].id === 'e1' ? message : e.mathError.message);
  });

  it.each<[string, DataQuery[], number, string, number]>([
    // case, queries, index of the query in error, token, position
    ['syntax', [stat('m1', 'Requests'), expr('e1', 'm1 + (m1))')], 1, ')', 9],
    ['unknown function', [stat('m1', 'Requests'), expr('e1', 'm1 + FOO(m1)')], 1, 'FOO', 5],
    ['unknown Id', [stat('m1', 'Requests'), expr('e1', 'm1 + m2')], 1, 'm2', 5],
    ['first error in request order', [expr('e1', 'e2'), expr('e2', 'm9')], 1, 'm9', 0],
  ])('checkDataQueries: %s', (_case, queries, index, token, position) => {
    try {
      checkDataQueries(queries);
      throw new Error('accepted');
    } catch (e) {
      if (!(e instanceof DataQueryError)) throw e;
      expect([e.queryIndex, e.mathError.token, e.mathError.position]).toEqual([index, token, position]);
    }
  });

  it('checkDataQueries accepts valid requests without fetching anything', () => {
    expect(() =>
      checkDataQueries([
        stat('m1', 'Requests'),
        expr('e1', 'ANOMALY_DETECTION_BAND(m1)'),
        expr('e2', 'IF(DAY(m1) < 6, FILL(m1, REPEAT))'),
        expr('e3', 'SUM(METRICS()) / PERIOD(m1)'),
      ]),
    ).not.toThrow();
  });
});

describe('getMetricDataResults: ANOMALY_DETECTION_BAND trains on the two weeks before the range', () => {
  const today = NOW - 6 * HOUR_MS;
  const queries = [
    stat('m1', 'Latency', { label: 'Latency' }, AVERAGE),
    expr('ad1', 'ANOMALY_DETECTION_BAND(m1, 3)', { label: 'Expected' }),
  ];
  const out = results(queries, today, NOW);
  const [m1, upper, lower] = out;

  it('returns [upper, lower] with the Id of the expression', () => {
    expect(brief(out)).toEqual([
      ['m1', 'Latency', 'Complete', 72],
      ['ad1', 'Expected (upper)', 'Complete', 72],
      ['ad1', 'Expected (lower)', 'Complete', 72],
    ]);
    expect(upper.timestamps).toEqual(m1.timestamps);
  });

  it('flags the spike and nothing else', () => {
    const outside = m1.timestamps.filter(
      (_t, i) => m1.values[i] > upper.values[i] || m1.values[i] < lower.values[i],
    );
    expect(outside).toEqual([SPIKE_AT]);
  });

  it('labels a band without Label by the expression Id, and works through FIRST and LAST', () => {
    const labelled = results([queries[0], expr('ad1', 'ANOMALY_DETECTION_BAND(m1)')], today, NOW);
    expect(labelled.slice(1).map((r) => r.label)).toEqual(['ad1 (upper)', 'ad1 (lower)']);
    const [, first, last] = results(
      [{ ...queries[0], returnData: false }, queries[1], expr('hi', 'FIRST(ad1)'), expr('lo', 'LAST(ad1)')],
      today,
      NOW,
    ).slice(1);
    expect([first.values, last.values]).toEqual([upper.values, lower.values]);
  });

  it('leaves out the excluded time ranges it is given for its input', () => {
    const seen: string[] = [];
    const excluded = getMetricDataResults(engine, queries, today, NOW, {
      excludedTimeRanges: (q) => {
        seen.push(q.id);
        return [{ startMs: today - 14 * DAY_MS, endMs: today }];
      },
    });
    expect(seen).toContain('m1');
    expect(excluded.slice(1).map((r) => r.timestamps.length)).toEqual([0, 0]);
  });

  it('clamps a percentage to 0–100', () => {
    const disk = results(
      [stat('d', 'DiskUsed', { returnData: false }, AVERAGE), expr('band', 'ANOMALY_DETECTION_BAND(d, 10)')],
      today,
      NOW,
    );
    expect(Math.max(...disk[0].values)).toBe(100);
    expect(Math.min(...disk[1].values)).toBeGreaterThan(0);
  });
});
