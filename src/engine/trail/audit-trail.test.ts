import { describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS } from '../time.ts';
import { AuditTrail, type TrailDayGenerator } from './audit-trail.ts';
import { SINGLE_FIELDS, type TrailBatch, TrailBatchBuilder } from './batch.ts';
import { formatEventTime } from './derive.ts';
import { summarize } from './import.ts';
import type { CloudTrailRecord, EventSummary, TrailField, TrailQuery, TrailTerm } from './model.ts';

const USERS = ['alice', 'bob', 'deploy-bot', 'carol', 'AutoScaling'];
const EVENTS = [
  'DescribeInstances',
  'RunInstances',
  'TerminateInstances',
  'GetObject',
  'ConsoleLogin',
  'AssumeRole',
];
const SOURCES = ['ec2.amazonaws.com', 's3.amazonaws.com', 'signin.amazonaws.com', 'sts.amazonaws.com'];
const ERRORS = ['', '', '', '', 'AccessDenied', 'Client.UnauthorizedOperation'];
const INSTANCES = ['i-001', 'i-002', 'i-003'];

/** A tiny deterministic generator: `perDay` events spread over the day, every field varying. */
function fakeGenerator(perDay: number): TrailDayGenerator {
  return (seed, day) => {
    const b = new TrailBatchBuilder();
    const records: CloudTrailRecord[] = [];
    let x = (seed * 7919 + day * 104729) >>> 0;
    const next = (n: number) => {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      return x % n;
    };
    for (let i = 0; i < perDay; i++) {
      const t = day * DAY_MS + Math.floor(((i + 0.5) * DAY_MS) / perDay);
      const user = USERS[next(USERS.length)];
      const eventName = EVENTS[next(EVENTS.length)];
      const instances = INSTANCES.filter(() => next(3) === 0);
      const record: CloudTrailRecord = {
        eventVersion: '1.11',
        userIdentity: { type: 'IAMUser', userName: user, accessKeyId: `AKIA${user.toUpperCase()}` },
        eventTime: formatEventTime(t),
        eventSource: SOURCES[next(SOURCES.length)],
        eventName,
        awsRegion: next(4) === 0 ? 'eu-west-1' : 'us-east-1',
        sourceIPAddress: `203.0.113.${next(20)}`,
        readOnly: eventName.startsWith('Describe') || eventName === 'GetObject',
        errorCode: ERRORS[next(ERRORS.length)] || undefined,
        requestParameters: instances.length
          ? { instancesSet: { items: instances.map((instanceId) => ({ instanceId })) } }
          : null,
        eventID: `sim-${day}-${i}`,
        eventCategory: eventName === 'GetObject' ? 'Data' : 'Management',
      };
      records.push(record);
      const s = summarize(record, t, record.eventID!, 'simulated');
      b.add(
        t,
        SINGLE_FIELDS.map((f) => b.dict(f).code(s[f])),
        s.resources.map((r) => b.dict('resourceType').code(r.type)),
        s.resources.map((r) => b.dict('resourceName').code(r.name)),
      );
    }
    const batch: TrailBatch = {
      origin: 'simulated',
      ...b.columns(),
      eventId: (i) => records[i].eventID!,
      record: (i) => records[i],
      findEventId: (id) => {
        const m = /^sim-(\d+)-(\d+)$/.exec(id);
        return m && Number(m[1]) === day && Number(m[2]) < perDay ? Number(m[2]) : -1;
      },
    };
    return batch;
  };
}

function makeTrail(nowMs: number, perDay = 200) {
  const host = { t: nowMs, now: () => host.t, seed: () => 1, simulation: () => true };
  const events: unknown[] = [];
  const trail = new AuditTrail(host, fakeGenerator(perDay), (e) => events.push(e));
  return { host, trail, events };
}

const NOW = Date.parse('2026-11-19T16:00:00Z');

/** Every event, newest first, through the public API. */
function all(trail: AuditTrail): EventSummary[] {
  return trail.search({}, 0, 1e9).rows;
}

