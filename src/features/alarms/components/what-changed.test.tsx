// @vitest-environment jsdom
// "What changed before this?" against a fake trail endpoint that selects events as the real one does
// (time, category, read-only, resource name), and in the alarm's history table.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  click,
  getByLabelText,
  getByRole,
  queryAllByRole,
  render,
  waitFor,
} from '../../../components/test-render.ts';
import type { Rendered } from '../../../components/test-render.ts';
import type { TrailRow, TrailSearchBody } from '../../../lib/audit-events/trail-markers.ts';
import { DEFAULT_CONNECTION, useConnectionStore } from '../../../lib/connection-store.ts';
import { useTimeState } from '../../../lib/time-state.ts';
import { AlarmHistoryTable } from './alarm-history-table.tsx';
import { WhatChanged } from './what-changed.tsx';

const MIN = 60_000;
/** The ALARM transition explained. */
const AT = Date.parse('2026-10-23T15:45:00Z');

const fake = vi.hoisted(() => ({ history: [] as Record<string, unknown>[] }));

vi.mock('../../../lib/aws-clients.ts', () => ({
  cloudWatchClient: () => ({
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      if (command.constructor.name !== 'DescribeAlarmHistoryCommand') throw new Error('unexpected call');
      const type = command.input.HistoryItemType;
      return { AlarmHistoryItems: fake.history.filter((h) => !type || h.HistoryItemType === type) };
    },
  }),
}));

const row = (id: string, minutesBefore: number, patch: Partial<TrailRow> = {}): TrailRow => ({
  eventId: id,
  eventTime: AT - minutesBefore * MIN,
  eventName: 'PutParameter',
  eventSource: 'ssm.amazonaws.com',
  username: 'carol',
  identityType: 'IAMUser',
  resources: [],
  sourceIp: '203.0.113.7',
  readOnly: 'false',
  errorCode: '',
  ...patch,
});

const bot = {
  username: 'deploy-bot',
  identityType: 'AssumedRole',
  eventSource: 'lambda.amazonaws.com',
  sourceIp: '192.0.2.11',
  resources: [{ type: 'AWS::Lambda::Function', name: 'orders-api' }],
};

/** A deploy of orders-api 9 minutes before, and what else happened in the hour. */
const EVENTS: (TrailRow & { category: string })[] = [
  row('get', 9.25, { ...bot, eventName: 'GetFunction20150331v2', readOnly: 'true' }),
  row('update', 9, { ...bot, eventName: 'UpdateFunctionCode20150331v2' }),
  row('config', 8.8, { ...bot, eventName: 'GetFunctionConfiguration20150331v2', readOnly: 'true' }),
  row('publish', 8.66, { ...bot, eventName: 'PublishVersion20150331' }),
  row('alias', 8.6, { ...bot, eventName: 'UpdateAlias20150331' }),
  row('ssm', 1, { username: 'i-0a1b2c3d4e5f60002', eventName: 'UpdateInstanceInformation' }),
  row('tag', 30, { eventName: 'CreateTags', eventSource: 'ec2.amazonaws.com' }),
  row('describe', 2, { eventName: 'DescribeInstances', eventSource: 'ec2.amazonaws.com', readOnly: 'true' }),
  row('after', -2, { eventName: 'DeleteAlarms', eventSource: 'monitoring.amazonaws.com' }),
].map((r) => ({ ...r, category: 'Management' }));

const searches: TrailSearchBody[] = [];

function selects(e: TrailRow & { category: string }, body: TrailSearchBody): boolean {
  const { startMs, endMs, fields } = body.query;
  if (e.eventTime < startMs || e.eventTime > endMs) return false;
  return Object.entries(fields).every(([field, terms]) =>
    (terms ?? []).some((t) => {
      const values =
        field === 'resourceName' ? e.resources.map((r) => r.name) : [String(e[field as keyof typeof e])];
      return values.some((v) =>
        t.match === 'exact' ? v === t.value : v.toLowerCase().includes(t.value.toLowerCase()),
      );
    }),
  );
}

