import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time.ts';
import { streamId, uniform, valueNoise } from './random.ts';

/** The kinds of trouble the simulation stages. */
export type IncidentKind = 'deploy-regression' | 'hot-instance' | 'traffic-surge' | 'db-slowdown';

/** A labeled incident: ground truth for what the metrics show, and for what caused it. */
export interface Incident {
  id: string;
  kind: IncidentKind;
  startMs: number;
  endMs: number;
  /** The resource the incident hits (an instance id, a function name, a table, a database). */
  target: string;
  /** 0..1: how bad it gets. */
  severity: number;
  summary: string;
  /** A deploy precedes a deploy regression; its time lets the audit trail show who did it. */
  causeAtMs?: number;
}

/** Requests per minute at the busiest hour of an ordinary weekday. */
export const PEAK_TRAFFIC = 12_000;
const PEAK = PEAK_TRAFFIC;

const TRAFFIC_STREAM = streamId('traffic');
const INCIDENT_STREAM = streamId('incidents');

export const WEB_INSTANCES = ['i-0a1b2c3d4e5f60001', 'i-0a1b2c3d4e5f60002', 'i-0a1b2c3d4e5f60003'] as const;
export const BATCH_INSTANCE = 'i-0a1b2c3d4e5f60004';

/**
 * The workload: requests per minute reaching the web tier at time t. Daily curve (quiet at 03:00
 * UTC, busiest at 15:00), weekends at 62 %, a yearly swell, slow drift, and traffic surges.
 */
const DAY = DAY_MS;
const HOUR = HOUR_MS;
const HALF_HOUR = 30 * MINUTE_MS;
const YEAR = 365.25 * DAY_MS;

export function trafficAt(seed: number, tMs: number, incidents: readonly Incident[]): number {
  const hour = (((tMs % DAY) + DAY) % DAY) / HOUR;
  const daily = 0.28 + 0.72 * Math.pow(0.5 - 0.5 * Math.cos((2 * Math.PI * (hour - 3)) / 24), 1.4);
  const dow = (Math.floor(tMs / DAY) + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  const weekly = dow === 0 || dow === 6 ? 0.62 : 1;
  const yearly = 1 + 0.08 * Math.sin((2 * Math.PI * tMs) / YEAR);
  const drift = 1 + 0.07 * valueNoise(seed, TRAFFIC_STREAM, tMs / HALF_HOUR);
  let surge = 1;
  for (const inc of incidents)
    if (inc.kind === 'traffic-surge') surge += inc.severity * 1.6 * intensity(inc, tMs);
  return PEAK * daily * weekly * yearly * drift * surge;
}

const RAMP_UP = 3 * MINUTE_MS;
const RAMP_DOWN = 5 * MINUTE_MS;

/** 0 outside the incident, ramping up over 3 minutes and down over the last 5. */
export function intensity(inc: Incident, tMs: number): number {
  if (tMs < inc.startMs || tMs >= inc.endMs) return 0;
  const up = Math.min(1, (tMs - inc.startMs) / RAMP_UP);
  const down = Math.min(1, (inc.endMs - tMs) / RAMP_DOWN);
  return Math.min(up, down);
}

/** The strongest intensity of incidents of one kind (and target, when given) at t. */
export function effect(
  incidents: readonly Incident[],
  kind: IncidentKind,
  tMs: number,
  target?: string,
): number {
  let e = 0;
  for (const inc of incidents) {
    if (inc.kind !== kind || (target !== undefined && inc.target !== target)) continue;
    const v = inc.severity * intensity(inc, tMs);
    if (v > e) e = v;
  }
  return e;
}

const SUMMARIES: Record<IncidentKind, (target: string) => string> = {
  'deploy-regression': (t) => `A deploy of ${t} slows responses and raises errors`,
  'hot-instance': (t) => `Instance ${t} runs hot (runaway process)`,
  'traffic-surge': () => 'Traffic surge: DynamoDB reads exceed provisioned capacity',
  'db-slowdown': (t) => `Database ${t} slows down (expensive query)`,
};

/** The incidents that start on one UTC day; a pure function of (seed, day). */
export function incidentsOfDay(seed: number, day: number): Incident[] {
  const out: Incident[] = [];
  const dayStart = day * DAY_MS;
  const roll = (k: number) => uniform(seed, INCIDENT_STREAM + k, day);
  const dow = (day + 4) % 7;
  const workday = dow !== 0 && dow !== 6;
  const add = (
    k: number,
    kind: IncidentKind,
    target: string,
    earliestHour: number,
    spanHours: number,
    minMin: number,
    maxMin: number,
  ) => {
    const start = dayStart + Math.floor((earliestHour + roll(k + 1) * spanHours) * 60) * MINUTE_MS;
    const minutes = Math.round(minMin + roll(k + 2) * (maxMin - minMin));
    const inc: Incident = {
      id: `inc-${day}-${k}`,
      kind,
      target,
      startMs: start,
      endMs: start + minutes * MINUTE_MS,
      severity: 0.55 + 0.45 * roll(k + 3),
      summary: SUMMARIES[kind](target),
    };
    if (kind === 'deploy-regression') inc.causeAtMs = start - Math.round(2 + roll(k + 4) * 6) * MINUTE_MS;
    out.push(inc);
  };
  if (roll(0) < (workday ? 0.45 : 0.1)) add(0, 'deploy-regression', 'orders-api', 9, 8, 20, 75);
  if (roll(10) < 0.22) add(10, 'hot-instance', WEB_INSTANCES[Math.floor(roll(15) * 3)], 0, 23, 30, 150);
  if (roll(20) < 0.18) add(20, 'traffic-surge', 'orders', 12, 8, 25, 90);
  if (roll(30) < 0.12) add(30, 'db-slowdown', 'orders-db', 6, 14, 15, 60);
  return out;
}

const dayCache = new Map<string, Incident[]>();

/** incidentsOfDay, memoized (a bounded cache: incidents are a pure function of seed and day). */
function cachedIncidentsOfDay(seed: number, day: number): Incident[] {
  const key = `${seed}:${day}`;
  let list = dayCache.get(key);
  if (!list) {
    if (dayCache.size > 2000) dayCache.clear();
    list = incidentsOfDay(seed, day);
    dayCache.set(key, list);
  }
  return list;
}

/** Every incident overlapping [startMs, endMs), oldest first. */
export function incidentsBetween(seed: number, startMs: number, endMs: number): Incident[] {
  const out: Incident[] = [];
  const first = Math.floor(startMs / DAY_MS) - 1;
  const last = Math.floor((endMs - 1) / DAY_MS);
  for (let d = first; d <= last; d++)
    for (const inc of cachedIncidentsOfDay(seed, d))
      if (inc.endMs > startMs && inc.startMs < endMs) out.push(inc);
  return out.sort((a, b) => a.startMs - b.startMs);
}
