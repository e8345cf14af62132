import { describe, expect, it } from 'vitest';
import { Engine } from '../engine.ts';
import { DAY_MS, MINUTE_MS, SECOND_MS } from '../time.ts';
import type { AlarmState } from './evaluate.ts';
import { type CompositeAlarm, type MetricAlarm, alarmArn, topicArn } from './model.ts';

const T0 = Date.parse('2026-11-10T00:00:00Z');
const CART = [{ name: 'Service', value: 'cart' }];
const OPS = topicArn('ops');

type MetricConfig = Omit<MetricAlarm, 'type' | 'arn' | 'state' | 'configUpdatedMs'>;
type CompositeConfig = Omit<CompositeAlarm, 'type' | 'arn' | 'state' | 'configUpdatedMs'>;

/** An engine without the simulated account, its clock standing at T0. */
const newEngine = () => new Engine({ wallClock: () => T0, simulation: false });

/** Shop/Latency{Service=cart}, one datapoint per value, a minute apart, the last in the minute before now. */
function publishMinutes(engine: Engine, values: number[]): void {
  const now = engine.now();
  engine.putMetricData({
    namespace: 'Shop',
    metricData: values.map((value, i) => ({
      metricName: 'Latency',
      dimensions: CART,
      timestampMs: now - (values.length - i) * MINUTE_MS,
      value,
    })),
  });
}

/** Lets minutes pass, one datapoint in each (none for undefined); each minute's end evaluates the alarms. */
function minutes(engine: Engine, values: (number | undefined)[]): void {
  for (const value of values) {
    if (value !== undefined)
      engine.putMetricData({
        namespace: 'Shop',
        metricData: [{ metricName: 'Latency', dimensions: CART, timestampMs: engine.now(), value }],
      });
    engine.setClock({ advanceMs: MINUTE_MS });
  }
}

/** Latency > 100, one-minute periods, 3 of 3, no actions. */
const latencyAlarm = (name: string, over: Partial<MetricConfig> = {}): MetricConfig => ({
  name,
  actionsEnabled: true,
  okActions: [],
  alarmActions: [],
  insufficientDataActions: [],
  tags: [],
  namespace: 'Shop',
  metricName: 'Latency',
  dimensions: CART,
  statistic: 'Average',
  periodSeconds: 60,
  evaluationPeriods: 3,
  threshold: 100,
  comparisonOperator: 'GreaterThanThreshold',
  ...over,
});

/** An alarm on a metric nobody publishes, ignoring missing data: it keeps whatever state it is set to. */
const idleAlarm = (name: string): MetricConfig =>
  latencyAlarm(name, { metricName: `Idle-${name}`, treatMissingData: 'ignore' });

const compositeAlarm = (
  name: string,
  rule: string,
  over: Partial<CompositeConfig> = {},
): CompositeConfig => ({
  name,
  rule,
  actionsEnabled: true,
  okActions: [],
  alarmActions: [],
  insufficientDataActions: [],
  tags: [],
  ...over,
});

const stateOf = (engine: Engine, name: string) => engine.alarms.get(name)?.state.value;

const history = (engine: Engine, name?: string, type?: 'ConfigurationUpdate' | 'StateUpdate' | 'Action') =>
  engine.alarms
    .historyItems()
    .filter((h) => (name === undefined || h.alarmName === name) && (type === undefined || h.type === type));

interface StateUpdateData {
  oldState: { stateValue: AlarmState; stateReason: string };
  newState: { stateValue: AlarmState; stateReason: string; stateReasonData?: unknown };
}

/** An alarm's state changes as `+minutes from→to` (seconds shown when not on the minute). */
const transitions = (engine: Engine, name: string): string[] =>
  history(engine, name, 'StateUpdate').map((h) => {
    const d = JSON.parse(h.data) as StateUpdateData;
    const offset = (h.timestampMs - T0) / MINUTE_MS;
    return `+${Number.isInteger(offset) ? offset : `${offset * 60}s`} ${d.oldState.stateValue}→${d.newState.stateValue}`;
  });

