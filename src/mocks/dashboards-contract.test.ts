import { CloudTrailClient, type Event, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import {
  CloudWatchClient,
  DashboardInvalidInputError,
  DashboardNotFoundError,
  DeleteDashboardsCommand,
  GetDashboardCommand,
  InvalidNextToken,
  InvalidParameterValueException,
  ListDashboardsCommand,
  MissingRequiredParameterException,
  PutDashboardCommand,
  paginateListDashboards,
} from '@aws-sdk/client-cloudwatch';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeMock } from './node.ts';

const FIXED = Date.parse('2026-11-19T16:00:00Z');
const ARN = (name: string) => `arn:aws:cloudwatch::123456789012:dashboard/${name}`;
const fixture = (name: string) =>
  readFileSync(new URL(`../test-fixtures/dashboards/${name}`, import.meta.url), 'utf8');

const { engine, server } = createNodeMock({ wallClock: () => FIXED });
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy' };
const cloudwatch = new CloudWatchClient({ region: 'us-east-1', credentials, maxAttempts: 1 });
const trail = new CloudTrailClient({ region: 'us-east-1', credentials, maxAttempts: 1 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  engine.reset({ seed: 42, simulation: true });
  engine.setClock({ now: FIXED, paused: true, speed: 1 });
});
afterAll(() => {
  server.close();
  cloudwatch.destroy();
  trail.destroy();
});

async function failure(p: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('the call succeeded');
}

const put = (DashboardName: string, DashboardBody: string) =>
  cloudwatch.send(new PutDashboardCommand({ DashboardName, DashboardBody }));
const TEXT = (markdown: string) =>
  JSON.stringify({ widgets: [{ type: 'text', x: 0, y: 0, width: 24, height: 2, properties: { markdown } }] });

describe('PutDashboard and GetDashboard through the real CloudWatchClient', () => {
  it('saves a clean body and returns it byte for byte, with the global ARN', async () => {
    // Whitespace, key order and escapes exactly as written: GetDashboard gives back the same string.
    const body = `{ "widgets" : [ {"properties":{"markdown":"# Größe \\u00e9 📈\\n"},"type":"text"} ],\n  "start":"-PT3H" }`;
    const out = await put('ops-main', body);
    expect(out.DashboardValidationMessages).toEqual([]);
    const got = await cloudwatch.send(new GetDashboardCommand({ DashboardName: 'ops-main' }));
    expect(got).toMatchObject({
      DashboardName: 'ops-main',
      DashboardArn: ARN('ops-main'),
      DashboardBody: body,
    });
  });

  it('saves every real body of the fixtures, unchanged', async () => {
    for (const name of [
      'cmc-facade-typical-usage.json',
      'cdk-integ-alarm-and-dashboard.json',
      'ivs-live-streaming.json',
    ]) {
      const body = fixture(name);
      const dashboard = name.replace(/\.json$/, '');
      await put(dashboard, body);
      const got = await cloudwatch.send(new GetDashboardCommand({ DashboardName: dashboard }));
      expect(got.DashboardBody).toBe(body);
    }
  });

  it('saves a body with warnings only and returns them', async () => {
    const body = JSON.stringify({
      widgets: [{ type: 'text', x: 20, width: 6, properties: { markdown: 'a' } }],
    });
    const out = await put('warned', body);
    expect(out.DashboardValidationMessages).toEqual([
      {
        DataPath: '/widgets/0',
        Message: 'The widget reaches past the 24th column (x + width > 24): it is narrowed to fit',
      },
    ]);
    expect(engine.dashboards.get('warned')?.body).toBe(body);
  });

  it('rejects a body with errors as DashboardInvalidInputError, with the messages, and saves nothing', async () => {
    const body = JSON.stringify({
      widgets: [
        { type: 'metric', x: 0, y: 0, width: 6, height: 6, properties: { title: 'no metrics' } },
        { type: 'text', x: 30, properties: { markdown: 'a' } },
      ],
    });
    const e = await failure(put('broken', body));
    expect(e).toBeInstanceOf(DashboardInvalidInputError);
    const err = e as DashboardInvalidInputError;
    expect(err.$metadata.httpStatusCode).toBe(400);
    const messages = [
      { DataPath: '/widgets/0/properties', Message: "Should have required property 'metrics'" },
      {
        DataPath: '/widgets/0/properties',
        Message: 'The metric widget should have specified a region and a data source or an alarm annotation',
      },
      { DataPath: '/widgets/0/properties', Message: "Should have required property 'annotations'" },
      { DataPath: '/widgets/1/x', Message: 'Should be <= 23' },
    ];
    expect(err.dashboardValidationMessages).toEqual(messages);
    expect(err.message).toBe(
      `The dashboard body is invalid, there are 4 validation errors:\n${JSON.stringify(
        messages.map((m) => ({ dataPath: m.DataPath, message: m.Message })),
        null,
        2,
      )}`,
    );
    expect(engine.dashboards.has('broken')).toBe(false);
  });

  it('rejects JSON that does not parse, saying where', async () => {
    const e = (await failure(put('bad-json', '{"widgets": [}'))) as DashboardInvalidInputError;
    expect(e).toBeInstanceOf(DashboardInvalidInputError);
    expect(e.dashboardValidationMessages).toEqual([
      { DataPath: '', Message: 'The dashboard body is not valid JSON: unexpected "}" at line 1, column 14' },
    ]);
  });

  it('replaces the whole body on a second put', async () => {
    await put('twice', TEXT('one'));
    await put('twice', TEXT('two'));
    const got = await cloudwatch.send(new GetDashboardCommand({ DashboardName: 'twice' }));
    expect(got.DashboardBody).toBe(TEXT('two'));
  });

  it.each<[string, string | undefined, string | undefined, new (...a: never[]) => Error]>([
    ['a space in the name', 'my dashboard', TEXT('a'), InvalidParameterValueException],
    ['a dot in the name', 'a.b', TEXT('a'), InvalidParameterValueException],
    ['a 256-character name', 'x'.repeat(256), TEXT('a'), InvalidParameterValueException],
    ['no name', undefined, TEXT('a'), MissingRequiredParameterException],
    ['no body', 'ok', undefined, MissingRequiredParameterException],
  ])('rejects %s', async (_, DashboardName, DashboardBody, type) => {
    const e = await failure(
      cloudwatch.send(new PutDashboardCommand({ DashboardName, DashboardBody } as never)),
    );
    expect(e).toBeInstanceOf(type);
  });

  it('answers a bad name with AWS’s message', async () => {
    const e = await failure(put('my dashboard', TEXT('a')));
    expect(e.message).toBe(
      'The value for field DashboardName contains invalid characters. It can only contain alphanumerics, dash (-) and underscore (_).',
    );
  });

  it('GetDashboard of a missing dashboard: DashboardNotFoundError, 404', async () => {
    const e = await failure(cloudwatch.send(new GetDashboardCommand({ DashboardName: 'nope' })));
    expect(e).toBeInstanceOf(DashboardNotFoundError);
    expect(e.message).toBe('Dashboard nope does not exist');
    expect(e.$metadata?.httpStatusCode).toBe(404);
  });

  it('the simulated account has Service-health', async () => {
    const got = await cloudwatch.send(new GetDashboardCommand({ DashboardName: 'Service-health' }));
    expect(JSON.parse(got.DashboardBody!).widgets.length).toBeGreaterThan(5);
  });
});

