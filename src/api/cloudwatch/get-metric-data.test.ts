import { describe, expect, it } from 'vitest';
import { DAY_MS, Engine, HOUR_MS, MINUTE_MS } from '../../engine/index.ts';
import { AwsError } from '../protocol/aws-error.ts';
import { getMetricData } from './get-metric-data.ts';
import type { Json } from './input.ts';
import { putMetricData } from './put-metric-data.ts';

const T0 = Date.parse('2026-11-19T16:00:00Z');
const s = (ms: number) => ms / 1000;
const iso = (text: string) => Date.parse(text);

interface Result {
  Id: string;
  Label: string;
  Timestamps: number[];
  Values: number[];
  StatusCode: string;
  Messages: unknown[];
}
interface Output {
  MetricDataResults: Result[];
  NextToken?: string;
  Messages: unknown[];
}

const CPU1 = {
  Namespace: 'AWS/EC2',
  MetricName: 'CPUUtilization',
  Dimensions: [{ Name: 'InstanceId', Value: 'i-0a1b2c3d4e5f60001' }],
};
const CPU2 = {
  Namespace: 'AWS/EC2',
  MetricName: 'CPUUtilization',
  Dimensions: [{ Name: 'InstanceId', Value: 'i-0a1b2c3d4e5f60002' }],
};
const NET1 = {
  Namespace: 'AWS/EC2',
  MetricName: 'NetworkIn',
  Dimensions: [{ Name: 'InstanceId', Value: 'i-0a1b2c3d4e5f60001' }],
};
const FAST = { Namespace: 'Shop', MetricName: 'QueueDepth', Dimensions: [] };

const query = (Id: string, Metric: Json, Period: number, Stat: string, extra: Json = {}): Json => ({
  Id,
  MetricStat: { Metric, Period, Stat },
  ...extra,
});

/** The simulated account at T0, plus a high-resolution custom metric with datapoints at a few seconds. */
function simulatedEngine(): Engine {
  const engine = new Engine({ wallClock: () => T0 });
  const at = [
    '2026-11-19T15:02:16Z',
    '2026-11-19T15:58:23.700Z',
    '2026-11-19T15:58:25Z',
    '2026-11-19T15:58:50Z',
  ];
  putMetricData(
    {
      Namespace: 'Shop',
      MetricData: at.map((t, i) => ({
        MetricName: 'QueueDepth',
        Timestamp: s(iso(t)),
        Value: i + 1,
        StorageResolution: 1,
      })),
    },
    engine,
  );
  return engine;
}

const engine = simulatedEngine();
const call = (input: Json, e = engine) => getMetricData(input, e) as unknown as Output;

function rejection(input: Json, e = engine): AwsError {
  try {
    getMetricData(input, e);
  } catch (err) {
    if (err instanceof AwsError) return err;
    throw err;
  }
  throw new Error('accepted');
}

describe('GetMetricData: the period allowed depends on the age of StartTime', () => {
  it.each<[string, number, number, boolean]>([
    // age of StartTime, age (ms), period (s), datapoints returned
    ['1 hour', HOUR_MS, 1, true],
    ['1 hour', HOUR_MS, 5, true],
    ['1 hour', HOUR_MS, 10, true],
    ['1 hour', HOUR_MS, 20, true],
    ['1 hour', HOUR_MS, 30, true],
    ['1 hour', HOUR_MS, 60, true],
    ['2 h 59 min', 3 * HOUR_MS - MINUTE_MS, 10, true],
    ['3 h 1 min', 3 * HOUR_MS + MINUTE_MS, 1, false],
    ['3 h 1 min', 3 * HOUR_MS + MINUTE_MS, 10, false],
    ['3 h 1 min', 3 * HOUR_MS + MINUTE_MS, 30, false],
    ['3 h 1 min', 3 * HOUR_MS + MINUTE_MS, 60, true],
    ['3 h 1 min', 3 * HOUR_MS + MINUTE_MS, 120, true],
    ['14 days', 14 * DAY_MS, 60, true],
    ['14 days', 14 * DAY_MS, 300, true],
    ['16 days', 16 * DAY_MS, 60, false],
    ['16 days', 16 * DAY_MS, 120, false],
    ['16 days', 16 * DAY_MS, 300, true],
    ['16 days', 16 * DAY_MS, 600, true],
    ['16 days', 16 * DAY_MS, 900, true],
    ['62 days', 62 * DAY_MS, 300, true],
    ['64 days', 64 * DAY_MS, 300, false],
    ['64 days', 64 * DAY_MS, 1800, false],
    ['64 days', 64 * DAY_MS, 3600, true],
    ['64 days', 64 * DAY_MS, 7200, true],
    ['454 days', 454 * DAY_MS, 3600, true],
    ['454 days', 454 * DAY_MS, 86_400, true],
  ])('StartTime %s ago, period %s s → data: %s', (_age, age, period, expected) => {
    const start = T0 - age;
    const out = call({
      MetricDataQueries: [query('m1', CPU1, period, 'Average')],
      StartTime: s(start),
      EndTime: s(Math.min(start + 6 * HOUR_MS, T0)),
    });
    const [r] = out.MetricDataResults;
    expect(r.StatusCode).toBe('Complete');
    expect(r.Timestamps.length > 0).toBe(expected);
    expect(r.Values).toHaveLength(r.Timestamps.length);
  });
});