async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  if (String(input).endsWith('/_watchtrail/trail/search')) {
    const body = JSON.parse(String(init?.body)) as TrailSearchBody;
    searches.push(body);
    const rows = EVENTS.filter((e) => selects(e, body)).sort((a, b) => b.eventTime - a.eventTime);
    return json({ total: rows.length, rows: rows.slice(0, body.limit), now: AT });
  }
  return json({ error: 'not found' }, 404);
}

let view: Rendered | undefined;

function renderWith(ui: ReactNode) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  view = render(<QueryClientProvider client={qc}>{ui}</QueryClientProvider>);
  return view.container;
}

const top = (c: HTMLElement) => c.querySelector<HTMLElement>('[data-testid="what-changed-top"]');
const entries = (c: ParentNode) =>
  Array.from(c.querySelectorAll<HTMLElement>('[data-testid="what-changed-list"] > li')).map(
    (li) => li.dataset.eventId,
  );

beforeEach(() => {
  searches.length = 0;
  fake.history = [];
  useConnectionStore.setState({ ...DEFAULT_CONNECTION });
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
  history.replaceState(null, '', '/alarms/orders-api-errors?range=1d&refresh=off');
  useTimeState.getState().syncFromUrl();
});

afterEach(() => {
  view?.unmount();
  view = undefined;
  vi.unstubAllGlobals();
});

describe('WhatChanged', () => {
  it('puts the deploy of the alarm’s function first, with its follow-up calls folded in', async () => {
    const c = renderWith(<WhatChanged atMs={AT} resourceNames={['orders-api']} />);
    await waitFor(() => expect(top(c)).not.toBeNull());
    const first = top(c) as HTMLElement;
    expect(first.dataset.eventName).toBe('UpdateFunctionCode20150331v2');
    expect(first.textContent).toContain('9 min before');
    expect(first.textContent).toContain(
      'deploy-bot called UpdateFunctionCode20150331v2 on orders-api from 192.0.2.11',
    );
    expect(first.textContent).toContain('touches this alarm’s resource');
    expect(first.textContent).toContain('With 4 more calls in the same change');
    // Then the other writes of the hour, closest first; reads and later events are left out.
    expect(entries(c)).toEqual(['update', 'ssm', 'tag']);
    expect(c.querySelectorAll('[data-touches="true"]')).toHaveLength(1);

    // The writes of the hour, and every event on the alarm's resources.
    expect(searches.map((s) => s.query)).toEqual([
      {
        startMs: AT - 60 * MIN,
        endMs: AT,
        fields: {
          category: [{ match: 'exact', value: 'Management' }],
          resourceName: [{ match: 'contains', value: 'orders-api' }],
        },
      },
      {
        startMs: AT - 60 * MIN,
        endMs: AT,
        fields: {
          category: [{ match: 'exact', value: 'Management' }],
          readOnly: [{ match: 'exact', value: 'false' }],
        },
        // …but not the SSM agents' check-ins elsewhere.
        exclude: { eventName: [{ match: 'exact', value: 'UpdateInstanceInformation' }] },
      },
    ]);
  });

  it('opens the event in Event history, with a range around it', async () => {
    const c = renderWith(<WhatChanged atMs={AT} resourceNames={['orders-api']} />);
    await waitFor(() => expect(top(c)).not.toBeNull());
    const link = (top(c) as HTMLElement).querySelector('a') as HTMLAnchorElement;
    expect(link.getAttribute('aria-label')).toBe('Open the event UpdateFunctionCode20150331v2 by deploy-bot');
    click(link);
    expect(location.pathname).toBe('/events');
    const params = new URLSearchParams(location.search);
    expect(params.get('event')).toBe('update');
    expect(params.get('start')).toBe('2026-10-23T15:06:00Z');
    expect(params.get('end')).toBe('2026-10-23T16:06:00Z');
    // The shared time state follows the link.
    expect(useTimeState.getState().range).toEqual({
      kind: 'absolute',
      start: Date.parse('2026-10-23T15:06:00Z'),
      end: Date.parse('2026-10-23T16:06:00Z'),
    });
  });

  it('looks back 15 minutes or 6 hours, and shows reads on request', async () => {
    const c = renderWith(<WhatChanged atMs={AT} resourceNames={['orders-api']} />);
    await waitFor(() => expect(entries(c)).toEqual(['update', 'ssm', 'tag']));
    click(getByRole(c, 'radio', '15 min'));
    await waitFor(() => expect(searches.at(-1)?.query.startMs).toBe(AT - 15 * MIN));
    await waitFor(() => expect(entries(c)).toEqual(['update', 'ssm']));

    click(getByLabelText(c, 'Reads elsewhere too'));
    await waitFor(() => expect(entries(c)).toEqual(['update', 'ssm', 'describe']));
    expect(searches.at(-1)?.query.fields.readOnly).toBeUndefined();
    expect(searches.at(-1)?.query.startMs).toBe(AT - 15 * MIN);
  });

  it('says so when nothing changed in the window, and explains the ranking', async () => {
    const c = renderWith(<WhatChanged atMs={AT - 3 * 60 * MIN} resourceNames={['orders-api']} />);
    await waitFor(() => expect(c.querySelector('[data-testid="what-changed-empty"]')).not.toBeNull());
    expect(c.textContent).toContain(
      'No writes, and no calls on this alarm’s resources, in the hour before this.',
    );
    expect(c.querySelector('details')?.textContent).toContain('AWS defines no ranking');
  });

  it('names the reason when the audit events cannot be read', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ error: 'The trail is not ready.' }), { status: 400 })),
    );
    const c = renderWith(<WhatChanged atMs={AT} resourceNames={['orders-api']} />);
    await waitFor(() =>
      expect(c.textContent).toContain('The audit events could not be read: The trail is not ready.'),
    );
  });
});

