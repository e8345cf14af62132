import { describe, expect, it } from 'vitest';
import { Engine, MINUTE_MS, alarmArn, topicArn } from '../../engine/index.ts';
import { AwsError } from '../protocol/aws-error.ts';
import { deleteAlarms } from './delete-alarms.ts';
import { deleteAnomalyDetector } from './delete-anomaly-detector.ts';
import { describeAlarmHistory } from './describe-alarm-history.ts';
import { describeAlarms } from './describe-alarms.ts';
import { describeAlarmsForMetric } from './describe-alarms-for-metric.ts';
import { describeAnomalyDetectors } from './describe-anomaly-detectors.ts';
import { disableAlarmActions } from './disable-alarm-actions.ts';
import { enableAlarmActions } from './enable-alarm-actions.ts';
import type { Json } from './input.ts';
import { putAnomalyDetector } from './put-anomaly-detector.ts';
import { putCompositeAlarm } from './put-composite-alarm.ts';
import { putMetricAlarm } from './put-metric-alarm.ts';
import { setAlarmState } from './set-alarm-state.ts';

const T0 = Date.parse('2026-11-10T00:00:00Z');
const s = (ms: number) => ms / 1000;
const OPS = topicArn('ops');
const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:restart';

type Op = (input: Json, engine: Engine) => unknown;

const newEngine = () => new Engine({ wallClock: () => T0, simulation: false });

function rejection(op: Op, input: Json, engine: Engine): AwsError {
  try {
    op(input, engine);
  } catch (err) {
    if (err instanceof AwsError) return err;
    throw err;
  }
  throw new Error('accepted');
}

const CPU = {
  Namespace: 'AWS/EC2',
  MetricName: 'CPUUtilization',
  Dimensions: [{ Name: 'InstanceId', Value: 'i-1' }],
};
/** A valid single-metric PutMetricAlarm request. */
const CPU_HIGH: Json = {
  AlarmName: 'cpu-high',
  ...CPU,
  Statistic: 'Average',
  Period: 60,
  EvaluationPeriods: 3,
  Threshold: 80,
  ComparisonOperator: 'GreaterThanThreshold',
};
const M1 = { Id: 'm1', MetricStat: { Metric: CPU, Period: 300, Stat: 'Average' }, ReturnData: false };
/** A valid anomaly-band PutMetricAlarm request. */
const BAND: Json = {
  AlarmName: 'cpu-band',
  EvaluationPeriods: 2,
  ComparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold',
  ThresholdMetricId: 'ad1',
  Metrics: [
    { ...M1, ReturnData: true },
    { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1, 2)' },
  ],
};
const without = (o: Json, ...keys: string[]): Json =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