describe('GetMetricData: StartTime rounding', () => {
  it.each<[string, string, number, Json, string]>([
    // case, StartTime, period, metric, first datapoint (ascending)
    ['< 15 days: down to the minute', '2026-11-19T12:32:34Z', 60, CPU1, '2026-11-19T12:32:00Z'],
    ['< 15 days, period 300: still the minute', '2026-11-19T12:32:34Z', 300, CPU1, '2026-11-19T12:32:00Z'],
    ['< 15 days, period 3600: still the minute', '2026-11-10T12:32:34Z', 3600, CPU1, '2026-11-10T12:32:00Z'],
    ['15–63 days: down to 5 minutes', '2026-10-20T12:32:34Z', 300, CPU1, '2026-10-20T12:30:00Z'],
    ['> 63 days: down to the hour', '2026-08-01T12:32:34Z', 3600, CPU1, '2026-08-01T12:00:00Z'],
    ['period 10: down to 10 seconds', '2026-11-19T15:58:23Z', 10, FAST, '2026-11-19T15:58:20Z'],
    [
      'period 5: down to 5 seconds (15:07:17 − 5 min)',
      '2026-11-19T15:02:17Z',
      5,
      FAST,
      '2026-11-19T15:02:15Z',
    ],
    ['period 30: down to 30 seconds', '2026-11-19T15:58:45Z', 30, FAST, '2026-11-19T15:58:30Z'],
    ['period 1: down to the second', '2026-11-19T15:58:23.400Z', 1, FAST, '2026-11-19T15:58:23Z'],
  ])('%s', (_case, start, period, metric, first) => {
    const out = call({
      MetricDataQueries: [query('m1', metric, period, 'SampleCount')],
      StartTime: s(iso(start)),
      EndTime: s(Math.min(iso(start) + HOUR_MS, T0)),
      ScanBy: 'TimestampAscending',
    });
    expect(out.MetricDataResults[0].Timestamps[0]).toBe(s(iso(first)));
  });

  it('aligns every period on the rounded start', () => {
    const out = call({
      MetricDataQueries: [query('m1', FAST, 10, 'Sum')],
      StartTime: s(iso('2026-11-19T15:58:23Z')),
      EndTime: s(T0),
      ScanBy: 'TimestampAscending',
    });
    expect(out.MetricDataResults[0]).toMatchObject({
      Timestamps: [s(iso('2026-11-19T15:58:20Z')), s(iso('2026-11-19T15:58:50Z'))],
      Values: [2 + 3, 4],
    });
  });
});

