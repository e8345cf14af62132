import { describe, expect, it } from 'vitest';
import { DAY_MS, Engine, HOUR_MS } from '../../engine/index.ts';
import { AwsError } from '../protocol/aws-error.ts';
import { getMetricStatistics } from './get-metric-statistics.ts';
import type { Json } from './input.ts';
import { putMetricData } from './put-metric-data.ts';

const T0 = Date.parse('2026-11-19T16:00:00Z');
const T0_S = T0 / 1000;
const newEngine = () => new Engine({ wallClock: () => T0, simulation: false });

/** The error an input is rejected with (the test fails when the input is accepted). */
function rejection(input: Json, engine = newEngine()): AwsError {
  try {
    putMetricData(input, engine);
  } catch (e) {
    if (e instanceof AwsError) return e;
    throw e;
  }
  throw new Error(`accepted: ${JSON.stringify(input).slice(0, 200)}`);
}

const ok = { MetricName: 'Latency', Value: 1 };
/** A request whose second datum is `datum` (so error paths must say member.2). */
const second = (datum: Json): Json => ({ Namespace: 'Shop', MetricData: [ok, datum] });
const first = (datum: Json): Json => ({ Namespace: 'Shop', MetricData: [datum] });
const dims = (n: number) => Array.from({ length: n }, (_, i) => ({ Name: `D${i}`, Value: `v${i}` }));
const stats = { SampleCount: 4, Sum: 20, Minimum: 2, Maximum: 8 };

type Code = 'InvalidParameterValue' | 'MissingParameter' | 'InvalidParameterCombination';

