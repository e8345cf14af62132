import { describe, expect, it } from 'vitest';
import { DAY_MS, Engine, HOUR_MS, MINUTE_MS } from '../../engine/index.ts';
import { AwsError } from '../protocol/aws-error.ts';
import { getMetricStatistics } from './get-metric-statistics.ts';
import type { Json } from './input.ts';
import { putMetricData } from './put-metric-data.ts';

const T0 = Date.parse('2026-11-19T16:00:00Z');
const s = (ms: number) => ms / 1000;

interface Datapoint {
  Timestamp: number;
  Unit: string;
  SampleCount?: number;
  Sum?: number;
  Average?: number;
  Minimum?: number;
  Maximum?: number;
  ExtendedStatistics?: Record<string, number>;
}

const DIMS = [{ Name: 'Service', Value: 'cart' }];

/** Latency of the cart service: minute m (1..10 minutes before T0) holds the values m, 10m, 100m. */
function publishedEngine(): Engine {
  const engine = new Engine({ wallClock: () => T0, simulation: false });
  const data: Json[] = [];
  for (let m = 1; m <= 10; m++) {
    data.push({
      MetricName: 'Latency',
      Dimensions: DIMS,
      Timestamp: s(T0 - m * MINUTE_MS),
      Values: [m, 10 * m, 100 * m],
      Unit: 'Milliseconds',
    });
  }
  putMetricData({ Namespace: 'Shop', MetricData: data }, engine);
  return engine;
}

const engine = publishedEngine();
const base = {
  Namespace: 'Shop',
  MetricName: 'Latency',
  Dimensions: DIMS,
  StartTime: s(T0 - 10 * MINUTE_MS),
  EndTime: s(T0),
};

function datapoints(input: Json, e = engine): Datapoint[] {
  const out = getMetricStatistics(input, e) as { Label: string; Datapoints: Datapoint[] };
  expect(out.Label).toBe(input.MetricName);
  // "Data points are not returned in chronological order": compare in time order.
  return [...out.Datapoints].sort((a, b) => a.Timestamp - b.Timestamp || a.Unit.localeCompare(b.Unit));
}

function rejection(input: Json, e = engine): AwsError {
  try {
    getMetricStatistics(input, e);
  } catch (err) {
    if (err instanceof AwsError) return err;
    throw err;
  }
  throw new Error('accepted');
}

