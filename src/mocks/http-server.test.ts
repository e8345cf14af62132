import type { AddressInfo } from 'node:net';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import {
  CloudWatchClient,
  GetMetricDataCommand,
  InvalidParameterValueException,
  ListMetricsCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../engine/index.ts';
import { createHttpServer } from './http-server.ts';

const FIXED = Date.parse('2026-11-19T16:00:00Z');
const MINUTE = 60_000;

const engine = new Engine({ wallClock: () => FIXED, simulation: false });
const server = createHttpServer({ engine });
let base = '';
let client: CloudWatchClient;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = new CloudWatchClient({
    region: 'us-east-1',
    endpoint: base,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
});

const METRIC = { Namespace: 'Shop', MetricName: 'Latency', Dimensions: [{ Name: 'Service', Value: 'cart' }] };

describe('the headless HTTP server', () => {
  it('serves PutMetricData and GetMetricData to the SDK', async () => {
    await client.send(
      new PutMetricDataCommand({
        Namespace: 'Shop',
        MetricData: [
          { ...METRIC, Timestamp: new Date(FIXED - 2 * MINUTE), Value: 4 },
          { ...METRIC, Timestamp: new Date(FIXED - 2 * MINUTE), Value: 8 },
          { ...METRIC, Timestamp: new Date(FIXED - MINUTE), Value: 1 },
        ],
      }),
    );
    const out = await client.send(
      new GetMetricDataCommand({
        MetricDataQueries: [{ Id: 'm1', MetricStat: { Metric: METRIC, Period: 60, Stat: 'Average' } }],
        StartTime: new Date(FIXED - 10 * MINUTE),
        EndTime: new Date(FIXED),
      }),
    );
    expect(out.MetricDataResults).toEqual([
      {
        Id: 'm1',
        Label: 'Latency',
        StatusCode: 'Complete',
        Timestamps: [new Date(FIXED - MINUTE), new Date(FIXED - 2 * MINUTE)],
        Values: [1, 6],
        Messages: [],
      },
    ]);
  });

  it('accepts a gzipped PutMetricData of 400 datums', async () => {
    const data = Array.from({ length: 400 }, (_, i) => ({
      MetricName: 'Bulk',
      Dimensions: [{ Name: 'Shard', Value: `s${i}` }],
      Timestamp: new Date(FIXED - MINUTE),
      Value: i,
    }));
    await client.send(new PutMetricDataCommand({ Namespace: 'Shop', MetricData: data }));
    expect(
      (await client.send(new ListMetricsCommand({ Namespace: 'Shop', MetricName: 'Bulk' }))).Metrics,
    ).toHaveLength(400);
  });

  it('answers errors the SDK turns into typed exceptions', async () => {
    const err = await client
      .send(new PutMetricDataCommand({ Namespace: 'AWS/Shop', MetricData: [{ MetricName: 'x', Value: 1 }] }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidParameterValueException);
    // The query-compatible error code rides along (from x-amzn-query-error); the SDK's types do not declare it.
    expect((err as { Code?: string }).Code).toBe('InvalidParameterValue');
  });

  it('serves the control endpoint GET /_watchtrail/clock', async () => {
    const res = await fetch(`${base}/_watchtrail/clock`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toEqual({ now: FIXED, paused: false, speed: 1 });
  });

  it('answers an OPTIONS preflight with CORS headers', async () => {
    const res = await fetch(base, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-amz-target,authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    // The `*` wildcard does not cover Authorization (Fetch standard), so the SDK's headers are named.
    const allowed = res.headers.get('access-control-allow-headers') ?? '';
    for (const h of ['authorization', 'x-amz-target', 'content-type', 'x-amz-user-agent', 'amz-sdk-request'])
      expect(allowed).toContain(h);
    expect(res.headers.get('access-control-expose-headers')).toContain('x-amzn-query-error');
    expect(res.headers.get('access-control-expose-headers')).toContain('x-watchtrail-total');
  });

  it('serves CloudTrail LookupEvents and records calls with the remote address', async () => {
    const trail = new CloudTrailClient({
      region: 'us-east-1',
      endpoint: base,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy' },
      maxAttempts: 1,
    });
    await client.send(
      new PutMetricAlarmCommand({
        AlarmName: 'http-alarm',
        Namespace: 'Shop',
        MetricName: 'Latency',
        Statistic: 'Average',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanThreshold',
      }),
    );
    const out = await trail.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: 'http-alarm' }],
      }),
    );
    trail.destroy();
    expect(out.Events).toHaveLength(1);
    expect(JSON.parse(out.Events![0].CloudTrailEvent!)).toMatchObject({
      eventName: 'PutMetricAlarm',
      sourceIPAddress: '127.0.0.1',
    });
  });

  it('streams a whole export with its total', async () => {
    const res = await fetch(`${base}/_watchtrail/trail/export`, {
      method: 'POST',
      body: JSON.stringify({ query: {}, format: 'json' }),
    });
    expect(res.status).toBe(200);
    const total = Number(res.headers.get('x-watchtrail-total'));
    const doc = (await res.json()) as { Records: unknown[] };
    expect(doc.Records).toHaveLength(total);
  });

  it('answers a request that is neither AWS nor control with a 400', async () => {
    const res = await fetch(`${base}/`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(400);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(((await res.json()) as { __type: string }).__type).toBe('UnknownOperationException');
  });
});