describe('PutMetricAlarm: what it refuses', () => {
  it.each<[string, Json, string, string]>([
    // case, request, exception shape, text in the message
    [
      'an unknown operator',
      { ...CPU_HIGH, ComparisonOperator: 'GreaterThan' },
      'InvalidParameterValueException',
      'ComparisonOperator',
    ],
    [
      'M > N',
      { ...CPU_HIGH, DatapointsToAlarm: 4 },
      'InvalidParameterValueException',
      'DatapointsToAlarm (4) must be less than or equal to EvaluationPeriods (3)',
    ],
    [
      'DatapointsToAlarm 0',
      { ...CPU_HIGH, DatapointsToAlarm: 0 },
      'InvalidParameterValueException',
      'DatapointsToAlarm',
    ],
    [
      'Period 45',
      { ...CPU_HIGH, Period: 45 },
      'InvalidParameterValueException',
      'must be 10, 20, 30, or a multiple of 60',
    ],
    ['Period 90', { ...CPU_HIGH, Period: 90 }, 'InvalidParameterValueException', 'Period'],
    ['Period 0', { ...CPU_HIGH, Period: 0 }, 'InvalidParameterValueException', 'Period'],
    [
      'a day and a minute of one-minute periods',
      { ...CPU_HIGH, EvaluationPeriods: 1441 },
      'InvalidParameterValueException',
      'Period × EvaluationPeriods is 86460 seconds',
    ],
    [
      'more than 7 days of hourly periods',
      { ...CPU_HIGH, Period: 3600, EvaluationPeriods: 169 },
      'InvalidParameterValueException',
      '604,800',
    ],
    [
      'EvaluationPeriods 0',
      { ...CPU_HIGH, EvaluationPeriods: 0 },
      'InvalidParameterValueException',
      'EvaluationPeriods',
    ],
    [
      'Metrics and MetricName',
      {
        ...without(CPU_HIGH, 'Namespace', 'Dimensions', 'Period', 'Statistic'),
        Metrics: [{ ...M1, ReturnData: true }],
      },
      'InvalidParameterCombinationException',
      'Metrics and MetricName',
    ],
    [
      'Metrics and Period',
      {
        ...without(BAND, 'ComparisonOperator', 'ThresholdMetricId'),
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 1,
        Period: 60,
      },
      'InvalidParameterCombinationException',
      'Metrics and Period',
    ],
    [
      'Statistic and ExtendedStatistic',
      { ...CPU_HIGH, ExtendedStatistic: 'p99' },
      'InvalidParameterCombinationException',
      'Statistic and ExtendedStatistic',
    ],
    [
      'Threshold and ThresholdMetricId',
      { ...BAND, Threshold: 3 },
      'InvalidParameterCombinationException',
      'Threshold and ThresholdMetricId',
    ],
    ['no AlarmName', without(CPU_HIGH, 'AlarmName'), 'MissingRequiredParameterException', 'AlarmName'],
    [
      'no EvaluationPeriods',
      without(CPU_HIGH, 'EvaluationPeriods'),
      'MissingRequiredParameterException',
      'EvaluationPeriods',
    ],
    [
      'no ComparisonOperator',
      without(CPU_HIGH, 'ComparisonOperator'),
      'MissingRequiredParameterException',
      'ComparisonOperator',
    ],
    ['no Threshold', without(CPU_HIGH, 'Threshold'), 'MissingRequiredParameterException', 'Threshold'],
    ['no Period', without(CPU_HIGH, 'Period'), 'MissingRequiredParameterException', 'Period'],
    ['no statistic', without(CPU_HIGH, 'Statistic'), 'MissingRequiredParameterException', 'Statistic'],
    ['no Namespace', without(CPU_HIGH, 'Namespace'), 'MissingRequiredParameterException', 'Namespace'],
    [
      'a band operator without ThresholdMetricId',
      { ...CPU_HIGH, ComparisonOperator: 'GreaterThanUpperThreshold' },
      'InvalidParameterValueException',
      'requires ThresholdMetricId',
    ],
    [
      'ThresholdMetricId with a static operator',
      { ...BAND, ComparisonOperator: 'GreaterThanThreshold' },
      'InvalidParameterValueException',
      'ThresholdMetricId requires one of the anomaly detection operators',
    ],
    [
      'ThresholdMetricId that is not a band',
      {
        ...BAND,
        ThresholdMetricId: 'm1',
        Metrics: [
          { ...M1, ReturnData: false },
          { Id: 'e1', Expression: 'm1 * 2' },
        ],
      },
      'InvalidParameterValueException',
      'ANOMALY_DETECTION_BAND',
    ],
    [
      'two queries returning data',
      {
        ...without(BAND, 'ThresholdMetricId'),
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 1,
        Metrics: [
          { ...M1, ReturnData: true },
          { Id: 'e1', Expression: 'm1 * 2' },
        ],
      },
      'InvalidParameterValueException',
      'Exactly one query',
    ],
    [
      'no query returning data',
      {
        ...without(BAND, 'ThresholdMetricId'),
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 1,
        Metrics: [M1],
      },
      'InvalidParameterValueException',
      'Exactly one query',
    ],
    [
      'a query with MetricStat and Expression',
      {
        ...without(BAND, 'ThresholdMetricId'),
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 1,
        Metrics: [{ ...M1, Expression: 'm1', ReturnData: true }],
      },
      'InvalidParameterCombinationException',
      'Exactly one of Metrics.member.1.MetricStat and Metrics.member.1.Expression',
    ],
    [
      'a SEARCH expression',
      {
        ...without(BAND, 'ThresholdMetricId'),
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 1,
        Metrics: [
          {
            Id: 'e1',
            Expression: `MAX(SEARCH('{AWS/EC2,InstanceId} MetricName="CPUUtilization"', 'Average', 300))`,
            Period: 300,
            ReturnData: true,
          },
        ],
      },
      'InvalidParameterValueException',
      'SEARCH cannot be used in an alarm at position 4',
    ],
    [
      'an Id starting with a capital',
      {
        ...without(BAND, 'ThresholdMetricId'),
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 1,
        Metrics: [{ ...M1, Id: 'M1', ReturnData: true }],
      },
      'InvalidParameterValueException',
      'Metrics.member.1.Id',
    ],
    [
      'queries with different periods',
      {
        ...without(BAND, 'ThresholdMetricId'),
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 1,
        Metrics: [
          M1,
          { ...M1, Id: 'm2', MetricStat: { ...M1.MetricStat, Period: 60 } },
          { Id: 'e1', Expression: 'm1 + m2' },
        ],
      },
      'InvalidParameterValueException',
      'same period',
    ],
    [
      'an unknown TreatMissingData',
      { ...CPU_HIGH, TreatMissingData: 'skip' },
      'InvalidParameterValueException',
      'TreatMissingData',
    ],
    [
      'an unknown statistic',
      { ...CPU_HIGH, Statistic: 'Median' },
      'InvalidParameterValueException',
      'Statistic',
    ],
    [
      'a bad extended statistic',
      { ...without(CPU_HIGH, 'Statistic'), ExtendedStatistic: 'x99' },
      'InvalidParameterValueException',
      'ExtendedStatistic',
    ],
    [
      'six alarm actions',
      { ...CPU_HIGH, AlarmActions: new Array<string>(6).fill(OPS) },
      'InvalidParameterValueException',
      'AlarmActions',
    ],
    [
      'an action that is not an ARN',
      { ...CPU_HIGH, OKActions: ['ops-topic'] },
      'InvalidParameterValueException',
      'OKActions.member.1',
    ],
    [
      'a control character in the name',
      { ...CPU_HIGH, AlarmName: 'cpu\u0007high' },
      'InvalidParameterValueException',
      'control characters',
    ],
    [
      'a 256-character name',
      { ...CPU_HIGH, AlarmName: 'a'.repeat(256) },
      'InvalidParameterValueException',
      'AlarmName',
    ],
  ])('%s', (_case, input, shape, text) => {
    const err = rejection(putMetricAlarm, input, newEngine());
    expect(err.shape).toBe(shape);
    expect(err.status).toBe(400);
    expect(err.message).toContain(text);
  });

  it('the name of a composite alarm', () => {
    const engine = newEngine();
    putCompositeAlarm({ AlarmName: 'service', AlarmRule: 'TRUE' }, engine);
    const err = rejection(putMetricAlarm, { ...CPU_HIGH, AlarmName: 'service' }, engine);
    expect(err.shape).toBe('InvalidParameterValueException');
  });
});