describe('PutMetricData rejects what CloudWatch rejects', () => {
  it.each<[string, Json, Code, string]>([
    // case, request, error code, text the message must contain (the parameter it names)
    ['missing Namespace', { MetricData: [ok] }, 'MissingParameter', 'The parameter Namespace is required.'],
    ['empty Namespace', { Namespace: '', MetricData: [ok] }, 'InvalidParameterValue', 'Namespace'],
    ['blank Namespace', { Namespace: '   ', MetricData: [ok] }, 'InvalidParameterValue', 'Namespace'],
    [
      'Namespace starting with AWS/',
      { Namespace: 'AWS/EC2', MetricData: [ok] },
      'InvalidParameterValue',
      'Namespace',
    ],
    [
      "Namespace starting with ':'",
      { Namespace: ':Shop', MetricData: [ok] },
      'InvalidParameterValue',
      'Namespace',
    ],
    ['Namespace with $', { Namespace: 'Shop$', MetricData: [ok] }, 'InvalidParameterValue', 'Namespace'],
    [
      'Namespace with non-ASCII',
      { Namespace: 'Café', MetricData: [ok] },
      'InvalidParameterValue',
      'Namespace',
    ],
    [
      'Namespace of 256 characters',
      { Namespace: 'N'.repeat(256), MetricData: [ok] },
      'InvalidParameterValue',
      'Namespace',
    ],
    ['Namespace not a string', { Namespace: 42, MetricData: [ok] }, 'InvalidParameterValue', 'Namespace'],
    ['missing MetricData', { Namespace: 'Shop' }, 'MissingParameter', 'MetricData'],
    ['empty MetricData', { Namespace: 'Shop', MetricData: [] }, 'MissingParameter', 'MetricData'],
    ['MetricData not a list', { Namespace: 'Shop', MetricData: ok }, 'InvalidParameterValue', 'MetricData'],
    [
      '1,001 datums',
      { Namespace: 'Shop', MetricData: Array(1001).fill(ok) },
      'InvalidParameterValue',
      'The collection MetricData must not have a size greater than 1000.',
    ],
    ['missing MetricName', second({ Value: 1 }), 'MissingParameter', 'MetricData.member.2.MetricName'],
    [
      'empty MetricName',
      second({ MetricName: '', Value: 1 }),
      'InvalidParameterValue',
      'MetricData.member.2.MetricName',
    ],
    [
      'MetricName of 256 characters',
      second({ MetricName: 'm'.repeat(256), Value: 1 }),
      'InvalidParameterValue',
      'MetricData.member.2.MetricName',
    ],
    [
      '31 dimensions',
      second({ ...ok, Dimensions: dims(31) }),
      'InvalidParameterValue',
      'MetricData.member.2.Dimensions',
    ],
    [
      'the same dimension name twice',
      second({
        ...ok,
        Dimensions: [
          { Name: 'Host', Value: 'a' },
          { Name: 'Host', Value: 'b' },
        ],
      }),
      'InvalidParameterValue',
      'No metric may specify the same dimension name twice.',
    ],
    [
      'empty dimension value',
      second({ ...ok, Dimensions: [{ Name: 'Host', Value: '' }] }),
      'InvalidParameterValue',
      'MetricData.member.2.Dimensions.member.1.Value',
    ],
    [
      'missing dimension value',
      second({ ...ok, Dimensions: [{ Name: 'Host' }] }),
      'MissingParameter',
      'MetricData.member.2.Dimensions.member.1.Value',
    ],
    [
      'missing dimension name',
      second({ ...ok, Dimensions: [{ Value: 'a' }] }),
      'MissingParameter',
      'MetricData.member.2.Dimensions.member.1.Name',
    ],
    [
      "dimension name starting with ':'",
      second({ ...ok, Dimensions: [{ Name: ':Host', Value: 'a' }] }),
      'InvalidParameterValue',
      'MetricData.member.2.Dimensions.member.1.Name',
    ],
    [
      'dimension value of 1,025 characters',
      second({ ...ok, Dimensions: [{ Name: 'Host', Value: 'v'.repeat(1025) }] }),
      'InvalidParameterValue',
      'MetricData.member.2.Dimensions.member.1.Value',
    ],
    [
      'Value and StatisticValues',
      second({ ...ok, StatisticValues: stats }),
      'InvalidParameterCombination',
      'The parameters MetricData.member.2.Value and MetricData.member.2.StatisticValues are mutually exclusive and you have specified both.',
    ],
    [
      'Value and Values',
      second({ ...ok, Values: [1, 2] }),
      'InvalidParameterCombination',
      'MetricData.member.2.Value and MetricData.member.2.Values',
    ],
    [
      'Values and StatisticValues',
      second({ MetricName: 'Latency', Values: [1], StatisticValues: stats }),
      'InvalidParameterCombination',
      'MetricData.member.2.Values',
    ],
    [
      'none of Value, Values, StatisticValues',
      second({ MetricName: 'Latency' }),
      'MissingParameter',
      'MetricData.member.2.Value',
    ],
    [
      "Value 'NaN' (the SDK's encoding of NaN)",
      second({ MetricName: 'Latency', Value: 'NaN' }),
      'InvalidParameterValue',
      'MetricData.member.2.Value',
    ],
    [
      "Value 'Infinity'",
      second({ MetricName: 'Latency', Value: 'Infinity' }),
      'InvalidParameterValue',
      'MetricData.member.2.Value',
    ],
    [
      "Value '-Infinity'",
      second({ MetricName: 'Latency', Value: '-Infinity' }),
      'InvalidParameterValue',
      'MetricData.member.2.Value',
    ],
    [
      'Value NaN',
      second({ MetricName: 'Latency', Value: NaN }),
      'InvalidParameterValue',
      'MetricData.member.2.Value',
    ],
    [
      'Value Infinity',
      second({ MetricName: 'Latency', Value: Infinity }),
      'InvalidParameterValue',
      'MetricData.member.2.Value',
    ],
    [
      'Value -Infinity',
      second({ MetricName: 'Latency', Value: -Infinity }),
      'InvalidParameterValue',
      'MetricData.member.2.Value',
    ],
    [
      'Value above 2^360',
      second({ MetricName: 'Latency', Value: 2 ** 361 }),
      'InvalidParameterValue',
      'MetricData.member.2.Value',
    ],
    [
      'Value below -2^360',
      second({ MetricName: 'Latency', Value: -(2 ** 361) }),
      'InvalidParameterValue',
      'MetricData.member.2.Value',
    ],
    [
      'Value that is not a number',
      second({ MetricName: 'Latency', Value: 'twelve' }),
      'InvalidParameterValue',
      'MetricData.member.2.Value',
    ],
    [
      "Values with 'NaN'",
      second({ MetricName: 'Latency', Values: [1, 'NaN'] }),
      'InvalidParameterValue',
      'MetricData.member.2.Values.member.2',
    ],
    [
      "Values with 'abc'",
      second({ MetricName: 'Latency', Values: [1, 'abc'] }),
      'InvalidParameterValue',
      'The value "abc" for parameter MetricData.member.2.Values.member.2 is invalid: expected a number.',
    ],
    [
      "Values with 'Infinity'",
      second({ MetricName: 'Latency', Values: ['Infinity'] }),
      'InvalidParameterValue',
      'MetricData.member.2.Values.member.1',
    ],
    [
      'Values with Infinity',
      second({ MetricName: 'Latency', Values: [1, 2, Infinity] }),
      'InvalidParameterValue',
      'MetricData.member.2.Values.member.3',
    ],
    [
      'Values above 2^360',
      second({ MetricName: 'Latency', Values: [2 ** 361] }),
      'InvalidParameterValue',
      'MetricData.member.2.Values.member.1',
    ],
    [
      '151 Values',
      second({ MetricName: 'Latency', Values: Array.from({ length: 151 }, (_, i) => i) }),
      'InvalidParameterValue',
      'MetricData.member.2.Values',
    ],
    [
      'empty Values',
      second({ MetricName: 'Latency', Values: [] }),
      'InvalidParameterValue',
      'MetricData.member.2.Values',
    ],
    [
      'Counts shorter than Values',
      second({ MetricName: 'Latency', Values: [1, 2, 3], Counts: [1, 2] }),
      'InvalidParameterValue',
      'MetricData.member.2.Counts',
    ],
    [
      'Counts longer than Values',
      second({ MetricName: 'Latency', Values: [1], Counts: [1, 2] }),
      'InvalidParameterValue',
      'MetricData.member.2.Counts',
    ],
    [
      'Counts without Values',
      second({ ...ok, Counts: [1] }),
      'InvalidParameterCombination',
      'MetricData.member.2.Counts',
    ],
    [
      'StatisticValues without Sum',
      second({ MetricName: 'Latency', StatisticValues: { SampleCount: 4, Minimum: 2, Maximum: 8 } }),
      'MissingParameter',
      'MetricData.member.2.StatisticValues.Sum',
    ],
    [
      'StatisticValues without SampleCount',
      second({ MetricName: 'Latency', StatisticValues: { Sum: 20, Minimum: 2, Maximum: 8 } }),
      'MissingParameter',
      'MetricData.member.2.StatisticValues.SampleCount',
    ],
    [
      'StatisticValues without Minimum',
      second({ MetricName: 'Latency', StatisticValues: { SampleCount: 4, Sum: 20, Maximum: 8 } }),
      'MissingParameter',
      'MetricData.member.2.StatisticValues.Minimum',
    ],
    [
      'StatisticValues without Maximum',
      second({ MetricName: 'Latency', StatisticValues: { SampleCount: 4, Sum: 20, Minimum: 2 } }),
      'MissingParameter',
      'MetricData.member.2.StatisticValues.Maximum',
    ],
    [
      'StatisticValues with Minimum > Maximum',
      second({ MetricName: 'Latency', StatisticValues: { ...stats, Minimum: 9 } }),
      'InvalidParameterValue',
      'MetricData.member.2.StatisticValues',
    ],
    [
      'StatisticValues with SampleCount 0',
      second({ MetricName: 'Latency', StatisticValues: { ...stats, SampleCount: 0 } }),
      'InvalidParameterValue',
      'MetricData.member.2.StatisticValues.SampleCount',
    ],
    [
      "StatisticValues with Sum 'NaN'",
      second({ MetricName: 'Latency', StatisticValues: { ...stats, Sum: 'NaN' } }),
      'InvalidParameterValue',
      'MetricData.member.2.StatisticValues.Sum',
    ],
    [
      'Timestamp older than two weeks',
      second({ ...ok, Timestamp: T0_S - 14 * 86_400 - 1 }),
      'InvalidParameterValue',
      'The parameter MetricData.member.2.Timestamp must specify a time within the past two weeks.',
    ],
    [
      'Timestamp more than two hours ahead',
      second({ ...ok, Timestamp: T0_S + 2 * 3600 + 1 }),
      'InvalidParameterValue',
      'MetricData.member.2.Timestamp',
    ],
    [
      'Timestamp as an ISO string',
      second({ ...ok, Timestamp: '2026-11-19T15:00:00Z' }),
      'InvalidParameterValue',
      'MetricData.member.2.Timestamp',
    ],
    [
      'unknown Unit',
      second({ ...ok, Unit: 'Percents' }),
      'InvalidParameterValue',
      'MetricData.member.2.Unit',
    ],
    [
      'Unit in the wrong case',
      second({ ...ok, Unit: 'bytes' }),
      'InvalidParameterValue',
      'MetricData.member.2.Unit',
    ],
    [
      'StorageResolution 30',
      second({ ...ok, StorageResolution: 30 }),
      'InvalidParameterValue',
      'MetricData.member.2.StorageResolution',
    ],
    [
      'StorageResolution 0',
      second({ ...ok, StorageResolution: 0 }),
      'InvalidParameterValue',
      'MetricData.member.2.StorageResolution',
    ],
    [
      'a datum that is not a structure',
      second(7 as unknown as Json),
      'InvalidParameterValue',
      'MetricData.member.2',
    ],
  ])('%s', (_case, input, code, text) => {
    const err = rejection(input);
    expect(err.code).toBe(code);
    expect(err.status).toBe(400);
    expect(err.fault).toBe('Sender');
    expect(err.message).toContain(text);
  });

  it('maps each code to the SDK exception shape', () => {
    expect(
      [
        rejection({ MetricData: [ok] }),
        rejection(second({ ...ok, Unit: 'x' })),
        rejection(second({ ...ok, Values: [1] })),
      ].map((e) => [e.code, e.shape]),
    ).toEqual([
      ['MissingParameter', 'MissingRequiredParameterException'],
      ['InvalidParameterValue', 'InvalidParameterValueException'],
      ['InvalidParameterCombination', 'InvalidParameterCombinationException'],
    ]);
  });

  it('names every datum whose timestamp is out of range, one line each', () => {
    const err = rejection({
      Namespace: 'Shop',
      MetricData: [
        { ...ok, Timestamp: T0_S - 15 * 86_400 },
        ok,
        { ...ok, Timestamp: T0_S - 20 * 86_400 },
        { ...ok, Timestamp: T0_S + 3 * 3600 },
      ],
    });
    expect(err.message.split('\n')).toEqual([
      'The parameter MetricData.member.1.Timestamp must specify a time within the past two weeks.',
      'The parameter MetricData.member.3.Timestamp must specify a time within the past two weeks.',
      'The parameter MetricData.member.4.Timestamp must specify a time no more than two hours in the future.',
    ]);
  });
});

