import { describe, expect, it } from 'vitest';
import { DAY_MS, Engine, type Incident, type MetricId } from '../../engine/index.ts';
import { serveControl } from './control.ts';

const T0 = Date.parse('2026-11-19T16:00:00Z');
const START = T0 - 60 * DAY_MS;
const engine = new Engine({ wallClock: () => T0 });

const INSTANCE = 'i-0a1b2c3d4e5f60001';
const CPU: MetricId = {
  namespace: 'AWS/EC2',
  metricName: 'CPUUtilization',
  dimensions: [{ name: 'InstanceId', value: INSTANCE }],
};
const DB_LATENCY: MetricId = {
  namespace: 'AWS/RDS',
  metricName: 'ReadLatency',
  dimensions: [{ name: 'DBInstanceIdentifier', value: 'orders-db' }],
};

async function incidents(...metrics: (MetricId | string)[]) {
  const q = new URLSearchParams({ start: String(START), end: String(T0) });
  for (const m of metrics) q.append('metric', typeof m === 'string' ? m : JSON.stringify(m));
  const res = await serveControl(new Request(`http://localhost/_watchtrail/incidents?${q}`), { engine });
  return { status: res.status, body: (await res.json()) as { incidents?: Incident[]; error?: string } };
}

const kinds = (list: readonly Incident[] | undefined) =>
  [...new Set(list?.map((i) => `${i.kind} ${i.target}`))].sort();

describe('GET /_watchtrail/incidents with metric', () => {
  it('without metric: every incident of the range', async () => {
    const { status, body } = await incidents();
    expect(status).toBe(200);
    expect(body.incidents).toEqual(engine.incidents(START, T0));
    expect(new Set(body.incidents?.map((i) => i.kind))).toEqual(
      new Set(['deploy-regression', 'hot-instance', 'traffic-surge', 'db-slowdown']),
    );
  });

  it('an instance’s CPU: its own hot-instance incidents and traffic surges, nothing else', async () => {
    const { status, body } = await incidents(CPU);
    expect(status).toBe(200);
    expect(kinds(body.incidents)).toEqual([`hot-instance ${INSTANCE}`, 'traffic-surge orders']);
    expect(body.incidents).toEqual(engine.incidents(START, T0, [CPU]));
  });

  it('several metrics: the incidents that show in any of them, oldest first, once each', async () => {
    const { body } = await incidents(CPU, DB_LATENCY, CPU);
    expect(kinds(body.incidents)).toEqual([
      'db-slowdown orders-db',
      `hot-instance ${INSTANCE}`,
      'traffic-surge orders',
    ]);
    const starts = body.incidents?.map((i) => i.startMs) ?? [];
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(new Set(body.incidents?.map((i) => i.id)).size).toBe(body.incidents?.length);
  });

  it('dimension order does not matter; extra properties are ignored', async () => {
    const asg = {
      namespace: 'AWS/ApplicationELB',
      metricName: 'HTTPCode_Target_5XX_Count',
      dimensions: [{ name: 'LoadBalancer', value: 'app/web-alb/50dc6c495c0c9188', extra: 1 }],
      label: 'ignored',
    };
    const { status, body } = await incidents(JSON.stringify(asg));
    expect(status).toBe(200);
    expect(kinds(body.incidents)).toEqual([
      'db-slowdown orders-db',
      'deploy-regression orders-api',
      'traffic-surge orders',
    ]);
  });

  it('a metric the simulation does not model shows no incidents', async () => {
    const custom = { namespace: 'Shop', metricName: 'Latency', dimensions: [] };
    expect(await incidents(custom)).toEqual({ status: 200, body: { incidents: [] } });
    // Without dimensions: not the per-instance series either.
    expect((await incidents('{"namespace":"AWS/EC2","metricName":"CPUUtilization"}')).body).toEqual({
      incidents: [],
    });
  });

  it.each<[string, string]>([
    ['not JSON', 'cpu'],
    ['not an object', '["AWS/EC2"]'],
    ['no namespace', '{"metricName":"CPUUtilization","dimensions":[]}'],
    ['a numeric metric name', '{"namespace":"AWS/EC2","metricName":5,"dimensions":[]}'],
    ['dimensions not a list', '{"namespace":"AWS/EC2","metricName":"CPUUtilization","dimensions":{}}'],
    [
      'a dimension without value',
      '{"namespace":"AWS/EC2","metricName":"CPUUtilization","dimensions":[{"name":"InstanceId"}]}',
    ],
  ])('refuses a metric that is %s', async (_case, text) => {
    const { status, body } = await incidents(CPU, text);
    expect(status).toBe(400);
    expect(body.error).toMatch(
      /^"metric" must be JSON \{"namespace": string, "metricName": string, "dimensions": \[\{"name": string, "value": string\}\]\}; got /,
    );
    expect(body.error).toContain(text);
  });
});