describe('ListDashboards', () => {
  it('lists names in order with ARN, LastModified and UTF-8 Size; filters by prefix', async () => {
    await put('b-two', TEXT('é'));
    engine.setClock({ advanceMs: 90_000 });
    await put('b-one', TEXT('a'));
    await put('a-x', TEXT('a'));
    const out = await cloudwatch.send(new ListDashboardsCommand({ DashboardNamePrefix: 'b-' }));
    expect(out.DashboardEntries).toEqual([
      {
        DashboardName: 'b-one',
        DashboardArn: ARN('b-one'),
        LastModified: new Date(FIXED + 90_000),
        Size: TEXT('a').length,
      },
      {
        DashboardName: 'b-two',
        DashboardArn: ARN('b-two'),
        LastModified: new Date(FIXED),
        Size: TEXT('é').length + 1,
      },
    ]);
    expect(out.NextToken).toBeUndefined();
    const all = await cloudwatch.send(new ListDashboardsCommand({}));
    expect(all.DashboardEntries!.map((d) => d.DashboardName)).toEqual([
      'Service-health',
      'a-x',
      'b-one',
      'b-two',
    ]);
  });

  it('pages 1000 at a time with NextToken, every dashboard exactly once', async () => {
    engine.reset({ simulation: false });
    for (let i = 0; i < 2100; i++) engine.dashboards.put(`d-${String(i).padStart(4, '0')}`, '{"widgets":[]}');
    const pages: number[] = [];
    const names: string[] = [];
    for await (const page of paginateListDashboards({ client: cloudwatch }, { DashboardNamePrefix: 'd-' })) {
      pages.push(page.DashboardEntries!.length);
      names.push(...page.DashboardEntries!.map((d) => d.DashboardName!));
    }
    expect(pages).toEqual([1000, 1000, 100]);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(2100);
  });

  it('rejects a token from another prefix, and a bad prefix', async () => {
    engine.reset({ simulation: false });
    for (let i = 0; i < 1001; i++) engine.dashboards.put(`d-${i}`, '{"widgets":[]}');
    const first = await cloudwatch.send(new ListDashboardsCommand({ DashboardNamePrefix: 'd-' }));
    expect(first.NextToken).toBeDefined();
    const e = await failure(
      cloudwatch.send(new ListDashboardsCommand({ DashboardNamePrefix: 'd-1', NextToken: first.NextToken })),
    );
    expect(e).toBeInstanceOf(InvalidNextToken);
    const bad = await failure(cloudwatch.send(new ListDashboardsCommand({ DashboardNamePrefix: 'a b' })));
    expect(bad).toBeInstanceOf(InvalidParameterValueException);
  });
});