describe('GetMetricData: response shape', () => {
  const last2h = { StartTime: s(T0 - 2 * HOUR_MS), EndTime: s(T0) };

  it.each<[string | undefined, number[]]>([
    [undefined, [s(T0 - 3 * MINUTE_MS), s(T0 - 2 * MINUTE_MS), s(T0 - MINUTE_MS)].reverse()],
    ['TimestampDescending', [s(T0 - 3 * MINUTE_MS), s(T0 - 2 * MINUTE_MS), s(T0 - MINUTE_MS)].reverse()],
    ['TimestampAscending', [s(T0 - 3 * MINUTE_MS), s(T0 - 2 * MINUTE_MS), s(T0 - MINUTE_MS)]],
  ])('ScanBy %s', (scanBy, expected) => {
    const input: Json = {
      MetricDataQueries: [query('m1', CPU1, 60, 'Average')],
      StartTime: s(T0 - 3 * MINUTE_MS),
      EndTime: s(T0),
    };
    if (scanBy) input.ScanBy = scanBy;
    const [r] = call(input).MetricDataResults;
    expect(r.Timestamps).toEqual(expected);
    const ascending = call({ ...input, ScanBy: 'TimestampAscending' }).MetricDataResults[0];
    expect(r.Values).toEqual(
      scanBy === 'TimestampAscending' ? ascending.Values : [...ascending.Values].reverse(),
    );
  });

  it('labels a result with the metric name unless a Label is given, and leaves out ReturnData false', () => {
    const out = call({
      MetricDataQueries: [
        query('a', CPU1, 300, 'Average'),
        query('b', CPU2, 300, 'p90', { Label: 'web 2 p90' }),
        query('c', NET1, 300, 'Sum', { ReturnData: false }),
      ],
      ...last2h,
    });
    expect(out.MetricDataResults.map((r) => [r.Id, r.Label, r.StatusCode, r.Timestamps.length])).toEqual([
      ['a', 'CPUUtilization', 'Complete', 24],
      ['b', 'web 2 p90', 'Complete', 24],
    ]);
    expect(out.Messages).toEqual([]);
    expect(out.NextToken).toBeUndefined();
  });

  it.each<[string | undefined, boolean]>([
    [undefined, true],
    ['Percent', true],
    ['Bytes', false],
  ])('Unit %s filters the datapoints (data: %s)', (unit, data) => {
    const stat: Json = { Metric: CPU1, Period: 300, Stat: 'Average' };
    if (unit) stat.Unit = unit;
    const out = call({ MetricDataQueries: [{ Id: 'm1', MetricStat: stat }], ...last2h });
    expect(out.MetricDataResults[0].Timestamps.length > 0).toBe(data);
  });

  it('sends timestamps as epoch seconds at period starts', () => {
    const [r] = call({ MetricDataQueries: [query('m1', CPU1, 300, 'Maximum')], ...last2h }).MetricDataResults;
    for (const t of r.Timestamps) {
      expect(Number.isInteger(t)).toBe(true);
      expect(t % 300).toBe(0);
      expect(t).toBeGreaterThanOrEqual(s(T0 - 2 * HOUR_MS));
      expect(t).toBeLessThan(s(T0));
    }
  });
});

describe('GetMetricData: MaxDatapoints and NextToken', () => {
  const base = {
    MetricDataQueries: [
      query('cpu1', CPU1, 60, 'Average'),
      query('hidden', CPU2, 60, 'Average', { ReturnData: false }),
      query('cpu2', CPU2, 300, 'Maximum'),
      query('net', NET1, 120, 'Sum'),
      query('p99', CPU1, 600, 'p99'),
    ],
    StartTime: s(T0 - 2 * HOUR_MS),
    EndTime: s(T0),
  };

  function allPages(input: Json): { pages: Output[]; merged: Map<string, Result> } {
    const pages: Output[] = [];
    const merged = new Map<string, Result>();
    let token: string | undefined;
    do {
      const page = call(token ? { ...input, NextToken: token } : input);
      pages.push(page);
      for (const r of page.MetricDataResults) {
        const m = merged.get(r.Id);
        if (m) {
          m.Timestamps.push(...r.Timestamps);
          m.Values.push(...r.Values);
        } else
          merged.set(r.Id, {
            ...r,
            Timestamps: [...r.Timestamps],
            Values: [...r.Values],
            StatusCode: 'Complete',
          });
      }
      token = page.NextToken;
      if (pages.length > 1000) throw new Error('no end to pagination');
    } while (token);
    return { pages, merged };
  }

  it.each<[string, number]>([
    ['TimestampDescending', 25],
    ['TimestampAscending', 25],
    ['TimestampDescending', 7],
    ['TimestampAscending', 120],
    ['TimestampDescending', 1],
  ])('concatenated pages equal the whole answer (ScanBy %s, MaxDatapoints %s)', (scanBy, max) => {
    const whole = call({ ...base, ScanBy: scanBy });
    expect(whole.NextToken).toBeUndefined();
    const total = whole.MetricDataResults.reduce((a, r) => a + r.Timestamps.length, 0);
    expect(total).toBe(120 + 24 + 60 + 12);
    const { pages, merged } = allPages({ ...base, ScanBy: scanBy, MaxDatapoints: max });
    expect(pages.length).toBe(Math.ceil(total / max));
    for (const page of pages) {
      const n = page.MetricDataResults.reduce((a, r) => a + r.Timestamps.length, 0);
      expect(n).toBeLessThanOrEqual(max);
      if (page.NextToken)
        expect(page.MetricDataResults.some((r) => r.StatusCode === 'PartialData')).toBe(true);
    }
    expect([...merged.values()]).toEqual(whole.MetricDataResults);
  });

  it.each<[string, Json]>([
    ['another EndTime', { EndTime: s(T0 - MINUTE_MS) }],
    ['another StartTime', { StartTime: s(T0 - 3 * HOUR_MS) }],
    ['another MaxDatapoints', { MaxDatapoints: 26 }],
    ['another ScanBy', { ScanBy: 'TimestampAscending' }],
    ['other queries', { MetricDataQueries: [query('cpu1', CPU1, 60, 'Maximum')] }],
    ['a made-up token', { NextToken: 'bm90IGEgdG9rZW4=' }],
    ['garbage', { NextToken: '%%%' }],
  ])('a token used with %s is InvalidNextToken', (_case, change) => {
    const first = call({ ...base, MaxDatapoints: 25 });
    expect(first.NextToken).toBeDefined();
    const err = rejection({ ...base, MaxDatapoints: 25, NextToken: first.NextToken, ...change });
    expect([err.code, err.shape, err.status]).toEqual(['InvalidNextToken', 'InvalidNextToken', 400]);
  });

  it('a token can be used again with the same parameters', () => {
    const first = call({ ...base, MaxDatapoints: 25 });
    const again = { ...base, MaxDatapoints: 25, NextToken: first.NextToken };
    expect(call(again)).toEqual(call(again));
  });
});

