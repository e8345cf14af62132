import {
  CloudTrailClient,
  CloudTrailServiceException,
  type Event,
  InvalidEventCategoryException,
  InvalidLookupAttributesException,
  InvalidMaxResultsException,
  InvalidNextTokenException,
  InvalidTimeRangeException,
  LookupEventsCommand,
  type LookupEventsCommandInput,
  paginateLookupEvents,
} from '@aws-sdk/client-cloudtrail';
import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeMock } from './node.ts';

const FIXED = Date.parse('2026-11-19T16:00:00Z');
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

const { engine, server } = createNodeMock({ wallClock: () => FIXED, simulation: false });
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy' };
// The SDKs as the app configures them: default endpoints, no retries.
const trail = new CloudTrailClient({ region: 'us-east-1', credentials, maxAttempts: 1 });
const cloudwatch = new CloudWatchClient({ region: 'us-east-1', credentials, maxAttempts: 1 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  engine.reset({ simulation: false });
  engine.setClock({ now: FIXED, paused: true });
  // Settings outlive a reset: put the app's key back to its default name.
  engine.trail.applySettings({ identities: [{ accessKeyId: 'AKIDEXAMPLE', userName: 'watchtrail-admin' }] });
});
afterAll(() => {
  server.close();
  trail.destroy();
  cloudwatch.destroy();
});

