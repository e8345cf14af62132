import type { MetricId } from '../metrics/identity.ts';
import type { StandardUnit } from '../metrics/units.ts';
import { DAY_MS, HOUR_MS } from '../time.ts';
import {
  BATCH_INSTANCE,
  type Incident,
  type IncidentKind,
  PEAK_TRAFFIC,
  WEB_INSTANCES,
  effect,
  trafficAt,
} from './workload.ts';

/** What a model sees when it computes a level: the seed and the incidents near the queried range. */
export interface ModelContext {
  seed: number;
  /** The incidents that may be active at t (a handful at most). */
  near: (tMs: number) => readonly Incident[];
  /** Requests per minute at t (memoized: a sample asks for it several times). */
  traffic: (tMs: number) => number;
}

/**
 * Traffic drives most simulated metrics: computed once per minute of a UTC day and shared by every
 * series and query of one seed (a bounded cache of recent days).
 */
export class TrafficCache {
  private readonly days = new Map<number, Float64Array>();
  private readonly maxDays: number;

  constructor(maxDays = 64) {
    this.maxDays = maxDays;
  }

  day(seed: number, day: number, near: (t: number) => readonly Incident[]): Float64Array {
    let values = this.days.get(day);
    if (values) return values;
    values = new Float64Array(1440);
    const start = day * DAY_MS;
    for (let m = 0; m < 1440; m++) {
      const t = start + m * 60_000;
      values[m] = trafficAt(seed, t, near(t));
    }
    if (this.days.size >= this.maxDays) this.days.delete(this.days.keys().next().value as number);
    this.days.set(day, values);
    return values;
  }
}

/** Indexes incidents by UTC day, so a sample looks at the few incidents of its own day. */
export function modelContext(
  seed: number,
  incidents: readonly Incident[],
  cache?: TrafficCache,
): ModelContext {
  const byDay = new Map<number, Incident[]>();
  for (const inc of incidents) {
    for (let d = Math.floor(inc.startMs / DAY_MS); d <= Math.floor((inc.endMs - 1) / DAY_MS); d++) {
      const list = byDay.get(d);
      if (list) list.push(inc);
      else byDay.set(d, [inc]);
    }
  }
  const none: Incident[] = [];
  const day = DAY_MS;
  const near = (t: number) => byDay.get(Math.floor(t / day)) ?? none;
  let lastT = NaN;
  let lastTraffic = 0;
  const traffic = (t: number) => {
    if (t !== lastT) {
      lastT = t;
      const minute = t / 60_000;
      if (cache && Number.isInteger(minute)) {
        const d = Math.floor(t / day);
        lastTraffic = cache.day(seed, d, near)[minute - d * 1440];
      } else lastTraffic = trafficAt(seed, t, near(t));
    }
    return lastTraffic;
  };
  return { seed, near, traffic };
}

/**
 * Incidents whose effect shows in a series: those of `kind` that hit `target` (any target when
 * absent). Models read incidents only through these (`strength`) or through traffic (TRAFFIC_SURGE),
 * so a series' `affectedBy` lists what moves it; a test probes every model to hold that.
 */
export interface IncidentEffect {
  kind: IncidentKind;
  target?: string;
}

/** How strongly an incident of the effect's kind and target is under way at t, 0..1. */
const strength = (e: IncidentEffect, ctx: ModelContext, t: number) =>
  effect(ctx.near(t), e.kind, t, e.target);

/** Traffic surges raise every request rate: every series read from ctx.traffic shows them. */
export const TRAFFIC_SURGE: IncidentEffect = { kind: 'traffic-surge' };

/** Whether an incident's effect shows in a series. */
export const incidentAffects = (model: SeriesModel, inc: Incident): boolean =>
  model.affectedBy.some((e) => e.kind === inc.kind && (e.target === undefined || e.target === inc.target));

/**
 * One simulated metric. `level` is its noise-free value at t (NaN: no data at t). A `value` metric
 * reports one datapoint a minute; a `latency` metric reports `volume` requests a minute whose
 * durations are log-normal around the level (the median).
 */