describe('PutMetricData accepts what CloudWatch accepts', () => {
  it.each<[string, Json, number]>([
    // case, datum, SampleCount stored
    ['a Value', { ...ok }, 1],
    ['Value 0', { MetricName: 'Latency', Value: 0 }, 1],
    ['Value 2^360', { MetricName: 'Latency', Value: 2 ** 360 }, 1],
    ['Value -2^360', { MetricName: 'Latency', Value: -(2 ** 360) }, 1],
    ['a tiny Value (1e-100)', { MetricName: 'Latency', Value: 1e-100 }, 1],
    ['a Value as a numeric string', { MetricName: 'Latency', Value: '12.5' }, 1],
    ['150 Values', { MetricName: 'Latency', Values: Array.from({ length: 150 }, (_, i) => i) }, 150],
    ['Values with Counts', { MetricName: 'Latency', Values: [1, 2], Counts: [3, 4] }, 7],
    ['StatisticValues', { MetricName: 'Latency', StatisticValues: stats }, 4],
    [
      'StatisticValues with Minimum = Maximum',
      { MetricName: 'Latency', StatisticValues: { SampleCount: 2, Sum: 10, Minimum: 5, Maximum: 5 } },
      2,
    ],
    ['30 dimensions', { ...ok, Dimensions: dims(30) }, 1],
    ['a Timestamp exactly two weeks ago', { ...ok, Timestamp: T0_S - 14 * 86_400 }, 1],
    ['a Timestamp exactly two hours ahead', { ...ok, Timestamp: T0_S + 2 * 3600 }, 1],
    ['a fractional Timestamp', { ...ok, Timestamp: T0_S - 90.25 }, 1],
    ['StorageResolution 1', { ...ok, StorageResolution: 1 }, 1],
    ['StorageResolution 60', { ...ok, StorageResolution: 60 }, 1],
    ['Unit Count/Second', { ...ok, Unit: 'Count/Second' }, 1],
  ])('%s', (_case, datum, sampleCount) => {
    const engine = newEngine();
    expect(putMetricData(first(datum), engine)).toEqual({});
    const out = getMetricStatistics(
      {
        Namespace: 'Shop',
        MetricName: 'Latency',
        Dimensions: (datum.Dimensions as Json[] | undefined) ?? [],
        StartTime: T0_S - 15 * 86_400,
        EndTime: T0_S + 3 * 3600,
        Period: 86_400 * 2,
        Statistics: ['SampleCount'],
      },
      engine,
    ) as { Datapoints: { SampleCount: number }[] };
    expect(out.Datapoints.reduce((a, d) => a + d.SampleCount, 0)).toBe(sampleCount);
  });

  it.each<[string, Json]>([
    ['every namespace character', { Namespace: 'My.App-1_x/y#z:w 2', MetricData: [ok] }],
    ['a namespace of 255 characters', { Namespace: 'N'.repeat(255), MetricData: [ok] }],
    ['1,000 datums', { Namespace: 'Shop', MetricData: Array(1000).fill(ok) }],
    ['a namespace that merely contains AWS', { Namespace: 'MyAWS/Stuff', MetricData: [ok] }],
  ])('%s', (_case, input) => {
    expect(putMetricData(input, newEngine())).toEqual({});
  });
});

