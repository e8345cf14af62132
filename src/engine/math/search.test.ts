import { describe, expect, it } from 'vitest';
import { Engine } from '../engine.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time.ts';
import type { MathError } from './math-error.ts';
import { type DataQuery, DataQueryError, checkDataQueries, getMetricDataResults } from './metric-data.ts';

/** Monday 30 November 2026, 12:00 UTC. */
const NOW = Date.parse('2026-11-30T12:00:00Z');
const START = NOW - HOUR_MS;
const CPU = `SEARCH('{AWS/EC2,InstanceId} MetricName="CPUUtilization"', 'Average', 300)`;
const INSTANCES = [
  'i-0a1b2c3d4e5f60001',
  'i-0a1b2c3d4e5f60002',
  'i-0a1b2c3d4e5f60003',
  'i-0a1b2c3d4e5f60004',
];

const expr = (id: string, expression: string, extra: Partial<DataQuery> = {}): DataQuery => ({
  id,
  returnData: true,
  expression,
  ...extra,
});

function run(engine: Engine, ...queries: DataQuery[]) {
  return getMetricDataResults(engine, queries, START, NOW);
}

describe('SEARCH over the simulated account', () => {
  const engine = new Engine({ wallClock: () => NOW });

  it('finds the CPUUtilization of the 4 instances: one result each, with the Id, labelled by instance', () => {
    const results = run(engine, expr('e1', CPU));
    expect(results.map((r) => [r.id, r.label, r.status])).toEqual(
      INSTANCES.map((i) => ['e1', i, 'Complete']),
    );
    for (const r of results) {
      expect(r.timestamps).toHaveLength(12);
      expect(r.timestamps.every((t) => (t - START) % (5 * MINUTE_MS) === 0)).toBe(true);
    }
  });

  it('returns the same datapoints as a MetricStat query of each metric', () => {
    const [first] = run(engine, expr('e1', CPU));
    const [stat] = run(engine, {
      id: 'm1',
      returnData: true,
      metricStat: {
        metric: {
          namespace: 'AWS/EC2',
          metricName: 'CPUUtilization',
          dimensions: [{ name: 'InstanceId', value: INSTANCES[0] }],
        },
        periodMs: 5 * MINUTE_MS,
        stat: { kind: 'basic', name: 'Average' },
      },
    });
    expect(first.values).toEqual(stat.values);
    expect(first.timestamps).toEqual(stat.timestamps);
  });

  it('works inside functions that take an array: SUM, MAX, METRIC_COUNT via an Id', () => {
    const each = run(engine, expr('e1', CPU));
    const [sum] = run(engine, expr('e2', `SUM(${CPU})`));
    const expected = each[0].timestamps.map((_, k) => each.reduce((acc, r) => acc + r.values[k], 0));
    expect(sum.label).toBe('e2');
    expect(sum.values.map((v) => v.toFixed(9))).toEqual(expected.map((v) => v.toFixed(9)));
    const [max] = run(engine, expr('e2', `MAX(${CPU})`));
    expect(max.values[0]).toBe(Math.max(...each.map((r) => r.values[0])));
    const viaId = run(
      engine,
      expr('e1', CPU, { returnData: false }),
      expr('e2', 'METRIC_COUNT(e1) * TIME_SERIES(1)'),
    );
    expect(viaId.map((r) => r.values[0])).toEqual([4]);
  });

  it('labels by dimension values and metric name when the search finds several metric names', () => {
    const results = run(engine, expr('e1', `SEARCH('{AWS/EC2,InstanceId} network', 'Sum', 300)`));
    expect(results.map((r) => r.label).slice(0, 2)).toEqual([
      `${INSTANCES[0]} NetworkIn`,
      `${INSTANCES[0]} NetworkOut`,
    ]);
    expect(results).toHaveLength(8);
  });

  it('puts the expression Label before each series label', () => {
    const results = run(engine, expr('e1', CPU, { label: 'CPU' }));
    expect(results.map((r) => r.label)).toEqual(INSTANCES.map((i) => `CPU ${i}`));
  });

  it("uses the expression's period without a third argument", () => {
    const q = `SEARCH('{AWS/EC2,InstanceId} MetricName="CPUUtilization"', 'Maximum')`;
    expect(run(engine, expr('e1', q, { periodMs: 10 * MINUTE_MS }))[0].timestamps).toHaveLength(6);
    expect(run(engine, expr('e1', q))[0].timestamps).toHaveLength(60);
  });

  it('finds nothing: one empty result with the Id', () => {
    const results = run(engine, expr('e1', `SEARCH('{AWS/EC2} "NoSuchMetric"', 'Average', 300)`));
    expect(results.map((r) => [r.id, r.label, r.values.length, r.status])).toEqual([
      ['e1', 'e1', 0, 'Complete'],
    ]);
  });
});

