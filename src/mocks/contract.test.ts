import {
  CloudWatchClient,
  CloudWatchServiceException,
  ListTagsForResourceCommand,
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  GetMetricStatisticsCommand,
  InvalidNextToken,
  InvalidParameterCombinationException,
  InvalidParameterValueException,
  ListMetricsCommand,
  type MetricDataResult,
  type MetricDatum,
  MissingRequiredParameterException,
  PutMetricDataCommand,
  paginateGetMetricData,
  paginateListMetrics,
} from '@aws-sdk/client-cloudwatch';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeMock } from './node.ts';

const FIXED = Date.parse('2026-11-19T16:00:00Z');
const MINUTE = 60_000;
const HOUR = 3600_000;
const CPU1 = {
  Namespace: 'AWS/EC2',
  MetricName: 'CPUUtilization',
  Dimensions: [{ Name: 'InstanceId', Value: 'i-0a1b2c3d4e5f60001' }],
};

const { engine, server } = createNodeMock({ wallClock: () => FIXED });
// The SDK as the app configures it: default endpoint (https://monitoring.us-east-1.amazonaws.com), no retries.
const client = new CloudWatchClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy' },
  maxAttempts: 1,
});

/** What reached the handlers, as the wire carried it. */
const seen: { target: string; encoding: string | null; bytes: number }[] = [];

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => {
    seen.push({
      target: request.headers.get('x-amz-target') ?? request.url,
      encoding: request.headers.get('content-encoding'),
      bytes: Number(request.headers.get('content-length') ?? -1),
    });
  });
});
beforeEach(() => {
  engine.reset({ seed: 42, simulation: true });
  engine.setClock({ now: FIXED, paused: false, speed: 1 });
  seen.length = 0;
});
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  client.destroy();
});

/** The error a promise rejects with. */
async function failure(p: Promise<unknown>): Promise<Error & { $fault?: string; Code?: string }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { $fault?: string; Code?: string };
  }
  throw new Error('the call succeeded');
}

const datum = (minutesAgo: number, value: number, extra: Partial<MetricDatum> = {}): MetricDatum => ({
  MetricName: 'Latency',
  Dimensions: [{ Name: 'Service', Value: 'cart' }],
  Timestamp: new Date(FIXED - minutesAgo * MINUTE),
  Value: value,
  Unit: 'Milliseconds',
  ...extra,
});
const LATENCY = {
  Namespace: 'Shop',
  MetricName: 'Latency',
  Dimensions: [{ Name: 'Service', Value: 'cart' }],
};

