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

describe('GetMetricData: metric math Expression', () => {
  const last2h = { StartTime: s(T0 - 2 * HOUR_MS), EndTime: s(T0) };
  const math = (queries: Json[], extra: Json = {}): Output =>
    call({ MetricDataQueries: queries, ...last2h, ...extra });
  const hidden = (Id: string, Metric: Json, Period = 300) =>
    query(Id, Metric, Period, 'Average', { ReturnData: false });

  it('evaluates an expression over MetricStat queries, in the same shape as a MetricStat result', () => {
    const [cpu] = call({
      MetricDataQueries: [query('m1', CPU1, 300, 'Average')],
      ...last2h,
    }).MetricDataResults;
    const out = math([hidden('m1', CPU1), { Id: 'e1', Expression: 'm1 * 2', Label: 'Double CPU' }]);
    expect(out.MetricDataResults).toEqual([
      {
        Id: 'e1',
        Label: 'Double CPU',
        Timestamps: cpu.Timestamps,
        Values: cpu.Values.map((v) => v * 2),
        StatusCode: 'Complete',
        Messages: [],
      },
    ]);
    expect(out.NextToken).toBeUndefined();
    expect(cpu.Timestamps[0]).toBeGreaterThan(cpu.Timestamps[1]);
  });

  it('orders by ScanBy, labels by Id without a Label, and returns MetricStat queries alongside', () => {
    const out = math([query('m1', CPU1, 300, 'Average'), { Id: 'e1', Expression: 'm1 - m1' }], {
      ScanBy: 'TimestampAscending',
    });
    expect(out.MetricDataResults.map((r) => [r.Id, r.Label, r.Timestamps.length])).toEqual([
      ['m1', 'CPUUtilization', 24],
      ['e1', 'e1', 24],
    ]);
    const [m1, e1] = out.MetricDataResults;
    expect(e1.Timestamps).toEqual(m1.Timestamps);
    expect(e1.Values.every((v) => v === 0)).toBe(true);
    expect(m1.Timestamps[0]).toBe(s(T0 - 2 * HOUR_MS));
  });

  it('returns an array as one result per series with the same Id', () => {
    const out = math([
      hidden('cpu1', CPU1),
      hidden('cpu2', CPU2, 300),
      { Id: 'all', Expression: 'METRICS("cpu") / 100', Label: 'Fraction' },
      { Id: 'top', Expression: 'SORT(METRICS(), MAX, DESC, 1)' },
      { Id: 'avg', Expression: 'AVG(METRICS())' },
    ]);
    expect(out.MetricDataResults.map((r) => [r.Id, r.Label, r.Timestamps.length])).toEqual([
      ['all', 'Fraction CPUUtilization', 24],
      ['all', 'Fraction CPUUtilization', 24],
      ['top', 'CPUUtilization', 24],
      ['avg', 'avg', 24],
    ]);
  });

  it('returns a SEARCH as one result per metric found, with the Id and each its own label', () => {
    const [cpu1] = call({
      MetricDataQueries: [query('m1', CPU1, 300, 'Average')],
      ...last2h,
    }).MetricDataResults;
    const out = math([
      { Id: 'e1', Expression: `SEARCH('{AWS/EC2,InstanceId} MetricName="CPUUtilization"', 'Average', 300)` },
      {
        Id: 'e2',
        Expression: `SUM(SEARCH('{AWS/EC2,InstanceId} MetricName="CPUUtilization"', 'Average', 300))`,
        Label: 'Total',
      },
    ]);
    expect(out.MetricDataResults.map((r) => [r.Id, r.Label, r.Timestamps.length])).toEqual([
      ['e1', 'i-0a1b2c3d4e5f60001', 24],
      ['e1', 'i-0a1b2c3d4e5f60002', 24],
      ['e1', 'i-0a1b2c3d4e5f60003', 24],
      ['e1', 'i-0a1b2c3d4e5f60004', 24],
      ['e2', 'Total', 24],
    ]);
    expect(out.MetricDataResults[0].Values).toEqual(cpu1.Values);
    const total = out.MetricDataResults[0].Values.map((_, k) =>
      out.MetricDataResults.slice(0, 4).reduce((acc, r) => acc + r.Values[k], 0),
    );
    expect(out.MetricDataResults[4].Values.map((v) => v.toFixed(6))).toEqual(total.map((v) => v.toFixed(6)));
  });

  it('returns ANOMALY_DETECTION_BAND as [upper, lower] at the metric timestamps', () => {
    const out = math([
      query('m1', CPU1, 300, 'Average'),
      { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1, 2)' },
    ]);
    const [m1, upper, lower] = out.MetricDataResults;
    expect(out.MetricDataResults.map((r) => [r.Id, r.Label])).toEqual([
      ['m1', 'CPUUtilization'],
      ['ad1', 'ad1 (upper)'],
      ['ad1', 'ad1 (lower)'],
    ]);
    expect(upper.Timestamps).toEqual(m1.Timestamps);
    expect(lower.Timestamps).toEqual(m1.Timestamps);
    upper.Values.forEach((u, i) => expect(u).toBeGreaterThan(lower.Values[i]));
    // CPUUtilization is a percentage: the band stays within 0–100
    expect(Math.min(...lower.Values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...upper.Values)).toBeLessThanOrEqual(100);
  });

  it("leaves out the training ranges excluded by the metric's anomaly detector", () => {
    const e = simulatedEngine();
    const band = () =>
      call(
        {
          MetricDataQueries: [hidden('m1', CPU1), { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1)' }],
          ...last2h,
        },
        e,
      ).MetricDataResults.map((r) => r.Timestamps.length);
    expect(band()).toEqual([24, 24]);
    const cpu1 = {
      namespace: CPU1.Namespace,
      metricName: CPU1.MetricName,
      dimensions: [{ name: 'InstanceId', value: 'i-0a1b2c3d4e5f60001' }],
    };
    e.alarms.putDetector(
      { ...cpu1, stat: 'Average', excludedTimeRanges: [{ startMs: T0 - 30 * DAY_MS, endMs: T0 }] },
      T0,
    );
    expect(band()).toEqual([0, 0]);
  });

  it('uses the expression Period for series made from scalars', () => {
    const out = math([{ Id: 'e1', Expression: 'TIME_SERIES(42)', Period: 600 }]);
    expect(out.MetricDataResults[0].Timestamps).toHaveLength(12);
    expect(new Set(out.MetricDataResults[0].Values)).toEqual(new Set([42]));
  });

  it('returns math results whole: no NextToken, whatever MaxDatapoints says', () => {
    const out = math([query('m1', CPU1, 60, 'Average'), { Id: 'e1', Expression: 'm1 + 1' }], {
      MaxDatapoints: 10,
    });
    expect(out.NextToken).toBeUndefined();
    expect(out.MetricDataResults.map((r) => [r.Timestamps.length, r.StatusCode])).toEqual([
      [120, 'Complete'],
      [120, 'Complete'],
    ]);
  });

  it('rejects a NextToken with math: none was ever issued for it', () => {
    const err = rejection({
      MetricDataQueries: [hidden('m1', CPU1), { Id: 'e1', Expression: 'm1' }],
      ...last2h,
      NextToken: 'bm90IGEgdG9rZW4=',
    });
    expect(err.code).toBe('InvalidNextToken');
  });

  const withMath = (expression: unknown, extra: Json = {}): Json => ({
    MetricDataQueries: [hidden('m1', CPU1), { Id: 'e1', Expression: expression, ...extra }],
    ...last2h,
  });

  it.each<[string, Json, string, string]>([
    // case, request, code, message
    [
      'a syntax error',
      withMath('m1 + (m1))'),
      'InvalidParameterValue',
      "The value m1 + (m1)) for parameter MetricDataQueries.member.2.Expression is invalid: Unexpected token ')' at position 9.",
    ],
    [
      'an unknown function',
      withMath('m1 * FOO(m1)'),
      'InvalidParameterValue',
      "The value m1 * FOO(m1) for parameter MetricDataQueries.member.2.Expression is invalid: Unknown function 'FOO' at position 5.",
    ],
    [
      'a lowercase function',
      withMath('avg(m1)'),
      'InvalidParameterValue',
      "The value avg(m1) for parameter MetricDataQueries.member.2.Expression is invalid: Lowercase function name 'avg' at position 0: functions are written in UPPERCASE: AVG.",
    ],
    [
      'an unknown Id',
      withMath('m1 + m9'),
      'InvalidParameterValue',
      "The value m1 + m9 for parameter MetricDataQueries.member.2.Expression is invalid: Unknown Id 'm9' at position 5.",
    ],
    [
      'a reference to itself',
      withMath('m1 + e1'),
      'InvalidParameterValue',
      "The value m1 + e1 for parameter MetricDataQueries.member.2.Expression is invalid: Circular reference to 'e1' at position 5: e1 → e1.",
    ],
    [
      'a scalar result',
      withMath('AVG(m1)'),
      'InvalidParameterValue',
      'The value AVG(m1) for parameter MetricDataQueries.member.2.Expression is invalid: Invalid expression result at position 0: the result must be a time series or an array of time series, not a scalar.',
    ],
    [
      'a type error',
      withMath('FIRST(m1)'),
      'InvalidParameterValue',
      'The value FIRST(m1) for parameter MetricDataQueries.member.2.Expression is invalid: Invalid argument for FIRST at position 6: expected an array of time series, got a time series.',
    ],
    [
      'an empty Expression',
      withMath(''),
      'InvalidParameterValue',
      'The parameter MetricDataQueries.member.2.Expression must be at least 1 character long.',
    ],
    [
      'an Expression of 2049 characters',
      withMath(`m1${' '.repeat(2047)}`),
      'InvalidParameterValue',
      'The parameter MetricDataQueries.member.2.Expression must be at most 2048 characters long.',
    ],
    [
      'an Expression that is not a string',
      withMath(42),
      'InvalidParameterValue',
      'The value 42 for parameter MetricDataQueries.member.2.Expression is invalid: expected a string.',
    ],
    [
      'a SEARCH query that does not parse',
      withMath(`SEARCH('{AWS/EC2 CPUUtilization', 'Average', 300)`),
      'InvalidParameterValue',
      "The value SEARCH('{AWS/EC2 CPUUtilization', 'Average', 300) for parameter MetricDataQueries.member.2.Expression is invalid: Invalid search expression at position 17: expected ',' or '}' in the schema.",
    ],
    [
      'a SEARCH with a statistic that is not one',
      withMath(`SEARCH('{AWS/EC2} CPUUtilization', 'Avg')`),
      'InvalidParameterValue',
      "The value SEARCH('{AWS/EC2} CPUUtilization', 'Avg') for parameter MetricDataQueries.member.2.Expression is invalid: Invalid argument for SEARCH at position 35: 'Avg' is not a statistic.",
    ],
    [
      'an expression Period of 7',
      withMath('m1', { Period: 7 }),
      'InvalidParameterValue',
      'The parameter MetricDataQueries.member.2.Period must be 1, 5, 10, 20, 30, 60, or any multiple of 60 (seconds); 7 is not.',
    ],
    [
      'no ReturnData',
      withMath('m1', { ReturnData: false }),
      'InvalidParameterValue',
      'At least one query in MetricDataQueries must have ReturnData set to true.',
    ],
  ])('%s', (_case, input, code, message) => {
    const err = rejection(input);
    expect([err.code, err.message]).toEqual([code, message]);
  });

  it.each<[string, Json]>([
    ['an Expression of 2048 characters', withMath(`m1${' '.repeat(2046)}`)],
    ['an expression without Period', withMath('FILL(m1, REPEAT)')],
    ['an expression with Period 60', withMath('m1 / PERIOD(m1)', { Period: 60 })],
    [
      'an expression of expressions',
      {
        ...withMath('e2 * 2'),
        MetricDataQueries: [
          hidden('m1', CPU1),
          { Id: 'e1', Expression: 'e2 * 2' },
          { Id: 'e2', Expression: 'IF(m1 > 50, m1, 0)', ReturnData: false },
        ],
      },
    ],
  ])('accepts %s', (_case, input) => {
    expect(call(input).MetricDataResults.map((r) => r.StatusCode)).toEqual(['Complete']);
  });
});
