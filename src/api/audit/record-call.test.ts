import { describe, expect, it } from 'vitest';
import { Engine } from '../../engine/index.ts';
import { AwsError } from '../protocol/aws-error.ts';
import {
  apiCallRecord,
  CLOUDWATCH_AUDIT,
  callerOf,
  lowerCamel,
  principalIdFor,
  recordTime,
} from './record-call.ts';

const FIXED = Date.parse('2026-11-19T16:00:00Z');
const request = (headers: Record<string, string>) =>
  new Request('https://monitoring.us-east-1.amazonaws.com/', { method: 'POST', headers });
const SIGNED =
  'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261119/eu-central-1/monitoring/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc';

describe('callerOf', () => {
  it.each<[Record<string, string>, string | undefined, Partial<ReturnType<typeof callerOf>>]>([
    [
      { authorization: SIGNED },
      '10.0.0.9',
      { accessKeyId: 'AKIDEXAMPLE', region: 'eu-central-1', sourceIp: '10.0.0.9' },
    ],
    [{}, undefined, { accessKeyId: undefined, region: 'us-east-1', sourceIp: '127.0.0.1' }],
    [{ authorization: 'Bearer xyz' }, undefined, { accessKeyId: undefined, region: 'us-east-1' }],
    [
      { 'x-amz-user-agent': 'aws-sdk-js/3.1', 'user-agent': 'node' },
      undefined,
      { userAgent: 'aws-sdk-js/3.1' },
    ],
    [{ 'user-agent': 'aws-cli/2.0' }, undefined, { userAgent: 'aws-cli/2.0' }],
    [{ 'user-agent': 'x'.repeat(2000) }, undefined, { userAgent: 'x'.repeat(1024) }],
  ])('%j from %s → %j', (headers, ip, expected) => {
    expect(callerOf(request(headers), ip)).toMatchObject(expected);
  });
});

describe('record fields', () => {
  it('gives each access key one stable IAM-style principal id', () => {
    expect(principalIdFor('AKIDEXAMPLE')).toBe(principalIdFor('AKIDEXAMPLE'));
    expect(principalIdFor('AKIDEXAMPLE')).not.toBe(principalIdFor('AKIDEXAMPLF'));
    expect(principalIdFor('AKIDEXAMPLE')).toMatch(/^AIDA[A-Z2-7]{17}$/);
  });

  it.each<[unknown, unknown]>([
    [
      { AlarmName: 'a', OKActions: ['x'] },
      { alarmName: 'a', oKActions: ['x'] },
    ],
    [{ Dimensions: [{ Name: 'n', Value: 'v' }] }, { dimensions: [{ name: 'n', value: 'v' }] }],
    [
      { Metrics: [{ Id: 'm1', MetricStat: { Period: 60 } }] },
      { metrics: [{ id: 'm1', metricStat: { period: 60 } }] },
    ],
    [
      [1, 'A'],
      [1, 'A'],
    ],
    [null, null],
  ])('lowerCamel(%j) = %j', (input, expected) => {
    expect(lowerCamel(input)).toEqual(expected);
  });

  it('writes eventTime without milliseconds', () => {
    expect(recordTime(FIXED + 999)).toBe('2026-11-19T16:00:00Z');
  });
});

describe('apiCallRecord', () => {
  const engine = new Engine({ wallClock: () => FIXED, simulation: false });
  const caller = callerOf(request({ authorization: SIGNED, 'x-amz-user-agent': 'sdk' }), '192.0.2.7');

  it('records a successful call as an IAM user with the parameters as sent', () => {
    const record = apiCallRecord(engine, CLOUDWATCH_AUDIT, caller, {
      operation: 'DeleteAlarms',
      input: { AlarmNames: ['a', 'b'] },
      status: 200,
      error: undefined,
      requestId: 'req-1',
    });
    expect(record).toEqual({
      eventVersion: '1.11',
      userIdentity: {
        type: 'IAMUser',
        principalId: principalIdFor('AKIDEXAMPLE'),
        arn: `arn:aws:iam::123456789012:user/${engine.trail.userNameFor('AKIDEXAMPLE')}`,
        accountId: '123456789012',
        accessKeyId: 'AKIDEXAMPLE',
        userName: engine.trail.userNameFor('AKIDEXAMPLE'),
      },
      eventTime: '2026-11-19T16:00:00Z',
      eventSource: 'monitoring.amazonaws.com',
      eventName: 'DeleteAlarms',
      awsRegion: 'eu-central-1',
      sourceIPAddress: '192.0.2.7',
      userAgent: 'sdk',
      requestParameters: { alarmNames: ['a', 'b'] },
      responseElements: null,
      requestID: 'req-1',
      eventID: expect.stringMatching(/^[0-9a-f-]{36}$/),
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: '123456789012',
      eventCategory: 'Management',
    });
  });

  it('records a failed call with the error code and message, and an unreadable body as null', () => {
    const record = apiCallRecord(engine, CLOUDWATCH_AUDIT, callerOf(request({}), undefined), {
      operation: 'PutMetricAlarm',
      input: undefined,
      status: 400,
      error: new AwsError(
        'SerializationException',
        'SerializationException',
        'The request body is not valid JSON.',
      ),
      requestId: 'req-2',
    });
    expect(record).toMatchObject({
      userIdentity: { type: 'Unknown', userName: 'anonymous' },
      errorCode: 'SerializationException',
      errorMessage: 'The request body is not valid JSON.',
      requestParameters: null,
    });
    expect(record).not.toHaveProperty('userAgent');
  });

  it.each([
    ['PutMetricAlarm', true],
    ['PutCompositeAlarm', true],
    ['DeleteAlarms', true],
    ['SetAlarmState', true],
    ['EnableAlarmActions', true],
    ['DisableAlarmActions', true],
    ['PutAnomalyDetector', true],
    ['DeleteAnomalyDetector', true],
    ['PutDashboard', true],
    ['DeleteDashboards', true],
    ['PutMetricData', false],
    ['GetMetricData', false],
    ['GetMetricStatistics', false],
    ['ListMetrics', false],
    ['DescribeAlarms', false],
    ['DescribeAlarmHistory', false],
    ['DescribeAnomalyDetectors', false],
  ])('%s is recorded: %s', (operation, recorded) => {
    expect(CLOUDWATCH_AUDIT.mutating.has(operation)).toBe(recorded);
  });
});
