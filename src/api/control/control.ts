import type { Engine, MetricId } from '../../engine/index.ts';
import { DAY_MS, parseAlarmRule, ruleTree } from '../../engine/index.ts';
import { serveAlarmBacktest } from './alarm-backtest.ts';
import { serveTrailControl, TRAIL_PREFIX } from './trail-control.ts';

/** What a host passes to the API: the engine, and a hook to persist state the control calls change. */
export interface ApiContext {
  engine: Engine;
  /** Called after the clock, the simulation or the trail settings changed (the browser host persists them). */
  onStateChange?: () => void;
  /** The caller's address as the host saw it (the Node server's remote address); audit records show it. */
  sourceIp?: string;
}

export const CONTROL_PREFIX = '/_watchtrail/';

class ControlError extends Error {}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function readObject(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ControlError('The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ControlError('The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

function optional<T>(
  body: Record<string, unknown>,
  key: string,
  check: (v: unknown) => v is T,
  expected: string,
): T | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (!check(v)) throw new ControlError(`"${key}" must be ${expected}; got ${JSON.stringify(v)}.`);
  return v;
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isSpeed = (v: unknown): v is number => isFiniteNumber(v) && v > 0 && v <= 100_000;
const isAdvance = (v: unknown): v is number => isFiniteNumber(v) && v >= 0 && v <= 500 * DAY_MS;
const isSeed = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0xffffffff;

const METRIC_SHAPE =
  'JSON {"namespace": string, "metricName": string, "dimensions": [{"name": string, "value": string}]}';

/** One `metric` query parameter of GET /incidents: a metric as JSON. */
function parseMetricParam(text: string): MetricId {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new ControlError(
      `"metric" must be ${METRIC_SHAPE}; got ${JSON.stringify(text)}, which is not JSON.`,
    );
  }
  const o =
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  const dims = o?.dimensions ?? [];
  const isDimension = (d: unknown) =>
    typeof d === 'object' &&
    d !== null &&
    typeof (d as Record<string, unknown>).name === 'string' &&
    typeof (d as Record<string, unknown>).value === 'string';
  if (
    !o ||
    typeof o.namespace !== 'string' ||
    typeof o.metricName !== 'string' ||
    !Array.isArray(dims) ||
    !dims.every(isDimension)
  )
    throw new ControlError(`"metric" must be ${METRIC_SHAPE}; got ${text}.`);
  const dimensions = (dims as { name: string; value: string }[]).map(({ name, value }) => ({ name, value }));
  return { namespace: o.namespace, metricName: o.metricName, dimensions };
}

/**
 * The control endpoints (`/_watchtrail/…`) that drive the engine for tests, scripts and demos:
 * GET/POST clock, POST reset, GET state, GET incidents (`?start&end`, and `&metric=<JSON>` repeated for only the
 * incidents that show in those metrics), POST alarms/backtest, … and the audit trail's `/_watchtrail/trail/…`.
 */
export async function serveControl(request: Request, ctx: ApiContext): Promise<Response> {
  const url = new URL(request.url);
  const route = `${request.method} ${url.pathname.slice(CONTROL_PREFIX.length - 1)}`;
  const { engine } = ctx;
  if (url.pathname.startsWith(TRAIL_PREFIX)) return serveTrailControl(request, ctx);
  try {
    switch (route) {
      case 'GET /clock':
        return json(engine.clockState());
      case 'POST /clock': {
        const body = await readObject(request);
        const now = optional(body, 'now', isFiniteNumber, 'a time in epoch milliseconds');
        const paused = optional(body, 'paused', isBoolean, 'true or false');
        const speed = optional(body, 'speed', isSpeed, 'a number greater than 0 (1, 60, 600, 3600, …)');
        const advanceMs = optional(
          body,
          'advanceMs',
          isAdvance,
          'a number of milliseconds from 0 to 500 days',
        );
        const state = engine.setClock({ now, paused, speed, advanceMs });
        ctx.onStateChange?.();
        return json(state);
      }
      case 'POST /reset': {
        const body = await readObject(request);
        const seed = optional(body, 'seed', isSeed, 'an integer from 0 to 4294967295');
        const simulation = optional(body, 'simulation', isBoolean, 'true or false') ?? true;
        engine.reset({ seed, simulation });
        ctx.onStateChange?.();
        return json({ seed: engine.seed, simulation: engine.simulationEnabled, clock: engine.clockState() });
      }
      case 'GET /state':
        return json({
          seed: engine.seed,
          simulation: engine.simulationEnabled,
          clock: engine.clockState(),
          ...engine.stats(),
        });
      case 'GET /incidents': {
        const now = engine.now();
        const start = Number(url.searchParams.get('start') ?? now - 7 * DAY_MS);
        const end = Number(url.searchParams.get('end') ?? now);
        if (!Number.isFinite(start) || !Number.isFinite(end) || start >= end)
          throw new ControlError('"start" and "end" must be epoch milliseconds with start < end.');
        const metrics = url.searchParams.getAll('metric').map(parseMetricParam);
        return json({ incidents: engine.incidents(start, end, metrics.length > 0 ? metrics : undefined) });
      }
      case 'POST /alarms/backtest': {
        const body = await readObject(request);
        try {
          return json(serveAlarmBacktest(body));
        } catch (e) {
          if (e instanceof RangeError) throw new ControlError(e.message);
          throw e;
        }
      }
      case 'POST /alarm-rule/parse': {
        const body = await readObject(request);
        if (typeof body.rule !== 'string') throw new ControlError('"rule" must be a string.');
        const parsed = parseAlarmRule(body.rule);
        return json(
          parsed.ok
            ? { ok: true, children: parsed.children, tree: ruleTree(parsed.rule) }
            : { ok: false, error: parsed.error },
        );
      }
      case 'GET /topics':
        return json({ topics: engine.alarms.listTopics() });
      case 'POST /topics': {
        const body = await readObject(request);
        const name = body.name;
        if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(name)) {
          throw new ControlError(
            '"name" must be 1 to 256 characters: letters, digits, hyphens and underscores (as SNS topic names).',
          );
        }
        return json(engine.alarms.createTopic(name));
      }
      case 'POST /topics/delete': {
        const body = await readObject(request);
        if (typeof body.arn !== 'string' || !engine.alarms.deleteTopic(body.arn))
          throw new ControlError(`No topic ${JSON.stringify(body.arn)}.`);
        return json({});
      }
      case 'POST /topics/subscribe': {
        const body = await readObject(request);
        if (body.protocol !== 'app' && body.protocol !== 'browser')
          throw new ControlError('"protocol" must be "app" or "browser".');
        const sub =
          typeof body.topicArn === 'string'
            ? engine.alarms.subscribe(body.topicArn, body.protocol)
            : undefined;
        if (!sub) throw new ControlError(`No topic ${JSON.stringify(body.topicArn)}.`);
        return json(sub);
      }
      case 'POST /topics/unsubscribe': {
        const body = await readObject(request);
        if (typeof body.arn !== 'string' || !engine.alarms.unsubscribe(body.arn))
          throw new ControlError(`No subscription ${JSON.stringify(body.arn)}.`);
        return json({});
      }
      case 'GET /notifications': {
        const since = Number(url.searchParams.get('since') ?? 0);
        if (!Number.isFinite(since)) throw new ControlError('"since" must be epoch milliseconds.');
        return json({ notifications: engine.alarms.notificationsSince(since) });
      }
      default:
        return json({ error: `No control endpoint ${request.method} ${url.pathname}.` }, 404);
    }
  } catch (e) {
    if (e instanceof ControlError) return json({ error: e.message }, 400);
    throw e;
  }
}
