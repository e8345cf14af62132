/**
 * The simulated account's audit trail: a deterministic, seeded generator of CloudTrail records, one
 * UTC day at a time. Events are kept as compact columns; the full record is built on demand.
 */
import type { CodedColumn, SingleField, TrailBatch } from '../../trail/batch.ts';
import { SINGLE_FIELDS, TrailBatchBuilder } from '../../trail/batch.ts';
import type { CloudTrailRecord } from '../../trail/model.ts';
import { DAY_MS } from '../../time.ts';
import { hash3, streamId, uniform } from '../random.ts';
import { incidentsBetween } from '../workload.ts';
import { ACTIONS, eventSourceOf } from './actions.ts';
import { ERROR_KINDS, type DayContext, STREAMS } from './activity.ts';
import { DayResources } from './day-resources.ts';
import { ACTORS } from './identities.ts';
import { accessKeyOf, buildRecord, errorCodeOf, sessionStartOf, sourceIpOf } from './record.ts';
import { type PlannedEvent, plannedEvents } from './schedule.ts';

export const DEFAULT_EVENTS_PER_DAY = 5000;

// Hot-loop bindings held locally (module namespace reads are not free in every loader).
const hash = hash3;
const unif = uniform;
const actors = ACTORS;
const PARAM_SESSION = Uint8Array.from(ACTORS, (a) => (a.paramSession ? 1 : 0));
const NO_KEY = Uint8Array.from(ACTORS, (a) =>
  a.type === 'AWSService' || a.username.startsWith('HIDDEN') ? 1 : 0,
);
const SIGN_IN = ACTIONS.findIndex((a) => a.name === 'ConsoleLogin');

const BACKGROUND = streamId('trail-background');
const COUNT = streamId('trail-count');
const ID_STREAM = streamId('trail-event-id');

// Event ids: the last 12 hex digits encode (day, index) under a seed mask; the rest is hashed.
const ODD = 0x2c9277b5;
const INV = (() => {
  let x = ODD;
  for (let k = 0; k < 5; k++) x = Math.imul(x, 2 - Math.imul(ODD, x));
  return x;
})();
const LO_MASK = 0x0fffffff;
const x8 = (h: number) => (h >>> 0).toString(16).padStart(8, '0');

function eventIdOf(seed: number, day: number, i: number): string {
  const lo = (Math.imul(i, ODD) & LO_MASK) ^ (hash3(seed, ID_STREAM, 1) & LO_MASK);
  const hi = (day ^ hash3(seed, ID_STREAM, 2) ^ hash3(seed, ID_STREAM, lo)) & 0xfffff;
  const a = hash3(seed, ID_STREAM + 3, day * 0x10000 + (i >>> 16)) ^ hash3(seed, ID_STREAM + 4, i);
  const b = hash3(seed, ID_STREAM + 5, day) ^ hash3(a, ID_STREAM + 6, i);
  const c = hash3(b, ID_STREAM + 7, i);
  const hb = x8(b);
  const hc = x8(c);
  return `${x8(a)}-${hb.slice(0, 4)}-4${hb.slice(5, 8)}-${'89ab'[c & 3]}${hc.slice(1, 4)}-${hi.toString(16).padStart(5, '0')}${lo.toString(16).padStart(7, '0')}`;
}

/** The (day, index) an event id encodes, or undefined when it is not one of ours. */
function decodeEventId(seed: number, id: string): { day: number; index: number } | undefined {
  if (id.length !== 36) return undefined;
  const hi = parseInt(id.slice(24, 29), 16);
  const lo = parseInt(id.slice(29, 36), 16);
  if (!Number.isInteger(hi) || !Number.isInteger(lo)) return undefined;
  const index = Math.imul(lo ^ (hash3(seed, ID_STREAM, 1) & LO_MASK), INV) & LO_MASK;
  const day = (hi ^ hash3(seed, ID_STREAM, 2) ^ hash3(seed, ID_STREAM, lo)) & 0xfffff;
  return { day, index };
}

/** A day of simulated events: the batch columns plus the compact columns records are built from. */
class SimulatedTrailDay implements TrailBatch {
  readonly origin = 'simulated' as const;
  readonly length: number;
  readonly time: Float64Array;
  readonly fields: Record<SingleField, CodedColumn>;
  readonly resStart: Int32Array;
  readonly resType: CodedColumn;
  readonly resName: CodedColumn;