describe('round trips through the official SDK', () => {
  it('PutMetricData then GetMetricData', async () => {
    await client.send(
      new PutMetricDataCommand({
        Namespace: 'Shop',
        MetricData: [datum(3, 10), datum(3, 30), datum(2, 5), datum(1, 7)],
      }),
    );
    const out = await client.send(
      new GetMetricDataCommand({
        MetricDataQueries: [
          { Id: 'avg', MetricStat: { Metric: LATENCY, Period: 60, Stat: 'Average' } },
          { Id: 'total', MetricStat: { Metric: LATENCY, Period: 300, Stat: 'Sum' }, Label: 'total latency' },
        ],
        StartTime: new Date(FIXED - 5 * MINUTE),
        EndTime: new Date(FIXED),
        ScanBy: 'TimestampAscending',
      }),
    );
    expect(out.MetricDataResults).toEqual<MetricDataResult[]>([
      {
        Id: 'avg',
        Label: 'Latency',
        StatusCode: 'Complete',
        Timestamps: [new Date(FIXED - 3 * MINUTE), new Date(FIXED - 2 * MINUTE), new Date(FIXED - MINUTE)],
        Values: [20, 5, 7],
        Messages: [],
      },
      {
        Id: 'total',
        Label: 'total latency',
        StatusCode: 'Complete',
        Timestamps: [new Date(FIXED - 5 * MINUTE)],
        Values: [52],
        Messages: [],
      },
    ]);
    expect(out.MetricDataResults?.[0].Timestamps?.[0]).toBeInstanceOf(Date);
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toMatch(/.+/);
  });

  it('PutMetricData then GetMetricStatistics', async () => {
    await client.send(
      new PutMetricDataCommand({ Namespace: 'Shop', MetricData: [datum(2, 10), datum(2, 20), datum(2, 30)] }),
    );
    const out = await client.send(
      new GetMetricStatisticsCommand({
        ...LATENCY,
        StartTime: new Date(FIXED - 10 * MINUTE),
        EndTime: new Date(FIXED),
        Period: 60,
        Statistics: ['Average', 'SampleCount', 'Maximum'],
      }),
    );
    expect(out.Label).toBe('Latency');
    expect(out.Datapoints).toEqual([
      {
        Timestamp: new Date(FIXED - 2 * MINUTE),
        Unit: 'Milliseconds',
        Average: 20,
        SampleCount: 3,
        Maximum: 30,
      },
    ]);
    expect(out.Datapoints?.[0].Timestamp).toBeInstanceOf(Date);
    const ext = await client.send(
      new GetMetricStatisticsCommand({
        ...LATENCY,
        StartTime: new Date(FIXED - 10 * MINUTE),
        EndTime: new Date(FIXED),
        Period: 600,
        ExtendedStatistics: ['p50', 'p99'],
      }),
    );
    expect(ext.Datapoints?.[0].ExtendedStatistics).toEqual({ p50: 20, p99: 30 });
  });

  it('PutMetricData then ListMetrics', async () => {
    await client.send(
      new PutMetricDataCommand({
        Namespace: 'Shop',
        MetricData: [datum(1, 1), datum(1, 1, { MetricName: 'Errors' })],
      }),
    );
    const out = await client.send(new ListMetricsCommand({ Namespace: 'Shop' }));
    expect(out.Metrics?.map((m) => m.MetricName).sort()).toEqual(['Errors', 'Latency']);
    expect(out.Metrics?.[0].Dimensions).toEqual([{ Name: 'Service', Value: 'cart' }]);
    expect(out.NextToken).toBeUndefined();
    const filtered = await client.send(
      new ListMetricsCommand({
        Dimensions: [{ Name: 'Service', Value: 'cart' }],
        MetricName: 'Errors',
        RecentlyActive: 'PT3H',
      }),
    );
    expect(filtered.Metrics).toEqual([
      { Namespace: 'Shop', MetricName: 'Errors', Dimensions: [{ Name: 'Service', Value: 'cart' }] },
    ]);
  });

  it('reads the simulated account', async () => {
    const out = await client.send(
      new GetMetricDataCommand({
        MetricDataQueries: [{ Id: 'cpu', MetricStat: { Metric: CPU1, Period: 300, Stat: 'p90' } }],
        StartTime: new Date(FIXED - HOUR),
        EndTime: new Date(FIXED),
      }),
    );
    const [r] = out.MetricDataResults ?? [];
    expect(r.Timestamps).toHaveLength(12);
    expect(r.Timestamps?.[0]).toEqual(new Date(FIXED - 5 * MINUTE));
    for (const v of r.Values ?? []) expect(v).toBeGreaterThan(0);
  });

  it('a SEARCH expression: one MetricDataResult per metric found, all with the Id, each its own Label', async () => {
    const out = await client.send(
      new GetMetricDataCommand({
        MetricDataQueries: [
          {
            Id: 'e1',
            Expression: `SEARCH('{AWS/EC2,InstanceId} MetricName="CPUUtilization"', 'Average', 300)`,
          },
        ],
        StartTime: new Date(FIXED - HOUR),
        EndTime: new Date(FIXED),
      }),
    );
    const results = out.MetricDataResults ?? [];
    expect(results.map((r) => [r.Id, r.Label, r.StatusCode, r.Timestamps?.length])).toEqual(
      [1, 2, 3, 4].map((n) => ['e1', `i-0a1b2c3d4e5f6000${n}`, 'Complete', 12]),
    );
  });

  it('a PutMetricData of 400 datums travels gzipped and arrives whole', async () => {
    const data = Array.from({ length: 400 }, (_, i) =>
      datum(1 + (i % 10), i, { Dimensions: [{ Name: 'Shard', Value: `s${i % 40}` }] }),
    );
    await client.send(new PutMetricDataCommand({ Namespace: 'Bulk', MetricData: data }));
    const put = seen.find((r) => r.target.endsWith('.PutMetricData'));
    expect(put?.encoding).toBe('gzip');
    const metrics = await client.send(new ListMetricsCommand({ Namespace: 'Bulk' }));
    expect(metrics.Metrics).toHaveLength(40);
    const stats = await client.send(
      new GetMetricStatisticsCommand({
        Namespace: 'Bulk',
        MetricName: 'Latency',
        Dimensions: [{ Name: 'Shard', Value: 's7' }],
        StartTime: new Date(FIXED - HOUR),
        EndTime: new Date(FIXED),
        Period: 3600,
        Statistics: ['SampleCount', 'Sum'],
      }),
    );
    // Shard s7 holds i = 7, 47, 87, …, 367: ten values.
    expect(stats.Datapoints).toEqual([
      { Timestamp: new Date(FIXED - HOUR), Unit: 'Milliseconds', SampleCount: 10, Sum: 10 * 7 + 40 * 45 },
    ]);
  });
});