function termMatches(term: TrailTerm, v: string): boolean {
  if (term.match === 'exact') return v === term.value;
  if (v === '') return false;
  const l = v.toLowerCase();
  const n = term.value.toLowerCase();
  if (term.match === 'prefix') return l.startsWith(n);
  if (term.match === 'contains') return l.includes(n);
  return new RegExp(`^${n.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 's').test(l);
}

function fieldValues(e: EventSummary, f: TrailField): string[] {
  if (f === 'resourceType') return e.resources.map((r) => r.type);
  if (f === 'resourceName') return e.resources.map((r) => r.name);
  return [e[f]];
}

/** The plain Array.filter answer a query must agree with. */
function naive(events: EventSummary[], q: TrailQuery, ignore?: TrailField): EventSummary[] {
  return events.filter((e) => {
    if (q.startMs !== undefined && e.eventTime < q.startMs) return false;
    if (q.endMs !== undefined && e.eventTime > q.endMs) return false;
    for (const [f, terms] of Object.entries(q.fields ?? {}) as [TrailField, TrailTerm[]][]) {
      if (f === ignore || terms.length === 0) continue;
      const values = fieldValues(e, f);
      if (!terms.some((t) => values.some((v) => termMatches(t, v)))) return false;
    }
    for (const [f, terms] of Object.entries(q.exclude ?? {}) as [TrailField, TrailTerm[]][]) {
      const values = fieldValues(e, f);
      if (terms.some((t) => values.some((v) => termMatches(t, v)))) return false;
    }
    return true;
  });
}

describe('AuditTrail over a simulated day generator', () => {
  it('fills 91 days up to the clock, newest first, and follows the clock', () => {
    const { host, trail } = makeTrail(NOW);
    const rows = all(trail);
    expect(rows.length).toBeGreaterThan(90 * 200);
    expect(rows[0].eventTime).toBeLessThanOrEqual(NOW);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i - 1].eventTime).toBeGreaterThanOrEqual(rows[i].eventTime);
    const before = trail.size;
    host.t += 3 * 60 * MINUTE_MS;
    expect(trail.size).toBeGreaterThan(before);
    expect(all(trail)[0].eventTime).toBeLessThanOrEqual(host.t);
    // Back in time: events after the new now disappear, and come back when the clock returns.
    host.t = NOW;
    expect(trail.size).toBe(before);
  });

  it('generates only the days a query reaches, and a looked-up id its own day', () => {
    const host = { t: NOW, now: () => host.t, seed: () => 1, simulation: () => true };
    const generated: number[] = [];
    const generate = fakeGenerator(200);
    const dayOf = (_seed: number, id: string) => {
      const m = /^sim-(\d+)-/.exec(id);
      return m ? Number(m[1]) & 0xfffff : undefined;
    };
    const trail = new AuditTrail(
      host,
      (seed, day, perDay) => {
        generated.push(day);
        return generate(seed, day, perDay);
      },
      () => undefined,
      dayOf,
    );
    const today = Math.floor(NOW / DAY_MS);
    // Three hours of today: one day made, and the answer is the full answer for that range.
    const recent = trail.search({ startMs: NOW - 3 * 60 * MINUTE_MS, endMs: NOW }, 0, 1000);
    expect(generated).toEqual([today]);
    expect(recent.total).toBeGreaterThan(0);
    // A week back fills the six days before, once.
    trail.search({ startMs: NOW - 7 * DAY_MS, endMs: NOW }, 0, 10);
    expect(generated.sort((a, b) => a - b)).toEqual([...Array(8).keys()].map((k) => today - 7 + k));
    trail.search({ startMs: NOW - 2 * DAY_MS, endMs: NOW }, 0, 10);
    expect(generated).toHaveLength(8);
    // An event of 60 days ago, found by its id alone, and then by a query over its day in time order.
    const old = `sim-${today - 60}-5`;
    expect(trail.event(old)?.summary.eventId).toBe(old);
    expect(generated).toContain(today - 60);
    const all90 = all(trail);
    expect(new Set(generated).size).toBe(91);
    for (let i = 1; i < all90.length; i++)
      expect(all90[i - 1].eventTime).toBeGreaterThanOrEqual(all90[i].eventTime);
    expect(all90.filter((e) => e.eventId === old)).toHaveLength(1);
  });

  it.each<[string, TrailQuery]>([
    [
      'an excluded event name over a time range',
      { startMs: NOW - 3 * DAY_MS, exclude: { eventName: [{ match: 'exact', value: 'GetObject' }] } },
    ],
    [
      'writes without one service',
      {
        fields: { readOnly: [{ match: 'exact', value: 'false' }] },
        exclude: {
          eventSource: [{ match: 'prefix', value: 's3' }],
          username: [{ match: 'exact', value: 'alice' }],
        },
      },
    ],
    [
      'an exclusion that matches nothing',
      { exclude: { eventName: [{ match: 'exact', value: 'NoSuchCall' }] } },
    ],
    ['excluded resource names', { exclude: { resourceName: [{ match: 'exact', value: 'i-002' }] } }],
  ])('leaves out what "exclude" matches: %s', (name, q) => {
    const { trail } = makeTrail(NOW, 120);
    const events = all(trail);
    const expected = naive(events, q).map((e) => e.eventId);
    expect(expected.length).toBeGreaterThan(0);
    expect(trail.search(q, 0, 1e9).rows.map((e) => e.eventId)).toEqual(expected);
    const withoutExclusion = naive(events, { ...q, exclude: undefined }).length;
    if (!name.includes('nothing')) expect(expected.length).toBeLessThan(withoutExclusion);
  });

  it('agrees with a plain filter for combined queries, time bounds and patterns', () => {
    const { trail } = makeTrail(NOW, 120);
    const events = all(trail);
    const t0 = events[events.length - 1].eventTime;
    const queries: TrailQuery[] = [
      { fields: { username: [{ match: 'exact', value: 'alice' }] } },
      { fields: { username: [{ match: 'exact', value: 'Alice' }] } },
      {
        fields: {
          username: [
            { match: 'exact', value: 'alice' },
            { match: 'exact', value: 'bob' },
          ],
          eventName: [{ match: 'prefix', value: 'describe' }],
          readOnly: [{ match: 'exact', value: 'true' }],
        },
      },
      {
        fields: {
          errorCode: [{ match: 'glob', value: '*' }],
          region: [{ match: 'exact', value: 'eu-west-1' }],
        },
      },
      { fields: { errorCode: [{ match: 'exact', value: '' }] } },
      {
        fields: {
          resourceName: [{ match: 'contains', value: '00' }],
          eventSource: [{ match: 'glob', value: 'ec2.*' }],
        },
      },
      {
        fields: {
          resourceType: [{ match: 'exact', value: 'AWS::EC2::Instance' }],
          category: [{ match: 'exact', value: 'Data' }],
        },
      },
      { startMs: t0 + 10 * DAY_MS, endMs: events[5].eventTime },
      { startMs: events[20].eventTime, endMs: events[20].eventTime },
      { startMs: NOW + 1 },
      { fields: { sourceIp: [{ match: 'prefix', value: '203.0.113.1' }] }, startMs: t0 + 50 * DAY_MS },
      { fields: { eventName: [{ match: 'exact', value: 'NoSuchEvent' }] } },
    ];
    for (const q of queries) {
      const expected = naive(events, q);
      const page = trail.search(q, 0, 1e9);
      expect(page.total, JSON.stringify(q)).toBe(expected.length);
      expect(page.rows.map((r) => r.eventId)).toEqual(expected.map((r) => r.eventId));
      const offset = trail.search(q, 7, 5);
      expect(offset.rows.map((r) => r.eventId)).toEqual(expected.slice(7, 12).map((r) => r.eventId));
      // Facets: counts over the selection made by the other fields.
      for (const facet of trail.facets(q, ['username', 'resourceName', 'errorCode'], 100)) {
        const base = naive(events, q, facet.field);
        for (const { value, count } of facet.values) {
          const want = base.filter((e) => fieldValues(e, facet.field).includes(value)).length;
          expect(count, `${facet.field}=${value} for ${JSON.stringify(q)}`).toBe(want);
        }
        const distinct = new Set(base.flatMap((e) => fieldValues(e, facet.field)));
        expect(facet.distinct).toBe(distinct.size);
      }
    }
  });

  it('always lists the selected values in their facet, most frequent first otherwise', () => {
    const { trail } = makeTrail(NOW, 50);
    const q: TrailQuery = { fields: { username: [{ match: 'exact', value: 'carol' }] } };
    const [facet] = trail.facets(q, ['username'], 1);
    expect(facet.values.map((v) => v.value)).toContain('carol');
    const [full] = trail.facets({}, ['username'], 10);
    const counts = full.values.map((v) => v.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const [filtered] = trail.facets({}, ['username'], 10, { username: 'BO' });
    expect(filtered.values.map((v) => v.value)).toEqual(
      ['bob', 'deploy-bot'].filter((u) => filtered.values.some((v) => v.value === u)),
    );
  });

  it('merges imported events into time order, finds them, and rejects bad and duplicate records', () => {
    const { trail, events: emitted } = makeTrail(NOW, 100);
    const before = trail.size;
    const old = Date.parse('2023-07-10T11:54:38Z');
    const doc = {
      Records: [
        {
          eventVersion: '1.08',
          userIdentity: {
            type: 'AssumedRole',
            arn: 'arn:aws:sts::1:assumed-role/Admin/mallory',
            sessionContext: { sessionIssuer: { userName: 'Admin' } },
          },
          eventTime: '2023-07-10T11:54:38Z',
          eventSource: 'ec2.amazonaws.com',
          eventName: 'TerminateInstances',
          requestParameters: { instancesSet: { items: [{ instanceId: 'i-0abc' }] } },
          errorCode: 'Client.UnauthorizedOperation',
          eventID: 'imported-1',
        },
        {
          eventTime: '2026-11-01T10:00:00Z',
          eventSource: 's3.amazonaws.com',
          eventName: 'CreateBucket',
          requestParameters: { bucketName: 'b1' },
        },
        { eventTime: 'redacted', eventSource: 's3.amazonaws.com', eventName: 'X' },
        {
          eventSource: 's3.amazonaws.com',
          eventName: 'Y',
          '@timestamp': '2020-09-14T01:19:40.000Z',
          eventID: 'ls-1',
        },
        { eventTime: '2026-11-01T10:00:00Z', eventName: 'NoSource' },
        42,
        {
          eventTime: '2023-07-10T11:54:38Z',
          eventSource: 'ec2.amazonaws.com',
          eventName: 'RunInstances',
          eventID: 'imported-1',
        },
      ],
    };
    const report = trail.importFile('f.json', doc);
    expect(report.imported).toBe(3);
    expect(report.rejected).toBe(4);
    expect(report.rejections.map((r) => r.index)).toEqual([2, 4, 5, 6]);
    expect(report.warnings.length).toBe(2);
    expect(trail.size).toBe(before + 3);
    expect(emitted).toHaveLength(1);
    const rows = all(trail);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i - 1].eventTime).toBeGreaterThanOrEqual(rows[i].eventTime);
    const found = trail.search({ fields: { username: [{ match: 'exact', value: 'mallory' }] } }, 0, 10).rows;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      eventTime: old,
      role: 'Admin',
      identityType: 'AssumedRole',
      origin: 'imported',
      resources: [{ type: 'AWS::EC2::Instance', name: 'i-0abc' }],
    });
    expect(trail.event('imported-1')?.record.eventName).toBe('TerminateInstances');
    expect(trail.event(rows[3].eventId)?.summary).toEqual(rows[3]);
    // Importing the same file again adds nothing.
    expect(trail.importFile('f.json', doc).imported).toBe(0);
    // Queries still agree with a plain filter after the merge.
    const q: TrailQuery = { fields: { origin: [{ match: 'exact', value: 'imported' }] } };
    expect(trail.search(q, 0, 10).rows.map((r) => r.eventName)).toEqual([
      'CreateBucket',
      'TerminateInstances',
      'Y',
    ]);
    expect(() => trail.importFile('x', { records: [] })).toThrow(/not a CloudTrail log file/);
  });

  it('keeps imports when the simulation is regenerated, and restores persisted files', () => {
    const { host, trail } = makeTrail(NOW, 100);
    const file = {
      Records: [
        {
          eventTime: '2026-10-01T00:00:00Z',
          eventSource: 'iam.amazonaws.com',
          eventName: 'CreateUser',
          eventID: 'u1',
        },
      ],
    };
    const report = trail.importFile('a.json', file);
    trail.applySettings({ eventsPerDay: 300 });
    expect(trail.event('u1')).toBeDefined();
    host.t -= DAY_MS;
    expect(trail.event('u1')).toBeDefined();
    const other = makeTrail(NOW, 100).trail;
    other.restore({
      files: [{ fileId: report.fileId, name: 'a.json', records: report.accepted }],
      apiRecords: [],
    });
    expect(other.event('u1')?.summary.origin).toBe('imported');
  });

  it('records API calls at the clock and maps access keys to user names', () => {
    const { trail, events } = makeTrail(NOW, 100);
    trail.applySettings({ identities: [{ accessKeyId: 'AKIDEXAMPLE', userName: 'alice' }] });
    expect(trail.userNameFor('AKIDEXAMPLE')).toBe('alice');
    expect(trail.userNameFor('ops-laptop')).toBe('ops-laptop');
    const s = trail.appendApiRecord({
      eventVersion: '1.11',
      userIdentity: { type: 'IAMUser', userName: 'alice', accessKeyId: 'AKIDEXAMPLE' },
      eventTime: formatEventTime(NOW),
      eventSource: 'monitoring.amazonaws.com',
      eventName: 'PutMetricAlarm',
      requestParameters: { alarmName: 'cpu-high' },
      eventID: 'api-1',
      readOnly: false,
    });
    expect(s).toMatchObject({
      origin: 'api',
      username: 'alice',
      resources: [{ type: 'AWS::CloudWatch::Alarm', name: 'cpu-high' }],
    });
    expect(all(trail)[0].eventId).toBe('api-1');
    expect(events.at(-1)).toMatchObject({ type: 'trail-recorded' });
  });
});