describe('GetMetricStatistics: Statistics', () => {
  it('returns each requested statistic per period, with the Unit', () => {
    expect(
      datapoints({
        ...base,
        Period: 300,
        Statistics: ['SampleCount', 'Sum', 'Average', 'Minimum', 'Maximum'],
      }),
    ).toEqual([
      {
        Timestamp: s(T0 - 10 * MINUTE_MS),
        Unit: 'Milliseconds',
        SampleCount: 15,
        Sum: 111 * 40,
        Average: (111 * 40) / 15,
        Minimum: 6,
        Maximum: 1000,
      },
      {
        Timestamp: s(T0 - 5 * MINUTE_MS),
        Unit: 'Milliseconds',
        SampleCount: 15,
        Sum: 111 * 15,
        Average: 111,
        Minimum: 1,
        Maximum: 500,
      },
    ]);
  });

  it('returns only the statistics asked for', () => {
    expect(datapoints({ ...base, Period: 600, Statistics: ['Maximum'] })).toEqual([
      { Timestamp: s(T0 - 10 * MINUTE_MS), Unit: 'Milliseconds', Maximum: 1000 },
    ]);
  });

  it('leaves out empty periods', () => {
    const dps = datapoints({ ...base, StartTime: s(T0 - HOUR_MS), Period: 60, Statistics: ['SampleCount'] });
    expect(dps.map((d) => (T0 - d.Timestamp * 1000) / MINUTE_MS)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });
});

describe('GetMetricStatistics: ExtendedStatistics', () => {
  it.each<[string, number]>([
    // over the 30 values of the last 10 minutes: 1..10, 10..100, 100..1000
    ['p0', 1],
    ['p10', 3],
    ['p50', 50],
    ['p90', 700],
    ['p100', 1000],
    ['p99.9', 1000],
    ['TC(:10)', 11],
    ['PR(:100)', (21 / 30) * 100],
  ])('%s = %s', (stat, expected) => {
    const [dp] = datapoints({ ...base, Period: 600, ExtendedStatistics: [stat] });
    expect(dp.ExtendedStatistics?.[stat]).toBeCloseTo(expected, 9);
    expect(dp.SampleCount).toBeUndefined();
    expect(dp.Unit).toBe('Milliseconds');
  });

  it('returns several percentiles in one datapoint, keyed as requested', () => {
    const [dp] = datapoints({ ...base, Period: 600, ExtendedStatistics: ['p50', 'p90', 'p99'] });
    expect(dp.ExtendedStatistics).toEqual({ p50: 50, p90: 700, p99: 1000 });
  });

  it('gives no percentile for statistic sets that are not one repeated value', () => {
    const e = new Engine({ wallClock: () => T0, simulation: false });
    putMetricData(
      {
        Namespace: 'Shop',
        MetricData: [
          {
            MetricName: 'Spread',
            Timestamp: s(T0 - MINUTE_MS),
            StatisticValues: { SampleCount: 4, Sum: 20, Minimum: 2, Maximum: 8 },
          },
          {
            MetricName: 'Repeated',
            Timestamp: s(T0 - MINUTE_MS),
            StatisticValues: { SampleCount: 4, Sum: 20, Minimum: 5, Maximum: 5 },
          },
        ],
      },
      e,
    );
    const at = (name: string) =>
      datapoints(
        {
          Namespace: 'Shop',
          MetricName: name,
          StartTime: s(T0 - HOUR_MS),
          EndTime: s(T0),
          Period: 60,
          ExtendedStatistics: ['p50'],
        },
        e,
      );
    expect(at('Spread')).toEqual([{ Timestamp: s(T0 - MINUTE_MS), Unit: 'None', ExtendedStatistics: {} }]);
    expect(at('Repeated')).toEqual([
      { Timestamp: s(T0 - MINUTE_MS), Unit: 'None', ExtendedStatistics: { p50: 5 } },
    ]);
  });
});

describe('GetMetricStatistics: units', () => {
  const e = new Engine({ wallClock: () => T0, simulation: false });
  putMetricData(
    {
      Namespace: 'Shop',
      MetricData: [
        { MetricName: 'Size', Timestamp: s(T0 - 2 * MINUTE_MS), Value: 10, Unit: 'Bytes' },
        { MetricName: 'Size', Timestamp: s(T0 - 2 * MINUTE_MS), Value: 3, Unit: 'Kilobytes' },
        { MetricName: 'Size', Timestamp: s(T0 - MINUTE_MS), Value: 20, Unit: 'Bytes' },
        { MetricName: 'Plain', Timestamp: s(T0 - MINUTE_MS), Value: 1 },
      ],
    },
    e,
  );
  const sizes = (extra: Json) =>
    datapoints(
      {
        Namespace: 'Shop',
        MetricName: 'Size',
        StartTime: s(T0 - HOUR_MS),
        EndTime: s(T0),
        Period: 3600,
        Statistics: ['Sum'],
        ...extra,
      },
      e,
    );

  it.each<[string | undefined, [string, number][]]>([
    // Unit requested, [Unit, Sum] per datapoint
    ['Bytes', [['Bytes', 30]]],
    ['Kilobytes', [['Kilobytes', 3]]],
    ['Megabytes', []],
    // Without a Unit, each unit is aggregated separately and labelled with its own unit.
    [
      undefined,
      [
        ['Bytes', 30],
        ['Kilobytes', 3],
      ],
    ],
  ])('Unit %s', (unit, expected) => {
    expect(sizes(unit ? { Unit: unit } : {}).map((d) => [d.Unit, d.Sum])).toEqual(expected);
  });

  it('reports None for data published without a unit', () => {
    expect(
      datapoints(
        {
          Namespace: 'Shop',
          MetricName: 'Plain',
          StartTime: s(T0 - HOUR_MS),
          EndTime: s(T0),
          Period: 60,
          Statistics: ['Sum'],
        },
        e,
      ),
    ).toEqual([{ Timestamp: s(T0 - MINUTE_MS), Unit: 'None', Sum: 1 }]);
  });

  it('reports the unit of simulated metrics', () => {
    const sim = new Engine({ wallClock: () => T0 });
    const dps = datapoints(
      {
        Namespace: 'AWS/EC2',
        MetricName: 'CPUUtilization',
        Dimensions: [{ Name: 'InstanceId', Value: 'i-0a1b2c3d4e5f60001' }],
        StartTime: s(T0 - HOUR_MS),
        EndTime: s(T0),
        Period: 300,
        Statistics: ['Average'],
      },
      sim,
    );
    expect(dps).toHaveLength(12);
    expect(new Set(dps.map((d) => d.Unit))).toEqual(new Set(['Percent']));
  });
});

describe('GetMetricStatistics: the 1,440-datapoint limit', () => {
  it.each<[string, number, number, string | undefined]>([
    // case, range, period, error message (undefined: accepted)
    ['one day by the minute', DAY_MS, 60, undefined],
    [
      'one day and a minute by the minute',
      DAY_MS + MINUTE_MS,
      60,
      'You have requested up to 1,441 datapoints, which exceeds the limit of 1,440.',
    ],
    [
      'two days by the minute',
      2 * DAY_MS,
      60,
      'You have requested up to 2,880 datapoints, which exceeds the limit of 1,440.',
    ],
    ['two days by 2 minutes', 2 * DAY_MS, 120, undefined],
    [
      '4 hours by the second',
      4 * HOUR_MS,
      1,
      'You have requested up to 14,400 datapoints, which exceeds the limit of 1,440.',
    ],
  ])('%s', (_case, range, period, message) => {
    const input = { ...base, StartTime: s(T0 - range), EndTime: s(T0), Period: period, Statistics: ['Sum'] };
    if (message === undefined) {
      expect(datapoints(input).length).toBeGreaterThan(0);
      return;
    }
    const err = rejection(input);
    expect(err.code).toBe('InvalidParameterValue');
    expect(err.message).toContain(message);
  });
});

describe('GetMetricStatistics: period rules by age and StartTime rounding', () => {
  const sim = new Engine({ wallClock: () => T0 });
  const cpu = {
    Namespace: 'AWS/EC2',
    MetricName: 'CPUUtilization',
    Dimensions: [{ Name: 'InstanceId', Value: 'i-0a1b2c3d4e5f60001' }],
  };
  it.each<[string, string, number, string | undefined]>([
    // case, StartTime, period, first datapoint (undefined: none)
    ['< 3 h, period 10', '2026-11-19T14:32:34Z', 10, '2026-11-19T14:33:00Z'],
    ['> 3 h, period 10', '2026-11-19T12:32:34Z', 10, undefined],
    ['< 15 d, to the minute', '2026-11-19T12:32:34Z', 60, '2026-11-19T12:32:00Z'],
    ['15–63 d, period 60', '2026-10-20T12:32:34Z', 60, undefined],
    ['15–63 d, to 5 minutes', '2026-10-20T12:32:34Z', 300, '2026-10-20T12:30:00Z'],
    ['> 63 d, period 300', '2026-08-01T12:32:34Z', 300, undefined],
    ['> 63 d, to the hour', '2026-08-01T12:32:34Z', 3600, '2026-08-01T12:00:00Z'],
  ])('%s', (_case, start, period, first) => {
    const startMs = Date.parse(start);
    const dps = datapoints(
      {
        ...cpu,
        StartTime: s(startMs),
        EndTime: s(Math.min(startMs + 2 * HOUR_MS, T0)),
        Period: period,
        Statistics: ['Average'],
      },
      sim,
    );
    expect(dps[0]?.Timestamp).toBe(first === undefined ? undefined : s(Date.parse(first)));
  });
});

describe('GetMetricStatistics: validation', () => {
  it.each<[string, Json, string, string]>([
    // case, request, code, text in the message
    [
      'Statistics and ExtendedStatistics',
      { ...base, Period: 60, Statistics: ['Sum'], ExtendedStatistics: ['p99'] },
      'InvalidParameterCombination',
      'Statistics and ExtendedStatistics',
    ],
    ['neither Statistics nor ExtendedStatistics', { ...base, Period: 60 }, 'MissingParameter', 'Statistics'],
    [
      'both empty',
      { ...base, Period: 60, Statistics: [], ExtendedStatistics: [] },
      'MissingParameter',
      'Statistics',
    ],
    [
      'a percentile in Statistics',
      { ...base, Period: 60, Statistics: ['p99'] },
      'InvalidParameterValue',
      'Statistics.member.1',
    ],
    [
      'an unknown statistic',
      { ...base, Period: 60, Statistics: ['Sum', 'Median'] },
      'InvalidParameterValue',
      'Statistics.member.2',
    ],
    [
      'six Statistics',
      { ...base, Period: 60, Statistics: ['Sum', 'Sum', 'Sum', 'Sum', 'Sum', 'Sum'] },
      'InvalidParameterValue',
      'Statistics',
    ],
    [
      'a basic statistic in ExtendedStatistics',
      { ...base, Period: 60, ExtendedStatistics: ['Average'] },
      'InvalidParameterValue',
      'ExtendedStatistics.member.1',
    ],
    [
      'p101',
      { ...base, Period: 60, ExtendedStatistics: ['p50', 'p101'] },
      'InvalidParameterValue',
      'ExtendedStatistics.member.2',
    ],
    [
      'eleven ExtendedStatistics',
      { ...base, Period: 60, ExtendedStatistics: Array(11).fill('p50') },
      'InvalidParameterValue',
      'ExtendedStatistics',
    ],
    [
      'missing Namespace',
      { ...base, Namespace: undefined, Period: 60, Statistics: ['Sum'] },
      'MissingParameter',
      'Namespace',
    ],
    [
      'missing MetricName',
      { ...base, MetricName: undefined, Period: 60, Statistics: ['Sum'] },
      'MissingParameter',
      'MetricName',
    ],
    [
      'missing StartTime',
      { ...base, StartTime: undefined, Period: 60, Statistics: ['Sum'] },
      'MissingParameter',
      'StartTime',
    ],
    [
      'missing EndTime',
      { ...base, EndTime: undefined, Period: 60, Statistics: ['Sum'] },
      'MissingParameter',
      'EndTime',
    ],
    ['missing Period', { ...base, Statistics: ['Sum'] }, 'MissingParameter', 'Period'],
    ['Period 7', { ...base, Period: 7, Statistics: ['Sum'] }, 'InvalidParameterValue', 'Period'],
    ['Period 90', { ...base, Period: 90, Statistics: ['Sum'] }, 'InvalidParameterValue', 'Period'],
    [
      'StartTime after EndTime',
      { ...base, StartTime: base.EndTime, EndTime: base.StartTime, Period: 60, Statistics: ['Sum'] },
      'InvalidParameterValue',
      'StartTime',
    ],
    [
      'bad Unit',
      { ...base, Period: 60, Statistics: ['Sum'], Unit: 'Milliseconds/Second' },
      'InvalidParameterValue',
      'Unit',
    ],
    [
      '31 dimensions',
      {
        ...base,
        Dimensions: Array.from({ length: 31 }, (_, i) => ({ Name: `D${i}`, Value: 'v' })),
        Period: 60,
        Statistics: ['Sum'],
      },
      'InvalidParameterValue',
      'Dimensions',
    ],
  ])('%s', (_case, input, code, text) => {
    const err = rejection(input);
    expect(err.code).toBe(code);
    expect(err.message).toContain(text);
  });

  it('needs the exact dimensions that were published', () => {
    expect(datapoints({ ...base, Dimensions: [], Period: 600, Statistics: ['Sum'] })).toEqual([]);
    expect(
      datapoints({
        ...base,
        Dimensions: [...DIMS, { Name: 'Host', Value: 'a' }],
        Period: 600,
        Statistics: ['Sum'],
      }),
    ).toEqual([]);
    expect(datapoints({ ...base, Period: 600, Statistics: ['Sum'] })).toHaveLength(1);
  });
});