export interface SeriesModel {
  id: MetricId;
  unit: StandardUnit;
  shape: 'value' | 'latency';
  level: (ctx: ModelContext, tMs: number) => number;
  /** The incidents whose effect shows in it (ground truth for tuning alarms on it). */
  affectedBy: readonly IncidentEffect[];
  /** Per-minute noise: a standard deviation, relative to the level when `relativeNoise`. */
  noise: number;
  relativeNoise?: boolean;
  clamp?: readonly [number, number];
  integer?: boolean;
  /** Like Lambda: no datapoint at all in a minute whose value is zero. */
  sparse?: boolean;
  /** For latency metrics: requests per minute, and the log-normal sigma. */
  volume?: (ctx: ModelContext, tMs: number) => number;
  sigma?: number;
}

const dim = (name: string, value: string) => ({ name, value });
const load = (ctx: ModelContext, t: number) => ctx.traffic(t) / PEAK;
// Local copies: hot loops read them per sample.
const DAY = DAY_MS;
const HOUR = HOUR_MS;
const PEAK = PEAK_TRAFFIC;
const hourOf = (t: number) => (((t % DAY) + DAY) % DAY) / HOUR;

export const ALB = 'app/web-alb/50dc6c495c0c9188';
export const ASG = 'web-asg';

function ec2Models(): SeriesModel[] {
  const out: SeriesModel[] = [];
  const instances = [...WEB_INSTANCES, BATCH_INSTANCE];
  instances.forEach((id, k) => {
    const web = k < WEB_INSTANCES.length;
    const share = web ? [0.36, 0.33, 0.31][k] : 0;
    const hot: IncidentEffect = { kind: 'hot-instance', target: id };
    const cpu = (ctx: ModelContext, t: number) => {
      if (!web) {
        const h = hourOf(t);
        return h >= 1 && h < 2.75 ? 82 : 4;
      }
      const base = 6 + 150 * share * load(ctx, t);
      return base + (97 - base) * strength(hot, ctx, t);
    };
    // The batch instance runs on its own schedule: no incident reaches it.
    const cpuAffectedBy = web ? [TRAFFIC_SURGE, hot] : [];
    const dims = [dim('InstanceId', id)];
    out.push(
      {
        id: { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: dims },
        unit: 'Percent',
        shape: 'value',
        level: cpu,
        affectedBy: cpuAffectedBy,
        noise: 2.2,
        clamp: [0, 100],
      },
      {
        id: { namespace: 'AWS/EC2', metricName: 'NetworkIn', dimensions: dims },
        unit: 'Bytes',
        shape: 'value',
        level: (ctx, t) => (web ? share * ctx.traffic(t) * 2_150 : cpu(ctx, t) * 420_000),
        affectedBy: web ? [TRAFFIC_SURGE] : cpuAffectedBy,
        noise: 0.06,
        relativeNoise: true,
        integer: true,
        clamp: [0, Infinity],
      },
      {
        id: { namespace: 'AWS/EC2', metricName: 'NetworkOut', dimensions: dims },
        unit: 'Bytes',
        shape: 'value',
        level: (ctx, t) => (web ? share * ctx.traffic(t) * 31_500 : cpu(ctx, t) * 95_000),
        affectedBy: web ? [TRAFFIC_SURGE] : cpuAffectedBy,
        noise: 0.06,
        relativeNoise: true,
        integer: true,
        clamp: [0, Infinity],
      },
      {
        id: { namespace: 'AWS/EC2', metricName: 'StatusCheckFailed', dimensions: dims },
        unit: 'Count',
        shape: 'value',
        level: () => 0,
        affectedBy: [],
        noise: 0,
      },
    );
  });
  const hotWeb = WEB_INSTANCES.map((id): IncidentEffect => ({ kind: 'hot-instance', target: id }));
  out.push({
    id: {
      namespace: 'AWS/EC2',
      metricName: 'CPUUtilization',
      dimensions: [dim('AutoScalingGroupName', ASG)],
    },
    unit: 'Percent',
    shape: 'value',
    level: (ctx, t) => 6 + 50 * load(ctx, t) + 30 * Math.max(...hotWeb.map((e) => strength(e, ctx, t))),
    affectedBy: [TRAFFIC_SURGE, ...hotWeb],
    noise: 1.2,
    clamp: [0, 100],
  });
  return out;
}

