// @vitest-environment jsdom
// The markers' filter and queries as a page uses them: against a fake trail endpoint, and against a
// fake CloudTrail client for a backend without control endpoints.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditMarkerFilterControl } from '../../components/audit-marker-filter.tsx';
import { click, getByLabelText, getByRole, render, waitFor } from '../../components/test-render.ts';
import type { Rendered } from '../../components/test-render.ts';
import { DEFAULT_CONNECTION, useConnectionStore } from '../connection-store.ts';
import { parseIsoInstant } from '../time-range.ts';
import {
  type AuditMarker,
  eventHref,
  resetAuditMarkerFilter,
  useAuditMarkerFilter,
  useChartMarkers,
} from './audit-events.ts';
import type { TrailRow, TrailSearchBody } from './trail-markers.ts';

const START = Date.parse('2026-10-23T15:00:20Z');
const END = Date.parse('2026-10-23T16:00:40Z');

const fake = vi.hoisted(() => ({
  lookups: [] as Record<string, unknown>[],
  lookupEvents: [] as Record<string, unknown>[],
  lookupError: undefined as Error | undefined,
}));

vi.mock('../cloudtrail/cloudtrail-client.ts', () => ({
  cloudTrailClient: () => ({
    send: async (command: { input: Record<string, unknown> }) => {
      fake.lookups.push(command.input);
      if (fake.lookupError) throw fake.lookupError;
      return { Events: fake.lookupEvents };
    },
  }),
}));

const row = (id: string, minute: number, patch: Partial<TrailRow> = {}): TrailRow => ({
  eventId: id,
  eventTime: START + minute * 60_000,
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

const ROWS = [row('a', 50), row('b', 20, { eventSource: 'ec2.amazonaws.com', username: 'carol' })];
const searches: TrailSearchBody[] = [];

async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  if (String(input).endsWith('/_watchtrail/trail/search')) {
    const body = JSON.parse(String(init?.body)) as TrailSearchBody;
    searches.push(body);
    const services = body.query.fields.eventSource?.map((t) => t.value);
    const rows = ROWS.filter((r) => !services || services.includes(r.eventSource));
    return json({
      total: rows.length + 998,
      rows,
      facets: [
        {
          field: 'eventSource',
          values: [
            { value: 'lambda.amazonaws.com', count: 700 },
            { value: 'ec2.amazonaws.com', count: 300 },
          ],
        },
        {
          field: 'username',
          values: [
            { value: 'deploy-bot', count: 900 },
            { value: 'carol', count: 100 },
          ],
        },
      ],
      now: END,
    });
  }
  return json({ error: 'not found' }, 404);
}

let view: Rendered | undefined;
const drawn: { markers?: ReturnType<typeof useChartMarkers> } = {};

/** Reports the markers a graph over the range would draw. */
function Probe() {
  const markers = useChartMarkers(START, END);
  useEffect(() => {
    drawn.markers = markers;
  }, [markers]);
  const [filter] = useAuditMarkerFilter();
  return <p data-testid="filter">{JSON.stringify(filter)}</p>;
}

function renderPage() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  view = render(
    <QueryClientProvider client={qc}>
      <AuditMarkerFilterControl startMs={START} endMs={END} />
      <Probe />
    </QueryClientProvider>,
  );
  return view.container;
}

const button = (c: HTMLElement) =>
  c.querySelector('[data-testid="audit-marker-filter"] button') as HTMLElement;

beforeEach(() => {
  searches.length = 0;
  fake.lookups.length = 0;
  fake.lookupEvents = [];
  fake.lookupError = undefined;
  drawn.markers = undefined;
  localStorage.clear();
  resetAuditMarkerFilter();
  useConnectionStore.setState({ ...DEFAULT_CONNECTION });
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
});

afterEach(() => {
  view?.unmount();
  view = undefined;
  vi.unstubAllGlobals();
});