describe('What changed before each ALARM transition, in the history table', () => {
  const stateUpdate = (atMs: number, from: string, to: string) => ({
    AlarmName: 'orders-api-errors',
    Timestamp: new Date(atMs),
    HistoryItemType: 'StateUpdate',
    HistorySummary: `Alarm updated from ${from} to ${to}`,
    HistoryData: JSON.stringify({ oldState: { stateValue: from }, newState: { stateValue: to } }),
  });

  beforeEach(() => {
    fake.history = [
      stateUpdate(AT, 'OK', 'ALARM'),
      stateUpdate(AT - 2 * 60 * MIN, 'ALARM', 'OK'),
      stateUpdate(AT - 3 * 60 * MIN, 'OK', 'ALARM'),
    ];
  });

  const toggles = (c: HTMLElement) => queryAllByRole(c, 'button', 'What changed before this?');

  it('offers it on every transition to ALARM, the latest open while the alarm is in ALARM', async () => {
    const c = renderWith(
      <AlarmHistoryTable alarmName="orders-api-errors" resourceNames={['orders-api']} inAlarm />,
    );
    await waitFor(() => expect(toggles(c)).toHaveLength(2));
    expect(toggles(c).map((b) => b.getAttribute('aria-expanded'))).toEqual(['true', 'false']);
    await waitFor(() => expect(top(c)?.dataset.eventName).toBe('UpdateFunctionCode20150331v2'));

    click(toggles(c)[1]);
    await waitFor(() => expect(c.querySelectorAll('[data-testid="what-changed"]')).toHaveLength(2));
    click(toggles(c)[0]);
    expect(toggles(c).map((b) => b.getAttribute('aria-expanded'))).toEqual(['false', 'true']);
  });

  it('keeps them closed while the alarm is not in ALARM', async () => {
    const c = renderWith(<AlarmHistoryTable alarmName="orders-api-errors" resourceNames={['orders-api']} />);
    await waitFor(() => expect(toggles(c)).toHaveLength(2));
    expect(c.querySelector('[data-testid="what-changed"]')).toBeNull();
  });
});