describe('a new metric alarm', () => {
  it.each<[string, number[], AlarmState, string[]]>([
    // case, the last minutes' datapoints, state right after creation, transitions
    ['breaching data', [150, 160, 170], 'ALARM', ['+0 INSUFFICIENT_DATA→ALARM']],
    ['data under the threshold', [50, 60, 70], 'OK', ['+0 INSUFFICIENT_DATA→OK']],
    ['2 of 3 breaching', [150, 60, 170], 'OK', ['+0 INSUFFICIENT_DATA→OK']],
    ['no data', [], 'INSUFFICIENT_DATA', []],
  ])('starts in INSUFFICIENT_DATA and is evaluated at once: %s', (_case, data, state, changes) => {
    const engine = newEngine();
    publishMinutes(engine, data);
    engine.alarms.putMetricAlarm(latencyAlarm('latency'), engine.now());
    expect(stateOf(engine, 'latency')).toBe(state);
    expect(transitions(engine, 'latency')).toEqual(changes);
    const [created] = history(engine, 'latency');
    expect(created).toMatchObject({
      type: 'ConfigurationUpdate',
      alarmType: 'MetricAlarm',
      timestampMs: T0,
      summary: 'Alarm "latency" created',
    });
    expect(JSON.parse(created.data)).toMatchObject({ type: 'Create', createdAlarm: { threshold: 100 } });
    if (changes.length > 0) {
      const first = JSON.parse(history(engine, 'latency', 'StateUpdate')[0].data) as StateUpdateData;
      expect(first.oldState).toEqual({
        stateValue: 'INSUFFICIENT_DATA',
        stateReason: 'Unchecked: Initial alarm creation',
      });
    }
  });

  it('created between two minutes, evaluates the periods complete at the last minute', () => {
    const engine = newEngine();
    publishMinutes(engine, [150, 160, 170]);
    engine.setClock({ advanceMs: 30 * SECOND_MS });
    engine.alarms.putMetricAlarm(latencyAlarm('latency'), engine.now());
    const state = engine.alarms.get('latency')!.state;
    expect(state).toMatchObject({ value: 'ALARM', transitionedMs: T0 + 30 * SECOND_MS });
    expect(state.reason).toContain(
      '[170.0 (09/11/26 23:59:00), 160.0 (09/11/26 23:58:00), 150.0 (09/11/26 23:57:00)]',
    );
    expect(JSON.parse(state.reasonData!)).toMatchObject({
      queryDate: '2026-11-10T00:00:30.000+0000',
      startDate: '2026-11-09T23:57:00.000+0000',
    });
  });

  it('an update keeps the state and its timestamps, and overwrites the configuration', () => {
    const engine = newEngine();
    publishMinutes(engine, [150, 150, 150]);
    engine.alarms.putMetricAlarm(latencyAlarm('latency'), engine.now());
    minutes(engine, [150, 150, 150, 150, 150]);
    const before = engine.alarms.get('latency')!;
    engine.alarms.putMetricAlarm(latencyAlarm('latency', { description: 'cart latency' }), engine.now());
    const after = engine.alarms.get('latency')!;
    expect(after.state).toEqual(before.state);
    expect(after.state).toMatchObject({ value: 'ALARM', transitionedMs: T0 });
    expect(after.configUpdatedMs).toBe(T0 + 5 * MINUTE_MS);
    expect(after.description).toBe('cart latency');
    expect(transitions(engine, 'latency')).toEqual(['+0 INSUFFICIENT_DATA→ALARM']);
    expect(history(engine, 'latency', 'ConfigurationUpdate').map((h) => h.summary)).toEqual([
      'Alarm "latency" created',
      'Alarm "latency" updated',
    ]);
  });

  it('an update that no longer breaches moves from the kept state, at once', () => {
    const engine = newEngine();
    publishMinutes(engine, [150, 150, 150]);
    engine.alarms.putMetricAlarm(latencyAlarm('latency'), engine.now());
    minutes(engine, [150, 150]);
    engine.alarms.putMetricAlarm(latencyAlarm('latency', { threshold: 200 }), engine.now());
    expect(transitions(engine, 'latency')).toEqual(['+0 INSUFFICIENT_DATA→ALARM', '+2 ALARM→OK']);
    expect(engine.alarms.get('latency')?.state.transitionedMs).toBe(T0 + 2 * MINUTE_MS);
  });
});

