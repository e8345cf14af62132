import {
  type AlarmHistoryItem,
  CloudWatchClient,
  type ComparisonOperator,
  DeleteAlarmsCommand,
  DeleteAnomalyDetectorCommand,
  DescribeAlarmHistoryCommand,
  type DescribeAlarmHistoryCommandInput,
  DescribeAlarmsCommand,
  type DescribeAlarmsCommandInput,
  DescribeAlarmsForMetricCommand,
  DescribeAnomalyDetectorsCommand,
  DisableAlarmActionsCommand,
  EnableAlarmActionsCommand,
  InvalidFormatFault,
  InvalidNextToken,
  InvalidParameterCombinationException,
  InvalidParameterValueException,
  type MetricDataQuery,
  MissingRequiredParameterException,
  PutAnomalyDetectorCommand,
  PutCompositeAlarmCommand,
  PutMetricAlarmCommand,
  type PutMetricAlarmCommandInput,
  ResourceNotFound,
  ResourceNotFoundException,
  SetAlarmStateCommand,
  paginateDescribeAlarmHistory,
  paginateDescribeAlarms,
} from '@aws-sdk/client-cloudwatch';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeMock } from './node.ts';

const FIXED = Date.parse('2026-11-10T00:00:00Z');
const MINUTE = 60_000;
const HOUR = 3600_000;
const OPS = 'arn:aws:sns:us-east-1:123456789012:ops';
const arn = (name: string) => `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}`;
const CPU1 = {
  Namespace: 'AWS/EC2',
  MetricName: 'CPUUtilization',
  Dimensions: [{ Name: 'InstanceId', Value: 'i-0a1b2c3d4e5f60001' }],
};

const { engine, server } = createNodeMock({ wallClock: () => FIXED });
// The SDK as the app configures it: default endpoint, dummy credentials, no retries.
const client = new CloudWatchClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy' },
  maxAttempts: 1,
});

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  engine.reset({ seed: 42, simulation: true });
  engine.setClock({ now: FIXED, paused: false, speed: 1 });
});
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  client.destroy();
});

type AwsFailure = Error & { $fault?: string; Code?: string; $metadata?: { httpStatusCode?: number } };

/** The error a promise rejects with. */
async function failure(p: Promise<unknown>): Promise<AwsFailure> {
  try {
    await p;
  } catch (e) {
    return e as AwsFailure;
  }
  throw new Error('the call succeeded');
}

/** CPU of the first web instance, Average over minutes, 3 of 3 (CPU never exceeds 100). */
const cpuAlarm = (
  name: string,
  over: Partial<PutMetricAlarmCommandInput> = {},
): PutMetricAlarmCommandInput => ({
  AlarmName: name,
  ...CPU1,
  Statistic: 'Average',
  Period: 60,
  EvaluationPeriods: 3,
  Threshold: 100,
  ComparisonOperator: 'GreaterThanThreshold',
  ...over,
});

/** Advances the engine clock through the control endpoint, as the app does. */
async function advance(ms: number): Promise<void> {
  const res = await fetch('http://localhost/_watchtrail/clock', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: ms }),
  });
  expect(res.status).toBe(200);
}

const describeOne = async (name: string, types: DescribeAlarmsCommandInput['AlarmTypes'] = undefined) =>
  client.send(new DescribeAlarmsCommand({ AlarmNames: [name], AlarmTypes: types }));