async function control(path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`http://localhost/_watchtrail/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

const lookup = (input: LookupEventsCommandInput) => trail.send(new LookupEventsCommand(input));
const byUser = (user: string) =>
  lookup({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: user }] });
const recordOf = (e: Event) => JSON.parse(e.CloudTrailEvent!) as Record<string, unknown>;

function importRecords(count: number) {
  const records = Array.from({ length: count }, (_, i) => ({
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', userName: 'bulk', accountId: '123456789012' },
    eventTime: iso(FIXED - (i + 1) * MINUTE),
    eventSource: 'iam.amazonaws.com',
    eventName: i % 2 ? 'CreateUser' : 'DeleteUser',
    awsRegion: 'us-east-1',
    eventID: `bulk-${i}`,
    readOnly: false,
    eventType: 'AwsApiCall',
    eventCategory: 'Management',
  }));
  return engine.trail.importFile('bulk.json', { Records: records });
}

describe('LookupEvents through the real CloudTrailClient', () => {
  it('pages with paginateLookupEvents over every event exactly once', async () => {
    importRecords(137);
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateLookupEvents(
      { client: trail, pageSize: 20 },
      { LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'bulk' }] },
    )) {
      pages++;
      seen.push(...(page.Events ?? []).map((e) => e.EventId!));
    }
    expect(pages).toBe(7);
    expect(seen).toHaveLength(137);
    expect(new Set(seen).size).toBe(137);
    expect(seen[0]).toBe('bulk-0');
  });

  it('gives EventTime as a Date and CloudTrailEvent as the record text', async () => {
    importRecords(1);
    const out = await lookup({ LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: 'bulk-0' }] });
    const [event] = out.Events!;
    expect(event.EventTime).toEqual(new Date(FIXED - MINUTE));
    expect(event).toMatchObject({
      EventName: 'DeleteUser',
      ReadOnly: 'false',
      Username: 'bulk',
      Resources: [],
    });
    expect(recordOf(event).eventID).toBe('bulk-0');
    expect(out.NextToken).toBeUndefined();
  });

  it.each<[string, LookupEventsCommandInput, new (...args: never[]) => CloudTrailServiceException]>([
    [
      'unknown key',
      { LookupAttributes: [{ AttributeKey: 'Colour' as never, AttributeValue: 'x' }] },
      InvalidLookupAttributesException,
    ],
    [
      'lower-case key',
      { LookupAttributes: [{ AttributeKey: 'username' as never, AttributeValue: 'x' }] },
      InvalidLookupAttributesException,
    ],
    [
      'too long value',
      { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: '_'.repeat(1001) }] },
      InvalidLookupAttributesException,
    ],
    [
      'StartTime after EndTime',
      { StartTime: new Date(FIXED), EndTime: new Date(FIXED - 1000) },
      InvalidTimeRangeException,
    ],
    ['MaxResults 0', { MaxResults: 0 }, InvalidMaxResultsException],
    ['MaxResults 51', { MaxResults: 51 }, InvalidMaxResultsException],
    ['garbage NextToken', { NextToken: 'not-a-token' }, InvalidNextTokenException],
    ['EventCategory data', { EventCategory: 'data' as never }, InvalidEventCategoryException],
  ])('%s → %s', async (_, input, type) => {
    const err = await lookup(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(type);
    expect(err).toBeInstanceOf(CloudTrailServiceException);
    const e = err as CloudTrailServiceException;
    expect(e.name).toBe(type.name);
    expect(e.$fault).toBe('client');
    expect(e.$metadata.httpStatusCode).toBe(400);
    expect(e.message.length).toBeGreaterThan(10);
  });

  it('rejects a NextToken used with other parameters', async () => {
    importRecords(10);
    const first = await lookup({
      LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'bulk' }],
      MaxResults: 3,
    });
    expect(first.NextToken).toBeDefined();
    const err = await lookup({
      LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }],
      NextToken: first.NextToken,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidNextTokenException);
  });

  it('accepts the namespaced X-Amz-Target other SDKs send', async () => {
    importRecords(2);
    const res = await fetch('https://cloudtrail.eu-west-1.amazonaws.com/', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents',
      },
      body: JSON.stringify({ MaxResults: 1 }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    const body = (await res.json()) as { Events: { EventTime: unknown }[]; NextToken?: string };
    expect(body.Events).toHaveLength(1);
    expect(typeof body.Events[0].EventTime).toBe('number');
    expect(body.NextToken).toEqual(expect.any(String));
  });

  it('answers an unknown operation with UnknownOperationException', async () => {
    const res = await fetch('https://cloudtrail.us-east-1.amazonaws.com/', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'CloudTrail_20131101.CreateTrail',
      },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { __type: string }).__type).toBe(
      'com.amazonaws.cloudtrail.v20131101#UnknownOperationException',
    );
  });
});

describe('our own API calls in the event history', () => {
  const alarm = {
    AlarmName: 'cpu-high',
    Namespace: 'AWS/EC2',
    MetricName: 'CPUUtilization',
    Dimensions: [{ Name: 'InstanceId', Value: 'i-1' }],
    Statistic: 'Average' as const,
    Period: 60,
    EvaluationPeriods: 1,
    Threshold: 80,
    ComparisonOperator: 'GreaterThanThreshold' as const,
  };

  it('records PutMetricAlarm with the caller mapped to a user name in the settings', async () => {
    const settings = await control('trail/settings', {
      identities: [{ accessKeyId: 'AKIDEXAMPLE', userName: 'alice' }],
    });
    expect(settings.status).toBe(200);
    const put = await cloudwatch.send(new PutMetricAlarmCommand(alarm));

    const out = await byUser('alice');
    expect(out.Events).toHaveLength(1);
    const [event] = out.Events!;
    expect(event).toMatchObject({
      EventName: 'PutMetricAlarm',
      EventSource: 'monitoring.amazonaws.com',
      ReadOnly: 'false',
      AccessKeyId: 'AKIDEXAMPLE',
      Username: 'alice',
      EventTime: new Date(FIXED),
      Resources: [{ ResourceType: 'AWS::CloudWatch::Alarm', ResourceName: 'cpu-high' }],
    });
    const record = recordOf(event);
    expect(record).toMatchObject({
      eventVersion: '1.11',
      userIdentity: {
        type: 'IAMUser',
        arn: 'arn:aws:iam::123456789012:user/alice',
        accountId: '123456789012',
        accessKeyId: 'AKIDEXAMPLE',
        userName: 'alice',
      },
      eventTime: '2026-11-19T16:00:00Z',
      eventSource: 'monitoring.amazonaws.com',
      eventName: 'PutMetricAlarm',
      awsRegion: 'us-east-1',
      sourceIPAddress: '127.0.0.1',
      requestParameters: {
        alarmName: 'cpu-high',
        namespace: 'AWS/EC2',
        metricName: 'CPUUtilization',
        dimensions: [{ name: 'InstanceId', value: 'i-1' }],
        statistic: 'Average',
        period: 60,
        evaluationPeriods: 1,
        threshold: 80,
        comparisonOperator: 'GreaterThanThreshold',
      },
      responseElements: null,
      requestID: put.$metadata.requestId,
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: '123456789012',
      eventCategory: 'Management',
    });
    expect((record.userIdentity as { principalId: string }).principalId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(record).not.toHaveProperty('errorCode');
    expect(String(record.userAgent)).toMatch(/aws-sdk-js/);
  });

  it('records a failed call with its error code and message', async () => {
    const err = (await cloudwatch
      .send(new PutMetricAlarmCommand({ ...alarm, AlarmName: 'bad-period', Period: 7 }))
      .catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    const out = await lookup({
      LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'PutMetricAlarm' }],
    });
    const record = recordOf(out.Events![0]);
    expect(record).toMatchObject({ errorCode: 'InvalidParameterValue', errorMessage: err.message });
    expect(out.Events![0].Username).toBe('watchtrail-admin');
  });

  it('records DeleteAlarms, but not PutMetricData, GetMetricData or DescribeAlarms', async () => {
    await cloudwatch.send(new PutMetricAlarmCommand(alarm));
    await cloudwatch.send(
      new PutMetricDataCommand({ Namespace: 'Shop', MetricData: [{ MetricName: 'Orders', Value: 1 }] }),
    );
    await cloudwatch.send(
      new GetMetricDataCommand({
        MetricDataQueries: [
          {
            Id: 'm1',
            MetricStat: { Metric: { Namespace: 'Shop', MetricName: 'Orders' }, Period: 60, Stat: 'Sum' },
          },
        ],
        StartTime: new Date(FIXED - 10 * MINUTE),
        EndTime: new Date(FIXED),
      }),
    );
    await cloudwatch.send(new DescribeAlarmsCommand({}));
    await cloudwatch.send(new DeleteAlarmsCommand({ AlarmNames: ['cpu-high'] }));
    const names = (await lookup({})).Events!.map((e) => e.EventName);
    expect(names.sort()).toEqual(['DeleteAlarms', 'PutMetricAlarm']);
  });

  it('takes the Region from the signature and records unsigned calls as an Unknown identity', async () => {
    const eu = new CloudWatchClient({ region: 'eu-west-1', credentials, maxAttempts: 1 });
    await eu.send(new PutMetricAlarmCommand(alarm));
    eu.destroy();
    engine.setClock({ advanceMs: 1000 });
    await fetch('https://monitoring.us-east-1.amazonaws.com/', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'GraniteServiceVersion20100801.DeleteAlarms',
      },
      body: JSON.stringify({ AlarmNames: ['cpu-high'] }),
    });
    const [unsigned, signed] = (await lookup({})).Events!.map(recordOf);
    expect(signed.awsRegion).toBe('eu-west-1');
    expect(unsigned).toMatchObject({
      eventName: 'DeleteAlarms',
      awsRegion: 'us-east-1',
      userIdentity: { type: 'Unknown', userName: 'anonymous' },
    });
    expect((await byUser('anonymous')).Events).toHaveLength(1);
  });
});