describe('SetAlarmState', () => {
  it('changes the state, records it, runs its actions, and the next evaluation restores the evaluated state', () => {
    const engine = newEngine();
    engine.alarms.subscribe(engine.alarms.createTopic('ops').arn, 'app');
    publishMinutes(engine, [150, 150, 150]);
    engine.alarms.putMetricAlarm(latencyAlarm('latency', { alarmActions: [OPS], okActions: [OPS] }), T0);
    engine.putMetricData({
      namespace: 'Shop',
      metricData: [{ metricName: 'Latency', dimensions: CART, timestampMs: T0, value: 150 }],
    });
    engine.setClock({ advanceMs: 30 * SECOND_MS });
    engine.alarms.setAlarmState('latency', 'OK', 'testing the OK action', '{"by":"test"}', engine.now());

    expect(engine.alarms.get('latency')?.state).toMatchObject({
      value: 'OK',
      reason: 'testing the OK action',
      reasonData: '{"by":"test"}',
      updatedMs: T0 + 30 * SECOND_MS,
    });
    const forced = JSON.parse(history(engine, 'latency', 'StateUpdate')[1].data) as StateUpdateData;
    expect(forced.oldState.stateValue).toBe('ALARM');
    expect(forced.newState).toEqual({
      stateValue: 'OK',
      stateReason: 'testing the OK action',
      stateReasonData: { by: 'test' },
    });

    // The 10-second ticks before the minute do not evaluate a one-minute alarm.
    engine.setClock({ advanceMs: 20 * SECOND_MS });
    expect(stateOf(engine, 'latency')).toBe('OK');
    engine.setClock({ advanceMs: 10 * SECOND_MS });
    expect(stateOf(engine, 'latency')).toBe('ALARM');
    expect(transitions(engine, 'latency')).toEqual([
      '+0 INSUFFICIENT_DATA→ALARM',
      '+30s ALARM→OK',
      '+1 OK→ALARM',
    ]);
    expect(history(engine, 'latency', 'Action').map((h) => h.timestampMs - T0)).toEqual([
      0,
      30 * SECOND_MS,
      MINUTE_MS,
    ]);
    expect(
      engine.alarms
        .notificationsSince(T0)
        .map((n) => `${n.oldState}→${n.newState}`)
        .reverse(),
    ).toEqual(['INSUFFICIENT_DATA→ALARM', 'ALARM→OK', 'OK→ALARM']);
  });

  it('an unknown alarm changes nothing', () => {
    const engine = newEngine();
    engine.alarms.setAlarmState('nope', 'ALARM', 'testing', undefined, T0);
    expect(engine.alarms.list()).toEqual([]);
    expect(engine.alarms.historyItems()).toEqual([]);
  });
});