describe('audit markers from the trail', () => {
  it('asks for the newest management writes on whole minutes, and draws them', async () => {
    const c = renderPage();
    await waitFor(() => expect(drawn.markers).toHaveLength(2));
    // The filter control and the graph share one request.
    expect(searches).toHaveLength(1);
    expect(searches[0]).toEqual({
      query: {
        startMs: Date.parse('2026-10-23T15:00:00Z'),
        endMs: Date.parse('2026-10-23T16:01:00Z'),
        fields: {
          category: [{ match: 'exact', value: 'Management' }],
          readOnly: [{ match: 'exact', value: 'false' }],
        },
        exclude: { eventName: [{ match: 'exact', value: 'UpdateInstanceInformation' }] },
      },
      limit: 500,
      facets: ['eventSource', 'username'],
      facetTop: 50,
    });
    expect(drawn.markers?.[0]).toMatchObject({
      id: 'a',
      label: 'deploy-bot · UpdateFunctionCode20150331v2',
      detail: 'deploy-bot called UpdateFunctionCode20150331v2 on orders-api from 192.0.2.11',
      kind: 'change',
    });
    expect(button(c).textContent).toContain('Audit events: 2+');
  });

  it('filters by service from the choices seen, says the markers are cut, and remembers the filter', async () => {
    const c = renderPage();
    await waitFor(() => expect(drawn.markers).toHaveLength(2));
    click(button(c));
    const panel = getByRole(c, 'group', 'Audit markers');
    expect(panel.textContent).toContain('The newest 2 of 1,000 writes are marked');
    click(getByLabelText(panel, /ec2\.amazonaws\.com/));
    await waitFor(() => expect(drawn.markers?.map((m) => m.id)).toEqual(['b']));
    expect(searches.at(-1)?.query.fields.eventSource).toEqual([
      { match: 'exact', value: 'ec2.amazonaws.com' },
    ]);
    expect(button(c).textContent).toContain('1 filtered');

    click(getByLabelText(panel, /All events, reads too/));
    await waitFor(() => expect(searches.at(-1)?.query.fields.readOnly).toBeUndefined());
    const stored = JSON.parse(localStorage.getItem('watchtrail.audit-markers') ?? '{}') as {
      state: Record<string, unknown>;
    };
    expect(stored.state).toEqual({
      writesOnly: false,
      services: ['ec2.amazonaws.com'],
      identities: [],
      enabled: true,
      hideCheckIns: true,
    });

    click(getByRole(panel, 'button', 'Clear the service and identity filters'));
    await waitFor(() => expect(drawn.markers).toHaveLength(2));
  });

  it('draws nothing and asks for nothing when switched off', async () => {
    const c = renderPage();
    await waitFor(() => expect(drawn.markers).toHaveLength(2));
    click(button(c));
    click(getByLabelText(getByRole(c, 'group', 'Audit markers'), /Show audit events on graphs/));
    await waitFor(() => expect(drawn.markers).toBeUndefined());
    expect(button(c).textContent).toContain('Audit events: off');
  });
});

describe('audit markers from CloudTrail (no control endpoints)', () => {
  const lookupEvent = (id: string, user: string, source: string) => ({
    EventId: id,
    EventName: 'RunInstances',
    ReadOnly: 'false',
    EventTime: new Date(START + 60_000),
    EventSource: source,
    Username: user,
    Resources: [],
    CloudTrailEvent: JSON.stringify({ sourceIPAddress: '203.0.113.7' }),
  });

  beforeEach(() => {
    useConnectionStore.setState({ endpoint: 'https://monitoring.us-east-1.amazonaws.com' });
  });

  it('reads writes with LookupEvents ReadOnly=false and filters identities here', async () => {
    fake.lookupEvents = [
      lookupEvent('x', 'alice', 'ec2.amazonaws.com'),
      lookupEvent('y', 'bob', 'ec2.amazonaws.com'),
    ];
    const c = renderPage();
    await waitFor(() => expect(drawn.markers).toHaveLength(2));
    expect(searches).toHaveLength(0);
    expect(fake.lookups[0]).toMatchObject({
      LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'false' }],
      MaxResults: 50,
    });
    click(button(c));
    const panel = getByRole(c, 'group', 'Audit markers');
    expect(panel.textContent).toContain('CloudTrail LookupEvents');
    click(getByLabelText(panel, /^bob/));
    await waitFor(() => expect(drawn.markers?.map((m) => m.id)).toEqual(['y']));
    // Filtering identities needs no new call.
    expect(fake.lookups).toHaveLength(1);
  });

  it('shows no markers, with the reason, when CloudTrail cannot be read either', async () => {
    fake.lookupError = Object.assign(
      new Error('User is not authorized to perform: cloudtrail:LookupEvents'),
      {
        name: 'AccessDeniedException',
      },
    );
    const c = renderPage();
    await waitFor(() => expect(button(c).textContent).toContain('Audit events unavailable'));
    expect(drawn.markers).toBeUndefined();
    click(button(c));
    expect(getByRole(c, 'group', 'Audit markers').textContent).toContain(
      'The audit events could not be read, so the graphs show no markers: User is not authorized',
    );
  });
});

describe('eventHref', () => {
  it('opens the event in Event history with half an hour either side', () => {
    const m: Pick<AuditMarker, 'eventId' | 'timeMs'> = {
      eventId: 'e/1',
      timeMs: Date.parse('2026-10-23T15:36:20Z'),
    };
    const url = new URL(eventHref(m), 'http://localhost');
    expect(url.pathname).toBe('/events');
    expect(url.searchParams.get('event')).toBe('e/1');
    expect(parseIsoInstant(url.searchParams.get('start') ?? '')).toBe(Date.parse('2026-10-23T15:06:00Z'));
    expect(parseIsoInstant(url.searchParams.get('end') ?? '')).toBe(Date.parse('2026-10-23T16:07:00Z'));
    expect(url.searchParams.get('refresh')).toBe('off');
    expect(url.searchParams.has('range')).toBe(false);
  });
});
