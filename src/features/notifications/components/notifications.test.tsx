// @vitest-environment jsdom
// Topics, the notification center, the watcher's toasts and browser notifications, and the unread
// badge, against a fake control endpoint.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type Rendered,
  accessibleName,
  changeValue,
  click,
  getByLabelText,
  getByRole,
  render,
  waitFor,
} from '../../../components/test-render.ts';
import { DEFAULT_CONNECTION, useConnectionStore } from '../../../lib/connection-store.ts';
import type { AlarmNotification } from '../model/notification.ts';
import { LAST_SEEN_STORAGE_KEY, useLastSeen } from '../stores/last-seen-store.ts';
import { useToasts } from '../stores/toast-store.ts';
import { NotificationWatcher } from './notification-watcher.tsx';
import { NotificationsPage } from './notifications-page.tsx';
import { UnreadBadge } from './unread-badge.tsx';

const OPS = 'arn:aws:sns:us-east-1:123456789012:ops';

const note = (
  id: string,
  timestampMs: number,
  protocols: AlarmNotification['protocols'] = ['app'],
): AlarmNotification => ({
  id,
  topicArn: OPS,
  subject: `ALARM: "${id}" in US East (N. Virginia)`,
  message: JSON.stringify({
    AlarmName: id,
    NewStateValue: 'ALARM',
    NewStateReason: `${id} crossed its threshold`,
  }),
  timestampMs,
  alarmName: id,
  newState: 'ALARM',
  oldState: 'OK',
  protocols,
});

let server: {
  topics: { arn: string; name: string; subscriptions: { arn: string; protocol: string }[] }[];
  notifications: AlarmNotification[];
  posts: { path: string; body: unknown }[];
};
let rendered: Rendered | undefined;
let client: QueryClient;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  server = {
    topics: [{ arn: OPS, name: 'ops', subscriptions: [] }],
    notifications: [note('cpu-high', 2_000), note('errors', 1_000)],
    posts: [],
  };
  useConnectionStore.setState(DEFAULT_CONNECTION);
  useLastSeen.setState({ lastSeen: undefined });
  useToasts.setState({ toasts: [] });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = url.replace('/_watchtrail/', '');
      if (init?.method === 'POST') {
        const body = JSON.parse(String(init.body)) as Record<string, string>;
        server.posts.push({ path, body });
        if (path === 'topics') {
          const topic = {
            arn: `arn:aws:sns:us-east-1:123456789012:${body.name}`,
            name: body.name,
            subscriptions: [],
          };
          server.topics.push(topic);
          return json(topic);
        }
        if (path === 'topics/subscribe') {
          const sub = { arn: `${body.topicArn}:sub-1`, protocol: body.protocol };
          server.topics.find((t) => t.arn === body.topicArn)?.subscriptions.push(sub);
          return json(sub);
        }
        return json({ error: 'unexpected' }, 400);
      }
      if (path === 'topics') return json({ topics: server.topics });
      if (path.startsWith('notifications?since=')) return json({ notifications: server.notifications });
      return json({ error: 'No control endpoint' }, 404);
    }),
  );
});

afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
  localStorage.clear();
});

function renderUi(ui: React.ReactNode, url = '/') {
  history.replaceState(null, '', url);
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  rendered = render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
  return rendered.container;
}

// The header's link, with the badge inside as the shell mounts it (test-render knows no link role).
const HeaderLink = () => (
  <a href="/notifications">
    Notifications
    <UnreadBadge />
  </a>
);
const badgeLink = (c: HTMLElement) => {
  const a = c.querySelector<HTMLAnchorElement>('a[href="/notifications"]');
  if (!a) throw new Error('No header link');
  return a;
};
/** The link's name as a browser computes it: aria-hidden content left out (test-render's counts it). */
const linkName = (c: HTMLElement) => {
  const copy = badgeLink(c).cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove());
  return accessibleName(copy);
};
const poll = () => act(() => client.invalidateQueries({ queryKey: ['watchtrail', 'notifications'] }));
const entries = (c: HTMLElement) =>
  Array.from(c.querySelectorAll<HTMLElement>('[data-testid="notification"]'));