describe('composite alarms', () => {
  it('re-evaluate when a child changes, also through a composite of composites, and stay put otherwise', () => {
    const engine = newEngine();
    for (const n of ['a', 'b', 'c']) engine.alarms.putMetricAlarm(idleAlarm(n), T0);
    engine.alarms.putCompositeAlarm(compositeAlarm('both', 'ALARM(a) AND ALARM("b")'), T0);
    engine.alarms.putCompositeAlarm(
      compositeAlarm('top', `ALARM(both) OR ALARM(${alarmArn('c')})`),
      engine.now(),
    );
    const set = (name: string, state: AlarmState) => () =>
      engine.alarms.setAlarmState(name, state, `set ${state}`, undefined, engine.now());
    const wait = (ms: number) => () => engine.setClock({ advanceMs: ms });
    const steps: [string, () => void, Record<string, AlarmState>, string[]][] = [
      // step, action, states after, composite transitions in the step
      [
        'created',
        () => undefined,
        { a: 'INSUFFICIENT_DATA', b: 'INSUFFICIENT_DATA', both: 'OK', top: 'OK' },
        [],
      ],
      ['a → ALARM', set('a', 'ALARM'), { a: 'ALARM', both: 'OK', top: 'OK' }, []],
      [
        'b → ALARM',
        set('b', 'ALARM'),
        { b: 'ALARM', both: 'ALARM', top: 'ALARM' },
        ['both OK→ALARM', 'top OK→ALARM'],
      ],
      ['10 minutes pass', wait(10 * MINUTE_MS), { a: 'ALARM', b: 'ALARM', both: 'ALARM', top: 'ALARM' }, []],
      ['both set to OK', set('both', 'OK'), { both: 'OK', top: 'OK' }, ['both ALARM→OK', 'top ALARM→OK']],
      ['10 more minutes pass', wait(10 * MINUTE_MS), { both: 'OK', top: 'OK' }, []],
      ['c → ALARM', set('c', 'ALARM'), { both: 'OK', top: 'ALARM' }, ['top OK→ALARM']],
      ['b → INSUFFICIENT_DATA', set('b', 'INSUFFICIENT_DATA'), { both: 'OK', top: 'ALARM' }, []],
      ['b → ALARM again', set('b', 'ALARM'), { both: 'ALARM', top: 'ALARM' }, ['both OK→ALARM']],
      ['c → OK', set('c', 'OK'), { both: 'ALARM', top: 'ALARM' }, []],
      ['a → OK', set('a', 'OK'), { both: 'OK', top: 'OK' }, ['both ALARM→OK', 'top ALARM→OK']],
    ];
    const compositeChanges = () =>
      history(engine, undefined, 'StateUpdate')
        .filter((h) => h.alarmType === 'CompositeAlarm')
        .map((h) => {
          const d = JSON.parse(h.data) as StateUpdateData;
          return `${h.alarmName} ${d.oldState.stateValue}→${d.newState.stateValue}`;
        });
    let seen = compositeChanges().length;
    expect(seen).toBe(2);
    for (const [step, act, states, changes] of steps) {
      act();
      const now = compositeChanges();
      expect(now.slice(seen), step).toEqual(changes);
      seen = now.length;
      for (const [name, state] of Object.entries(states))
        expect(stateOf(engine, name), `${step}: ${name}`).toBe(state);
    }
  });

  it('give the creation and the triggering child in their reasons, as CloudWatch does', () => {
    const engine = newEngine();
    for (const n of ['a', 'b']) engine.alarms.putMetricAlarm(idleAlarm(n), T0);
    engine.alarms.putCompositeAlarm(compositeAlarm('both', 'ALARM(a) AND ALARM(b)'), T0);
    expect(engine.alarms.get('both')?.state).toMatchObject({
      value: 'OK',
      reason: `${alarmArn('both')} was created and its alarm rule evaluates to OK`,
    });
    engine.alarms.setAlarmState('a', 'ALARM', 'test', undefined, T0 + 5 * SECOND_MS);
    engine.alarms.setAlarmState('b', 'ALARM', 'test', undefined, T0 + 7 * SECOND_MS);
    const state = engine.alarms.get('both')!.state;
    expect(state.reason).toBe(
      `${alarmArn('b')} transitioned to ALARM at Tuesday 10 November, 2026 00:00:07 UTC`,
    );
    expect(JSON.parse(state.reasonData!)).toEqual({
      triggeringAlarms: [
        { arn: alarmArn('b'), state: { value: 'ALARM', timestamp: '2026-11-10T00:00:07.000+0000' } },
      ],
    });
  });

  it('take no actions while their actions suppressor is in ALARM', () => {
    const engine = newEngine();
    engine.alarms.createTopic('ops');
    for (const n of ['a', 'maintenance']) engine.alarms.putMetricAlarm(idleAlarm(n), T0);
    engine.alarms.putCompositeAlarm(
      compositeAlarm('c', 'ALARM(a)', {
        alarmActions: [OPS],
        okActions: [OPS],
        actionsSuppressor: 'maintenance',
        actionsSuppressorWaitPeriod: 60,
        actionsSuppressorExtensionPeriod: 60,
      }),
      T0,
    );
    const actions = () => history(engine, 'c', 'Action').length;
    // INSUFFICIENT_DATA → OK on creation: a WaitPeriod gives the suppressor 60 s to reach ALARM first.
    expect(actions()).toBe(0);
    expect((engine.alarms.get('c') as CompositeAlarm).actionsSuppressedBy).toBe('WaitPeriod');
    engine.alarms.evaluateDue(T0 + MINUTE_MS);
    expect(actions()).toBe(1);
    engine.alarms.setAlarmState('maintenance', 'ALARM', 'deploying', undefined, T0 + 2 * MINUTE_MS);
    engine.alarms.setAlarmState('a', 'ALARM', 'test', undefined, T0 + 2 * MINUTE_MS);
    expect(stateOf(engine, 'c')).toBe('ALARM');
    expect(actions()).toBe(1);
    expect(engine.alarms.get('c')).toMatchObject({
      actionsSuppressedBy: 'Alarm',
      actionsSuppressedReason: 'Actions suppressed by Alarm',
    });
    // The suppressor leaves ALARM (an ExtensionPeriod starts), then the composite changes to OK, which
    // starts a WaitPeriod in its place (the user guide's examples 3 and 5): the actions come when it ends.
    engine.alarms.setAlarmState('maintenance', 'OK', 'deployed', undefined, T0 + 10 * MINUTE_MS);
    engine.alarms.setAlarmState('a', 'OK', 'test', undefined, T0 + 10 * MINUTE_MS);
    expect(actions()).toBe(1);
    expect((engine.alarms.get('c') as CompositeAlarm).actionsSuppressedBy).toBe('WaitPeriod');
    engine.alarms.evaluateDue(T0 + 12 * MINUTE_MS);
    expect(actions()).toBe(2);
    expect((engine.alarms.get('c') as CompositeAlarm).actionsSuppressedBy).toBeUndefined();
  });

  it('an update of the rule re-evaluates at once, from the kept state', () => {
    const engine = newEngine();
    for (const n of ['a', 'b']) engine.alarms.putMetricAlarm(idleAlarm(n), T0);
    engine.alarms.setAlarmState('a', 'ALARM', 'test', undefined, T0);
    engine.alarms.putCompositeAlarm(compositeAlarm('x', 'ALARM(a) AND ALARM(b)'), T0);
    expect(stateOf(engine, 'x')).toBe('OK');
    engine.alarms.putCompositeAlarm(compositeAlarm('x', 'ALARM(a) OR ALARM(b)'), T0 + MINUTE_MS);
    expect(engine.alarms.get('x')?.state).toMatchObject({
      value: 'ALARM',
      reason: `${alarmArn('x')} was updated and its alarm rule evaluates to ALARM`,
      transitionedMs: T0 + MINUTE_MS,
    });
  });
});

