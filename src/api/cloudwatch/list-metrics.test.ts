import { describe, expect, it } from 'vitest';
import { DAY_MS, Engine, HOUR_MS, MINUTE_MS } from '../../engine/index.ts';
import { AwsError } from '../protocol/aws-error.ts';
import type { Json } from './input.ts';
import { listMetrics } from './list-metrics.ts';
import { putMetricData } from './put-metric-data.ts';

const T0 = Date.parse('2026-11-19T16:00:00Z');
const s = (ms: number) => ms / 1000;

interface Listed {
  Namespace: string;
  MetricName: string;
  Dimensions: { Name: string; Value: string }[];
}
interface Output {
  Metrics: Listed[];
  NextToken?: string;
}

const newEngine = (simulation = false) => new Engine({ wallClock: () => T0, simulation });
const call = (input: Json, engine: Engine) => listMetrics(input, engine) as unknown as Output;
/** A short name for a listed metric: Namespace/MetricName{Name=Value,...}. */
const name = (m: Listed) =>
  `${m.Namespace}/${m.MetricName}{${m.Dimensions.map((d) => `${d.Name}=${d.Value}`).join(',')}}`;

function rejection(input: Json, engine: Engine): AwsError {
  try {
    listMetrics(input, engine);
  } catch (err) {
    if (err instanceof AwsError) return err;
    throw err;
  }
  throw new Error('accepted');
}

function publish(
  engine: Engine,
  namespace: string,
  metricName: string,
  dims: Record<string, string> = {},
  ageMs = MINUTE_MS,
) {
  putMetricData(
    {
      Namespace: namespace,
      MetricData: [
        {
          MetricName: metricName,
          Dimensions: Object.entries(dims).map(([Name, Value]) => ({ Name, Value })),
          Timestamp: s(T0 - ageMs),
          Value: 1,
        },
      ],
    },
    engine,
  );
}

describe('ListMetrics: filters', () => {
  const engine = newEngine();
  publish(engine, 'Shop', 'Latency', { Service: 'cart' });
  publish(engine, 'Shop', 'Latency', { Service: 'cart', Host: 'a' });
  publish(engine, 'Shop', 'Latency', { Service: 'search' });
  publish(engine, 'Shop', 'Errors', { Service: 'cart' });
  publish(engine, 'Shop', 'Latency');
  publish(engine, 'ShopX', 'Latency', { Service: 'cart' });

  it.each<[string, Json, string[]]>([
    // case, request, metrics listed
    [
      'no filter',
      {},
      [
        'Shop/Errors{Service=cart}',
        'Shop/Latency{}',
        'Shop/Latency{Service=cart,Host=a}',
        'Shop/Latency{Service=cart}',
        'Shop/Latency{Service=search}',
        'ShopX/Latency{Service=cart}',
      ],
    ],
    ['Namespace, exact', { Namespace: 'ShopX' }, ['ShopX/Latency{Service=cart}']],
    ['Namespace prefix matches nothing', { Namespace: 'Sho' }, []],
    ['Namespace is case-sensitive', { Namespace: 'shop' }, []],
    ['MetricName, exact', { MetricName: 'Errors' }, ['Shop/Errors{Service=cart}']],
    ['MetricName is case-sensitive', { MetricName: 'latency' }, []],
    [
      'Namespace and MetricName',
      { Namespace: 'Shop', MetricName: 'Latency' },
      [
        'Shop/Latency{}',
        'Shop/Latency{Service=cart,Host=a}',
        'Shop/Latency{Service=cart}',
        'Shop/Latency{Service=search}',
      ],
    ],
    [
      'a dimension name, any value',
      { Namespace: 'Shop', Dimensions: [{ Name: 'Service' }] },
      [
        'Shop/Errors{Service=cart}',
        'Shop/Latency{Service=cart,Host=a}',
        'Shop/Latency{Service=cart}',
        'Shop/Latency{Service=search}',
      ],
    ],
    [
      'a dimension name and value (extra dimensions allowed)',
      { Namespace: 'Shop', Dimensions: [{ Name: 'Service', Value: 'cart' }] },
      ['Shop/Errors{Service=cart}', 'Shop/Latency{Service=cart,Host=a}', 'Shop/Latency{Service=cart}'],
    ],
    [
      'two dimension filters',
      { Dimensions: [{ Name: 'Service', Value: 'cart' }, { Name: 'Host' }] },
      ['Shop/Latency{Service=cart,Host=a}'],
    ],
    ['a dimension value nobody has', { Dimensions: [{ Name: 'Host', Value: 'b' }] }, []],
    ['dimension names are case-sensitive', { Dimensions: [{ Name: 'service' }] }, []],
  ])('%s', (_case, input, expected) => {
    const out = call(input, engine);
    expect(out.Metrics.map(name).sort()).toEqual([...expected].sort());
    expect(out.NextToken).toBeUndefined();
  });

  it('lists each metric once with its dimensions as Name/Value pairs', () => {
    publish(engine, 'Shop', 'Errors', { Service: 'cart' });
    const out = call({ MetricName: 'Errors' }, engine);
    expect(out.Metrics).toEqual([
      { Namespace: 'Shop', MetricName: 'Errors', Dimensions: [{ Name: 'Service', Value: 'cart' }] },
    ]);
  });

  it.each<[string, Json, string, string]>([
    ['RecentlyActive PT1H', { RecentlyActive: 'PT1H' }, 'InvalidParameterValue', 'RecentlyActive'],
    ['RecentlyActive in lowercase', { RecentlyActive: 'pt3h' }, 'InvalidParameterValue', 'RecentlyActive'],
    [
      '11 dimension filters',
      { Dimensions: Array.from({ length: 11 }, (_, i) => ({ Name: `D${i}` })) },
      'InvalidParameterValue',
      'Dimensions',
    ],
    [
      'a dimension filter without Name',
      { Dimensions: [{ Value: 'cart' }] },
      'MissingParameter',
      'Dimensions.member.1.Name',
    ],
    ['a bad Namespace', { Namespace: ':Shop' }, 'InvalidParameterValue', 'Namespace'],
    ['a made-up NextToken', { NextToken: 'abc' }, 'InvalidNextToken', 'NextToken'],
  ])('rejects %s', (_case, input, code, text) => {
    const err = rejection(input, engine);
    expect(err.code).toBe(code);
    expect(err.message).toContain(text);
  });
});