describe('SEARCH over published metrics', () => {
  it('finds only metrics with data in the two weeks before now', () => {
    const engine = new Engine({ wallClock: () => NOW, simulation: false });
    const put = (metricName: string, timestampMs: number) =>
      engine.putMetricData({ namespace: 'Shop', metricData: [{ metricName, timestampMs, value: 1 }] });
    put('Recent', NOW - 13 * DAY_MS);
    put('Stale', NOW - 15 * DAY_MS);
    const results = run(engine, expr('e1', `SEARCH('{Shop} Namespace=Shop', 'SampleCount', 60)`));
    expect(results.map((r) => r.label)).toEqual(['Recent']);
  });

  it('returns at most 500 series', () => {
    const engine = new Engine({ wallClock: () => NOW, simulation: false });
    engine.putMetricData({
      namespace: 'Load',
      metricData: Array.from({ length: 501 }, (_, i) => ({
        metricName: 'Hits',
        dimensions: [{ name: 'Host', value: `h${String(i).padStart(3, '0')}` }],
        timestampMs: NOW - MINUTE_MS,
        value: i,
      })),
    });
    const results = run(engine, expr('e1', `SEARCH('{Load,Host} Hits', 'Sum', 60)`));
    expect(results).toHaveLength(500);
    expect(results[0].label).toBe('h000');
    expect(results[499].label).toBe('h499');
  });
});

function checkError(expression: string): MathError {
  try {
    checkDataQueries([expr('e1', expression)]);
  } catch (e) {
    if (e instanceof DataQueryError) return e.mathError;
    throw e;
  }
  throw new Error(`accepted: ${expression}`);
}

describe('SEARCH errors, found before any data is fetched', () => {
  it.each<[string, string]>([
    [
      `SEARCH('{AWS/EC2', 'Average')`,
      "Invalid search expression at position 8: expected ',' or '}' in the schema",
    ],
    [`SEARCH('EC2 OR', 'Average')`, 'Invalid search expression at position 14: a search term is missing'],
    [
      `SEARCH('', 'Average')`,
      'Invalid search expression at position 8: give a metric schema in braces, a search term, or both',
    ],
    [`SEARCH('EC2', 'Mean')`, "Invalid argument for SEARCH at position 14: 'Mean' is not a statistic"],
    [
      `SEARCH('EC2', 'Average', 45)`,
      'Invalid argument for SEARCH at position 25: the period must be 1, 5, 10, 20, 30, 60 or a multiple of 60 seconds, got 45',
    ],
    [`SEARCH('EC2', 'Average', m1)`, "Unknown Id 'm1' at position 25"],
    [
      `SEARCH('EC2', 'Average') + SEARCH('EBS', 'Average')`,
      "Invalid operands for '+' at position 25: both sides are arrays of time series",
    ],
    [
      `ABS(SEARCH('EC2', 'Average'), 1)`,
      'Wrong number of arguments for ABS at position 30: expected 1, got 2',
    ],
  ])('%s', (expression, message) => {
    expect(checkError(expression).message).toBe(message);
  });

  it('gives an InternalError result when evaluated anyway', () => {
    const engine = new Engine({ wallClock: () => NOW });
    const [r] = run(engine, expr('e1', `SEARCH('EC2', 'p101')`));
    expect(r.status).toBe('InternalError');
    expect(r.messages[0].value).toBe("Invalid argument for SEARCH at position 14: 'p101' is not a statistic");
  });
});
