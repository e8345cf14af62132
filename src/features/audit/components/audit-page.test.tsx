// @vitest-environment jsdom
// The event history against a fake trail endpoint: counts, filters in the URL, the detail panel.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { click, getByRole, queryAllByRole, render, waitFor } from '../../../components/test-render.ts';
import type { Rendered } from '../../../components/test-render.ts';
import { useTimeState } from '../../../lib/time-state.ts';
import type { TrailSearchRequest } from '../api/search-trail.ts';
import type { EventSummary } from '../model/trail-types.ts';
import { AuditPage } from './audit-page.tsx';

const NOW = Date.parse('2026-11-19T16:00:00Z');

const event = (i: number, patch: Partial<EventSummary>): EventSummary => ({
  eventId: `e-${i}`,
  eventTime: NOW - i * 60_000,
  eventName: 'RunInstances',
  eventSource: 'ec2.amazonaws.com',
  username: 'alice',
  identityType: 'IAMUser',
  accessKeyId: 'AKIAALICE',
  role: '',
  resources: [{ type: 'AWS::EC2::Instance', name: `i-${i}` }],
  sourceIp: '203.0.113.7',
  region: 'us-east-1',
  readOnly: 'false',
  errorCode: '',
  category: 'Management',
  origin: 'simulated',
  ...patch,
});

const EVENTS = [
  event(1, {}),
  event(2, { username: 'deploy-bot', eventName: 'UpdateService', eventSource: 'ecs.amazonaws.com' }),
  event(3, { username: 'deploy-bot', errorCode: 'AccessDenied' }),
  event(4, { readOnly: 'true', eventName: 'DescribeInstances' }),
];

const searches: TrailSearchRequest[] = [];

function matches(e: EventSummary, field: string, terms: { match: string; value: string }[]) {
  const v = String((e as unknown as Record<string, unknown>)[field] ?? '');
  return terms.some((t) => (t.match === 'glob' && t.value === '*' ? v !== '' : v === t.value));
}

async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = String(input);
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  if (url.endsWith('/_watchtrail/clock')) return json({ now: NOW, paused: true, speed: 1 });
  if (url.endsWith('/_watchtrail/trail/search')) {
    const body = JSON.parse(String(init?.body)) as TrailSearchRequest;
    searches.push(body);
    const fields = body.query.fields ?? {};
    const selected = (skip?: string) =>
      EVENTS.filter((e) => Object.entries(fields).every(([f, t]) => f === skip || matches(e, f, t)));
    const rows = selected();
    const facets = body.facets?.map((field) => {
      const counts = new Map<string, number>();
      for (const e of selected(field)) {
        const v = String((e as unknown as Record<string, unknown>)[field]);
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const values = [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count);
      return { field, values, distinct: values.length };
    });
    const offset = body.offset ?? 0;
    return json({
      total: rows.length,
      rows: rows.slice(offset, offset + (body.limit ?? 50)),
      facets,
      now: NOW,
    });
  }
  if (url.includes('/_watchtrail/trail/event?id=')) {
    const id = decodeURIComponent(url.split('id=')[1]);
    const summary = EVENTS.find((e) => e.eventId === id);
    if (!summary) return json({ error: `No event ${id}.` }, 404);
    return json({
      summary,
      record: { eventID: id, eventName: summary.eventName, userAgent: 'aws-cli/2.15' },
    });
  }
  return json({ error: 'not found' }, 404);
}

let view: Rendered | undefined;

function renderPage() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  view = render(
    <QueryClientProvider client={qc}>
      <AuditPage />
    </QueryClientProvider>,
  );
  return view.container;
}

beforeEach(() => {
  searches.length = 0;
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
  history.replaceState(null, '', '/events?range=1d&refresh=off');
  useTimeState.getState().syncFromUrl();
});

afterEach(() => {
  view?.unmount();
  view = undefined;
  vi.unstubAllGlobals();
});

const section = (c: HTMLElement, name: string): HTMLElement => {
  const found = c.querySelector<HTMLElement>(`section[aria-label="${name}"]`);
  if (!found) throw new Error(`No section ${name}.`);
  return found;
};

const countText = (c: HTMLElement) => c.querySelector('[data-testid="event-count"]')?.textContent ?? '';

describe('AuditPage', () => {
  it('counts the default selection and shows each value with its count', async () => {
    const c = renderPage();
    await waitFor(() => expect(countText(c)).toMatch(/^4 events/));
    const users = await waitFor(() => section(c, 'User name'));
    await waitFor(() => expect(users.textContent).toContain('deploy-bot2'));
    expect(searches[0].query.fields).toEqual({ category: [{ match: 'exact', value: 'Management' }] });
  });

  it('puts a ticked value in the URL and narrows the table', async () => {
    const c = renderPage();
    const users = await waitFor(() => section(c, 'User name'));
    await waitFor(() => expect(queryAllByRole(users, 'listitem').length).toBe(2));
    const deployBot = queryAllByRole(users, 'listitem').find((li) =>
      li.textContent?.startsWith('deploy-bot'),
    );
    click(deployBot!.querySelector('input')!);
    expect(new URLSearchParams(location.search).getAll('username')).toEqual(['deploy-bot']);
    await waitFor(() => expect(countText(c)).toMatch(/^2 events/));
    click(getByRole(c, 'button', 'Any error'));
    expect(new URLSearchParams(location.search).get('errorCode')).toBe('*');
    await waitFor(() => expect(countText(c)).toMatch(/^1 events/));
  });

  it('says why nothing matches and offers to clear', async () => {
    history.replaceState(null, '', '/events?range=1d&refresh=off&username=nobody');
    const c = renderPage();
    await waitFor(() => expect(c.querySelector('[data-testid="no-events"]')).not.toBeNull());
    click(getByRole(c, 'button', 'Clear filters'));
    expect(new URLSearchParams(location.search).get('filters')).toBe('none');
    await waitFor(() => expect(countText(c)).toMatch(/^4 events/));
  });

  it('opens the event named in the URL with its sentence', async () => {
    history.replaceState(null, '', '/events?range=1d&refresh=off&event=e-3');
    const c = renderPage();
    const dialog = await waitFor(() => getByRole(c, 'dialog', 'Event detail'));
    await waitFor(() =>
      expect(dialog.textContent).toContain(
        'deploy-bot (IAMUser) called RunInstances on i-3 from 203.0.113.7 — failed: AccessDenied',
      ),
    );
    expect(dialog.textContent).toContain('aws-cli/2.15');
    click(getByRole(dialog, 'button', 'Close event detail'));
    expect(location.search).not.toContain('event=');
  });
});