describe('PutMetricAlarm: what it accepts, as DescribeAlarms gives it back', () => {
  it.each<[string, Json, Json]>([
    // case, request, MetricAlarm (in part)
    [
      'a single-metric alarm',
      CPU_HIGH,
      { ...CPU, Statistic: 'Average', Period: 60, EvaluationPeriods: 3, Threshold: 80 },
    ],
    ['Period 10', { ...CPU_HIGH, Period: 10 }, { Period: 10 }],
    ['Period 30 × 2880 (a day)', { ...CPU_HIGH, Period: 30, EvaluationPeriods: 2880 }, { Period: 30 }],
    [
      '7 days of hourly periods',
      { ...CPU_HIGH, Period: 3600, EvaluationPeriods: 168 },
      { EvaluationPeriods: 168 },
    ],
    [
      'an extended statistic',
      {
        ...without(CPU_HIGH, 'Statistic'),
        ExtendedStatistic: 'p99',
        EvaluateLowSampleCountPercentile: 'ignore',
      },
      { ExtendedStatistic: 'p99', EvaluateLowSampleCountPercentile: 'ignore' },
    ],
    [
      'M of N with every option',
      {
        ...CPU_HIGH,
        DatapointsToAlarm: 2,
        TreatMissingData: 'breaching',
        Unit: 'Percent',
        AlarmDescription: 'hot',
        ActionsEnabled: false,
        AlarmActions: [OPS],
        OKActions: [LAMBDA],
      },
      {
        DatapointsToAlarm: 2,
        TreatMissingData: 'breaching',
        Unit: 'Percent',
        AlarmDescription: 'hot',
        ActionsEnabled: false,
        AlarmActions: [OPS],
        OKActions: [LAMBDA],
        InsufficientDataActions: [],
      },
    ],
    [
      'metric math',
      {
        ...without(CPU_HIGH, 'Namespace', 'MetricName', 'Dimensions', 'Period', 'Statistic'),
        Metrics: [M1, { Id: 'e1', Expression: 'm1 * 2', Label: 'double' }],
      },
      {
        Metrics: [
          { Id: 'm1', ReturnData: false, MetricStat: { Metric: CPU, Period: 300, Stat: 'Average' } },
          { Id: 'e1', Expression: 'm1 * 2', Label: 'double', ReturnData: true },
        ],
      },
    ],
    [
      'an anomaly band',
      BAND,
      {
        ThresholdMetricId: 'ad1',
        ComparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold',
        Threshold: undefined,
      },
    ],
  ])('%s', (_case, input, expected) => {
    const engine = newEngine();
    expect(putMetricAlarm(input, engine)).toEqual({});
    const out = describeAlarms({ AlarmNames: [input.AlarmName] }, engine) as { MetricAlarms: Json[] };
    expect(out.MetricAlarms).toHaveLength(1);
    expect(out.MetricAlarms[0]).toMatchObject({
      AlarmName: input.AlarmName,
      AlarmArn: alarmArn(input.AlarmName as string),
      AlarmConfigurationUpdatedTimestamp: s(T0),
      StateUpdatedTimestamp: s(T0),
      ...expected,
    });
  });
});