describe('PutMetricData timestamps follow the engine clock, not the wall clock', () => {
  // The wall clock says T0; the engine's clock was moved 30 days back.
  const engineNow = T0 - 30 * DAY_MS;
  it.each<[string, number, boolean]>([
    // case, timestamp (epoch ms), accepted
    ['wall-clock now is 30 days in the engine future', T0, false],
    ['engine now', engineNow, true],
    ['13 days before engine now (43 days before the wall clock)', engineNow - 13 * DAY_MS, true],
    ['15 days before engine now', engineNow - 15 * DAY_MS, false],
    ['1 hour after engine now', engineNow + HOUR_MS, true],
    ['3 hours after engine now', engineNow + 3 * HOUR_MS, false],
  ])('%s', (_case, tMs, accepted) => {
    const engine = newEngine();
    engine.setClock({ now: engineNow });
    const input = first({ ...ok, Timestamp: tMs / 1000 });
    if (accepted) expect(putMetricData(input, engine)).toEqual({});
    else expect(rejection(input, engine).code).toBe('InvalidParameterValue');
  });

  it('a datum without Timestamp is stamped with the engine time', () => {
    const engine = newEngine();
    engine.setClock({ now: engineNow + 30 * 1000 });
    putMetricData(first(ok), engine);
    const out = getMetricStatistics(
      {
        Namespace: 'Shop',
        MetricName: 'Latency',
        StartTime: (engineNow - HOUR_MS) / 1000,
        EndTime: (engineNow + HOUR_MS) / 1000,
        Period: 60,
        Statistics: ['Sum'],
      },
      engine,
    ) as { Datapoints: { Timestamp: number }[] };
    expect(out.Datapoints.map((d) => d.Timestamp * 1000)).toEqual([engineNow]);
  });
});