  constructor(
    private readonly seed: number,
    private readonly day: number,
    builder: TrailBatchBuilder,
    private readonly cols: EventColumns,
    private readonly resources: DayResources,
  ) {
    const c = builder.columns();
    this.length = c.length;
    this.time = c.time;
    this.fields = c.fields;
    this.resStart = c.resStart;
    this.resType = c.resType;
    this.resName = c.resName;
  }

  eventId(i: number): string {
    return eventIdOf(this.seed, this.day, i);
  }

  findEventId(id: string): number {
    const at = decodeEventId(this.seed, id);
    if (!at || at.day !== (this.day & 0xfffff) || at.index >= this.length) return -1;
    return this.eventId(at.index) === id ? at.index : -1;
  }

  record(i: number): CloudTrailRecord {
    const c = this.cols;
    return buildRecord(
      {
        seed: this.seed,
        day: this.day,
        index: i,
        timeMs: this.time[i],
        actor: c.actor[i],
        action: c.action[i],
        res: c.res[i],
        res2: c.res2[i],
        err: c.err[i],
        param: c.param[i],
        eventId: this.eventId(i),
      },
      this.resources,
    );
  }
}

/** Per event: which actor did what to which resources, how it ended, and one scheduled integer. */
class EventColumns {
  actor: Uint8Array;
  action: Uint8Array;
  err: Uint8Array;
  res: Int32Array;
  res2: Int32Array;
  param: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.actor = new Uint8Array(capacity);
    this.action = new Uint8Array(capacity);
    this.err = new Uint8Array(capacity);
    this.res = new Int32Array(capacity);
    this.res2 = new Int32Array(capacity);
    this.param = new Int32Array(capacity);
  }

  push(actor: number, action: number, err: number, res: number, res2: number, param: number): void {
    if (this.length === this.actor.length) this.grow();
    const i = this.length++;
    this.actor[i] = actor;
    this.action[i] = action;
    this.err[i] = err;
    this.res[i] = res;
    this.res2[i] = res2;
    this.param[i] = param;
  }

  private grow() {
    const n = this.actor.length * 2;
    const g = <T extends Uint8Array | Int32Array>(a: T, make: (n: number) => T) => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.actor = g(this.actor, (k) => new Uint8Array(k));
    this.action = g(this.action, (k) => new Uint8Array(k));
    this.err = g(this.err, (k) => new Uint8Array(k));
    this.res = g(this.res, (k) => new Int32Array(k));
    this.res2 = g(this.res2, (k) => new Int32Array(k));
    this.param = g(this.param, (k) => new Int32Array(k));
  }

  trim(): EventColumns {
    const n = this.length;
    this.actor = this.actor.slice(0, n);
    this.action = this.action.slice(0, n);
    this.err = this.err.slice(0, n);
    this.res = this.res.slice(0, n);
    this.res2 = this.res2.slice(0, n);
    this.param = this.param.slice(0, n);
    return this;
  }
}

const F = Object.fromEntries(SINGLE_FIELDS.map((f, i) => [f, i])) as Record<SingleField, number>;

/** Interns each value once per batch and assembles an event's codes. */
class Coder {
  private readonly codes = new Int32Array(SINGLE_FIELDS.length);
  private readonly actorCodes: Int32Array[] = [];
  private readonly actionCodes: Int32Array[] = [];
  private readonly errorCodes = new Map<number, number>();
  private readonly lastSession = new Float64Array(ACTORS.length).fill(NaN);
  private readonly lastKeyCode = new Int32Array(ACTORS.length);
  private readonly resType: number[] = [];
  private readonly resName: number[] = [];
  private readonly bufs = [new Int32Array(0), new Int32Array(1), new Int32Array(2)];
  private readonly nameBufs = [new Int32Array(0), new Int32Array(1), new Int32Array(2)];

  constructor(
    private readonly seed: number,
    private readonly day: number,
    private readonly b: TrailBatchBuilder,
    private readonly resources: DayResources,
  ) {
    this.codes[F.region] = b.dict('region').code('us-east-1');
    this.codes[F.origin] = b.dict('origin').code('simulated');
  }

