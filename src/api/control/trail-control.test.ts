import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { type CloudTrailRecord, Engine, type TrailQuery } from '../../engine/index.ts';
import { handleApiRequest } from '../router.ts';
import { csvCell } from './trail-control.ts';

const FIXED = Date.parse('2026-11-19T16:00:00Z');
const engine = new Engine({ wallClock: () => FIXED, simulation: false });
let stateChanges = 0;
const ctx = { engine, onStateChange: () => stateChanges++ };

beforeEach(() => {
  engine.reset({ simulation: false });
  engine.setClock({ now: FIXED, paused: true });
  stateChanges = 0;
});

const fixture = (name: string) => readFileSync(new URL(`../cloudtrail/fixtures/${name}`, import.meta.url));

async function call(method: string, path: string, body?: unknown, raw?: Uint8Array<ArrayBuffer>) {
  const res = await handleApiRequest(
    new Request(`http://localhost/_watchtrail/trail/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    }),
    ctx,
  );
  return res;
}
async function callJson(method: string, path: string, body?: unknown, raw?: Uint8Array<ArrayBuffer>) {
  const res = await call(method, path, body, raw);
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
const importFile = (name: string, bytes: Uint8Array<ArrayBuffer>) =>
  callJson('POST', `import?name=${encodeURIComponent(name)}`, undefined, bytes);
const search = async (query: TrailQuery, extra: Record<string, unknown> = {}) =>
  (await callJson('POST', 'search', { query, ...extra })).json as {
    total: number;
    rows: { eventId: string }[];
  };
const exact = (value: string) => [{ match: 'exact' as const, value }];

/** Files copied from public repositories (see fixtures/README.md), with their record counts. */
const FILES: [file: string, records: number, cleanlyImported: boolean][] = [
  ['invictus-218007301253_CloudTrail_us-east-1_20230710T1200Z_iLj9fb7yyUG9X4Bf.json.gz', 394, true],
  ['invictus-218007301253_CloudTrail_us-east-1_20230710T1205Z_UljXNp9xLp8nsAGc.json.gz', 55, true],
  ['invictus-218007301253_CloudTrail_us-east-1_20230710T1230Z_AvIajGd5rkz6vTy4.json.gz', 63, true],
  ['invictus-218007301253_CloudTrail_us-east-1_20230710T1235Z_YbVFCP9AYzJDhHV9.json.gz', 185, true],
  ['invictus-aws_dataset-all-55-files.json.gz', 2900, true],
  ['stratus-red-team-aws-detonation-logs.json.gz', 310, true],
  ['otrf-ec2_proxy_s3_exfiltration_2020-09-14011940.json.gz', 103, true],
  ['trailscraper-111111111111_CloudTrail_eu-central-1_20171211T1505Z_A6kvhMoVeCsc7v8U.json.gz', 2, true],
  ['panther-analysis-cloudtrail-rule-tests.json.gz', 435, false],
];

describe('POST /_watchtrail/trail/import with real log files', () => {
  it.each(FILES)('%s: %i records', async (file, records, clean) => {
    const gz = fixture(file);
    // Gzip as delivered (detected by its magic bytes), and the same file as plain JSON text.
    const { status, json } = await importFile(file, gz);
    expect(status).toBe(200);
    expect(json.file).toBe(file);
    expect((json.imported as number) + (json.rejected as number)).toBe(records);
    if (clean) expect(json.rejected).toBe(0);
    else expect((json.rejections as unknown[]).length).toBeGreaterThan(0);
    expect(engine.trail.size).toBe(json.imported);

    engine.reset({ simulation: false });
    const plain = await importFile(file.replace(/\.gz$/, ''), gunzipSync(gz));
    expect(plain.json.imported).toBe(json.imported);
  });

  it.each<[string, TrailQuery, number]>([
    [
      'invictus-218007301253_CloudTrail_us-east-1_20230710T1230Z_AvIajGd5rkz6vTy4.json.gz',
      { fields: { eventName: exact('ConsoleLogin') } },
      1,
    ],
    [
      'invictus-218007301253_CloudTrail_us-east-1_20230710T1205Z_UljXNp9xLp8nsAGc.json.gz',
      { fields: { eventSource: exact('cloudtrail.amazonaws.com') } },
      7,
    ],
    [
      'invictus-218007301253_CloudTrail_us-east-1_20230710T1205Z_UljXNp9xLp8nsAGc.json.gz',
      { fields: { errorCode: exact('TrailNotFoundException') } },
      2,
    ],
    [
      'invictus-218007301253_CloudTrail_us-east-1_20230710T1205Z_UljXNp9xLp8nsAGc.json.gz',
      { fields: { errorCode: exact('Client.UnauthorizedOperation') } },
      15,
    ],
    ['invictus-aws_dataset-all-55-files.json.gz', { fields: { eventName: exact('ConsoleLogin') } }, 2],
    [
      'invictus-aws_dataset-all-55-files.json.gz',
      { fields: { errorCode: exact('ThrottlingException') } },
      102,
    ],
    [
      'trailscraper-111111111111_CloudTrail_eu-central-1_20171211T1505Z_A6kvhMoVeCsc7v8U.json.gz',
      { fields: { eventSource: exact('autoscaling.amazonaws.com') } },
      1,
    ],
    [
      'trailscraper-111111111111_CloudTrail_eu-central-1_20171211T1505Z_A6kvhMoVeCsc7v8U.json.gz',
      { fields: { region: exact('eu-central-1') } },
      2,
    ],
  ])('%s: %j finds %i', async (file, query, count) => {
    await importFile(file, fixture(file));
    expect((await search(query)).total).toBe(count);
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', 'this is not json', /not JSON/],
    ['JSON but not a log file', '{"events":[]}', /Records/],
    ['gzip that does not decompress', '\u001f\u008bnot really gzip', /gzip/],
    ['empty', '', /empty/],
  ])('refuses a file that is %s with 400 and imports nothing', async (_, text, message) => {
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const { status, json } = await importFile('bad.json', bytes);
    expect(status).toBe(400);
    expect(json.error).toMatch(message);
    expect(engine.trail.size).toBe(0);
  });

  it('is not held to the 1 MB limit of the AWS operations', async () => {
    const records = Array.from({ length: 4000 }, (_, i) => ({
      eventVersion: '1.08',
      eventTime: '2026-11-19T15:00:00Z',
      eventSource: 'ec2.amazonaws.com',
      eventName: 'DescribeInstances',
      eventID: `big-${i}`,
      requestParameters: { padding: 'x'.repeat(300) },
    }));
    const text = JSON.stringify({ Records: records });
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const { status, json } = await importFile('big.json', new TextEncoder().encode(text));
    expect(status).toBe(200);
    expect(json.imported).toBe(4000);
  });
});

interface Sample {
  name: string;
  record: CloudTrailRecord & { insightDetails?: { eventName: string } };
}
const SAMPLES = JSON.parse(fixture('aws-sample-records.json').toString('utf8')) as Sample[];

describe('the AWS documentation sample records', () => {
  it('imports them all (Insights records once the engine reads insightDetails)', async () => {
    const { json } = await importFile(
      'aws-samples.json',
      new TextEncoder().encode(JSON.stringify({ Records: SAMPLES.map((s) => s.record) })),
    );
    const insights = SAMPLES.filter((s) => s.record.eventCategory === 'Insight').length;
    expect(json.imported as number).toBeGreaterThanOrEqual(SAMPLES.length - insights);
  });

  it.each(SAMPLES.filter((s) => s.record.eventCategory !== 'Insight').map((s) => [s.name, s] as const))(
    '%s is found by its event name, user name and event id',
    async (_, sample) => {
      engine.trail.importFile('aws-samples.json', { Records: SAMPLES.map((s) => s.record) });
      const r = sample.record;
      const byName = await search({ fields: { eventName: exact(r.eventName!) } });
      expect(byName.total).toBeGreaterThan(0);
      const user = r.userIdentity?.type === 'Root' ? 'root' : r.userIdentity?.userName;
      if (user) {
        const both = await search({ fields: { eventName: exact(r.eventName!), username: exact(user) } });
        expect(both.total).toBeGreaterThan(0);
      }
      if (r.eventID) {
        expect(byName.rows.map((x) => x.eventId)).toContain(r.eventID);
        const one = await callJson('GET', `event?id=${encodeURIComponent(r.eventID)}`);
        expect(one.status).toBe(200);
        expect((one.json.record as CloudTrailRecord).eventID).toBe(r.eventID);
      }
    },
  );
});

describe('POST /_watchtrail/trail/search', () => {
  beforeEach(async () => {
    const file = FILES[1][0];
    await importFile(file, fixture(file));
  });

  it('pages newest first with the total, facets and the engine time', async () => {
    const { status, json } = await callJson('POST', 'search', {
      query: {},
      offset: 5,
      limit: 10,
      facets: ['eventSource', 'errorCode'],
      facetTop: 3,
    });
    expect(status).toBe(200);
    expect(json.total).toBe(55);
    expect(json.now).toBe(FIXED);
    const rows = json.rows as { eventTime: number }[];
    expect(rows).toHaveLength(10);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i - 1].eventTime).toBeGreaterThanOrEqual(rows[i].eventTime);
    const facets = json.facets as { field: string; values: { value: string; count: number }[] }[];
    expect(facets.map((f) => f.field)).toEqual(['eventSource', 'errorCode']);
    expect(facets[0].values[0]).toEqual({ value: 'ec2.amazonaws.com', count: 26 });
    expect(facets[0].values).toHaveLength(3);
  });

  it.each<[string, unknown, RegExp]>([
    ['an unknown field', { query: { fields: { colour: exact('x') } } }, /colour.*not a trail field/],
    [
      'a bad match',
      { query: { fields: { eventName: [{ match: 'regex', value: 'x' }] } } },
      /match must be exact, prefix, contains or glob/,
    ],
    [
      'a term that is not an object',
      { query: { fields: { eventName: ['x'] } } },
      /must be \{ match, value \}/,
    ],
    ['terms that are not a list', { query: { fields: { eventName: 'x' } } }, /must be a list/],
    ['an unknown query member', { query: { start: 1 } }, /query.start/],
    ['a start after the end', { query: { startMs: 2, endMs: 1 } }, /startMs/],
    ['a text time', { query: { startMs: 'yesterday' } }, /epoch milliseconds/],
    ['a limit over 1000', { limit: 1001 }, /"limit" must be an integer from 0 to 1000/],
    ['a negative offset', { offset: -1 }, /"offset"/],
    ['an unknown facet', { facets: ['nope'] }, /nope/],
    ['facetTop over 200', { facets: ['eventName'], facetTop: 201 }, /facetTop/],
    ['facetContains on an unknown field', { facetContains: { nope: 'x' } }, /nope/],
  ])('answers 400 for %s', async (_, body, message) => {
    const { status, json } = await callJson('POST', 'search', body);
    expect(status).toBe(400);
    expect(json.error).toMatch(message);
  });

  it('answers 404 for an unknown event and an unknown route', async () => {
    expect((await callJson('GET', 'event?id=nope')).status).toBe(404);
    expect((await callJson('GET', 'nothing')).status).toBe(404);
  });
});

describe('POST /_watchtrail/trail/export', () => {
  const file = FILES[3][0];
  beforeEach(async () => {
    await importFile(file, fixture(file));
  });

  it('writes CSV with a header, RFC 4180 quoting and no formulas', async () => {
    engine.trail.importFile('tricky.json', {
      Records: [
        {
          eventVersion: '1.08',
          userIdentity: { type: 'IAMUser', userName: '=HYPERLINK("http://x")' },
          eventTime: '2026-11-19T15:00:00Z',
          eventSource: 'iam.amazonaws.com',
          eventName: 'CreateUser',
          eventID: 'tricky',
          requestParameters: { userName: 'a "quoted", name' },
        },
      ],
    });
    const res = await call('POST', 'export', {
      query: { fields: { eventName: exact('CreateUser') } },
      format: 'csv',
    });
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const total = Number(res.headers.get('x-watchtrail-total'));
    const text = await res.text();
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Event ID,Event time,User name,Event name,Event source,Resource type,Resource name,AWS access key,Source IP address,AWS region,Read-only,Error code,Event category,Identity type,Origin',
    );
    expect(lines).toHaveLength(total + 1);
    expect(lines[1]).toContain(`tricky,2026-11-19T15:00:00.000Z,"'=HYPERLINK(""http://x"")",CreateUser`);
    expect(lines[1]).toContain('"a ""quoted"", name"');
  });

  it.each<[string, string]>([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['plain', 'plain'],
  ])('csvCell(%j) = %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('gives JSON chunks that reassemble into a log file that re-imports to the same records', async () => {
    const query = {};
    const total = engine.trail.size;
    const chunks: string[] = [];
    for (let offset = 0; offset < total; offset += 40) {
      const res = await call('POST', 'export', { query, format: 'json', offset, limit: 40 });
      expect(Number(res.headers.get('x-watchtrail-total'))).toBe(total);
      chunks.push(await res.text());
    }
    const text = `{"Records":[${chunks.join(',\n')}]}`;
    const doc = JSON.parse(text) as { Records: CloudTrailRecord[] };
    expect(doc.Records).toHaveLength(total);

    const whole = await (await call('POST', 'export', { query, format: 'json' })).text();
    expect(JSON.parse(whole)).toEqual(doc);

    const original = JSON.parse(gunzipSync(fixture(file)).toString('utf8')) as {
      Records: CloudTrailRecord[];
    };
    const byId = (records: CloudTrailRecord[]) =>
      Object.fromEntries(records.map((r) => [r.eventID, r] as const));
    expect(byId(doc.Records)).toEqual(byId(original.Records));

    const again = new Engine({ wallClock: () => FIXED, simulation: false });
    const report = again.trail.importFile('re-import.json', doc);
    expect(report.imported).toBe(total);
    // The same summaries (events with equal times may come in another order).
    const sorted = (e: Engine) =>
      e.trail.search({}, 0, total).rows.sort((a, b) => a.eventId.localeCompare(b.eventId));
    expect(sorted(again)).toEqual(sorted(engine));
  });

  it('gives the CSV header only with the first chunk', async () => {
    const first = await (
      await call('POST', 'export', { query: {}, format: 'csv', offset: 0, limit: 2 })
    ).text();
    const next = await (
      await call('POST', 'export', { query: {}, format: 'csv', offset: 2, limit: 2 })
    ).text();
    expect(first.split('\r\n')[0]).toMatch(/^Event ID,/);
    expect(first.trimEnd().split('\r\n')).toHaveLength(3);
    expect(next.trimEnd().split('\r\n')).toHaveLength(2);
    expect(next).not.toMatch(/^Event ID/);
  });

  it.each<[unknown, RegExp]>([
    [{ query: {}, format: 'xml' }, /"format" must be "csv" or "json"/],
    [{ query: {}, format: 'csv', limit: 10_001 }, /"limit"/],
    [{ query: { fields: { x: [] } }, format: 'csv' }, /not a trail field/],
  ])('answers 400 for %j', async (body, message) => {
    const { status, json } = await callJson('POST', 'export', body);
    expect(status).toBe(400);
    expect(json.error).toMatch(message);
  });
});

describe('/_watchtrail/trail/settings', () => {
  it('maps access keys to user names and sets the simulated volume', async () => {
    const got = await callJson('GET', 'settings');
    expect(got.json).toMatchObject({ eventsPerDay: expect.any(Number), size: 0 });
    const set = await callJson('POST', 'settings', {
      identities: [{ accessKeyId: 'AKIDEXAMPLE', userName: 'alice' }],
      eventsPerDay: 1000,
    });
    expect(set.status).toBe(200);
    expect(set.json.eventsPerDay).toBe(1000);
    expect(set.json.identities).toContainEqual({ accessKeyId: 'AKIDEXAMPLE', userName: 'alice' });
    expect(engine.trail.userNameFor('AKIDEXAMPLE')).toBe('alice');
    expect(stateChanges).toBe(1);
  });

  it.each<[unknown, RegExp]>([
    [{ eventsPerDay: 99 }, /eventsPerDay/],
    [{ eventsPerDay: 50_001 }, /eventsPerDay/],
    [{ identities: [{ accessKeyId: 'has space', userName: 'a' }] }, /accessKeyId/],
    [{ identities: [{ accessKeyId: 'A'.repeat(129), userName: 'a' }] }, /accessKeyId/],
    [{ identities: [{ accessKeyId: 'AK', userName: 'bad/name' }] }, /userName/],
    [{ identities: [{ accessKeyId: 'AK', userName: 'x'.repeat(65) }] }, /userName/],
    [
      {
        identities: [
          { accessKeyId: 'AK', userName: 'a' },
          { accessKeyId: 'AK', userName: 'b' },
        ],
      },
      /twice/,
    ],
    [{ identities: 'alice' }, /identities/],
    [{ colour: 'blue' }, /colour/],
  ])('answers 400 for %j', async (body, message) => {
    const { status, json } = await callJson('POST', 'settings', body);
    expect(status).toBe(400);
    expect(json.error).toMatch(message);
    expect(stateChanges).toBe(0);
  });
});