describe("the SDK's paginators", () => {
  it('paginateGetMetricData: the pages add up to the whole answer', async () => {
    const input: GetMetricDataCommandInput = {
      MetricDataQueries: [
        { Id: 'm1', MetricStat: { Metric: CPU1, Period: 60, Stat: 'Average' } },
        { Id: 'm2', MetricStat: { Metric: { ...CPU1, MetricName: 'NetworkIn' }, Period: 300, Stat: 'Sum' } },
      ],
      StartTime: new Date(FIXED - 2 * HOUR),
      EndTime: new Date(FIXED),
    };
    const whole = await client.send(new GetMetricDataCommand(input));
    const merged = new Map<string, { Timestamps: Date[]; Values: number[] }>();
    let pages = 0;
    for await (const page of paginateGetMetricData({ client, pageSize: 50 }, input)) {
      pages++;
      for (const r of page.MetricDataResults ?? []) {
        const m = merged.get(r.Id ?? '') ?? { Timestamps: [], Values: [] };
        m.Timestamps.push(...(r.Timestamps ?? []));
        m.Values.push(...(r.Values ?? []));
        merged.set(r.Id ?? '', m);
      }
    }
    expect(pages).toBe(Math.ceil((120 + 24) / 50));
    expect(Object.fromEntries(merged)).toEqual(
      Object.fromEntries(
        (whole.MetricDataResults ?? []).map((r) => [r.Id, { Timestamps: r.Timestamps, Values: r.Values }]),
      ),
    );
  });

  it('paginateListMetrics: more than 500 metrics come in pages of 500', async () => {
    const hosts = Array.from({ length: 1201 }, (_, i) => `h${i}`);
    for (let from = 0; from < hosts.length; from += 1000) {
      await client.send(
        new PutMetricDataCommand({
          Namespace: 'Fleet',
          MetricData: hosts
            .slice(from, from + 1000)
            .map((h) => ({ MetricName: 'Load', Dimensions: [{ Name: 'Host', Value: h }], Value: 1 })),
        }),
      );
    }
    const sizes: number[] = [];
    const listed: string[] = [];
    for await (const page of paginateListMetrics({ client }, { Namespace: 'Fleet' })) {
      sizes.push(page.Metrics?.length ?? 0);
      listed.push(...(page.Metrics ?? []).map((m) => m.Dimensions?.[0].Value ?? ''));
    }
    expect(sizes).toEqual([500, 500, 201]);
    expect(listed.sort()).toEqual([...hosts].sort());
  });
});