describe('a rejected request stores nothing', () => {
  it.each<[string, Json]>([
    [
      'a bad value in the last datum',
      {
        Namespace: 'Shop',
        MetricData: [ok, { ...ok, MetricName: 'Other' }, { MetricName: 'Third', Value: 'NaN' }],
      },
    ],
    [
      'an old timestamp in the last datum',
      { Namespace: 'Shop', MetricData: [ok, { ...ok, Timestamp: T0_S - 30 * 86_400 }] },
    ],
    [
      'a bad unit in the second datum',
      {
        Namespace: 'Shop',
        MetricData: [
          { MetricName: 'A', Values: [1, 2, 3] },
          { ...ok, Unit: 'Furlongs' },
        ],
      },
    ],
  ])('%s', (_case, input) => {
    const engine = newEngine();
    rejection(input, engine);
    expect(engine.listMetrics()).toEqual([]);
    expect(engine.stats()).toMatchObject({ publishedSeries: 0, storedDatapoints: 0 });
  });

  it('while a good request stores every datum', () => {
    const engine = newEngine();
    putMetricData(
      {
        Namespace: 'Shop',
        MetricData: [ok, { ...ok, MetricName: 'Other' }, { MetricName: 'Third', Values: [1, 2] }],
      },
      engine,
    );
    expect(
      engine
        .listMetrics()
        .map((m) => m.metricName)
        .sort(),
    ).toEqual(['Latency', 'Other', 'Third']);
    expect(engine.stats()).toMatchObject({ publishedSeries: 3, storedDatapoints: 4 });
  });
});

