import { describe, expect, it } from 'vitest';
import type { TrailBatch } from '../../trail/batch.ts';
import { SINGLE_FIELDS } from '../../trail/batch.ts';
import type { CloudTrailRecord, TrailResource } from '../../trail/model.ts';
import { DAY_MS } from '../../time.ts';
import { incidentsBetween } from '../workload.ts';
import { DEFAULT_EVENTS_PER_DAY, simulateTrailDay } from './index.ts';
import { simulatedResources } from './resources.ts';
import { launchedInstanceId } from './schedule.ts';

const NOW = Date.parse('2026-11-19T16:00:00Z');
const TODAY = Math.floor(NOW / DAY_MS);
const value = (b: TrailBatch, f: (typeof SINGLE_FIELDS)[number], i: number) =>
  b.fields[f].dict[b.fields[f].codes[i]];
const resourcesOf = (b: TrailBatch, i: number): TrailResource[] => {
  const out: TrailResource[] = [];
  for (let k = b.resStart[i]; k < b.resStart[i + 1]; k++)
    out.push({ type: b.resType.dict[b.resType.codes[k]], name: b.resName.dict[b.resName.codes[k]] });
  return out;
};

/** The summary fields as the store derives them from a record (LookupEvents' rules). */
function summaryOf(r: CloudTrailRecord) {
  const id = r.userIdentity ?? {};
  const type = id.type ?? '';
  const username =
    type === 'Root'
      ? 'root'
      : type === 'AssumedRole'
        ? (id.arn ?? '').slice((id.arn ?? '').lastIndexOf('/') + 1)
        : type === 'AWSService'
          ? (id.invokedBy ?? '')
          : (id.userName ?? '');
  return {
    username,
    identityType: type,
    accessKeyId: id.accessKeyId ?? '',
    role: type === 'AssumedRole' ? (id.sessionContext?.sessionIssuer?.userName ?? '') : '',
    eventSource: r.eventSource ?? '',
    eventName: r.eventName ?? '',
    readOnly: r.readOnly === undefined ? '' : String(r.readOnly),
    errorCode: r.errorCode ?? '',
    sourceIp: r.sourceIPAddress ?? '',
    region: r.awsRegion ?? '',
    category: r.eventCategory ?? '',
    origin: 'simulated',
  };
}

function findAll(b: TrailBatch, name: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) if (value(b, 'eventName', i) === name) out.push(i);
  return out;
}

describe('simulateTrailDay', () => {
  const batch = simulateTrailDay(42, TODAY, DEFAULT_EVENTS_PER_DAY);

  it('is a pure function of (seed, day, eventsPerDay)', () => {
    const again = simulateTrailDay(42, TODAY, DEFAULT_EVENTS_PER_DAY);
    expect(again.length).toBe(batch.length);
    expect(Array.from(again.time)).toEqual(Array.from(batch.time));
    for (const f of SINGLE_FIELDS)
      expect(Array.from(again.fields[f].codes)).toEqual(Array.from(batch.fields[f].codes));
    for (const i of [0, 17, 999, batch.length - 1])
      expect(JSON.stringify(again.record(i))).toBe(JSON.stringify(batch.record(i)));
    expect(simulateTrailDay(43, TODAY, DEFAULT_EVENTS_PER_DAY).eventId(0)).not.toBe(batch.eventId(0));
  });

  it('keeps events inside the UTC day, on whole seconds, in ascending time', () => {
    for (const day of [TODAY - 3, TODAY - 2, TODAY - 1, TODAY]) {
      const b = simulateTrailDay(42, day, 2000);
      expect(b.origin).toBe('simulated');
      for (let i = 0; i < b.length; i++) {
        const t = b.time[i];
        expect(t >= day * DAY_MS && t < (day + 1) * DAY_MS && t % 1000 === 0).toBe(true);
        if (i > 0) expect(t >= b.time[i - 1]).toBe(true);
      }
      expect(Date.parse(b.record(b.length - 1).eventTime!)).toBe(b.time[b.length - 1]);
    }
  });

  it.each([
    [100, 0.35],
    [5000, 0.08],
    [50_000, 0.08],
  ])('averages about %i events a day over a week (within %f)', (perDay, tolerance) => {
    let total = 0;
    let weekday = 0;
    let weekend = 0;
    for (let d = TODAY - 7; d < TODAY; d++) {
      const n = simulateTrailDay(42, d, perDay).length;
      total += n;
      if ((d + 4) % 7 === 0 || (d + 4) % 7 === 6) weekend += n / 2;
      else weekday += n / 5;
    }
    expect(Math.abs(total / 7 / perDay - 1)).toBeLessThan(tolerance);
    expect(weekday).toBeGreaterThan(weekend);
  });

  it('puts people in office hours and machines around the clock', () => {
    const hours = new Map<string, Set<number>>();
    for (let i = 0; i < batch.length; i++) {
      const who = value(batch, 'username', i);
      if (!hours.has(who)) hours.set(who, new Set());
      hours.get(who)!.add(new Date(batch.time[i]).getUTCHours());
    }
    expect(Math.min(...hours.get('alice')!)).toBeGreaterThanOrEqual(6);
    expect(hours.get('security-scan')!.size).toBe(24);
    expect(hours.get('i-0a1b2c3d4e5f60001')!.size).toBe(24);
  });
});