describe('actions', () => {
  const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:restart-cart';
  const MISSING = topicArn('nobody-made-this');
  it.each<[string, boolean, string[], { summary: string; actionState: string }[], number]>([
    // case, ActionsEnabled, AlarmActions, Action history items, notifications delivered
    [
      'an SNS topic',
      true,
      [OPS],
      [{ summary: `Successfully executed action ${OPS}`, actionState: 'Succeeded' }],
      1,
    ],
    ['actions disabled', false, [OPS, LAMBDA], [], 0],
    [
      'a topic that does not exist',
      true,
      [MISSING],
      [
        {
          summary: `Failed to execute action ${MISSING}. Received error: "Resource: ${MISSING} does not exist"`,
          actionState: 'Failed',
        },
      ],
      0,
    ],
    [
      'a topic and a Lambda function',
      true,
      [OPS, LAMBDA],
      [
        { summary: `Successfully executed action ${OPS}`, actionState: 'Succeeded' },
        { summary: `Successfully executed action ${LAMBDA}`, actionState: 'Succeeded' },
      ],
      1,
    ],
  ])('%s', (_case, actionsEnabled, alarmActions, items, delivered) => {
    const engine = newEngine();
    engine.alarms.subscribe(engine.alarms.createTopic('ops').arn, 'app');
    publishMinutes(engine, [150, 150, 150]);
    engine.alarms.putMetricAlarm(latencyAlarm('latency', { actionsEnabled, alarmActions }), T0);
    expect(stateOf(engine, 'latency')).toBe('ALARM');
    expect(
      history(engine, 'latency', 'Action').map((h) => ({
        summary: h.summary,
        actionState: (JSON.parse(h.data) as { actionState: string }).actionState,
      })),
    ).toEqual(items);
    expect(engine.alarms.notificationsSince(0)).toHaveLength(delivered);
  });

  it('DisableAlarmActions silences state changes until EnableAlarmActions', () => {
    const engine = newEngine();
    engine.alarms.subscribe(engine.alarms.createTopic('ops').arn, 'app');
    engine.alarms.putMetricAlarm({ ...idleAlarm('x'), alarmActions: [OPS], okActions: [OPS] }, T0);
    engine.alarms.setActionsEnabled(['x'], false);
    engine.alarms.setAlarmState('x', 'ALARM', 'quiet', undefined, T0);
    expect(history(engine, 'x', 'Action')).toEqual([]);
    engine.alarms.setActionsEnabled(['x'], true);
    engine.alarms.setAlarmState('x', 'OK', 'loud', undefined, T0 + MINUTE_MS);
    expect(history(engine, 'x', 'Action').map((h) => h.summary)).toEqual([
      `Successfully executed action ${OPS}`,
    ]);
    expect(engine.alarms.notificationsSince(0).map((n) => n.newState)).toEqual(['OK']);
  });

  it("a topic's subscribers receive AWS's alarm notification JSON", () => {
    const engine = newEngine();
    const sub = engine.alarms.subscribe(engine.alarms.createTopic('ops').arn, 'app');
    expect(sub?.arn).toMatch(/^arn:aws:sns:us-east-1:123456789012:ops:\d+$/);
    publishMinutes(engine, [150, 160, 170]);
    engine.alarms.putMetricAlarm(
      latencyAlarm('latency', {
        alarmActions: [OPS],
        description: 'Cart is slow',
        treatMissingData: 'notBreaching',
      }),
      T0,
    );
    const [n] = engine.alarms.notificationsSince(T0);
    expect(n).toMatchObject({
      id: 'n-1',
      topicArn: OPS,
      subject: 'ALARM: "latency" in US East (N. Virginia)',
      timestampMs: T0,
      alarmName: 'latency',
      newState: 'ALARM',
      oldState: 'INSUFFICIENT_DATA',
      protocols: ['app'],
    });
    const alarm = engine.alarms.get('latency')!;
    expect(JSON.parse(n.message)).toEqual({
      AlarmName: 'latency',
      AlarmDescription: 'Cart is slow',
      AWSAccountId: '123456789012',
      AlarmConfigurationUpdatedTimestamp: '2026-11-10T00:00:00.000+0000',
      NewStateValue: 'ALARM',
      NewStateReason: alarm.state.reason,
      StateChangeTime: '2026-11-10T00:00:00.000+0000',
      Region: 'US East (N. Virginia)',
      AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:latency',
      OldStateValue: 'INSUFFICIENT_DATA',
      OKActions: [],
      AlarmActions: [OPS],
      InsufficientDataActions: [],
      Trigger: {
        MetricName: 'Latency',
        Namespace: 'Shop',
        StatisticType: 'Statistic',
        Statistic: 'AVERAGE',
        Unit: null,
        Dimensions: [{ value: 'cart', name: 'Service' }],
        Period: 60,
        EvaluationPeriods: 3,
        DatapointsToAlarm: 3,
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 100,
        TreatMissingData: '- TreatMissingData:                    notBreaching',
        EvaluateLowSampleCountPercentile: '',
      },
    });
    expect(alarm.state.reason).toBe(
      'Threshold Crossed: 3 out of the last 3 datapoints [170.0 (09/11/26 23:59:00), 160.0 (09/11/26 23:58:00), 150.0 (09/11/26 23:57:00)] were greater than the threshold (100.0) (minimum 3 datapoints for OK -> ALARM transition).',
    );
    const action = JSON.parse(history(engine, 'latency', 'Action')[0].data) as Record<string, unknown>;
    expect(action).toEqual({
      error: null,
      actionState: 'Succeeded',
      notificationResource: OPS,
      stateUpdateTimestamp: T0,
      publishedMessage: n.message,
    });
  });

  it("a metric math alarm's Trigger gives its period and queries", () => {
    const engine = newEngine();
    engine.alarms.createTopic('ops');
    engine.alarms.putMetricAlarm(
      {
        ...latencyAlarm('math', { alarmActions: [OPS] }),
        namespace: undefined,
        metricName: undefined,
        statistic: undefined,
        periodSeconds: undefined,
        dimensions: [],
        evaluationPeriods: 1,
        treatMissingData: 'breaching',
        metrics: [
          {
            id: 'm1',
            returnData: false,
            metricStat: {
              namespace: 'Shop',
              metricName: 'Latency',
              dimensions: CART,
              periodSeconds: 300,
              stat: 'Sum',
            },
          },
          { id: 'e1', expression: 'm1 / 1000', label: 'seconds', returnData: true },
        ],
      },
      T0,
    );
    expect(stateOf(engine, 'math')).toBe('ALARM');
    const [n] = engine.alarms.notificationsSince(T0);
    const trigger = (JSON.parse(n.message) as { Trigger: Record<string, unknown> }).Trigger;
    expect(trigger).toMatchObject({
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 100,
      TreatMissingData: '- TreatMissingData:                    breaching',
      Metrics: [
        {
          Id: 'm1',
          ReturnData: false,
          MetricStat: {
            Metric: {
              Namespace: 'Shop',
              MetricName: 'Latency',
              Dimensions: [{ value: 'cart', name: 'Service' }],
            },
            Period: 300,
            Stat: 'Sum',
          },
        },
        { Id: 'e1', Label: 'seconds', ReturnData: true, Expression: 'm1 / 1000' },
      ],
    });
  });

  it("a composite alarm's notification carries its rule", () => {
    const engine = newEngine();
    engine.alarms.createTopic('ops');
    engine.alarms.putMetricAlarm(idleAlarm('a'), T0);
    engine.alarms.putCompositeAlarm(compositeAlarm('c', 'ALARM(a)', { alarmActions: [OPS] }), T0);
    engine.alarms.setAlarmState('a', 'ALARM', 'test', undefined, T0 + MINUTE_MS);
    const [n] = engine.alarms.notificationsSince(T0);
    expect(n).toMatchObject({ alarmName: 'c', newState: 'ALARM', oldState: 'OK', protocols: [] });
    expect(JSON.parse(n.message)).toMatchObject({
      AlarmName: 'c',
      AlarmRule: 'ALARM(a)',
      NewStateValue: 'ALARM',
    });
    expect(JSON.parse(n.message)).not.toHaveProperty('Trigger');
  });
});