describe('DeleteDashboards', () => {
  it('deletes one, then many', async () => {
    for (const n of ['one', 'two', 'three']) await put(n, TEXT(n));
    await cloudwatch.send(new DeleteDashboardsCommand({ DashboardNames: ['one'] }));
    expect(engine.dashboards.has('one')).toBe(false);
    await cloudwatch.send(
      new DeleteDashboardsCommand({ DashboardNames: ['two', 'three', 'Service-health'] }),
    );
    expect(engine.dashboards.size).toBe(0);
  });

  it('deletes those that exist and fails with DashboardNotFoundError naming the missing', async () => {
    await put('here', TEXT('a'));
    const e = await failure(
      cloudwatch.send(new DeleteDashboardsCommand({ DashboardNames: ['here', 'gone', 'lost'] })),
    );
    expect(e).toBeInstanceOf(DashboardNotFoundError);
    expect(e.message).toBe('Dashboards gone, lost do not exist');
    expect(engine.dashboards.has('here')).toBe(false);
  });

  it('rejects more than 100 names, none, and bad names', async () => {
    const names = Array.from({ length: 101 }, (_, i) => `n${i}`);
    expect(
      await failure(cloudwatch.send(new DeleteDashboardsCommand({ DashboardNames: names }))),
    ).toBeInstanceOf(InvalidParameterValueException);
    expect(
      await failure(cloudwatch.send(new DeleteDashboardsCommand({ DashboardNames: [] }))),
    ).toBeInstanceOf(InvalidParameterValueException);
    expect(
      await failure(cloudwatch.send(new DeleteDashboardsCommand({ DashboardNames: ['a/b'] }))),
    ).toBeInstanceOf(InvalidParameterValueException);
  });
});

describe('the audit trail records PutDashboard and DeleteDashboards', () => {
  const recordOf = (e: Event) => JSON.parse(e.CloudTrailEvent!) as Record<string, unknown>;
  const lookup = (eventName: string) =>
    trail.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: eventName }],
      }),
    );

  it('PutDashboard: the name and body as requestParameters, the dashboard as resource', async () => {
    const body = TEXT('audited');
    const out = await put('audited', body);
    const events = (await lookup('PutDashboard')).Events!;
    expect(events).toHaveLength(1);
    expect(events[0].Resources).toEqual([
      { ResourceType: 'AWS::CloudWatch::Dashboard', ResourceName: 'audited' },
    ]);
    expect(recordOf(events[0])).toMatchObject({
      eventSource: 'monitoring.amazonaws.com',
      eventName: 'PutDashboard',
      readOnly: false,
      requestParameters: { dashboardName: 'audited', dashboardBody: body },
      requestID: out.$metadata.requestId,
    });
  });

  it('a rejected PutDashboard is recorded with its error code', async () => {
    await failure(put('bad', '{"widgets": 3}'));
    const [event] = (await lookup('PutDashboard')).Events!;
    expect(recordOf(event)).toMatchObject({
      errorCode: 'InvalidParameterInput',
      requestParameters: { dashboardName: 'bad', dashboardBody: '{"widgets": 3}' },
    });
  });

  it('DeleteDashboards: the names as requestParameters; reads are not recorded', async () => {
    await put('x1', TEXT('a'));
    await cloudwatch.send(new GetDashboardCommand({ DashboardName: 'x1' }));
    await cloudwatch.send(new ListDashboardsCommand({}));
    await cloudwatch.send(new DeleteDashboardsCommand({ DashboardNames: ['x1'] }));
    const [event] = (await lookup('DeleteDashboards')).Events!;
    expect(recordOf(event)).toMatchObject({ requestParameters: { dashboardNames: ['x1'] } });
    expect(event.Resources).toEqual([{ ResourceType: 'AWS::CloudWatch::Dashboard', ResourceName: 'x1' }]);
    expect((await lookup('GetDashboard')).Events).toEqual([]);
    expect((await lookup('ListDashboards')).Events).toEqual([]);
  });
});