  add(t: number, actor: number, action: number, err: number, res: number, res2: number, param: number): void {
    const b = this.b;
    let ac = this.actorCodes[actor];
    if (!ac) {
      const a = ACTORS[actor];
      ac = this.actorCodes[actor] = Int32Array.of(
        b.dict('username').code(a.username),
        b.dict('identityType').code(a.type),
        b.dict('role').code(a.role),
        b.dict('sourceIp').code(sourceIpOf(this.seed, actor, this.day)),
      );
    }
    let xc = this.actionCodes[action];
    if (!xc) {
      const x = ACTIONS[action];
      xc = this.actionCodes[action] = Int32Array.of(
        b.dict('eventSource').code(eventSourceOf(x)),
        b.dict('eventName').code(x.name),
        b.dict('readOnly').code(String(x.readOnly)),
        b.dict('category').code(x.data ? 'Data' : 'Management'),
      );
    }
    const codes = this.codes;
    codes[F.username] = ac[0];
    codes[F.identityType] = ac[1];
    codes[F.role] = ac[2];
    codes[F.sourceIp] = ac[3];
    codes[F.eventSource] = xc[0];
    codes[F.eventName] = xc[1];
    codes[F.readOnly] = xc[2];
    codes[F.category] = xc[3];
    codes[F.errorCode] = err === 0 ? 0 : this.errorCode(err, action);
    codes[F.accessKeyId] = this.accessKey(actor, action, t, param);
    if (res < 0 && res2 < 0) {
      b.add(t, codes, this.bufs[0], this.nameBufs[0]);
      return;
    }
    const parent = res >= 0 ? this.resources.list[res].parent : undefined;
    const second = parent ?? res2;
    const n = res >= 0 && second >= 0 ? 2 : 1;
    const types = this.bufs[n];
    const names = this.nameBufs[n];
    this.resource(res >= 0 ? res : second, types, names, 0);
    if (n === 2) this.resource(second, types, names, 1);
    b.add(t, codes, types, names);
  }

  private resource(r: number, types: Int32Array, names: Int32Array, k: number) {
    if (this.resType[r] === undefined) {
      const sr = this.resources.list[r];
      this.resType[r] = this.b.dict('resourceType').code(sr.type);
      this.resName[r] = this.b.dict('resourceName').code(sr.name);
    }
    types[k] = this.resType[r];
    names[k] = this.resName[r];
  }

  private errorCode(err: number, action: number): number {
    const key = err * 256 + action;
    let c = this.errorCodes.get(key);
    if (c === undefined) {
      c = this.b.dict('errorCode').code(errorCodeOf(ERROR_KINDS[err], ACTIONS[action].service));
      this.errorCodes.set(key, c);
    }
    return c;
  }

  /** Events come in time order, so an actor's session rarely changes: remember the last one. */
  private accessKey(actor: number, action: number, t: number, param: number): number {
    if (action === SIGN_IN || NO_KEY[actor]) return 0;
    const a = actors[actor];
    const start = a.accessKey ? 0 : sessionStartOf(a, t, param);
    if (this.lastSession[actor] !== start) {
      this.lastSession[actor] = start;
      this.lastKeyCode[actor] = this.b
        .dict('accessKeyId')
        .code(accessKeyOf(this.seed, actor, ACTIONS[action], t, param));
    }
    return this.lastKeyCode[actor];
  }
}

interface CompiledStream {
  cum: Float64Array;
  /** The first candidate template for each 1/256 of the unit interval. */
  lut: Uint8Array;
  actor: Uint8Array;
  action: Uint8Array;
  pools: Int32Array[];
  errors: { kind: number; p: number }[][];
}

/**
 * All simulated CloudTrail events of one UTC day (`day` = floor(epochMs / DAY_MS)), ascending in
 * time. A pure function of its arguments: any day can be generated on its own, and the output does
 * not depend on the current time. `eventsPerDay` is the weekly average volume.
 */