describe('PutCompositeAlarm', () => {
  const withChildren = () => {
    const engine = newEngine();
    putMetricAlarm(CPU_HIGH, engine);
    putMetricAlarm({ ...CPU_HIGH, AlarmName: 'disk-full' }, engine);
    return engine;
  };

  it.each<[string, Json, string, string]>([
    // case, request, exception shape, text in the message
    [
      'a rule that ends early',
      { AlarmRule: 'ALARM(cpu-high) AND' },
      'InvalidParameterValueException',
      'position 19',
    ],
    [
      'an unknown function',
      { AlarmRule: 'ALARM(cpu-high) OR HIGH(disk-full)' },
      'InvalidParameterValueException',
      'position 19',
    ],
    [
      'an unclosed parenthesis',
      { AlarmRule: '(ALARM(cpu-high) OR ALARM(disk-full)' },
      'InvalidParameterValueException',
      'position',
    ],
    ['an empty rule', { AlarmRule: '' }, 'InvalidParameterValueException', 'AlarmRule'],
    ['no rule', {}, 'MissingRequiredParameterException', 'AlarmRule'],
    [
      'a rule naming its own alarm',
      { AlarmRule: 'ALARM(service)' },
      'InvalidParameterValueException',
      'cycle of composite alarms: service -> service',
    ],
    [
      'an EC2 action',
      { AlarmRule: 'TRUE', AlarmActions: ['arn:aws:automate:us-east-1:ec2:stop'] },
      'InvalidParameterValueException',
      'EC2 or Auto Scaling',
    ],
    [
      'a suppressor without its wait period',
      { AlarmRule: 'TRUE', ActionsSuppressor: 'cpu-high', ActionsSuppressorExtensionPeriod: 60 },
      'MissingRequiredParameterException',
      'ActionsSuppressorWaitPeriod',
    ],
    [
      'periods without a suppressor',
      { AlarmRule: 'TRUE', ActionsSuppressorWaitPeriod: 60 },
      'InvalidParameterValueException',
      'require ActionsSuppressor',
    ],
    [
      'the name of a metric alarm',
      { AlarmRule: 'TRUE', AlarmName: 'cpu-high' },
      'InvalidParameterValueException',
      'metric alarm',
    ],
  ])('refuses %s', (_case, input, shape, text) => {
    const err = rejection(putCompositeAlarm, { AlarmName: 'service', ...input }, withChildren());
    expect(err.shape).toBe(shape);
    expect(err.message).toContain(text);
  });

  it('refuses a rule that closes a cycle, and names it', () => {
    const engine = withChildren();
    putCompositeAlarm({ AlarmName: 'a', AlarmRule: 'ALARM(cpu-high) OR ALARM(b)' }, engine);
    putCompositeAlarm({ AlarmName: 'b', AlarmRule: 'ALARM(c)' }, engine);
    const err = rejection(
      putCompositeAlarm,
      { AlarmName: 'c', AlarmRule: `ALARM(${alarmArn('a')})` },
      engine,
    );
    expect(err.shape).toBe('InvalidParameterValueException');
    expect(err.message).toBe('The AlarmRule creates a cycle of composite alarms: c -> a -> b -> c.');
    expect(engine.alarms.get('c')).toBeUndefined();
  });

  it('creates a composite alarm evaluated at once, with its suppressor', () => {
    const engine = withChildren();
    setAlarmState({ AlarmName: 'cpu-high', StateValue: 'ALARM', StateReason: 'test' }, engine);
    putCompositeAlarm(
      {
        AlarmName: 'service',
        AlarmRule: '(ALARM("cpu-high") OR ALARM(disk-full)) AND NOT ALARM(maintenance)',
        AlarmDescription: 'the service is unwell',
        AlarmActions: [OPS],
        ActionsSuppressor: 'maintenance',
        ActionsSuppressorWaitPeriod: 60,
        ActionsSuppressorExtensionPeriod: 120,
      },
      engine,
    );
    const out = describeAlarms({ AlarmTypes: ['CompositeAlarm'] }, engine) as { CompositeAlarms: Json[] };
    expect(out.CompositeAlarms).toEqual([
      expect.objectContaining({
        AlarmName: 'service',
        AlarmArn: alarmArn('service'),
        AlarmRule: '(ALARM("cpu-high") OR ALARM(disk-full)) AND NOT ALARM(maintenance)',
        AlarmDescription: 'the service is unwell',
        ActionsEnabled: true,
        AlarmActions: [OPS],
        OKActions: [],
        StateValue: 'ALARM',
        StateReason: `${alarmArn('service')} was created and its alarm rule evaluates to ALARM`,
        StateReasonData: '{}',
        ActionsSuppressor: 'maintenance',
        ActionsSuppressorWaitPeriod: 60,
        ActionsSuppressorExtensionPeriod: 120,
      }),
    ]);
  });
});

/**
 * cpu-high (ALARM, SNS action), cpu-low (OK, Lambda action), disk-full (INSUFFICIENT_DATA, no
 * actions); service = ALARM(cpu-high) OR ALARM(disk-full) (ALARM); top = ALARM(service) (ALARM).
 */
function fleet(): Engine {
  const engine = newEngine();
  putMetricAlarm({ ...CPU_HIGH, AlarmActions: [OPS] }, engine);
  putMetricAlarm(
    { ...CPU_HIGH, AlarmName: 'cpu-low', ComparisonOperator: 'LessThanThreshold', OKActions: [LAMBDA] },
    engine,
  );
  putMetricAlarm({ ...CPU_HIGH, AlarmName: 'disk-full', TreatMissingData: 'ignore' }, engine);
  putCompositeAlarm({ AlarmName: 'service', AlarmRule: 'ALARM(cpu-high) OR ALARM(disk-full)' }, engine);
  putCompositeAlarm({ AlarmName: 'top', AlarmRule: `ALARM(${alarmArn('service')})` }, engine);
  setAlarmState({ AlarmName: 'cpu-high', StateValue: 'ALARM', StateReason: 'test' }, engine);
  setAlarmState({ AlarmName: 'cpu-low', StateValue: 'OK', StateReason: 'test' }, engine);
  return engine;
}

interface Described {
  MetricAlarms: Json[];
  CompositeAlarms: Json[];
  NextToken?: string;
}
/** DescribeAlarms, its output typed. */
const listAlarms = (input: Json, engine: Engine) => describeAlarms(input, engine) as unknown as Described;
const names = (out: Described): string[] => [
  ...out.MetricAlarms.map((a) => String(a.AlarmName)),
  ...out.CompositeAlarms.map((a) => `${String(a.AlarmName)} (composite)`),
];
const BOTH = ['MetricAlarm', 'CompositeAlarm'];