function lambdaModels(): SeriesModel[] {
  const fns: {
    name: string;
    rate: (ctx: ModelContext, t: number) => number;
    /** What moves the rate: traffic, or nothing (a schedule). */
    rateAffectedBy: readonly IncidentEffect[];
    /** Whether a traffic surge can push the rate past the 7,500-a-minute throttle limit. */
    throttles: boolean;
    duration: number;
    errorRate: number;
  }[] = [
    {
      name: 'orders-api',
      rate: (ctx, t) => 0.4 * ctx.traffic(t),
      rateAffectedBy: [TRAFFIC_SURGE],
      throttles: true,
      duration: 118,
      errorRate: 0.0012,
    },
    {
      name: 'image-resize',
      rate: (ctx, t) => 0.045 * ctx.traffic(t),
      rateAffectedBy: [TRAFFIC_SURGE],
      throttles: false,
      duration: 640,
      errorRate: 0.004,
    },
    {
      name: 'nightly-report',
      rate: (_ctx, t) => (hourOf(t) >= 2 && hourOf(t) < 2.25 ? 6 : 0),
      rateAffectedBy: [],
      throttles: false,
      duration: 41_000,
      errorRate: 0.02,
    },
  ];
  const out: SeriesModel[] = [];
  for (const f of fns) {
    const dims = [dim('FunctionName', f.name)];
    // Deploys regress orders-api only.
    const regression: IncidentEffect[] =
      f.name === 'orders-api' ? [{ kind: 'deploy-regression', target: f.name }] : [];
    const deploy = (ctx: ModelContext, t: number) =>
      regression.length > 0 ? strength(regression[0], ctx, t) : 0;
    // Duration grows with load (traffic) for every function.
    const durationAffectedBy = [TRAFFIC_SURGE, ...regression];
    const errors = (ctx: ModelContext, t: number) => f.rate(ctx, t) * (f.errorRate + 0.09 * deploy(ctx, t));
    const duration = (ctx: ModelContext, t: number) =>
      f.duration * (1 + 0.25 * load(ctx, t) + 3.5 * deploy(ctx, t));
    const id = (metricName: string): MetricId => ({ namespace: 'AWS/Lambda', metricName, dimensions: dims });
    out.push(
      {
        id: id('Invocations'),
        unit: 'Count',
        shape: 'value',
        level: f.rate,
        affectedBy: f.rateAffectedBy,
        noise: 0.05,
        relativeNoise: true,
        integer: true,
        sparse: true,
        clamp: [0, Infinity],
      },
      {
        id: id('Errors'),
        unit: 'Count',
        shape: 'value',
        level: (ctx, t) => (f.rate(ctx, t) > 0 ? errors(ctx, t) : NaN),
        affectedBy: [...f.rateAffectedBy, ...regression],
        noise: 0.35,
        relativeNoise: true,
        integer: true,
        clamp: [0, Infinity],
      },
      {
        id: id('Throttles'),
        unit: 'Count',
        shape: 'value',
        level: (ctx, t) => (f.rate(ctx, t) > 0 ? Math.max(0, f.rate(ctx, t) - 7_500) * 0.5 : NaN),
        affectedBy: f.throttles ? f.rateAffectedBy : [],
        noise: 0,
        integer: true,
      },
      {
        id: id('Duration'),
        unit: 'Milliseconds',
        shape: 'latency',
        level: duration,
        affectedBy: durationAffectedBy,
        noise: 0.04,
        volume: f.rate,
        sigma: 0.38,
      },
      {
        id: id('ConcurrentExecutions'),
        unit: 'Count',
        shape: 'value',
        level: (ctx, t) => (f.rate(ctx, t) > 0 ? (f.rate(ctx, t) * duration(ctx, t)) / 60_000 : NaN),
        affectedBy: durationAffectedBy,
        noise: 0.08,
        relativeNoise: true,
        integer: true,
        clamp: [0, Infinity],
      },
    );
  }
  return out;
}