describe('alarm operations round-trip through the official SDK', () => {
  it('PutMetricAlarm (single metric) → DescribeAlarms, timestamps as Dates', async () => {
    const put = await client.send(
      new PutMetricAlarmCommand(
        cpuAlarm('cpu-high', {
          AlarmDescription: 'web-1 runs hot',
          DatapointsToAlarm: 2,
          TreatMissingData: 'notBreaching',
          AlarmActions: [OPS],
          Unit: 'Percent',
        }),
      ),
    );
    expect(put.$metadata.httpStatusCode).toBe(200);
    const out = await describeOne('cpu-high');
    expect(out.CompositeAlarms).toEqual([]);
    expect(out.MetricAlarms).toHaveLength(1);
    const alarm = out.MetricAlarms![0];
    expect(alarm).toMatchObject({
      AlarmName: 'cpu-high',
      AlarmArn: arn('cpu-high'),
      AlarmDescription: 'web-1 runs hot',
      ...CPU1,
      Statistic: 'Average',
      Period: 60,
      Unit: 'Percent',
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      Threshold: 100,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      ActionsEnabled: true,
      AlarmActions: [OPS],
      OKActions: [],
      InsufficientDataActions: [],
      StateValue: 'OK',
      AlarmConfigurationUpdatedTimestamp: new Date(FIXED),
      StateUpdatedTimestamp: new Date(FIXED),
      StateTransitionedTimestamp: new Date(FIXED),
    });
    expect(alarm.StateUpdatedTimestamp).toBeInstanceOf(Date);
    expect(alarm.StateReason).toMatch(
      /^Threshold Crossed: 3 out of the last 3 datapoints \[.*\] were not greater than the threshold \(100\.0\) \(minimum 2 datapoints for ALARM -> OK transition\)\.$/,
    );
    expect(JSON.parse(alarm.StateReasonData!)).toMatchObject({
      version: '1.0',
      statistic: 'Average',
      period: 60,
      threshold: 100,
    });
  });

  it('PutMetricAlarm (metric math, ReturnData) → DescribeAlarms', async () => {
    const metrics: MetricDataQuery[] = [
      { Id: 'm1', MetricStat: { Metric: CPU1, Period: 60, Stat: 'Maximum' }, ReturnData: false },
      { Id: 'e1', Expression: 'm1 * 2', Label: 'double CPU', ReturnData: true },
    ];
    await client.send(
      new PutMetricAlarmCommand({
        AlarmName: 'cpu-math',
        Metrics: metrics,
        EvaluationPeriods: 1,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      }),
    );
    const alarm = (await describeOne('cpu-math')).MetricAlarms![0];
    expect(alarm.Metrics).toEqual(metrics);
    expect(alarm).toMatchObject({ StateValue: 'ALARM', EvaluationPeriods: 1, Threshold: 0 });
    expect(alarm.MetricName).toBeUndefined();
    expect(alarm.Period).toBeUndefined();
    expect(JSON.parse(alarm.StateReasonData!)).not.toHaveProperty('statistic');
  });

  it('PutMetricAlarm (anomaly band, ThresholdMetricId) → DescribeAlarms', async () => {
    const metrics: MetricDataQuery[] = [
      { Id: 'm1', MetricStat: { Metric: CPU1, Period: 300, Stat: 'Average' }, ReturnData: true },
      { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1, 2)', Label: 'expected CPU', ReturnData: true },
    ];
    await client.send(
      new PutMetricAlarmCommand({
        AlarmName: 'cpu-band',
        Metrics: metrics,
        ThresholdMetricId: 'ad1',
        EvaluationPeriods: 2,
        ComparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold',
      }),
    );
    const alarm = (await describeOne('cpu-band')).MetricAlarms![0];
    expect(alarm).toMatchObject({
      Metrics: metrics,
      ThresholdMetricId: 'ad1',
      ComparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold',
    });
    expect(alarm.Threshold).toBeUndefined();
    expect(['OK', 'ALARM']).toContain(alarm.StateValue);
    const data = JSON.parse(alarm.StateReasonData!) as Record<string, unknown>;
    expect(data).toHaveProperty('recentUpperThresholds');
    expect(data).toHaveProperty('recentLowerThresholds');
    expect(data).not.toHaveProperty('threshold');
  });

  it('PutCompositeAlarm → DescribeAlarms with AlarmTypes', async () => {
    await client.send(new PutMetricAlarmCommand(cpuAlarm('cpu-high')));
    await client.send(new PutMetricAlarmCommand(cpuAlarm('cpu-any', { Threshold: 0 })));
    await client.send(
      new PutCompositeAlarmCommand({
        AlarmName: 'web-unwell',
        AlarmRule: 'ALARM("cpu-high") OR ALARM(cpu-any)',
        AlarmDescription: 'any CPU alarm',
        AlarmActions: [OPS],
        ActionsSuppressor: 'cpu-high',
        ActionsSuppressorWaitPeriod: 60,
        ActionsSuppressorExtensionPeriod: 60,
      }),
    );
    expect((await describeOne('web-unwell')).CompositeAlarms).toEqual([]);
    const out = await describeOne('web-unwell', ['CompositeAlarm']);
    expect(out.MetricAlarms).toEqual([]);
    expect(out.CompositeAlarms).toEqual([
      expect.objectContaining({
        AlarmName: 'web-unwell',
        AlarmArn: arn('web-unwell'),
        AlarmRule: 'ALARM("cpu-high") OR ALARM(cpu-any)',
        AlarmDescription: 'any CPU alarm',
        ActionsEnabled: true,
        AlarmActions: [OPS],
        StateValue: 'ALARM',
        StateReason: `${arn('web-unwell')} was created and its alarm rule evaluates to ALARM`,
        StateUpdatedTimestamp: new Date(FIXED),
        StateTransitionedTimestamp: new Date(FIXED),
        AlarmConfigurationUpdatedTimestamp: new Date(FIXED),
        ActionsSuppressor: 'cpu-high',
        ActionsSuppressorWaitPeriod: 60,
        ActionsSuppressorExtensionPeriod: 60,
      }),
    ]);
  });

  describe('DescribeAlarms filters', () => {
    /** cpu-high (OK, SNS), cpu-any (ALARM, Lambda), disk (INSUFFICIENT_DATA); web = ALARM(cpu-high) OR ALARM(cpu-any). */
    beforeEach(async () => {
      await client.send(new PutMetricAlarmCommand(cpuAlarm('cpu-high', { AlarmActions: [OPS] })));
      await client.send(
        new PutMetricAlarmCommand(
          cpuAlarm('cpu-any', {
            Threshold: 0,
            OKActions: ['arn:aws:lambda:us-east-1:123456789012:function:f'],
          }),
        ),
      );
      await client.send(
        new PutMetricAlarmCommand({
          ...cpuAlarm('disk'),
          Namespace: 'CWAgent',
          MetricName: 'disk_used_percent',
        }),
      );
      await client.send(
        new PutCompositeAlarmCommand({ AlarmName: 'web', AlarmRule: 'ALARM(cpu-high) OR ALARM(cpu-any)' }),
      );
    });
    const BOTH: DescribeAlarmsCommandInput['AlarmTypes'] = ['MetricAlarm', 'CompositeAlarm'];

    it.each<[string, DescribeAlarmsCommandInput, string[], string[]]>([
      // case, request, metric alarms, composite alarms
      ['nothing: metric alarms', {}, ['cpu-any', 'cpu-high', 'disk'], []],
      ['AlarmNames', { AlarmNames: ['disk', 'web'] }, ['disk'], []],
      ['AlarmNamePrefix', { AlarmNamePrefix: 'cpu' }, ['cpu-any', 'cpu-high'], []],
      ['AlarmTypes CompositeAlarm', { AlarmTypes: ['CompositeAlarm'] }, [], ['web']],
      ['AlarmTypes both', { AlarmTypes: BOTH }, ['cpu-any', 'cpu-high', 'disk'], ['web']],
      ['StateValue ALARM', { StateValue: 'ALARM', AlarmTypes: BOTH }, ['cpu-any'], ['web']],
      ['StateValue INSUFFICIENT_DATA', { StateValue: 'INSUFFICIENT_DATA' }, ['disk'], []],
      ['ActionPrefix', { ActionPrefix: 'arn:aws:sns:us-east-1:123456789012:' }, ['cpu-high'], []],
      ['ChildrenOfAlarmName', { ChildrenOfAlarmName: 'web' }, ['cpu-any', 'cpu-high'], []],
      ['ParentsOfAlarmName', { ParentsOfAlarmName: 'cpu-any' }, [], ['web']],
    ])('%s', async (_case, input, metric, composite) => {
      const out = await client.send(new DescribeAlarmsCommand(input));
      expect(out.MetricAlarms?.map((a) => a.AlarmName)).toEqual(metric);
      expect(out.CompositeAlarms?.map((a) => a.AlarmName)).toEqual(composite);
    });

    it('MaxRecords and NextToken, through paginateDescribeAlarms', async () => {
      const pages: string[][] = [];
      for await (const page of paginateDescribeAlarms({ client }, { AlarmTypes: BOTH, MaxRecords: 2 })) {
        pages.push([...(page.MetricAlarms ?? []), ...(page.CompositeAlarms ?? [])].map((a) => a.AlarmName!));
      }
      expect(pages).toEqual([
        ['cpu-any', 'cpu-high'],
        ['disk', 'web'],
      ]);
    });

    it('DescribeAlarmsForMetric gives the single-metric alarms on a metric', async () => {
      const out = await client.send(new DescribeAlarmsForMetricCommand({ ...CPU1, Statistic: 'Average' }));
      expect(out.MetricAlarms?.map((a) => a.AlarmName)).toEqual(['cpu-any', 'cpu-high']);
      expect(out.MetricAlarms?.[0].StateUpdatedTimestamp).toBeInstanceOf(Date);
    });

    it('DeleteAlarms', async () => {
      await client.send(new DeleteAlarmsCommand({ AlarmNames: ['cpu-high', 'web'] }));
      const out = await client.send(new DescribeAlarmsCommand({ AlarmTypes: BOTH }));
      expect(out.MetricAlarms?.map((a) => a.AlarmName)).toEqual(['cpu-any', 'disk']);
      expect(out.CompositeAlarms).toEqual([]);
      const history = await client.send(new DescribeAlarmHistoryCommand({ AlarmName: 'cpu-high' }));
      expect(history.AlarmHistoryItems?.length).toBeGreaterThan(0);
    });

    it('DisableAlarmActions and EnableAlarmActions', async () => {
      await client.send(new DisableAlarmActionsCommand({ AlarmNames: ['cpu-high', 'cpu-any'] }));
      await client.send(new EnableAlarmActionsCommand({ AlarmNames: ['cpu-any'] }));
      const out = await client.send(new DescribeAlarmsCommand({}));
      expect(out.MetricAlarms?.map((a) => [a.AlarmName, a.ActionsEnabled])).toEqual([
        ['cpu-any', true],
        ['cpu-high', false],
        ['disk', true],
      ]);
    });
  });

  it('SetAlarmState; the next evaluation, a minute later, restores the evaluated state', async () => {
    await client.send(new PutMetricAlarmCommand(cpuAlarm('cpu-high')));
    await advance(20_000);
    await client.send(
      new SetAlarmStateCommand({
        AlarmName: 'cpu-high',
        StateValue: 'ALARM',
        StateReason: 'Testing the pager',
        StateReasonData: '{"drill":true}',
      }),
    );
    expect((await describeOne('cpu-high')).MetricAlarms![0]).toMatchObject({
      StateValue: 'ALARM',
      StateReason: 'Testing the pager',
      StateReasonData: '{"drill":true}',
      StateUpdatedTimestamp: new Date(FIXED + 20_000),
    });
    await advance(40_000);
    expect((await describeOne('cpu-high')).MetricAlarms![0]).toMatchObject({
      StateValue: 'OK',
      StateTransitionedTimestamp: new Date(FIXED + MINUTE),
    });
  });

  describe('DescribeAlarmHistory', () => {
    /** cpu-high: created at 0 s (→ OK), set to ALARM at 90 s and 210 s, back to OK at the next minute. */
    beforeEach(async () => {
      await client.send(new PutMetricAlarmCommand(cpuAlarm('cpu-high')));
      for (const at of [90_000, 210_000]) {
        engine.setClock({ now: FIXED + at });
        await client.send(
          new SetAlarmStateCommand({ AlarmName: 'cpu-high', StateValue: 'ALARM', StateReason: 'drill' }),
        );
      }
      engine.setClock({ now: FIXED + 5 * MINUTE });
    });
    const summary = (h: AlarmHistoryItem) =>
      `${(h.Timestamp!.getTime() - FIXED) / 1000}s ${h.HistoryItemType} ${h.HistorySummary}`;

    it.each<[string, DescribeAlarmHistoryCommandInput, string[]]>([
      // case, request, items
      [
        'HistoryItemType StateUpdate, newest first',
        { AlarmName: 'cpu-high', HistoryItemType: 'StateUpdate' },
        [
          '240s StateUpdate Alarm updated from ALARM to OK',
          '210s StateUpdate Alarm updated from OK to ALARM',
          '120s StateUpdate Alarm updated from ALARM to OK',
          '90s StateUpdate Alarm updated from OK to ALARM',
          '0s StateUpdate Alarm updated from INSUFFICIENT_DATA to OK',
        ],
      ],
      [
        'HistoryItemType ConfigurationUpdate',
        { HistoryItemType: 'ConfigurationUpdate' },
        ['0s ConfigurationUpdate Alarm "cpu-high" created'],
      ],
      [
        'StartDate and EndDate',
        { StartDate: new Date(FIXED + MINUTE), EndDate: new Date(FIXED + 3 * MINUTE) },
        ['120s StateUpdate Alarm updated from ALARM to OK', '90s StateUpdate Alarm updated from OK to ALARM'],
      ],
      [
        'ScanBy TimestampAscending',
        { ScanBy: 'TimestampAscending', MaxRecords: 2 },
        [
          '0s ConfigurationUpdate Alarm "cpu-high" created',
          '0s StateUpdate Alarm updated from INSUFFICIENT_DATA to OK',
        ],
      ],
    ])('%s', async (_case, input, expected) => {
      const out = await client.send(new DescribeAlarmHistoryCommand(input));
      expect(out.AlarmHistoryItems?.[0].Timestamp).toBeInstanceOf(Date);
      expect(out.AlarmHistoryItems?.map(summary)).toEqual(expected);
    });

    it('pagination through paginateDescribeAlarmHistory', async () => {
      const sizes: number[] = [];
      const items: AlarmHistoryItem[] = [];
      for await (const page of paginateDescribeAlarmHistory({ client }, { MaxRecords: 2 })) {
        sizes.push(page.AlarmHistoryItems?.length ?? 0);
        items.push(...(page.AlarmHistoryItems ?? []));
      }
      expect(sizes).toEqual([2, 2, 2]);
      expect(items.map((h) => h.AlarmName)).toEqual(new Array<string>(6).fill('cpu-high'));
      expect(items[0].AlarmType).toBe('MetricAlarm');
      expect(JSON.parse(items[0].HistoryData!)).toMatchObject({
        version: '1.0',
        oldState: { stateValue: 'ALARM', stateReason: 'drill' },
        newState: { stateValue: 'OK' },
      });
    });
  });

  it('PutAnomalyDetector, DescribeAnomalyDetectors, DeleteAnomalyDetector', async () => {
    const detector = { ...CPU1, Stat: 'Average' };
    const excluded = [{ StartTime: new Date(FIXED - 2 * HOUR), EndTime: new Date(FIXED - HOUR) }];
    await client.send(
      new PutAnomalyDetectorCommand({
        SingleMetricAnomalyDetector: detector,
        Configuration: { ExcludedTimeRanges: excluded, MetricTimezone: 'UTC' },
      }),
    );
    const out = await client.send(new DescribeAnomalyDetectorsCommand({ Namespace: 'AWS/EC2' }));
    expect(out.AnomalyDetectors).toEqual([
      expect.objectContaining({
        SingleMetricAnomalyDetector: detector,
        Configuration: { ExcludedTimeRanges: excluded, MetricTimezone: 'UTC' },
        StateValue: 'PENDING_TRAINING',
      }),
    ]);
    expect(out.AnomalyDetectors?.[0].Configuration?.ExcludedTimeRanges?.[0].StartTime).toBeInstanceOf(Date);
    await client.send(new DeleteAnomalyDetectorCommand({ SingleMetricAnomalyDetector: detector }));
    expect((await client.send(new DescribeAnomalyDetectorsCommand({}))).AnomalyDetectors).toEqual([]);
  });
});

