import { describe, expect, it } from 'vitest';
import {
  type AuditMarkerFilter,
  DEFAULT_MARKER_FILTER,
  filterMarkers,
  markerSummary,
} from './audit-marker.ts';
import { markerFromLookupEvent, parameterValues } from './lookup-markers.ts';
import {
  MAX_MARKERS,
  type TrailRow,
  changeSearchBodies,
  markerFromRow,
  markerSearchBody,
  mergeMarkers,
} from './trail-markers.ts';

const T0 = Date.parse('2026-10-23T15:00:00Z');
const T1 = Date.parse('2026-10-23T16:00:00Z');
const management = { match: 'exact', value: 'Management' };
const noCheckIns = { eventName: [{ match: 'exact', value: 'UpdateInstanceInformation' }] };

describe('markerSearchBody', () => {
  it.each<[string, Partial<AuditMarkerFilter>, Record<string, unknown>]>([
    [
      'writes only (the default)',
      {},
      { category: [management], readOnly: [{ match: 'exact', value: 'false' }] },
    ],
    ['all events', { writesOnly: false }, { category: [management] }],
    [
      'agents’ check-ins too',
      { hideCheckIns: false },
      { category: [management], readOnly: [{ match: 'exact', value: 'false' }] },
    ],
    [
      'services and identities, exactly',
      {
        writesOnly: false,
        services: ['lambda.amazonaws.com', 'ec2.amazonaws.com'],
        identities: ['deploy-bot'],
      },
      {
        category: [management],
        eventSource: [
          { match: 'exact', value: 'lambda.amazonaws.com' },
          { match: 'exact', value: 'ec2.amazonaws.com' },
        ],
        username: [{ match: 'exact', value: 'deploy-bot' }],
      },
    ],
  ])('%s', (_name, patch, fields) => {
    const filter = { ...DEFAULT_MARKER_FILTER, ...patch };
    const body = markerSearchBody(T0, T1, filter);
    expect(body).toEqual({
      query: { startMs: T0, endMs: T1, fields, ...(filter.hideCheckIns ? { exclude: noCheckIns } : {}) },
      limit: MAX_MARKERS,
      facets: ['eventSource', 'username'],
      facetTop: 50,
    });
  });
});

describe('changeSearchBodies', () => {
  it('searches the resources (reads too, ignoring case) and the newest writes apart', () => {
    const bodies = changeSearchBodies(T0, T1, ['orders-api', ' orders-api ', '', 'orders-db'], false);
    expect(bodies).toEqual([
      {
        query: {
          startMs: T0,
          endMs: T1,
          fields: {
            category: [management],
            resourceName: [
              { match: 'contains', value: 'orders-api' },
              { match: 'contains', value: 'orders-db' },
            ],
          },
        },
        limit: 200,
      },
      {
        query: {
          startMs: T0,
          endMs: T1,
          fields: { category: [management], readOnly: [{ match: 'exact', value: 'false' }] },
          exclude: noCheckIns,
        },
        limit: MAX_MARKERS,
      },
    ]);
  });

  it('reads every event with includeReads, and skips the resource search without names', () => {
    const bodies = changeSearchBodies(T0, T1, [], true);
    expect(bodies).toHaveLength(1);
    expect(bodies[0].query.fields).toEqual({ category: [management] });
  });
});

const row = (patch: Partial<TrailRow> = {}): TrailRow => ({
  eventId: 'e-1',
  eventTime: T0 + 60_000,
  eventName: 'UpdateFunctionCode20150331v2',
  eventSource: 'lambda.amazonaws.com',
  username: 'deploy-bot',
  identityType: 'AssumedRole',
  resources: [{ type: 'AWS::Lambda::Function', name: 'orders-api' }],
  sourceIp: '192.0.2.11',
  readOnly: 'false',
  errorCode: '',
  ...patch,
});

describe('markerFromRow', () => {
  it('reads who did what on which resource from where', () => {
    expect(markerFromRow(row())).toEqual({
      eventId: 'e-1',
      timeMs: T0 + 60_000,
      eventName: 'UpdateFunctionCode20150331v2',
      eventSource: 'lambda.amazonaws.com',
      userName: 'deploy-bot',
      resources: [{ type: 'AWS::Lambda::Function', name: 'orders-api' }],
      readOnly: false,
      sourceIp: '192.0.2.11',
      summary: 'deploy-bot called UpdateFunctionCode20150331v2 on orders-api from 192.0.2.11',
    });
  });

  it.each<[string, Partial<TrailRow>, Partial<ReturnType<typeof markerFromRow>>]>([
    ['a read', { readOnly: 'true' }, { readOnly: true }],
    ['a record that does not say (a write)', { readOnly: '' }, { readOnly: false }],
    [
      'a failed call',
      { errorCode: 'AccessDenied' },
      {
        errorCode: 'AccessDenied',
        summary:
          'deploy-bot called UpdateFunctionCode20150331v2 on orders-api from 192.0.2.11 — failed: AccessDenied',
      },
    ],
    [
      'root, several resources, no address',
      {
        username: '',
        identityType: 'Root',
        sourceIp: '',
        resources: [
          { type: '', name: 'a' },
          { type: '', name: 'b' },
        ],
      },
      {
        summary: 'root called UpdateFunctionCode20150331v2 on a and 1 more',
        resources: [{ name: 'a' }, { name: 'b' }],
      },
    ],
  ])('%s', (_name, patch, expected) => {
    expect(markerFromRow(row(patch))).toMatchObject(expected);
  });
});

