import { describe, expect, it } from 'vitest';
import { Engine, type EngineEvent, MINUTE_MS, topicArn } from '../../engine/index.ts';
import { putMetricAlarm } from '../cloudwatch/put-metric-alarm.ts';
import { serveControl } from './control.ts';

const T0 = Date.parse('2026-11-10T00:00:00Z');
const OPS = topicArn('ops');

const newEngine = () => new Engine({ wallClock: () => T0, simulation: false });

/** Calls a control endpoint; a string body is sent as is, anything else as JSON. */
async function control(engine: Engine, method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await serveControl(
    new Request(`http://localhost/_watchtrail/${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    }),
    { engine },
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('topics', () => {
  it('create (idempotent), list, subscribe, unsubscribe, delete', async () => {
    const engine = newEngine();
    const events: EngineEvent['type'][] = [];
    engine.subscribe((e) => events.push(e.type));

    const created = await control(engine, 'POST', 'topics', { name: 'ops' });
    expect(created).toEqual({ status: 200, body: { arn: OPS, name: 'ops', subscriptions: [] } });
    expect(await control(engine, 'POST', 'topics', { name: 'ops' })).toEqual(created);
    await control(engine, 'POST', 'topics', { name: 'alerts_2' });
    expect(events).toEqual(['alarms-changed', 'alarms-changed']);

    const sub = await control(engine, 'POST', 'topics/subscribe', { topicArn: OPS, protocol: 'app' });
    expect(sub.status).toBe(200);
    expect(sub.body).toEqual({
      arn: expect.stringMatching(/^arn:aws:sns:us-east-1:123456789012:ops:\d+$/),
      protocol: 'app',
    });
    expect(await control(engine, 'POST', 'topics/subscribe', { topicArn: OPS, protocol: 'app' })).toEqual(
      sub,
    );
    const browser = await control(engine, 'POST', 'topics/subscribe', { topicArn: OPS, protocol: 'browser' });
    expect(browser.body.arn).not.toBe(sub.body.arn);

    const listed = await control(engine, 'GET', 'topics');
    expect(listed.body).toEqual({
      topics: [
        { arn: topicArn('alerts_2'), name: 'alerts_2', subscriptions: [] },
        { arn: OPS, name: 'ops', subscriptions: [sub.body, browser.body] },
      ],
    });

    expect(await control(engine, 'POST', 'topics/unsubscribe', { arn: sub.body.arn })).toEqual({
      status: 200,
      body: {},
    });
    expect((await control(engine, 'POST', 'topics/unsubscribe', { arn: sub.body.arn })).status).toBe(400);
    expect(engine.alarms.listTopics()[1].subscriptions).toEqual([browser.body]);

    expect(await control(engine, 'POST', 'topics/delete', { arn: OPS })).toEqual({ status: 200, body: {} });
    expect((await control(engine, 'POST', 'topics/delete', { arn: OPS })).status).toBe(400);
    expect((await control(engine, 'GET', 'topics')).body).toEqual({
      topics: [{ arn: topicArn('alerts_2'), name: 'alerts_2', subscriptions: [] }],
    });
  });

  it.each<[string, string, unknown, string]>([
    // case, path, body, text in the error
    ['a topic without a name', 'topics', {}, '"name"'],
    ['a topic name with a space', 'topics', { name: 'on call' }, '"name"'],
    ['a 257-character topic name', 'topics', { name: 'a'.repeat(257) }, '"name"'],
    ['a body that is not JSON', 'topics', '{name:', 'not valid JSON'],
    ['a body that is a list', 'topics', ['ops'], 'JSON object'],
    ['an unknown protocol', 'topics/subscribe', { topicArn: OPS, protocol: 'email' }, '"protocol"'],
    [
      'a subscription to no topic',
      'topics/subscribe',
      { topicArn: topicArn('nope'), protocol: 'app' },
      'No topic',
    ],
    ['a subscription without a topic', 'topics/subscribe', { protocol: 'app' }, 'No topic'],
    ['deleting without an ARN', 'topics/delete', { arn: 42 }, 'No topic'],
    [
      'unsubscribing an unknown subscription',
      'topics/unsubscribe',
      { arn: `${OPS}:00000099` },
      'No subscription',
    ],
    ['parsing without a rule', 'alarm-rule/parse', { text: 'ALARM(a)' }, '"rule" must be a string'],
    ['parsing a rule that is not a string', 'alarm-rule/parse', { rule: 42 }, '"rule" must be a string'],
  ])('POST %s is a 400 with a message', async (_case, path, body, text) => {
    const engine = newEngine();
    engine.alarms.createTopic('ops');
    const res = await control(engine, 'POST', path, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toContain(text);
  });

  it.each<[string, 'GET' | 'POST', string]>([
    ['GET alarm-rule/parse', 'GET', 'alarm-rule/parse'],
    ['GET topics/subscribe', 'GET', 'topics/subscribe'],
    ['POST notifications', 'POST', 'notifications'],
  ])('%s is a 404', async (_case, method, path) => {
    expect((await control(newEngine(), method, path)).status).toBe(404);
  });
});

describe('notifications', () => {
  it('GET notifications gives what topics delivered, newest first, since a time', async () => {
    const engine = newEngine();
    await control(engine, 'POST', 'topics', { name: 'ops' });
    await control(engine, 'POST', 'topics/subscribe', { topicArn: OPS, protocol: 'app' });
    putMetricAlarm(
      {
        AlarmName: 'quiet',
        Namespace: 'Shop',
        MetricName: 'Nothing',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
        OKActions: [OPS],
        AlarmActions: [OPS],
      },
      engine,
    );
    engine.setClock({ advanceMs: 30_000 });
    engine.alarms.setAlarmState('quiet', 'ALARM', 'drill', undefined, engine.now());
    engine.setClock({ advanceMs: 30_000 });

    const all = await control(engine, 'GET', 'notifications');
    expect(all.status).toBe(200);
    const list = all.body.notifications as {
      id: string;
      timestampMs: number;
      newState: string;
      subject: string;
    }[];
    expect(list.map((n) => [n.id, n.timestampMs - T0, n.newState])).toEqual([
      ['n-3', MINUTE_MS, 'OK'],
      ['n-2', 30_000, 'ALARM'],
      ['n-1', 0, 'OK'],
    ]);
    expect(list[1]).toMatchObject({
      topicArn: OPS,
      subject: 'ALARM: "quiet" in US East (N. Virginia)',
      alarmName: 'quiet',
      oldState: 'OK',
      protocols: ['app'],
    });
    expect(JSON.parse((list[1] as unknown as { message: string }).message)).toMatchObject({
      AlarmName: 'quiet',
      NewStateValue: 'ALARM',
      OldStateValue: 'OK',
      NewStateReason: 'drill',
    });

    const since = await control(engine, 'GET', `notifications?since=${T0 + 30_000}`);
    expect((since.body.notifications as { id: string }[]).map((n) => n.id)).toEqual(['n-3', 'n-2']);
    expect((await control(engine, 'GET', `notifications?since=${T0 + MINUTE_MS + 1}`)).body).toEqual({
      notifications: [],
    });
    const bad = await control(engine, 'GET', 'notifications?since=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('"since"');
  });
});

describe('alarm-rule/parse', () => {
  it('gives the children and a tree for a valid rule', async () => {
    const res = await control(newEngine(), 'POST', 'alarm-rule/parse', {
      rule: '(ALARM(cpu) OR ALARM("arn:aws:cloudwatch:us-east-1:123456789012:alarm:disk")) AND NOT OK(deploy)',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ok: true,
      children: ['cpu', 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:disk', 'deploy'],
      tree: {
        kind: 'and',
        label: 'AND',
        children: [
          {
            kind: 'or',
            label: 'OR',
            children: [
              expect.objectContaining({
                kind: 'state',
                state: 'ALARM',
                ref: 'cpu',
                name: 'cpu',
                children: [],
              }),
              expect.objectContaining({
                kind: 'state',
                state: 'ALARM',
                ref: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:disk',
                name: 'disk',
              }),
            ],
          },
          {
            kind: 'not',
            label: 'NOT',
            children: [expect.objectContaining({ kind: 'state', state: 'OK', name: 'deploy' })],
          },
        ],
      },
    });
  });

  it.each<[string, string, number, string]>([
    // case, rule, position of the error, text in its message
    ['an operator at the end', 'ALARM(a) AND', 12, 'position 12'],
    ['two operators in a row', 'ALARM(a) OR AND ALARM(b)', 12, 'position 12'],
    ['an unknown function', 'ALARM(a) OR FIRING(b)', 12, 'position 12'],
    ['a stray parenthesis', 'ALARM(a))', 8, "Unexpected ')' at position 8"],
    ['an empty rule', '', 0, 'AlarmRule is empty'],
  ])('gives the error and its position: %s', async (_case, rule, position, text) => {
    const res = await control(newEngine(), 'POST', 'alarm-rule/parse', { rule });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ok: false,
      error: { message: expect.stringContaining(text), position, length: expect.any(Number) },
    });
  });
});