describe('typed exceptions', () => {
  it('InvalidParameterValueException', async () => {
    const err = await failure(
      client.send(new PutMetricDataCommand({ Namespace: 'AWS/EC2', MetricData: [datum(1, 1)] })),
    );
    expect(err).toBeInstanceOf(InvalidParameterValueException);
    expect(err).toBeInstanceOf(CloudWatchServiceException);
    expect(err.name).toBe('InvalidParameterValueException');
    expect(err.Code).toBe('InvalidParameterValue');
    expect(err.$fault).toBe('client');
    expect(err.message).toContain('Namespace');
  });

  it('InvalidParameterValueException for a timestamp older than two weeks, with AWS wording', async () => {
    const err = await failure(
      client.send(
        new PutMetricDataCommand({ Namespace: 'Shop', MetricData: [datum(1, 1), datum(15 * 24 * 60, 1)] }),
      ),
    );
    expect(err).toBeInstanceOf(InvalidParameterValueException);
    expect(err.message).toBe(
      'The parameter MetricData.member.2.Timestamp must specify a time within the past two weeks.',
    );
  });

  it('InvalidParameterValueException for NaN (the SDK sends it as "NaN")', async () => {
    const err = await failure(
      client.send(new PutMetricDataCommand({ Namespace: 'Shop', MetricData: [datum(1, NaN)] })),
    );
    expect(err).toBeInstanceOf(InvalidParameterValueException);
    expect(err.message).toContain('MetricData.member.1.Value');
  });

  it('MissingRequiredParameterException', async () => {
    const err = await failure(client.send(new PutMetricDataCommand({ MetricData: [datum(1, 1)] } as never)));
    expect(err).toBeInstanceOf(MissingRequiredParameterException);
    expect(err.name).toBe('MissingRequiredParameterException');
    expect(err.Code).toBe('MissingParameter');
    expect(err.$fault).toBe('client');
    expect(err.message).toBe('The parameter Namespace is required.');
  });

  it('InvalidParameterCombinationException', async () => {
    const err = await failure(
      client.send(
        new PutMetricDataCommand({
          Namespace: 'Shop',
          MetricData: [datum(1, 1, { StatisticValues: { SampleCount: 1, Sum: 1, Minimum: 1, Maximum: 1 } })],
        }),
      ),
    );
    expect(err).toBeInstanceOf(InvalidParameterCombinationException);
    expect(err.Code).toBe('InvalidParameterCombination');
    expect(err.$fault).toBe('client');
    expect(err.message).toBe(
      'The parameters MetricData.member.1.Value and MetricData.member.1.StatisticValues are mutually exclusive and you have specified both.',
    );
  });

  it('InvalidNextToken', async () => {
    const err = await failure(
      client.send(
        new GetMetricDataCommand({
          MetricDataQueries: [{ Id: 'm1', MetricStat: { Metric: CPU1, Period: 60, Stat: 'Average' } }],
          StartTime: new Date(FIXED - HOUR),
          EndTime: new Date(FIXED),
          NextToken: 'not-a-token',
        }),
      ),
    );
    expect(err).toBeInstanceOf(InvalidNextToken);
    expect(err.name).toBe('InvalidNextToken');
    expect(err.$fault).toBe('client');
  });

  it('a GetMetricStatistics over the 1,440-datapoint limit', async () => {
    const err = await failure(
      client.send(
        new GetMetricStatisticsCommand({
          ...CPU1,
          StartTime: new Date(FIXED - 2 * 24 * HOUR),
          EndTime: new Date(FIXED),
          Period: 60,
          Statistics: ['Average'],
        }),
      ),
    );
    expect(err).toBeInstanceOf(InvalidParameterValueException);
    expect(err.message).toContain('exceeds the limit of 1,440');
  });

  it('an operation the API does not implement is an error, and the API keeps working', async () => {
    const err = await failure(
      client.send(
        new ListTagsForResourceCommand({ ResourceARN: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:x' }),
      ),
    );
    expect(err).toBeInstanceOf(CloudWatchServiceException);
    expect(err.name).toBe('UnknownOperationException');
    expect(err.$fault).toBe('client');
    const after = await client.send(
      new ListMetricsCommand({ Namespace: 'AWS/EC2', MetricName: 'CPUUtilization' }),
    );
    expect(after.Metrics?.length).toBeGreaterThan(0);
  });
});

describe('control endpoints under /_watchtrail/', () => {
  const control = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await fetch(`http://localhost/_watchtrail/${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('GET clock gives now, paused and speed', async () => {
    expect(await control('GET', 'clock')).toEqual({
      status: 200,
      body: { now: FIXED, paused: false, speed: 1 },
    });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    // case, body, clock after
    ['pause', { paused: true }, { now: FIXED, paused: true, speed: 1 }],
    ['speed 3600', { speed: 3600 }, { now: FIXED, paused: false, speed: 3600 }],
    ['advance an hour', { advanceMs: HOUR }, { now: FIXED + HOUR, paused: false, speed: 1 }],
    ['set now', { now: FIXED - 24 * HOUR }, { now: FIXED - 24 * HOUR, paused: false, speed: 1 }],
    [
      'several at once',
      { now: FIXED - HOUR, advanceMs: 60_000, paused: true, speed: 60 },
      { now: FIXED - HOUR + 60_000, paused: true, speed: 60 },
    ],
    ['an empty body changes nothing', {}, { now: FIXED, paused: false, speed: 1 }],
  ])('POST clock: %s', async (_case, body, after) => {
    expect(await control('POST', 'clock', body)).toEqual({ status: 200, body: after });
    expect((await control('GET', 'clock')).body).toEqual(after);
  });

  it.each<[string, unknown, string]>([
    // case, body, text in the error
    ['not JSON', '{paused:', 'not valid JSON'],
    ['a list', [1, 2], 'JSON object'],
    ['paused as a string', { paused: 'yes' }, '"paused"'],
    ['speed 0', { speed: 0 }, '"speed"'],
    ['negative advanceMs', { advanceMs: -1 }, '"advanceMs"'],
    ['now as a date string', { now: '2026-11-19T16:00:00Z' }, '"now"'],
  ])('POST clock with %s is a 400 with a message', async (_case, body, text) => {
    const res = await control('POST', 'clock', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toContain(text);
    expect((await control('GET', 'clock')).body).toEqual({ now: FIXED, paused: false, speed: 1 });
  });

  it('GET incidents with metric: only the incidents that show in that metric', async () => {
    const range = `start=${FIXED - 30 * 24 * HOUR}&end=${FIXED}`;
    const all = (await control('GET', `incidents?${range}`)).body.incidents as {
      kind: string;
      target: string;
    }[];
    const metric = encodeURIComponent(
      JSON.stringify({
        namespace: CPU1.Namespace,
        metricName: CPU1.MetricName,
        dimensions: CPU1.Dimensions.map((d) => ({ name: d.Name, value: d.Value })),
      }),
    );
    const res = await control('GET', `incidents?${range}&metric=${metric}`);
    expect(res.status).toBe(200);
    const shown = res.body.incidents as { kind: string; target: string }[];
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(all.length);
    expect(
      shown.every(
        (i) =>
          i.kind === 'traffic-surge' || (i.kind === 'hot-instance' && i.target === CPU1.Dimensions[0].Value),
      ),
    ).toBe(true);
    const bad = await control('GET', `incidents?${range}&metric=cpu`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('"metric" must be JSON');
  });

  it('advancing the clock moves what the API answers', async () => {
    await control('POST', 'clock', { advanceMs: 10 * MINUTE });
    const out = await client.send(
      new GetMetricDataCommand({
        MetricDataQueries: [{ Id: 'm1', MetricStat: { Metric: CPU1, Period: 60, Stat: 'Average' } }],
        StartTime: new Date(FIXED),
        EndTime: new Date(FIXED + HOUR),
      }),
    );
    expect(out.MetricDataResults?.[0].Timestamps).toHaveLength(10);
  });

  it('POST reset with simulation false empties ListMetrics', async () => {
    await client.send(new PutMetricDataCommand({ Namespace: 'Shop', MetricData: [datum(1, 1)] }));
    expect((await client.send(new ListMetricsCommand({}))).Metrics?.length).toBeGreaterThan(10);
    const res = await control('POST', 'reset', { simulation: false });
    expect(res).toMatchObject({ status: 200, body: { simulation: false } });
    expect((await client.send(new ListMetricsCommand({}))).Metrics).toEqual([]);
  });

  it('POST reset with another seed changes the simulated values, and the seed brings them back', async () => {
    const cpu = async () =>
      (
        await client.send(
          new GetMetricDataCommand({
            MetricDataQueries: [{ Id: 'm1', MetricStat: { Metric: CPU1, Period: 60, Stat: 'Average' } }],
            StartTime: new Date(FIXED - HOUR),
            EndTime: new Date(FIXED),
          }),
        )
      ).MetricDataResults?.[0].Values;
    const seed42 = await cpu();
    expect(await control('POST', 'reset', { seed: 7 })).toMatchObject({
      status: 200,
      body: { seed: 7, simulation: true },
    });
    const seed7 = await cpu();
    expect(seed7).toHaveLength(60);
    expect(seed7).not.toEqual(seed42);
    await control('POST', 'reset', { seed: 42 });
    expect(await cpu()).toEqual(seed42);
  });

  it.each<[string, unknown]>([
    ['a negative seed', { seed: -1 }],
    ['a fractional seed', { seed: 1.5 }],
    ['simulation as a string', { simulation: 'off' }],
  ])('POST reset with %s is a 400', async (_case, body) => {
    const res = await control('POST', 'reset', body);
    expect(res.status).toBe(400);
    expect(typeof res.body.error).toBe('string');
  });

  it('an unknown control path is a 404', async () => {
    expect((await control('GET', 'nothing-here')).status).toBe(404);
  });
});