function albModels(): SeriesModel[] {
  const dims = [dim('LoadBalancer', ALB)];
  const id = (metricName: string): MetricId => ({
    namespace: 'AWS/ApplicationELB',
    metricName,
    dimensions: dims,
  });
  const traffic = (ctx: ModelContext, t: number) => ctx.traffic(t);
  // Every deploy regression and database slowdown reaches the load balancer's targets.
  const deployAny: IncidentEffect = { kind: 'deploy-regression' };
  const dbAny: IncidentEffect = { kind: 'db-slowdown' };
  const deploy = (ctx: ModelContext, t: number) => strength(deployAny, ctx, t);
  const db = (ctx: ModelContext, t: number) => strength(dbAny, ctx, t);
  const troubled = [TRAFFIC_SURGE, deployAny, dbAny];
  const errors5xx = (ctx: ModelContext, t: number) =>
    traffic(ctx, t) * (0.0004 + 0.05 * deploy(ctx, t) + 0.01 * db(ctx, t));
  return [
    {
      id: id('RequestCount'),
      unit: 'Count',
      shape: 'value',
      level: traffic,
      affectedBy: [TRAFFIC_SURGE],
      noise: 0.03,
      relativeNoise: true,
      integer: true,
      clamp: [0, Infinity],
    },
    {
      id: id('TargetResponseTime'),
      unit: 'Seconds',
      shape: 'latency',
      level: (ctx, t) => 0.042 * (1 + 0.5 * load(ctx, t)) * (1 + 4 * deploy(ctx, t) + 2.5 * db(ctx, t)),
      affectedBy: troubled,
      noise: 0.05,
      volume: traffic,
      sigma: 0.55,
    },
    {
      id: id('HTTPCode_Target_5XX_Count'),
      unit: 'Count',
      shape: 'value',
      level: errors5xx,
      affectedBy: troubled,
      noise: 0.3,
      relativeNoise: true,
      integer: true,
      clamp: [0, Infinity],
    },
    {
      id: id('HTTPCode_Target_2XX_Count'),
      unit: 'Count',
      shape: 'value',
      level: (ctx, t) => traffic(ctx, t) * 0.985 - errors5xx(ctx, t),
      affectedBy: troubled,
      noise: 0.03,
      relativeNoise: true,
      integer: true,
      clamp: [0, Infinity],
    },
    {
      id: id('HTTPCode_Target_4XX_Count'),
      unit: 'Count',
      shape: 'value',
      level: (ctx, t) => traffic(ctx, t) * 0.012,
      affectedBy: [TRAFFIC_SURGE],
      noise: 0.15,
      relativeNoise: true,
      integer: true,
      clamp: [0, Infinity],
    },
    {
      id: id('ActiveConnectionCount'),
      unit: 'Count',
      shape: 'value',
      level: (ctx, t) => traffic(ctx, t) * 0.21,
      affectedBy: [TRAFFIC_SURGE],
      noise: 0.05,
      relativeNoise: true,
      integer: true,
      clamp: [0, Infinity],
    },
  ];
}