describe('mergeMarkers', () => {
  it('keeps one of each event, newest first', () => {
    const a = markerFromRow(row({ eventId: 'a', eventTime: T0 }));
    const b = markerFromRow(row({ eventId: 'b', eventTime: T0 + 2 }));
    const c = markerFromRow(row({ eventId: 'c', eventTime: T0 + 1 }));
    expect(
      mergeMarkers([
        [a, b],
        [b, c],
      ]).map((m) => m.eventId),
    ).toEqual(['b', 'c', 'a']);
  });
});

describe('filterMarkers', () => {
  const markers = [
    markerFromRow(row({ eventId: 'lambda-bot' })),
    markerFromRow(row({ eventId: 'ec2-carol', eventSource: 'ec2.amazonaws.com', username: 'carol' })),
    markerFromRow(row({ eventId: 'read', readOnly: 'true' })),
  ];
  it.each<[string, Partial<AuditMarkerFilter>, string[]]>([
    ['writes only', {}, ['lambda-bot', 'ec2-carol']],
    ['all', { writesOnly: false }, ['lambda-bot', 'ec2-carol', 'read']],
    ['a service', { services: ['ec2.amazonaws.com'] }, ['ec2-carol']],
    ['an identity, reads too', { writesOnly: false, identities: ['deploy-bot'] }, ['lambda-bot', 'read']],
  ])('%s', (_name, patch, ids) => {
    expect(filterMarkers(markers, { ...DEFAULT_MARKER_FILTER, ...patch }).map((m) => m.eventId)).toEqual(ids);
  });
});

describe('LookupEvents events', () => {
  const record = {
    eventTime: '2026-10-23T15:36:00Z',
    eventSource: 'lambda.amazonaws.com',
    eventName: 'UpdateFunctionCode20150331v2',
    sourceIPAddress: '192.0.2.11',
    userIdentity: { type: 'AssumedRole' },
    requestParameters: {
      functionName: 'orders-api',
      s3Bucket: 'watchtrail-deploy-artifacts',
      publish: false,
      nested: { list: ['a', 'b'] },
    },
  };

  it('reads the event and its record, request parameters included', () => {
    const m = markerFromLookupEvent({
      EventId: 'ct-1',
      EventName: 'UpdateFunctionCode20150331v2',
      ReadOnly: 'false',
      EventTime: new Date('2026-10-23T15:36:00Z'),
      EventSource: 'lambda.amazonaws.com',
      Username: 'deploy-bot',
      Resources: [{ ResourceType: 'AWS::Lambda::Function', ResourceName: 'orders-api' }],
      CloudTrailEvent: JSON.stringify(record),
    });
    expect(m).toEqual({
      eventId: 'ct-1',
      timeMs: Date.parse('2026-10-23T15:36:00Z'),
      eventName: 'UpdateFunctionCode20150331v2',
      eventSource: 'lambda.amazonaws.com',
      userName: 'deploy-bot',
      resources: [{ type: 'AWS::Lambda::Function', name: 'orders-api' }],
      readOnly: false,
      sourceIp: '192.0.2.11',
      params: ['orders-api', 'watchtrail-deploy-artifacts', 'a', 'b'],
      summary: markerSummary({
        userName: 'deploy-bot',
        eventName: 'UpdateFunctionCode20150331v2',
        resources: [{ name: 'orders-api' }],
        sourceIp: '192.0.2.11',
      }),
    });
  });

  it('falls back on the record, and survives a record that is not JSON', () => {
    const m = markerFromLookupEvent({ EventId: 'ct-2', CloudTrailEvent: 'not json' });
    expect(m).toMatchObject({ eventId: 'ct-2', timeMs: 0, eventName: '', readOnly: false, resources: [] });
    const fromRecord = markerFromLookupEvent({
      CloudTrailEvent: JSON.stringify({ ...record, readOnly: true }),
    });
    expect(fromRecord).toMatchObject({ eventName: 'UpdateFunctionCode20150331v2', readOnly: true });
  });

  it.each<[string, unknown, string[]]>([
    ['nothing', undefined, []],
    ['strings only, without repeats', { a: 'x', b: 'x', c: 3, d: true, e: '' }, ['x']],
    ['not too deep', { a: { b: { c: { d: { e: 'too deep' } } } } }, []],
    ['not too long', { a: 'y'.repeat(300) }, []],
  ])('parameter values: %s', (_name, params, values) => {
    expect(parameterValues(params)).toEqual(values);
  });
});