describe('history', () => {
  it('outlives DeleteAlarms and is dropped after two weeks', () => {
    const engine = newEngine();
    publishMinutes(engine, [150, 150, 150]);
    engine.alarms.putMetricAlarm(latencyAlarm('latency'), T0);
    engine.setClock({ advanceMs: 5 * MINUTE_MS });
    // Under `missing`, fewer than M real datapoints that do not alarm prematurely keep ALARM (spec §a.4.4).
    expect(transitions(engine, 'latency')).toEqual([
      '+0 INSUFFICIENT_DATA→ALARM',
      '+5 ALARM→INSUFFICIENT_DATA',
    ]);
    engine.alarms.deleteAlarms(['latency'], engine.now());
    expect(engine.alarms.get('latency')).toBeUndefined();
    expect(history(engine, 'latency').map((h) => h.type)).toEqual([
      'ConfigurationUpdate',
      'StateUpdate',
      'StateUpdate',
    ]);
    engine.setClock({ now: T0 + 14 * DAY_MS + 2 * MINUTE_MS });
    expect(history(engine, 'latency').map((h) => h.type)).toEqual(['StateUpdate']);
    engine.setClock({ advanceMs: 4 * MINUTE_MS });
    expect(history(engine, 'latency')).toEqual([]);
  });
});