describe('typed exceptions', () => {
  const BAND: PutMetricAlarmCommandInput = {
    AlarmName: 'band',
    EvaluationPeriods: 1,
    ThresholdMetricId: 'ad1',
    ComparisonOperator: 'GreaterThanUpperThreshold',
    Metrics: [
      { Id: 'm1', MetricStat: { Metric: CPU1, Period: 300, Stat: 'Average' } },
      { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1)' },
    ],
  };
  const put = (input: Partial<PutMetricAlarmCommandInput>) =>
    client.send(new PutMetricAlarmCommand(input as PutMetricAlarmCommandInput));

  it.each<[string, () => Promise<unknown>, abstract new (...args: never[]) => Error, string, number, string]>(
    [
      // case, call, exception class, wire code, HTTP status, text in the message
      [
        'a bad operator',
        () => put(cpuAlarm('x', { ComparisonOperator: 'Above' as ComparisonOperator })),
        InvalidParameterValueException,
        'InvalidParameterValue',
        400,
        'ComparisonOperator',
      ],
      [
        'M > N',
        () => put(cpuAlarm('x', { DatapointsToAlarm: 5 })),
        InvalidParameterValueException,
        'InvalidParameterValue',
        400,
        'DatapointsToAlarm (5)',
      ],
      [
        'Period 45',
        () => put(cpuAlarm('x', { Period: 45 })),
        InvalidParameterValueException,
        'InvalidParameterValue',
        400,
        'Period',
      ],
      [
        'Period × EvaluationPeriods over a day',
        () => put(cpuAlarm('x', { Period: 600, EvaluationPeriods: 145 })),
        InvalidParameterValueException,
        'InvalidParameterValue',
        400,
        '87000 seconds',
      ],
      [
        'Metrics and MetricName',
        () => put({ ...BAND, MetricName: 'CPUUtilization' }),
        InvalidParameterCombinationException,
        'InvalidParameterCombination',
        400,
        'Metrics and MetricName',
      ],
      [
        'Statistic and ExtendedStatistic',
        () => put(cpuAlarm('x', { ExtendedStatistic: 'p90' })),
        InvalidParameterCombinationException,
        'InvalidParameterCombination',
        400,
        'Statistic and ExtendedStatistic',
      ],
      [
        'Threshold and ThresholdMetricId',
        () => put({ ...BAND, Threshold: 1 }),
        InvalidParameterCombinationException,
        'InvalidParameterCombination',
        400,
        'Threshold and ThresholdMetricId',
      ],
      [
        'no EvaluationPeriods',
        () => put({ ...cpuAlarm('x'), EvaluationPeriods: undefined }),
        MissingRequiredParameterException,
        'MissingParameter',
        400,
        'EvaluationPeriods',
      ],
      [
        'a rule with an error',
        () =>
          client.send(
            new PutCompositeAlarmCommand({ AlarmName: 'c', AlarmRule: 'ALARM(a) AND OR ALARM(b)' }),
          ),
        InvalidParameterValueException,
        'InvalidParameterValue',
        400,
        'position 13',
      ],
      [
        'a rule naming itself',
        () => client.send(new PutCompositeAlarmCommand({ AlarmName: 'c', AlarmRule: 'OK(a) OR ALARM(c)' })),
        InvalidParameterValueException,
        'InvalidParameterValue',
        400,
        'cycle',
      ],
      [
        'SetAlarmState on an unknown alarm',
        () =>
          client.send(new SetAlarmStateCommand({ AlarmName: 'nope', StateValue: 'OK', StateReason: 'x' })),
        ResourceNotFound,
        'ResourceNotFound',
        404,
        'nope',
      ],
      [
        'DeleteAlarms of unknown alarms',
        () => client.send(new DeleteAlarmsCommand({ AlarmNames: ['nope'] })),
        ResourceNotFound,
        'ResourceNotFound',
        404,
        'nope',
      ],
      [
        'bad StateReasonData',
        async () => {
          await put(cpuAlarm('x'));
          return client.send(
            new SetAlarmStateCommand({
              AlarmName: 'x',
              StateValue: 'OK',
              StateReason: 'x',
              StateReasonData: 'not json',
            }),
          );
        },
        InvalidFormatFault,
        'InvalidFormat',
        400,
        'Data was not syntactically valid JSON',
      ],
      [
        'DeleteAnomalyDetector of an unknown model',
        () =>
          client.send(
            new DeleteAnomalyDetectorCommand({ SingleMetricAnomalyDetector: { ...CPU1, Stat: 'p99' } }),
          ),
        ResourceNotFoundException,
        'ResourceNotFoundException',
        404,
        'No anomaly detection model',
      ],
      [
        'DescribeAlarms with a made-up NextToken',
        () => client.send(new DescribeAlarmsCommand({ NextToken: 'abc' })),
        InvalidNextToken,
        'InvalidNextToken',
        400,
        'NextToken',
      ],
    ],
  )('%s', async (_case, call, type, code, status, text) => {
    const err = await failure(call());
    expect(err).toBeInstanceOf(type);
    expect(err.Code).toBe(code);
    expect(err.$fault).toBe('client');
    expect(err.$metadata?.httpStatusCode).toBe(status);
    expect(err.message).toContain(text);
  });

  it('a failed call changes nothing, and the API keeps working', async () => {
    await failure(put(cpuAlarm('x', { Period: 45 })));
    const out = await client.send(new DescribeAlarmsCommand({}));
    expect(out.MetricAlarms).toEqual([]);
  });
});