function dynamoModels(): SeriesModel[] {
  const tables = [
    { name: 'orders', read: 0.95, write: 0.22, provisionedRead: 250, provisionedWrite: 60 },
    { name: 'sessions', read: 0.3, write: 0.12, provisionedRead: 100, provisionedWrite: 50 },
  ];
  const out: SeriesModel[] = [];
  for (const tb of tables) {
    const dims = [dim('TableName', tb.name)];
    const id = (metricName: string): MetricId => ({
      namespace: 'AWS/DynamoDB',
      metricName,
      dimensions: dims,
    });
    // Demand in capacity units per second; a surge on this table pushes it past provisioned capacity.
    const surge: IncidentEffect = { kind: 'traffic-surge', target: tb.name };
    const demand = (ctx: ModelContext, t: number) =>
      ((tb.read * ctx.traffic(t)) / 60) * (1 + 0.9 * strength(surge, ctx, t));
    const burst = tb.provisionedRead * 1.15;
    out.push(
      {
        id: id('ConsumedReadCapacityUnits'),
        unit: 'Count',
        shape: 'value',
        level: (ctx, t) => Math.min(demand(ctx, t), burst),
        // Any surge raises traffic (a surge on this table even more).
        affectedBy: [TRAFFIC_SURGE],
        noise: 0.04,
        relativeNoise: true,
        clamp: [0, Infinity],
      },
      {
        id: id('ProvisionedReadCapacityUnits'),
        unit: 'Count',
        shape: 'value',
        level: () => tb.provisionedRead,
        affectedBy: [],
        noise: 0,
      },
      {
        id: id('ConsumedWriteCapacityUnits'),
        unit: 'Count',
        shape: 'value',
        level: (ctx, t) => (tb.write * ctx.traffic(t)) / 60,
        affectedBy: [TRAFFIC_SURGE],
        noise: 0.05,
        relativeNoise: true,
        clamp: [0, Infinity],
      },
      {
        id: id('ProvisionedWriteCapacityUnits'),
        unit: 'Count',
        shape: 'value',
        level: () => tb.provisionedWrite,
        affectedBy: [],
        noise: 0,
      },
      {
        id: id('ReadThrottleEvents'),
        unit: 'Count',
        shape: 'value',
        level: (ctx, t) => Math.max(0, demand(ctx, t) - burst) * 12,
        affectedBy: [TRAFFIC_SURGE],
        noise: 0.2,
        relativeNoise: true,
        integer: true,
        clamp: [0, Infinity],
      },
    );
  }
  return out;
}

function rdsModels(): SeriesModel[] {
  const dims = [dim('DBInstanceIdentifier', 'orders-db')];
  const id = (metricName: string): MetricId => ({ namespace: 'AWS/RDS', metricName, dimensions: dims });
  const slowdown: IncidentEffect = { kind: 'db-slowdown', target: 'orders-db' };
  const slow = (ctx: ModelContext, t: number) => strength(slowdown, ctx, t);
  const loadAndSlowdown = [TRAFFIC_SURGE, slowdown];
  return [
    {
      id: id('CPUUtilization'),
      unit: 'Percent',
      shape: 'value',
      level: (ctx, t) => 12 + 48 * load(ctx, t) + 40 * slow(ctx, t),
      affectedBy: loadAndSlowdown,
      noise: 2,
      clamp: [0, 100],
    },
    {
      id: id('DatabaseConnections'),
      unit: 'Count',
      shape: 'value',
      level: (ctx, t) => 18 + 70 * load(ctx, t) + 60 * slow(ctx, t),
      affectedBy: loadAndSlowdown,
      noise: 3,
      integer: true,
      clamp: [0, Infinity],
    },
    {
      id: id('FreeableMemory'),
      unit: 'Bytes',
      shape: 'value',
      level: (ctx, t) => 6.2e9 - 1.4e9 * load(ctx, t),
      affectedBy: [TRAFFIC_SURGE],
      noise: 4e7,
      integer: true,
      clamp: [0, Infinity],
    },
    {
      id: id('ReadLatency'),
      unit: 'Seconds',
      shape: 'value',
      level: (ctx, t) => 0.0016 * (1 + 0.8 * load(ctx, t)) * (1 + 9 * slow(ctx, t)),
      affectedBy: loadAndSlowdown,
      noise: 0.08,
      relativeNoise: true,
      clamp: [0, Infinity],
    },
    {
      id: id('ReadIOPS'),
      unit: 'Count/Second',
      shape: 'value',
      level: (ctx, t) => 40 + 420 * load(ctx, t) * (1 + 2 * slow(ctx, t)),
      affectedBy: loadAndSlowdown,
      noise: 0.06,
      relativeNoise: true,
      clamp: [0, Infinity],
    },
    {
      id: id('WriteIOPS'),
      unit: 'Count/Second',
      shape: 'value',
      level: (ctx, t) => 25 + 160 * load(ctx, t),
      affectedBy: [TRAFFIC_SURGE],
      noise: 0.06,
      relativeNoise: true,
      clamp: [0, Infinity],
    },
  ];
}

/** Every simulated metric of the demo account. Resource ids do not depend on the seed; behaviour does. */
export const SIMULATED_SERIES: readonly SeriesModel[] = [
  ...ec2Models(),
  ...lambdaModels(),
  ...albModels(),
  ...dynamoModels(),
  ...rdsModels(),
];