describe('snapshot and restore', () => {
  /** Two topics, a detector, a metric alarm with actions, a composite, and some history. */
  function populated(): Engine {
    const engine = newEngine();
    engine.alarms.subscribe(engine.alarms.createTopic('ops').arn, 'app');
    engine.alarms.subscribe(engine.alarms.createTopic('pager').arn, 'browser');
    engine.alarms.putDetector(
      {
        namespace: 'Shop',
        metricName: 'Latency',
        dimensions: CART,
        stat: 'Average',
        excludedTimeRanges: [{ startMs: T0 - DAY_MS, endMs: T0 - DAY_MS + MINUTE_MS }],
      },
      T0,
    );
    publishMinutes(engine, [150, 150, 150]);
    engine.alarms.putMetricAlarm(latencyAlarm('latency', { alarmActions: [OPS], okActions: [OPS] }), T0);
    engine.alarms.putCompositeAlarm(
      compositeAlarm('service', 'ALARM(latency)', { alarmActions: [topicArn('pager')] }),
      T0,
    );
    minutes(engine, [150, 150]);
    return engine;
  }

  it('round-trips everything, and evaluation continues as if nothing happened', () => {
    const original = populated();
    const saved = original.alarms.snapshot();
    expect(saved.alarms.map((a) => `${a.name} ${a.state.value}`)).toEqual(['latency ALARM', 'service ALARM']);
    expect(saved.notifications).toHaveLength(2);

    // A new engine (as after a reload): the same metric data, the registry from the saved JSON.
    const reloaded = newEngine();
    reloaded.setClock({ now: original.now() });
    publishMinutes(reloaded, [150, 150, 150, 150, 150]);
    reloaded.alarms.restore(JSON.parse(JSON.stringify(saved)) as typeof saved);
    expect(reloaded.alarms.snapshot()).toEqual(saved);

    for (const engine of [original, reloaded]) minutes(engine, [50, 50, 50]);
    expect(reloaded.alarms.snapshot()).toEqual(original.alarms.snapshot());
    expect(transitions(reloaded, 'latency')).toEqual(['+0 INSUFFICIENT_DATA→ALARM', '+3 ALARM→OK']);
    expect(stateOf(reloaded, 'service')).toBe('OK');
    const ids = reloaded.alarms.notificationsSince(0).map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);

    const sub = reloaded.alarms.subscribe(topicArn('pager'), 'app');
    const subs = reloaded.alarms.listTopics().flatMap((t) => t.subscriptions.map((s) => s.arn));
    expect(new Set(subs).size).toBe(subs.length);
    expect(subs).toContain(sub?.arn);
  });

  it('restoring one snapshot twice gives two independent registries', () => {
    const saved = populated().alarms.snapshot();
    const one = newEngine();
    const two = newEngine();
    one.alarms.restore(saved);
    two.alarms.restore(saved);
    one.alarms.setAlarmState('latency', 'OK', 'only here', undefined, T0 + 10 * MINUTE_MS);
    one.alarms.subscribe(topicArn('pager'), 'app');
    expect(stateOf(two, 'latency')).toBe('ALARM');
    expect(two.alarms.listTopics().find((t) => t.name === 'pager')?.subscriptions).toHaveLength(1);
    expect(saved.alarms[0].state.value).toBe('ALARM');
  });

  it('clear() empties everything', () => {
    const engine = populated();
    engine.alarms.clear();
    expect(engine.alarms.snapshot()).toEqual({
      alarms: [],
      history: [],
      topics: [],
      notifications: [],
      detectors: [],
    });
  });
});
