import { describe, expect, it } from 'vitest';
import { Engine } from '../engine.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '../time.ts';
import { AlarmData } from './alarm-data.ts';
import { type AlarmState, evaluateAlarm } from './evaluate.ts';
import type { MetricAlarm } from './model.ts';

const T0 = Date.parse('2026-11-10T00:00:00Z');

type MetricConfig = Omit<MetricAlarm, 'type' | 'arn' | 'state' | 'configUpdatedMs'>;

const alarmConfig = (name: string, over: Partial<MetricConfig>): MetricConfig => ({
  name,
  actionsEnabled: true,
  okActions: [],
  alarmActions: [],
  insufficientDataActions: [],
  tags: [],
  dimensions: [],
  evaluationPeriods: 1,
  comparisonOperator: 'GreaterThanThreshold',
  ...over,
});

interface Transition {
  atMs: number;
  to: AlarmState;
}

/** The state changes the live registry recorded for an alarm. */
const liveTransitions = (engine: Engine, name: string): Transition[] =>
  engine.alarms
    .historyItems()
    .filter((h) => h.alarmName === name && h.type === 'StateUpdate')
    .map((h) => ({
      atMs: h.timestampMs,
      to: (JSON.parse(h.data) as { newState: { stateValue: AlarmState } }).newState.stateValue,
    }));

/** `+minutes→STATE` (seconds when not on the minute), relative to `fromMs`. */
const show = (ts: Transition[], fromMs: number): string[] =>
  ts.map(({ atMs, to }) => {
    const s = (atMs - fromMs) / SECOND_MS;
    return `+${s % 60 === 0 ? `${s / 60}m` : `${s}s`} ${to}`;
  });

describe('the scheduler evaluates what evaluating the history directly gives', () => {
  const engine = new Engine({ wallClock: () => T0 });
  const incident = engine
    .incidents(T0 - 14 * DAY_MS, T0)
    .filter((i) => i.kind === 'hot-instance' && i.severity >= 0.8)
    .at(-1);

  it('the simulation has a severe hot-instance incident in the last two weeks', () => {
    expect(incident).toBeDefined();
  });

  it.each<[string, number, number, number]>([
    // case, Period, EvaluationPeriods, DatapointsToAlarm
    ['one-minute periods, 3 of 3', 60, 3, 3],
    ['five-minute periods, 2 of 3', 300, 3, 2],
  ])('CPUUtilization > 75 through the incident, %s', (_case, period, n, m) => {
    const { target, startMs, endMs } = incident!;
    const from = Math.floor((startMs - HOUR_MS) / MINUTE_MS) * MINUTE_MS;
    const until = endMs + HOUR_MS;
    engine.setClock({ now: from });
    const name = `cpu-${target}-${period}`;
    engine.alarms.putMetricAlarm(
      alarmConfig(name, {
        namespace: 'AWS/EC2',
        metricName: 'CPUUtilization',
        dimensions: [{ name: 'InstanceId', value: target }],
        statistic: 'Average',
        periodSeconds: period,
        evaluationPeriods: n,
        datapointsToAlarm: m,
        threshold: 75,
      }),
      engine.now(),
    );
    while (engine.now() < until) engine.setClock({ advanceMs: Math.min(HOUR_MS, until - engine.now()) });
    const live = liveTransitions(engine, name);

    // The same span, evaluated minute by minute from the alarm's configuration and the stored history.
    const alarm = engine.alarms.get(name) as MetricAlarm;
    const data = new AlarmData(engine);
    const direct: Transition[] = [];
    let state: AlarmState = 'INSUFFICIENT_DATA';
    for (let t = from; t <= until; t += MINUTE_MS) {
      const { config, input } = data.evaluationInput(alarm, t);
      const e = evaluateAlarm(config, input, state, t);
      if (e.state !== 'RETAIN' && e.state !== state) {
        direct.push({ atMs: t, to: e.state });
        state = e.state;
      }
    }

    expect(show(live, from)).toEqual(show(direct, from));
    expect(live.some((x) => x.to === 'ALARM' && x.atMs >= startMs && x.atMs <= endMs)).toBe(true);
    expect(live[0]).toEqual({ atMs: from, to: 'OK' });
    expect(live.at(-1)?.to).toBe('OK');
  });
});

describe('alarms are evaluated on their schedules', () => {
  it.each<[string, Partial<MetricConfig>, 1 | 60, number, (number | undefined)[], string[]]>([
    // case, alarm, storage resolution, step, a datapoint (or none) per step, transitions
    [
      'Period 300: every minute, over the last five minutes',
      { periodSeconds: 300 },
      60,
      MINUTE_MS,
      [undefined, undefined, 150, ...new Array<undefined>(17)],
      ['+0m OK', '+3m ALARM', '+18m OK'],
    ],
    [
      'Period 60 on a high-resolution metric: on the minute only',
      { periodSeconds: 60 },
      1,
      10 * SECOND_MS,
      [undefined, undefined, 150, undefined, undefined, undefined, 50, ...new Array<undefined>(5)],
      ['+0m OK', '+1m ALARM', '+2m OK'],
    ],
    [
      'Period 10 on a high-resolution metric, 2 of 2: every 10 seconds',
      { periodSeconds: 10, evaluationPeriods: 2 },
      1,
      10 * SECOND_MS,
      [50, 150, 150, 50, 50, 50],
      ['+0m OK', '+30s ALARM', '+40s OK'],
    ],
    [
      'Period 30, metric math on a high-resolution metric: every 10 seconds',
      {
        metrics: [
          {
            id: 'm1',
            returnData: false,
            metricStat: {
              namespace: 'Shop',
              metricName: 'Latency',
              dimensions: [],
              periodSeconds: 30,
              stat: 'Maximum',
            },
          },
          { id: 'e1', expression: 'm1 * 2', returnData: true },
        ],
      },
      1,
      10 * SECOND_MS,
      [undefined, 60, ...new Array<undefined>(10)],
      ['+0m OK', '+20s ALARM', '+110s OK'],
    ],
  ])('%s', (_case, over, resolution, stepMs, values, expected) => {
    const engine = new Engine({ wallClock: () => T0, simulation: false });
    const single = over.metrics ? {} : { namespace: 'Shop', metricName: 'Latency', statistic: 'Maximum' };
    engine.alarms.putMetricAlarm(
      alarmConfig('latency', { ...single, threshold: 100, treatMissingData: 'notBreaching', ...over }),
      T0,
    );
    for (const value of values) {
      if (value !== undefined)
        engine.putMetricData({
          namespace: 'Shop',
          metricData: [{ metricName: 'Latency', value, storageResolution: resolution }],
        });
      engine.setClock({ advanceMs: stepMs });
    }
    expect(show(liveTransitions(engine, 'latency'), T0)).toEqual(expected);
  });
});