describe('records', () => {
  const days = [TODAY - 9, TODAY - 4, TODAY];
  const sample = days.flatMap((day) => {
    const b = simulateTrailDay(42, day, 3000);
    const step = Math.max(1, Math.floor(b.length / 400));
    const picks: number[] = [];
    for (let i = 0; i < b.length; i += step) picks.push(i);
    // Every planned (rare) event too: sign-ins, writes, errors.
    for (let i = 0; i < b.length; i++)
      if (
        value(b, 'readOnly', i) === 'false' ||
        value(b, 'errorCode', i) ||
        value(b, 'eventName', i) === 'AssumeRole'
      )
        picks.push(i);
    return picks.map((i) => [b, i] as const);
  });

  it('carry every field the schema requires and survive a JSON round trip', () => {
    for (const [b, i] of sample) {
      const r = b.record(i);
      for (const f of [
        'eventVersion',
        'userIdentity',
        'eventTime',
        'eventSource',
        'eventName',
        'awsRegion',
        'sourceIPAddress',
        'requestParameters',
        'responseElements',
        'eventID',
        'eventType',
        'eventCategory',
        'recipientAccountId',
        'managementEvent',
      ])
        expect(r, `${r.eventName} lacks ${f}`).toHaveProperty(f);
      expect(['1.10', '1.11']).toContain(r.eventVersion);
      expect(r.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(r.recipientAccountId).toBe('123456789012');
      expect(r.awsRegion).toBe('us-east-1');
      expect(r.eventID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(r.managementEvent).toBe(r.eventCategory === 'Management');
      if (r.eventCategory === 'Data') expect(r.resources?.length).toBeGreaterThan(0);
      if (r.errorCode) expect(r.errorMessage).toBeTruthy();
      expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
    }
  });

  it('agree with the indexed fields the batch carries', () => {
    for (const [b, i] of sample) {
      const r = b.record(i);
      const expected = summaryOf(r);
      for (const f of SINGLE_FIELDS) expect(value(b, f, i), `${f} of ${r.eventName}`).toBe(expected[f]);
      expect(resourcesOf(b, i)).toEqual(simulatedResources(r));
      expect(b.time[i]).toBe(Date.parse(r.eventTime!));
      expect(b.eventId(i)).toBe(r.eventID);
    }
  });

  it('show failed sign-ins as AWS does', () => {
    const logins = days.flatMap((day) => {
      const b = simulateTrailDay(42, day, 3000);
      return findAll(b, 'ConsoleLogin').map((i) => b.record(i));
    });
    expect(logins.length).toBeGreaterThan(0);
    for (const r of logins) {
      expect(r.eventType).toBe('AwsConsoleSignIn');
      expect(r.eventSource).toBe('signin.amazonaws.com');
      const ok = (r.responseElements as { ConsoleLogin: string }).ConsoleLogin;
      expect(ok === 'Success' || ok === 'Failure').toBe(true);
      if (ok === 'Failure') expect(r.errorMessage).toBe('Failed authentication');
      expect((r.additionalEventData as { MFAUsed: string }).MFAUsed).toMatch(/^(Yes|No)$/);
    }
  });
});

describe('event ids', () => {
  const batch = simulateTrailDay(7, TODAY - 1, 2000);

  it('round-trip through findEventId', () => {
    const ids = new Set<string>();
    for (let i = 0; i < batch.length; i++) {
      const id = batch.eventId(i);
      ids.add(id);
      expect(batch.findEventId(id)).toBe(i);
    }
    expect(ids.size).toBe(batch.length);
  });

  it.each([
    ['another day', () => simulateTrailDay(7, TODAY, 2000).eventId(5)],
    ['another seed', () => simulateTrailDay(8, TODAY - 1, 2000).eventId(5)],
    ['one changed digit at the front', () => flip(batch.eventId(5), 0)],
    ['one changed digit in the middle', () => flip(batch.eventId(5), 15)],
    ['one changed digit at the end', () => flip(batch.eventId(5), 35)],
    ['upper case', () => batch.eventId(5).toUpperCase()],
    ['a truncated id', () => batch.eventId(5).slice(0, 35)],
    ['not an id', () => 'hello'],
    ['an index past the end', () => simulateTrailDay(7, TODAY - 1, 4000).eventId(batch.length + 10)],
  ])('reject %s', (_name, make) => {
    expect(batch.findEventId(make())).toBe(-1);
  });
});

function flip(id: string, at: number): string {
  const ch = id[at] === '0' ? '1' : '0';
  return id.slice(0, at) + ch + id.slice(at + 1);
}

describe('causality with the metrics simulation (seed 42, two weeks before 2026-11-19T16:00Z)', () => {
  const start = NOW - 14 * DAY_MS;
  const incidents = incidentsBetween(42, start, NOW).filter((inc) => inc.startMs >= start);
  const batches = new Map<number, TrailBatch>();
  const dayBatch = (day: number) => {
    let b = batches.get(day);
    if (!b) batches.set(day, (b = simulateTrailDay(42, day, DEFAULT_EVENTS_PER_DAY)));
    return b;
  };
  /** Events named `name` in [fromMs, toMs], as records. */
  const between = (name: string, fromMs: number, toMs: number) => {
    const out: CloudTrailRecord[] = [];
    for (let d = Math.floor(fromMs / DAY_MS); d <= Math.floor(toMs / DAY_MS); d++) {
      const b = dayBatch(d);
      for (const i of findAll(b, name)) if (b.time[i] >= fromMs && b.time[i] <= toMs) out.push(b.record(i));
    }
    return out;
  };

  it('has incidents of every kind to check', () => {
    const kinds = new Set(incidents.map((i) => i.kind));
    expect(kinds.has('deploy-regression')).toBe(true);
    expect(kinds.has('hot-instance') || kinds.has('traffic-surge')).toBe(true);
  });

  it('deploys the target function at causeAtMs, by deploy-bot, after the pipeline assumed its role', () => {
    for (const inc of incidents.filter((i) => i.kind === 'deploy-regression')) {
      const cause = inc.causeAtMs!;
      const deploys = between('UpdateFunctionCode20150331v2', cause - 999, cause).filter(
        (r) => (r.requestParameters as { functionName: string }).functionName === inc.target,
      );
      expect(deploys, inc.id).toHaveLength(1);
      const d = deploys[0];
      expect(d.userIdentity?.arn).toMatch(/assumed-role\/deploy-pipeline\/deploy-bot$/);
      expect(Date.parse(d.eventTime!)).toBeLessThan(inc.startMs);
      const assumed = between('AssumeRole', cause - 3 * 60_000, cause).filter(
        (r) => (r.requestParameters as { roleSessionName: string }).roleSessionName === 'deploy-bot',
      );
      expect(assumed.length, inc.id).toBeGreaterThan(0);
      const key = (assumed.at(-1)!.responseElements as { credentials: { accessKeyId: string } }).credentials
        .accessKeyId;
      expect(d.userIdentity?.accessKeyId).toBe(key);
    }
  });

  it('has Auto Scaling launch an instance within 10 minutes of a hot instance or a surge, and retire it after', () => {
    for (const inc of incidents.filter((i) => i.kind === 'hot-instance' || i.kind === 'traffic-surge')) {
      const launched = between('RunInstances', inc.startMs, inc.startMs + 10 * 60_000).filter(
        (r) => r.userIdentity?.invokedBy === 'autoscaling.amazonaws.com',
      );
      expect(launched.length, inc.id).toBeGreaterThan(0);
      const id = launchedInstanceId(42, inc.id);
      const items = (launched[0].responseElements as { instancesSet: { items: { instanceId: string }[] } })
        .instancesSet.items;
      expect(items[0].instanceId).toBe(id);
      if (inc.endMs + 30 * 60_000 < NOW) {
        const retired = between('TerminateInstances', inc.endMs, inc.endMs + 30 * 60_000);
        expect(
          retired.some((r) => JSON.stringify(r.requestParameters).includes(id)),
          inc.id,
        ).toBe(true);
      }
    }
  });

  it('has an SRE act on orders-db during every database slowdown', () => {
    // Seed 42 has none in the last two weeks: look four weeks back (three slowdowns, late October).
    const slowdowns = incidentsBetween(42, NOW - 28 * DAY_MS, NOW).filter(
      (i) => i.kind === 'db-slowdown' && i.startMs >= NOW - 28 * DAY_MS,
    );
    expect(slowdowns.length).toBeGreaterThan(0);
    for (const inc of slowdowns) {
      const acts = [
        ...between('RebootDBInstance', inc.startMs, inc.endMs),
        ...between('ModifyDBInstance', inc.startMs, inc.endMs),
      ];
      expect(acts.length, inc.id).toBeGreaterThan(0);
      expect(acts[0].userIdentity?.userName).toBe('carol');
    }
  });
});