export function simulateTrailDay(seed: number, day: number, eventsPerDay: number): TrailBatch {
  const dayStart = day * DAY_MS;
  const resources = new DayResources(seed, day);
  const loginSec = new Int32Array(ACTORS.length);
  const planned = plannedEvents(seed, day, resources, loginSec);
  const ctx: DayContext = { seed, day, incidents: incidentsBetween(seed, dayStart, dayStart + DAY_MS) };

  // Minute rates per stream.
  const rates = STREAMS.map(() => new Float64Array(1440));
  const shape = new Float64Array(1440);
  let volume = 0;
  const levels = STREAMS.map((s) => s.level(ctx) * s.share * eventsPerDay);
  for (const l of levels) volume += l;
  const scale = volume > 0 ? Math.max(0.3 * volume, volume - planned.length) / volume : 0;
  STREAMS.forEach((s, k) => {
    if (levels[k] <= 0) return;
    s.shape(ctx, shape);
    let sum = 0;
    for (let m = 0; m < 1440; m++) sum += Math.max(0, shape[m]);
    if (sum <= 0) return;
    const f = (levels[k] * scale) / sum;
    for (let m = 0; m < 1440; m++) rates[k][m] = Math.max(0, shape[m]) * f;
  });
  const compiled: CompiledStream[] = STREAMS.map((s) => {
    const cum = new Float64Array(s.templates.length);
    let acc = 0;
    s.templates.forEach((t, j) => (cum[j] = acc += t.weight));
    for (let j = 0; j < cum.length; j++) cum[j] /= acc;
    const lut = new Uint8Array(256);
    for (let b = 0, j = 0; b < 256; b++) {
      while (j < cum.length - 1 && b / 256 >= cum[j]) j++;
      lut[b] = j;
    }
    return {
      cum,
      lut,
      actor: Uint8Array.from(s.templates.map((t) => t.actor)),
      action: Uint8Array.from(s.templates.map((t) => t.action)),
      pools: s.templates.map((t) => (t.pool ? resources.pool(t.pool) : new Int32Array(0))),
      errors: s.templates.map((t) => t.errors),
    };
  });

  const builder = new TrailBatchBuilder();
  const cols = new EventColumns(Math.ceil(eventsPerDay * 1.6) + planned.length + 16);
  const coder = new Coder(seed, day, builder, resources);
  let next = 0;
  const emit = (
    t: number,
    actor: number,
    action: number,
    err: number,
    res: number,
    res2: number,
    param: number,
  ) => {
    coder.add(t, actor, action, err, res, res2, param);
    cols.push(actor, action, err, res, res2, param);
  };
  const flush = (upTo: number) => {
    for (; next < planned.length && planned[next].t <= upTo; next++) {
      const p: PlannedEvent = planned[next];
      emit(p.t, p.actor, p.action, p.err, p.res, p.res2, p.param);
    }
  };

  const nStreams = STREAMS.length;
  for (let m = 0; m < 1440; m++) {
    let total = 0;
    for (let k = 0; k < nStreams; k++) total += rates[k][m];
    const n = Math.floor(total + unif(seed, COUNT, day * 1440 + m));
    const minuteStart = dayStart + m * 60_000;
    for (let j = 0; j < n; j++) {
      const h1 = hash(seed, BACKGROUND + day, m * 65536 + j);
      const h2 = hash(seed ^ 0x1b873593, BACKGROUND + day, m * 65536 + j);
      const second = Math.floor(((j + (h1 & 0xffff) / 65536) * 60) / n);
      const t = minuteStart + second * 1000;
      flush(t);
      let x = ((h1 >>> 16) / 65536) * total;
      let k = 0;
      while (k < nStreams - 1 && x >= rates[k][m]) {
        x -= rates[k][m];
        k++;
      }
      const s = compiled[k];
      const ut = (h2 & 0xffff) / 65536;
      let tpl = s.lut[(ut * 256) | 0];
      while (tpl < s.cum.length - 1 && ut >= s.cum[tpl]) tpl++;
      const pool = s.pools[tpl];
      const res = pool.length ? pool[(h2 >>> 16) % pool.length] : -1;
      let err = 0;
      const errs = s.errors[tpl];
      if (errs.length) {
        let ue = hash(seed ^ 0x2545f491, BACKGROUND + day, m * 65536 + j) / 4294967296;
        for (const e of errs) {
          if (ue < e.p) {
            err = e.kind;
            break;
          }
          ue -= e.p;
        }
      }
      const actor = s.actor[tpl];
      emit(t, actor, s.action[tpl], err, res, -1, PARAM_SESSION[actor] ? loginSec[actor] : 0);
    }
  }
  flush(Infinity);
  return new SimulatedTrailDay(seed, day, builder, cols.trim(), resources);
}

/**
 * The UTC day (its low 20 bits) a simulated event id encodes, or undefined when the id is not a
 * simulated one: lets the trail find an event's day with one decode instead of one per day.
 */
export function simulatedEventDay(seed: number, id: string): number | undefined {
  return decodeEventId(seed, id)?.day;
}