describe('NotificationsPage', () => {
  it('creates topics and subscribes; a denied browser permission is explained', async () => {
    const c = renderUi(<NotificationsPage />, '/notifications');
    const ops = await waitFor(() => getByRole(c, 'listitem', 'ops'));

    changeValue(getByLabelText(c, 'Topic name'), 'ops alerts');
    click(getByRole(c, 'button', 'Create topic'));
    expect(getByRole(c, 'alert').textContent).toMatch(/only hold letters, digits/);
    changeValue(getByLabelText(c, 'Topic name'), 'pager');
    click(getByRole(c, 'button', 'Create topic'));
    await waitFor(() => getByRole(c, 'listitem', 'pager'));
    expect(server.posts[0]).toEqual({ path: 'topics', body: { name: 'pager' } });

    click(getByRole(ops, 'button', 'Subscribe'));
    await waitFor(() => getByRole(getByRole(c, 'listitem', 'ops'), 'listitem', 'In the app'));
    expect(server.posts[1]).toEqual({ path: 'topics/subscribe', body: { topicArn: OPS, protocol: 'app' } });

    const requestPermission = vi.fn(async () => 'denied');
    vi.stubGlobal('Notification', Object.assign(vi.fn(), { permission: 'default', requestPermission }));
    const item = getByRole(c, 'listitem', 'ops');
    changeValue(getByLabelText<HTMLSelectElement>(item, 'Deliver'), 'browser');
    click(getByRole(item, 'button', 'Subscribe'));
    const why = await waitFor(() => getByRole(getByRole(c, 'listitem', 'ops'), 'alert'));
    expect(why.textContent).toMatch(/blocks notifications from this site/);
    expect(requestPermission).toHaveBeenCalledOnce();
    expect(server.posts).toHaveLength(2);
  });

  it('lists notifications newest first, expands the message, and marks them seen', async () => {
    const c = renderUi(<NotificationsPage />, '/notifications');
    await waitFor(() => expect(entries(c)).toHaveLength(2));
    expect(entries(c).map((e) => e.dataset.id)).toEqual(['cpu-high', 'errors']);
    const first = entries(c)[0];
    expect(first.textContent).toContain('ALARM: "cpu-high" in US East (N. Virginia)');
    expect(first.textContent).toContain('cpu-high crossed its threshold');
    expect(first.textContent).toContain('1970-01-01 00:00:02 UTC');
    click(getByRole(first, 'button', 'Show message'));
    expect(first.querySelector('pre')?.textContent).toBe(
      JSON.stringify(JSON.parse(server.notifications[0].message), null, 2),
    );
    expect(JSON.parse(localStorage.getItem(LAST_SEEN_STORAGE_KEY) ?? '{}').state.lastSeen).toEqual({
      id: 'cpu-high',
      timestampMs: 2_000,
    });
  });
});

describe('NotificationWatcher and UnreadBadge', () => {
  it('toasts new app deliveries, shows browser ones natively, and counts unread', async () => {
    const shown: { title: string; options: NotificationOptions }[] = [];
    const NotificationStub = vi.fn(function (
      this: { onclick?: () => void; close: () => void },
      title: string,
      options: NotificationOptions,
    ) {
      shown.push({ title, options });
      this.close = () => {};
    });
    vi.stubGlobal('Notification', Object.assign(NotificationStub, { permission: 'granted' }));
    useLastSeen.setState({ lastSeen: { id: 'errors', timestampMs: 1_000 } });

    const c = renderUi(
      <>
        <HeaderLink />
        <NotificationWatcher />
      </>,
    );
    await waitFor(() => expect(linkName(c)).toBe('Notifications, 1 unread'));
    expect(c.querySelector('[data-testid="unread-count"]')?.textContent).toBe('1');
    // What was there before the page opened does not pop up.
    expect(c.querySelectorAll('[data-testid="toast"]')).toHaveLength(0);

    server.notifications = [
      note('latency', 4_000, ['browser']),
      note('disk', 3_000, ['app']),
      ...server.notifications,
    ];
    await poll();
    const toast = await waitFor(() => {
      const t = c.querySelectorAll<HTMLElement>('[data-testid="toast"]');
      expect(t).toHaveLength(1);
      return t[0];
    });
    expect(toast.textContent).toContain('ALARM: "disk" in US East (N. Virginia)');
    expect(toast.textContent).toContain('disk crossed its threshold');
    expect(shown).toEqual([
      {
        title: 'ALARM: "latency" in US East (N. Virginia)',
        options: { body: 'latency crossed its threshold', tag: 'latency' },
      },
    ]);
    await waitFor(() => expect(linkName(c)).toBe('Notifications, 3 unread'));

    click(getByRole(toast, 'button', /^ALARM: "disk"/));
    expect(location.pathname).toBe('/notifications');
    expect(c.querySelectorAll('[data-testid="toast"]')).toHaveLength(0);
    // On the notifications page itself the badge is gone.
    expect(linkName(c)).toBe('Notifications');
  });

  it('draws nothing where the backend has no control endpoints', () => {
    useConnectionStore.setState({ endpoint: 'https://monitoring.us-east-1.amazonaws.com' });
    const c = renderUi(<HeaderLink />);
    expect(c.querySelector('[data-testid="unread-count"]')).toBeNull();
    expect(linkName(c)).toBe('Notifications');
  });
});