describe('DescribeAlarms', () => {
  const engine = fleet();

  it.each<[string, Json, string[]]>([
    // case, request, alarms listed
    ['no filter: metric alarms only', {}, ['cpu-high', 'cpu-low', 'disk-full']],
    ['composite alarms', { AlarmTypes: ['CompositeAlarm'] }, ['service (composite)', 'top (composite)']],
    [
      'both types',
      { AlarmTypes: BOTH },
      ['cpu-high', 'cpu-low', 'disk-full', 'service (composite)', 'top (composite)'],
    ],
    ['AlarmNames', { AlarmNames: ['cpu-low', 'service', 'nope'] }, ['cpu-low']],
    [
      'AlarmNames, both types',
      { AlarmNames: ['cpu-low', 'service'], AlarmTypes: BOTH },
      ['cpu-low', 'service (composite)'],
    ],
    ['AlarmNamePrefix', { AlarmNamePrefix: 'cpu-' }, ['cpu-high', 'cpu-low']],
    [
      'StateValue ALARM',
      { StateValue: 'ALARM', AlarmTypes: BOTH },
      ['cpu-high', 'service (composite)', 'top (composite)'],
    ],
    ['StateValue INSUFFICIENT_DATA', { StateValue: 'INSUFFICIENT_DATA' }, ['disk-full']],
    ['ActionPrefix of SNS', { ActionPrefix: 'arn:aws:sns:' }, ['cpu-high']],
    ['ActionPrefix of Lambda, any state', { ActionPrefix: 'arn:aws:lambda:us-east-1' }, ['cpu-low']],
    ['ChildrenOfAlarmName', { ChildrenOfAlarmName: 'service' }, ['cpu-high', 'disk-full']],
    ['ChildrenOfAlarmName, a composite child', { ChildrenOfAlarmName: 'top' }, ['service (composite)']],
    ['ChildrenOfAlarmName of a metric alarm', { ChildrenOfAlarmName: 'cpu-high' }, []],
    ['ParentsOfAlarmName', { ParentsOfAlarmName: 'cpu-high' }, ['service (composite)']],
    ['ParentsOfAlarmName of a composite', { ParentsOfAlarmName: 'service' }, ['top (composite)']],
    ['ParentsOfAlarmName of an orphan', { ParentsOfAlarmName: 'cpu-low' }, []],
  ])('%s', (_case, input, expected) => {
    expect(names(listAlarms(input, engine))).toEqual(expected);
  });

  it('ChildrenOfAlarmName gives name, ARN, state and its time only; ParentsOfAlarmName name and ARN', () => {
    const children = listAlarms({ ChildrenOfAlarmName: 'service' }, engine);
    expect(children.MetricAlarms[0]).toEqual({
      AlarmName: 'cpu-high',
      AlarmArn: alarmArn('cpu-high'),
      StateValue: 'ALARM',
      StateUpdatedTimestamp: s(T0),
    });
    const parents = listAlarms({ ParentsOfAlarmName: 'cpu-high' }, engine);
    expect(parents.CompositeAlarms).toEqual([{ AlarmName: 'service', AlarmArn: alarmArn('service') }]);
  });

  it.each<[string, Json, string]>([
    // case, request, exception shape
    [
      'AlarmNames and AlarmNamePrefix',
      { AlarmNames: ['a'], AlarmNamePrefix: 'a' },
      'InvalidParameterCombinationException',
    ],
    [
      'ChildrenOfAlarmName and StateValue',
      { ChildrenOfAlarmName: 'service', StateValue: 'OK' },
      'InvalidParameterCombinationException',
    ],
    [
      'ParentsOfAlarmName and AlarmNamePrefix',
      { ParentsOfAlarmName: 'cpu-high', AlarmNamePrefix: 'c' },
      'InvalidParameterCombinationException',
    ],
    [
      'ChildrenOfAlarmName and ParentsOfAlarmName',
      { ChildrenOfAlarmName: 'service', ParentsOfAlarmName: 'cpu-high' },
      'InvalidParameterCombinationException',
    ],
    ['an unknown state', { StateValue: 'FIRING' }, 'InvalidParameterValueException'],
    ['an unknown alarm type', { AlarmTypes: ['LogAlarm'] }, 'InvalidParameterValueException'],
    ['MaxRecords 0', { MaxRecords: 0 }, 'InvalidParameterValueException'],
    ['MaxRecords 101', { MaxRecords: 101 }, 'InvalidParameterValueException'],
    ['101 names', { AlarmNames: new Array<string>(101).fill('a') }, 'InvalidParameterValueException'],
    ['a made-up NextToken', { NextToken: 'abc' }, 'InvalidNextToken'],
  ])('refuses %s', (_case, input, shape) => {
    expect(rejection(describeAlarms, input, engine).shape).toBe(shape);
  });

  it('pages with MaxRecords and NextToken, and refuses a token of another request', () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const out = listAlarms({ AlarmTypes: BOTH, MaxRecords: 2, NextToken: token }, engine);
      seen.push(...names(out));
      token = out.NextToken;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(['cpu-high', 'cpu-low', 'disk-full', 'service (composite)', 'top (composite)']);
    const first = listAlarms({ AlarmTypes: BOTH, MaxRecords: 2 }, engine);
    const err = rejection(
      describeAlarms,
      { AlarmNamePrefix: 'cpu', MaxRecords: 2, NextToken: first.NextToken },
      engine,
    );
    expect(err.shape).toBe('InvalidNextToken');
  });
});