describe('ListMetrics: activity', () => {
  it.each<[string, number, boolean, boolean]>([
    // last datapoint, its age, listed, listed with RecentlyActive=PT3H
    ['a minute ago', MINUTE_MS, true, true],
    ['2 hours ago', 2 * HOUR_MS, true, true],
    ['4 hours ago', 4 * HOUR_MS, true, false],
    ['13 days ago', 13 * DAY_MS, true, false],
  ])('a metric with its last datapoint %s', (_case, age, listed, recent) => {
    const engine = newEngine();
    publish(engine, 'Shop', 'Latency', {}, age);
    expect(call({}, engine).Metrics).toHaveLength(listed ? 1 : 0);
    expect(call({ RecentlyActive: 'PT3H' }, engine).Metrics).toHaveLength(recent ? 1 : 0);
  });

  it('hides a metric once it has had no data for two weeks, and shows it again when data arrives', () => {
    const engine = newEngine();
    publish(engine, 'Shop', 'Latency', {}, 13 * DAY_MS);
    expect(call({ Namespace: 'Shop' }, engine).Metrics).toHaveLength(1);
    engine.setClock({ advanceMs: 2 * DAY_MS });
    expect(call({ Namespace: 'Shop' }, engine).Metrics).toEqual([]);
    putMetricData({ Namespace: 'Shop', MetricData: [{ MetricName: 'Latency', Value: 2 }] }, engine);
    expect(call({ Namespace: 'Shop' }, engine).Metrics).toHaveLength(1);
  });

  it('lists the simulated account with its AWS namespaces', () => {
    const engine = newEngine(true);
    const ec2 = call({ Namespace: 'AWS/EC2', MetricName: 'CPUUtilization' }, engine).Metrics.map(name);
    expect(ec2).toContain('AWS/EC2/CPUUtilization{InstanceId=i-0a1b2c3d4e5f60001}');
    expect(ec2).toContain('AWS/EC2/CPUUtilization{AutoScalingGroupName=web-asg}');
    expect(
      call({ RecentlyActive: 'PT3H', Namespace: 'AWS/EC2' }, engine).Metrics.length,
    ).toBeGreaterThanOrEqual(ec2.length);
  });
});

describe('ListMetrics: pagination by 500', () => {
  const engine = newEngine();
  const TOTAL = 1201;
  const hosts = Array.from({ length: TOTAL }, (_, i) => `host-${String(i).padStart(4, '0')}`);
  for (let from = 0; from < TOTAL; from += 1000) {
    putMetricData(
      {
        Namespace: 'Fleet',
        MetricData: hosts
          .slice(from, from + 1000)
          .map((h) => ({ MetricName: 'Load', Dimensions: [{ Name: 'Host', Value: h }], Value: 1 })),
      },
      engine,
    );
  }
  publish(engine, 'Other', 'Load', { Host: 'x' });

  it('pages through every metric with NextToken: 500, 500, 201', () => {
    const sizes: number[] = [];
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const out = call(token ? { Namespace: 'Fleet', NextToken: token } : { Namespace: 'Fleet' }, engine);
      sizes.push(out.Metrics.length);
      seen.push(...out.Metrics.map((m) => m.Dimensions[0].Value));
      token = out.NextToken;
    } while (token);
    expect(sizes).toEqual([500, 500, 201]);
    expect(seen.sort()).toEqual(hosts);
  });

  it('a NextToken is bound to the request it came from', () => {
    const first = call({ Namespace: 'Fleet' }, engine);
    expect(first.NextToken).toBeDefined();
    for (const other of [
      {},
      { Namespace: 'Other' },
      { Namespace: 'Fleet', MetricName: 'Load' },
      { Namespace: 'Fleet', RecentlyActive: 'PT3H' },
    ]) {
      expect(rejection({ ...other, NextToken: first.NextToken }, engine).code).toBe('InvalidNextToken');
    }
  });

  it('exactly 500 metrics fit on one page', () => {
    const e = newEngine();
    putMetricData(
      {
        Namespace: 'Fleet',
        MetricData: hosts
          .slice(0, 500)
          .map((h) => ({ MetricName: 'Load', Dimensions: [{ Name: 'Host', Value: h }], Value: 1 })),
      },
      e,
    );
    const out = call({}, e);
    expect(out.Metrics).toHaveLength(500);
    expect(out.NextToken).toBeUndefined();
  });
});
