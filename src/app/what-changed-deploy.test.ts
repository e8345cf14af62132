// A simulated deploy heads "What changed before this?" for the ALARM it causes, end to end at the API
// level: seed 42's engine behind msw/node, an alarm on the deployed function created through the SDK,
// the clock run through the incident, the transition read from DescribeAlarmHistory, and the trail
// searched and ranked by the app's own code. (It lives in app/ because it composes the engine's
// transport, lib and the alarms feature, which only app may import together.)
import {
  CloudWatchClient,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  PutMetricAlarmCommand,
} from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alarmResourceNames } from '../features/alarms/model/what-changed-resources.ts';
import { parseStateChange } from '../features/alarms/model/alarm-ranges.ts';
import { rankChanges } from '../lib/audit-events/rank-changes.ts';
import { searchTrailChanges, searchTrailMarkers } from '../lib/audit-events/trail-markers.ts';
import { DEFAULT_MARKER_FILTER } from '../lib/audit-events/audit-marker.ts';
import { createNodeMock } from '../mocks/node.ts';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const BASE = 'http://localhost';

const { engine, server } = createNodeMock({ wallClock: () => NOW, seed: 42 });
const cloudwatch = new CloudWatchClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy' },
  maxAttempts: 1,
});

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  engine.setClock({ now: NOW, paused: true });
});
afterAll(() => {
  server.close();
  cloudwatch.destroy();
});

interface Incident {
  id: string;
  kind: string;
  target: string;
  startMs: number;
  endMs: number;
  causeAtMs?: number;
}

describe('a simulated deploy and the ALARM it causes', () => {
  it('heads the ranked changes before the transition, and shows as a marker before the incident', async () => {
    const res = await fetch(`${BASE}/_watchtrail/incidents?start=${NOW - 30 * 24 * HOUR}&end=${NOW}`);
    const { incidents } = (await res.json()) as { incidents: Incident[] };
    const inc = incidents.find((i) => i.kind === 'deploy-regression' && i.target === 'orders-api');
    expect(inc, 'seed 42 has a deploy regression of orders-api in the last 30 days').toBeDefined();
    if (!inc?.causeAtMs) return;

    // An alarm on the function's errors, created before the deploy; the clock runs through the incident.
    engine.setClock({ now: inc.causeAtMs - 30 * MIN, paused: true });
    await cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: 'orders-api-errors',
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: 'orders-api' }],
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 3,
        DatapointsToAlarm: 2,
        Threshold: 60,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
      }),
    );
    engine.setClock({ now: Math.min(inc.endMs, inc.startMs + 30 * MIN) });

    const history = await cloudwatch.send(
      new DescribeAlarmHistoryCommand({ AlarmName: 'orders-api-errors', HistoryItemType: 'StateUpdate' }),
    );
    const toAlarm = (history.AlarmHistoryItems ?? [])
      .map(parseStateChange)
      .filter((c) => c?.to === 'ALARM')
      .at(-1);
    expect(toAlarm, 'the regression raises the alarm').toBeDefined();
    if (!toAlarm) return;
    expect(toAlarm.atMs).toBeGreaterThan(inc.causeAtMs);

    const { MetricAlarms } = await cloudwatch.send(
      new DescribeAlarmsCommand({ AlarmNames: ['orders-api-errors'] }),
    );
    const resourceNames = alarmResourceNames(MetricAlarms?.[0] ?? {});
    expect(resourceNames).toEqual(['orders-api']);

    // What the alarm detail's "What changed before this?" reads and ranks, for its default hour.
    const { markers } = await searchTrailChanges(
      BASE,
      toAlarm.atMs - HOUR,
      toAlarm.atMs,
      resourceNames,
      false,
    );
    const ranked = rankChanges(markers, toAlarm.atMs, HOUR, resourceNames);
    expect(ranked.length).toBeGreaterThan(1);
    const top = ranked[0];
    expect(top.marker).toMatchObject({
      eventName: 'UpdateFunctionCode20150331v2',
      userName: 'deploy-bot',
      eventSource: 'lambda.amazonaws.com',
    });
    expect(Math.abs(top.marker.timeMs - inc.causeAtMs)).toBeLessThan(1000);
    expect(top.touchesResource).toBe(true);
    // The publish and the alias update of the same deploy are folded into it.
    expect(top.related.map((m) => m.eventName)).toEqual(
      expect.arrayContaining(['PublishVersion20150331', 'UpdateAlias20150331']),
    );

    // On a graph of the hour before the incident, the deploy is a marker.
    const page = await searchTrailMarkers(BASE, inc.startMs - HOUR, inc.startMs, DEFAULT_MARKER_FILTER);
    const deploy = page.markers.find(
      (m) => m.eventName === 'UpdateFunctionCode20150331v2' && m.userName === 'deploy-bot',
    );
    expect(deploy?.timeMs).toBeLessThan(inc.startMs);
    expect(deploy?.summary).toMatch(/^deploy-bot called UpdateFunctionCode20150331v2 on orders-api from /);
  });
});