describe('PutMetricData stores what was sent', () => {
  it('Values with Counts and StatisticValues aggregate like the raw samples', () => {
    const engine = newEngine();
    const at = T0_S - 5 * 60;
    putMetricData(
      {
        Namespace: 'Shop',
        MetricData: [
          { MetricName: 'Latency', Timestamp: at, Values: [10, 20], Counts: [2, 1], Unit: 'Milliseconds' },
          {
            MetricName: 'Latency',
            Timestamp: at,
            StatisticValues: { SampleCount: 2, Sum: 70, Minimum: 30, Maximum: 40 },
            Unit: 'Milliseconds',
          },
        ],
      },
      engine,
    );
    const out = getMetricStatistics(
      {
        Namespace: 'Shop',
        MetricName: 'Latency',
        StartTime: at - 60,
        EndTime: T0_S,
        Period: 300,
        Statistics: ['SampleCount', 'Sum', 'Average', 'Minimum', 'Maximum'],
      },
      engine,
    );
    expect(out).toEqual({
      Label: 'Latency',
      Datapoints: [
        {
          Timestamp: at - 60,
          Unit: 'Milliseconds',
          SampleCount: 5,
          Sum: 110,
          Average: 22,
          Minimum: 10,
          Maximum: 40,
        },
      ],
    });
  });

  it('keeps standard-resolution datapoints at the minute', () => {
    const engine = newEngine();
    putMetricData(first({ ...ok, Timestamp: T0_S - 5 * 60 + 42 }), engine);
    const out = getMetricStatistics(
      {
        Namespace: 'Shop',
        MetricName: 'Latency',
        StartTime: T0_S - 600,
        EndTime: T0_S,
        Period: 1,
        Statistics: ['Sum'],
      },
      engine,
    ) as {
      Datapoints: { Timestamp: number }[];
    };
    expect(out.Datapoints.map((d) => d.Timestamp)).toEqual([T0_S - 5 * 60]);
  });
});

describe('Values read numbers the way Value does', () => {
  it('numeric strings in Values are stored as numbers', () => {
    const engine = newEngine();
    putMetricData(
      { Namespace: 'Shop', MetricData: [{ MetricName: 'Latency', Values: ['3', '4.5'], Timestamp: T0_S }] },
      engine,
    );
    const out = getMetricStatistics(
      {
        Namespace: 'Shop',
        MetricName: 'Latency',
        StartTime: T0_S - 60,
        EndTime: T0_S + 60,
        Period: 60,
        Statistics: ['Sum', 'SampleCount'],
      },
      engine,
    ) as { Datapoints: { Sum: number; SampleCount: number }[] };
    expect(out.Datapoints.map((d) => [d.Sum, d.SampleCount])).toEqual([[7.5, 2]]);
  });
});