describe('DescribeAlarmsForMetric', () => {
  const engine = newEngine();
  putMetricAlarm(CPU_HIGH, engine);
  putMetricAlarm({ ...CPU_HIGH, AlarmName: 'cpu-max', Statistic: 'Maximum', Period: 300 }, engine);
  putMetricAlarm(
    { ...CPU_HIGH, AlarmName: 'cpu-p99', Statistic: undefined, ExtendedStatistic: 'p99' },
    engine,
  );
  putMetricAlarm(
    { ...CPU_HIGH, AlarmName: 'other-instance', Dimensions: [{ Name: 'InstanceId', Value: 'i-2' }] },
    engine,
  );
  putMetricAlarm(
    {
      ...without(CPU_HIGH, 'Namespace', 'MetricName', 'Dimensions', 'Period', 'Statistic'),
      AlarmName: 'cpu-math',
      Metrics: [{ ...M1, ReturnData: true }],
    },
    engine,
  );

  it.each<[string, Json, string[]]>([
    // case, request, alarms
    ['the metric', CPU, ['cpu-high', 'cpu-max', 'cpu-p99']],
    ['a statistic', { ...CPU, Statistic: 'Maximum' }, ['cpu-max']],
    ['an extended statistic', { ...CPU, ExtendedStatistic: 'p99' }, ['cpu-p99']],
    ['a period', { ...CPU, Period: 60 }, ['cpu-high', 'cpu-p99']],
    ['a unit nobody set', { ...CPU, Unit: 'Percent' }, []],
    ['no dimensions: another metric', without(CPU, 'Dimensions'), []],
    [
      'the other instance',
      { ...CPU, Dimensions: [{ Name: 'InstanceId', Value: 'i-2' }] },
      ['other-instance'],
    ],
  ])('%s', (_case, input, expected) => {
    const out = describeAlarmsForMetric(input, engine) as { MetricAlarms: Json[] };
    expect(out.MetricAlarms.map((a) => a.AlarmName)).toEqual(expected);
  });

  it('needs the namespace and the metric name', () => {
    expect(rejection(describeAlarmsForMetric, without(CPU, 'Namespace'), engine).shape).toBe(
      'MissingRequiredParameterException',
    );
  });
});