describe('GetMetricData: validation', () => {
  const valid = {
    MetricDataQueries: [query('m1', CPU1, 60, 'Average')],
    StartTime: s(T0 - HOUR_MS),
    EndTime: s(T0),
  };
  const withQuery = (q: Json): Json => ({ ...valid, MetricDataQueries: [q] });
  const withStat = (stat: Json): Json =>
    withQuery({ Id: 'm1', MetricStat: { Metric: CPU1, Period: 60, Stat: 'Average', ...stat } });

  it.each<[string, Json, string, string]>([
    // case, request, code, text in the message
    [
      'missing MetricDataQueries',
      { StartTime: valid.StartTime, EndTime: valid.EndTime },
      'MissingParameter',
      'MetricDataQueries',
    ],
    [
      'missing StartTime',
      { MetricDataQueries: valid.MetricDataQueries, EndTime: valid.EndTime },
      'MissingParameter',
      'StartTime',
    ],
    [
      'missing EndTime',
      { MetricDataQueries: valid.MetricDataQueries, StartTime: valid.StartTime },
      'MissingParameter',
      'EndTime',
    ],
    [
      'StartTime after EndTime',
      { ...valid, StartTime: valid.EndTime, EndTime: valid.StartTime },
      'InvalidParameterValue',
      'StartTime',
    ],
    [
      'StartTime equal to EndTime',
      { ...valid, EndTime: valid.StartTime },
      'InvalidParameterValue',
      'StartTime',
    ],
    [
      'duplicate Ids',
      { ...valid, MetricDataQueries: [query('m1', CPU1, 60, 'Average'), query('m1', CPU2, 60, 'Average')] },
      'InvalidParameterValue',
      'MetricDataQueries.member.2.Id',
    ],
    [
      'Id starting with an uppercase letter',
      withQuery(query('M1', CPU1, 60, 'Average')),
      'InvalidParameterValue',
      'MetricDataQueries.member.1.Id',
    ],
    [
      'Id starting with a digit',
      withQuery(query('1m', CPU1, 60, 'Average')),
      'InvalidParameterValue',
      'MetricDataQueries.member.1.Id',
    ],
    [
      'Id with a dash',
      withQuery(query('m-1', CPU1, 60, 'Average')),
      'InvalidParameterValue',
      'MetricDataQueries.member.1.Id',
    ],
    [
      'Id with a space',
      withQuery(query('m 1', CPU1, 60, 'Average')),
      'InvalidParameterValue',
      'MetricDataQueries.member.1.Id',
    ],
    [
      'empty Id',
      withQuery(query('', CPU1, 60, 'Average')),
      'InvalidParameterValue',
      'MetricDataQueries.member.1.Id',
    ],
    [
      'missing Id',
      withQuery({ MetricStat: { Metric: CPU1, Period: 60, Stat: 'Average' } }),
      'MissingParameter',
      'MetricDataQueries.member.1.Id',
    ],
    [
      'Period 7',
      withStat({ Period: 7 }),
      'InvalidParameterValue',
      'MetricDataQueries.member.1.MetricStat.Period',
    ],
    [
      'Period 90',
      withStat({ Period: 90 }),
      'InvalidParameterValue',
      'MetricDataQueries.member.1.MetricStat.Period',
    ],
    [
      'Period 0',
      withStat({ Period: 0 }),
      'InvalidParameterValue',
      'MetricDataQueries.member.1.MetricStat.Period',
    ],
    [
      'Period -60',
      withStat({ Period: -60 }),
      'InvalidParameterValue',
      'MetricDataQueries.member.1.MetricStat.Period',
    ],
    [
      'Period 1.5',
      withStat({ Period: 1.5 }),
      'InvalidParameterValue',
      'MetricDataQueries.member.1.MetricStat.Period',
    ],
    [
      'missing Period',
      withQuery({ Id: 'm1', MetricStat: { Metric: CPU1, Stat: 'Average' } }),
      'MissingParameter',
      'MetricDataQueries.member.1.MetricStat.Period',
    ],
    [
      'Stat Median',
      withStat({ Stat: 'Median' }),
      'InvalidParameterValue',
      'MetricDataQueries.member.1.MetricStat.Stat',
    ],
    [
      'Stat avg',
      withStat({ Stat: 'avg' }),
      'InvalidParameterValue',
      'MetricDataQueries.member.1.MetricStat.Stat',
    ],
    [
      'Stat p101',
      withStat({ Stat: 'p101' }),
      'InvalidParameterValue',
      'MetricDataQueries.member.1.MetricStat.Stat',
    ],
    [
      'Stat TM(90%:10%)',
      withStat({ Stat: 'TM(90%:10%)' }),
      'InvalidParameterValue',
      'MetricDataQueries.member.1.MetricStat.Stat',
    ],
    [
      'missing Stat',
      withQuery({ Id: 'm1', MetricStat: { Metric: CPU1, Period: 60 } }),
      'MissingParameter',
      'MetricDataQueries.member.1.MetricStat.Stat',
    ],
    [
      'bad Unit',
      withStat({ Unit: 'Percents' }),
      'InvalidParameterValue',
      'MetricDataQueries.member.1.MetricStat.Unit',
    ],
    [
      'missing Metric',
      withQuery({ Id: 'm1', MetricStat: { Period: 60, Stat: 'Average' } }),
      'MissingParameter',
      'MetricDataQueries.member.1.MetricStat.Metric',
    ],
    [
      'missing Namespace',
      withStat({ Metric: { MetricName: 'CPUUtilization' } }),
      'MissingParameter',
      'MetricDataQueries.member.1.MetricStat.Metric.Namespace',
    ],
    [
      'MetricStat and Expression',
      withQuery({ ...query('m1', CPU1, 60, 'Average'), Expression: 'm2 * 2' }),
      'InvalidParameterCombination',
      'MetricDataQueries.member.1',
    ],
    [
      'neither MetricStat nor Expression',
      withQuery({ Id: 'm1' }),
      'MissingParameter',
      'MetricDataQueries.member.1.MetricStat',
    ],
    ['bad ScanBy', { ...valid, ScanBy: 'Newest' }, 'InvalidParameterValue', 'ScanBy'],
    ['MaxDatapoints 0', { ...valid, MaxDatapoints: 0 }, 'InvalidParameterValue', 'MaxDatapoints'],
    [
      'bad LabelOptions.Timezone',
      { ...valid, LabelOptions: { Timezone: '+25:00' } },
      'InvalidParameterValue',
      'LabelOptions.Timezone',
    ],
    [
      '501 queries',
      {
        ...valid,
        MetricDataQueries: Array.from({ length: 501 }, (_, i) => query(`m${i}`, CPU1, 60, 'Average')),
      },
      'InvalidParameterValue',
      'MetricDataQueries',
    ],
  ])('%s', (_case, input, code, text) => {
    const err = rejection(input);
    expect(err.code).toBe(code);
    expect(err.message).toContain(text);
  });

  it.each<[string, Json]>([
    ['Id with underscores and digits', withQuery(query('cpu_Avg2', CPU1, 60, 'Average'))],
    ['one-letter Id', withQuery(query('a', CPU1, 60, 'Average'))],
    ['Period 20', withStat({ Period: 20 })],
    ['Period 86400', withStat({ Period: 86_400 })],
    ['Stat TM(10%:90%)', withStat({ Stat: 'TM(10%:90%)' })],
    ['Stat p99.9', withStat({ Stat: 'p99.9' })],
    ['LabelOptions.Timezone +0130', { ...valid, LabelOptions: { Timezone: '+0130' } }],
    ['fractional timestamps', { ...valid, StartTime: valid.StartTime + 0.5, EndTime: valid.EndTime - 0.25 }],
  ])('accepts %s', (_case, input) => {
    expect(call(input).MetricDataResults).toHaveLength(1);
  });
});