describe('DescribeAlarmHistory', () => {
  /** cpu-high created at +0, ALARM at +1 (SNS action), service created at +2, cpu-high OK at +3. */
  function withHistory(): Engine {
    const engine = newEngine();
    engine.alarms.createTopic('ops');
    putMetricAlarm({ ...CPU_HIGH, TreatMissingData: 'ignore', AlarmActions: [OPS] }, engine);
    const at = (m: number) => engine.setClock({ now: T0 + m * MINUTE_MS });
    at(1);
    setAlarmState({ AlarmName: 'cpu-high', StateValue: 'ALARM', StateReason: 'test' }, engine);
    at(2);
    putCompositeAlarm({ AlarmName: 'service', AlarmRule: 'ALARM(cpu-high)' }, engine);
    at(3);
    setAlarmState({ AlarmName: 'cpu-high', StateValue: 'OK', StateReason: 'test' }, engine);
    return engine;
  }
  const engine = withHistory();
  interface Item {
    AlarmName: string;
    AlarmType: string;
    Timestamp: number;
    HistoryItemType: string;
    HistorySummary: string;
    HistoryData: string;
  }
  const items = (input: Json) =>
    (describeAlarmHistory(input, engine) as { AlarmHistoryItems: Item[] }).AlarmHistoryItems.map(
      (h) => `+${(h.Timestamp - s(T0)) / 60} ${h.AlarmName} ${h.HistoryItemType}`,
    );

  it.each<[string, Json, string[]]>([
    // case, request, items (newest first unless ascending)
    [
      'everything of metric alarms',
      {},
      [
        '+3 cpu-high StateUpdate',
        '+1 cpu-high Action',
        '+1 cpu-high StateUpdate',
        '+0 cpu-high ConfigurationUpdate',
      ],
    ],
    [
      'both types',
      { AlarmTypes: BOTH },
      [
        '+3 service StateUpdate',
        '+3 cpu-high StateUpdate',
        '+2 service StateUpdate',
        '+2 service ConfigurationUpdate',
        '+1 cpu-high Action',
        '+1 cpu-high StateUpdate',
        '+0 cpu-high ConfigurationUpdate',
      ],
    ],
    [
      'one composite alarm',
      { AlarmName: 'service', AlarmTypes: ['CompositeAlarm'] },
      ['+3 service StateUpdate', '+2 service StateUpdate', '+2 service ConfigurationUpdate'],
    ],
    ['a composite alarm without AlarmTypes', { AlarmName: 'service' }, []],
    ['HistoryItemType Action', { HistoryItemType: 'Action' }, ['+1 cpu-high Action']],
    [
      'HistoryItemType StateUpdate',
      { HistoryItemType: 'StateUpdate' },
      ['+3 cpu-high StateUpdate', '+1 cpu-high StateUpdate'],
    ],
    [
      'StartDate and EndDate, inclusive',
      { StartDate: s(T0 + MINUTE_MS), EndDate: s(T0 + 2 * MINUTE_MS), AlarmTypes: BOTH },
      [
        '+2 service StateUpdate',
        '+2 service ConfigurationUpdate',
        '+1 cpu-high Action',
        '+1 cpu-high StateUpdate',
      ],
    ],
    [
      'ScanBy TimestampAscending',
      { ScanBy: 'TimestampAscending' },
      [
        '+0 cpu-high ConfigurationUpdate',
        '+1 cpu-high StateUpdate',
        '+1 cpu-high Action',
        '+3 cpu-high StateUpdate',
      ],
    ],
    ['an unknown alarm', { AlarmName: 'nope' }, []],
  ])('%s', (_case, input, expected) => {
    expect(items(input)).toEqual(expected);
  });

  it('items carry AWS-style summaries and JSON data', () => {
    const out = describeAlarmHistory({ HistoryItemType: 'StateUpdate', MaxRecords: 1 }, engine) as {
      AlarmHistoryItems: Item[];
    };
    const [item] = out.AlarmHistoryItems;
    expect(item).toMatchObject({
      AlarmName: 'cpu-high',
      AlarmType: 'MetricAlarm',
      Timestamp: s(T0 + 3 * MINUTE_MS),
      HistoryItemType: 'StateUpdate',
      HistorySummary: 'Alarm updated from ALARM to OK',
    });
    expect(JSON.parse(item.HistoryData)).toEqual({
      version: '1.0',
      oldState: { stateValue: 'ALARM', stateReason: 'test' },
      newState: { stateValue: 'OK', stateReason: 'test' },
    });
  });

  it('pages with MaxRecords and NextToken', () => {
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const out = describeAlarmHistory({ AlarmTypes: BOTH, MaxRecords: 3, NextToken: token }, engine) as {
        AlarmHistoryItems: Item[];
        NextToken?: string;
      };
      expect(out.AlarmHistoryItems.length).toBeLessThanOrEqual(3);
      seen.push(...out.AlarmHistoryItems.map((h) => `${h.Timestamp} ${h.AlarmName} ${h.HistoryItemType}`));
      token = out.NextToken;
    } while (token);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it.each<[string, Json, string]>([
    ['an unknown item type', { HistoryItemType: 'Deletion' }, 'InvalidParameterValueException'],
    [
      'StartDate after EndDate',
      { StartDate: s(T0), EndDate: s(T0 - MINUTE_MS) },
      'InvalidParameterValueException',
    ],
    ['an unknown ScanBy', { ScanBy: 'Newest' }, 'InvalidParameterValueException'],
    ['an unknown alarm type', { AlarmTypes: ['LogAlarm'] }, 'InvalidParameterValueException'],
    ['a made-up NextToken', { NextToken: 'abc' }, 'InvalidNextToken'],
  ])('refuses %s', (_case, input, shape) => {
    expect(rejection(describeAlarmHistory, input, engine).shape).toBe(shape);
  });
});

describe('DeleteAlarms, SetAlarmState, Enable-/DisableAlarmActions', () => {
  it('DeleteAlarms deletes the alarms that exist; none existing is ResourceNotFound; history stays', () => {
    const engine = fleet();
    expect(deleteAlarms({ AlarmNames: ['cpu-low', 'nope'] }, engine)).toEqual({});
    expect(engine.alarms.get('cpu-low')).toBeUndefined();
    const err = rejection(deleteAlarms, { AlarmNames: ['nope', 'cpu-low'] }, engine);
    expect(err).toMatchObject({ shape: 'ResourceNotFound', code: 'ResourceNotFound', status: 404 });
    expect(rejection(deleteAlarms, {}, engine).shape).toBe('MissingRequiredParameterException');
    expect(
      (describeAlarmHistory({ AlarmName: 'cpu-low' }, engine) as { AlarmHistoryItems: unknown[] })
        .AlarmHistoryItems,
    ).not.toEqual([]);
  });

  it('deleting a child re-evaluates its composite parents', () => {
    const engine = fleet();
    deleteAlarms({ AlarmNames: ['cpu-high'] }, engine);
    expect(engine.alarms.get('service')?.state.value).toBe('OK');
    expect(engine.alarms.get('top')?.state.value).toBe('OK');
  });

  it.each<[string, Json, string, number, string]>([
    // case, request, exception shape, HTTP status, text in the message
    [
      'an unknown alarm',
      { AlarmName: 'nope', StateValue: 'OK', StateReason: 'x' },
      'ResourceNotFound',
      404,
      'nope',
    ],
    [
      'StateReasonData that is not JSON',
      { AlarmName: 'cpu-high', StateValue: 'OK', StateReason: 'x', StateReasonData: '{oops' },
      'InvalidFormatFault',
      400,
      'Data was not syntactically valid JSON',
    ],
    [
      'an unknown state',
      { AlarmName: 'cpu-high', StateValue: 'FIRING', StateReason: 'x' },
      'InvalidParameterValueException',
      400,
      'StateValue',
    ],
    [
      'no StateReason',
      { AlarmName: 'cpu-high', StateValue: 'OK' },
      'MissingRequiredParameterException',
      400,
      'StateReason',
    ],
    [
      'a StateReason over 1023 characters',
      { AlarmName: 'cpu-high', StateValue: 'OK', StateReason: 'x'.repeat(1024) },
      'InvalidParameterValueException',
      400,
      'StateReason',
    ],
  ])('SetAlarmState refuses %s', (_case, input, shape, status, text) => {
    const err = rejection(setAlarmState, input, fleet());
    expect(err.shape).toBe(shape);
    expect(err.status).toBe(status);
    expect(err.message).toContain(text);
  });

  it('SetAlarmState sets the state, its reason and data', () => {
    const engine = fleet();
    setAlarmState(
      { AlarmName: 'cpu-low', StateValue: 'ALARM', StateReason: 'drill', StateReasonData: '{"drill":true}' },
      engine,
    );
    const [alarm] = listAlarms({ AlarmNames: ['cpu-low'] }, engine).MetricAlarms;
    expect(alarm).toMatchObject({
      StateValue: 'ALARM',
      StateReason: 'drill',
      StateReasonData: '{"drill":true}',
    });
  });

  it('DisableAlarmActions and EnableAlarmActions toggle ActionsEnabled; unknown names are ignored', () => {
    const engine = fleet();
    const enabled = () => listAlarms({ AlarmTypes: BOTH }, engine).MetricAlarms.map((a) => a.ActionsEnabled);
    expect(disableAlarmActions({ AlarmNames: ['cpu-high', 'cpu-low', 'nope'] }, engine)).toEqual({});
    expect(enabled()).toEqual([false, false, true]);
    expect(enableAlarmActions({ AlarmNames: ['cpu-low'] }, engine)).toEqual({});
    expect(enabled()).toEqual([false, true, true]);
    expect(rejection(enableAlarmActions, {}, engine).shape).toBe('MissingRequiredParameterException');
  });
});

describe('anomaly detectors', () => {
  const SINGLE = { SingleMetricAnomalyDetector: { ...CPU, Stat: 'Average' } };

  it('PutAnomalyDetector, DescribeAnomalyDetectors, DeleteAnomalyDetector', () => {
    const engine = newEngine();
    expect(
      putAnomalyDetector(
        {
          ...SINGLE,
          Configuration: {
            ExcludedTimeRanges: [{ StartTime: s(T0 - 3600_000), EndTime: s(T0 - 1800_000) }],
            MetricTimezone: 'Europe/Paris',
          },
        },
        engine,
      ),
    ).toEqual({});
    putAnomalyDetector({ Namespace: 'Shop', MetricName: 'Latency', Stat: 'p99' }, engine);
    const list = (input: Json = {}) =>
      (describeAnomalyDetectors(input, engine) as { AnomalyDetectors: Json[] }).AnomalyDetectors;
    expect(list()).toHaveLength(2);
    expect(list({ Namespace: 'AWS/EC2' })).toEqual([
      {
        ...CPU,
        Stat: 'Average',
        SingleMetricAnomalyDetector: { ...CPU, Stat: 'Average' },
        Configuration: {
          ExcludedTimeRanges: [{ StartTime: s(T0 - 3600_000), EndTime: s(T0 - 1800_000) }],
          MetricTimezone: 'Europe/Paris',
        },
        StateValue: 'PENDING_TRAINING',
      },
    ]);
    engine.setClock({ advanceMs: 15 * MINUTE_MS });
    expect(list({ MetricName: 'CPUUtilization' })[0].StateValue).toBe('TRAINED');
    expect(list({ Dimensions: [{ Name: 'InstanceId', Value: 'i-2' }] })).toEqual([]);

    expect(deleteAnomalyDetector(SINGLE, engine)).toEqual({});
    expect(list().map((d) => d.MetricName)).toEqual(['Latency']);
    const err = rejection(deleteAnomalyDetector, SINGLE, engine);
    expect(err).toMatchObject({ shape: 'ResourceNotFoundException', status: 404 });
  });

  it.each<[string, Json, string]>([
    // case, request, exception shape
    [
      'MetricMathAnomalyDetector',
      { MetricMathAnomalyDetector: { MetricDataQueries: [] } },
      'InvalidParameterValueException',
    ],
    [
      'both the single-metric and the legacy form',
      { ...SINGLE, Stat: 'Average' },
      'InvalidParameterCombinationException',
    ],
    ['no metric', {}, 'MissingRequiredParameterException'],
    ['no Stat', { SingleMetricAnomalyDetector: CPU }, 'MissingRequiredParameterException'],
    [
      'an unknown Stat',
      { SingleMetricAnomalyDetector: { ...CPU, Stat: 'Median' } },
      'InvalidParameterValueException',
    ],
    [
      '11 excluded ranges',
      {
        ...SINGLE,
        Configuration: { ExcludedTimeRanges: new Array<Json>(11).fill({ StartTime: 1, EndTime: 2 }) },
      },
      'InvalidParameterValueException',
    ],
    [
      'a range that ends before it starts',
      { ...SINGLE, Configuration: { ExcludedTimeRanges: [{ StartTime: 2, EndTime: 1 }] } },
      'InvalidParameterValueException',
    ],
  ])('PutAnomalyDetector refuses %s', (_case, input, shape) => {
    expect(rejection(putAnomalyDetector, input, newEngine()).shape).toBe(shape);
  });
});
