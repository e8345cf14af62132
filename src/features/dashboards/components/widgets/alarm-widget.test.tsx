// @vitest-environment jsdom
// The alarm status widget against a fake DescribeAlarms: tiles, their states and order, and clicks.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Rendered, click, getByRole, render, waitFor } from '../../../../components/test-render.ts';
import type { AlarmWidgetProperties } from '../../model/dashboard-body.ts';

const calls = vi.hoisted(() => [] as Record<string, unknown>[]);
const arn = (n: string) => `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${n}`;

vi.mock('../../../../lib/aws-clients.ts', () => ({
  cloudWatchClient: () => ({
    send: async (command: { input: Record<string, unknown> }) => {
      calls.push(command.input);
      const names = command.input.AlarmNames as string[] | undefined;
      const metric = [
        {
          AlarmName: 'cpu high',
          AlarmArn: arn('cpu high'),
          StateValue: 'ALARM',
          StateUpdatedTimestamp: new Date(2_000),
        },
        {
          AlarmName: 'errors',
          AlarmArn: arn('errors'),
          StateValue: 'OK',
          StateUpdatedTimestamp: new Date(3_000),
        },
        {
          AlarmName: 'latency',
          AlarmArn: arn('latency'),
          StateValue: 'INSUFFICIENT_DATA',
          StateUpdatedTimestamp: new Date(1_000),
        },
      ];
      const composite = [
        {
          AlarmName: 'shop',
          AlarmArn: arn('shop'),
          StateValue: 'ALARM',
          StateUpdatedTimestamp: new Date(4_000),
        },
      ];
      const pick = <T extends { AlarmName: string }>(l: T[]) =>
        l.filter((a) => !names || names.includes(a.AlarmName));
      return { MetricAlarms: pick(metric), CompositeAlarms: pick(composite) };
    },
  }),
}));

const { AlarmWidgetView } = await import('./alarm-widget.tsx');

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  calls.length = 0;
  history.replaceState(null, '', '/');
});

function renderWidget(properties: AlarmWidgetProperties, onDrawn = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  rendered = render(
    <QueryClientProvider client={client}>
      <AlarmWidgetView properties={properties} title="Alarms" rangeKey="1:2" onDrawn={onDrawn} />
    </QueryClientProvider>,
  );
  return rendered.container;
}

const tiles = (c: HTMLElement) =>
  Array.from(c.querySelectorAll<HTMLElement>('[data-testid="alarm-tile"]')).map((t) => [
    t.textContent,
    t.dataset.state,
  ]);

describe('AlarmWidgetView', () => {
  it('shows every alarm for an empty list, worst state first, and says why in its help', async () => {
    const onDrawn = vi.fn();
    const c = renderWidget({ title: 'Alarms', alarms: [], sortBy: 'stateUpdatedTimestamp' }, onDrawn);
    await waitFor(() => expect(tiles(c)).toHaveLength(4));
    expect(tiles(c)).toEqual([
      ['shopIn alarm · composite', 'ALARM'],
      ['cpu highIn alarm', 'ALARM'],
      ['latencyInsufficient data', 'INSUFFICIENT_DATA'],
      ['errorsOK', 'OK'],
    ]);
    expect(calls[0]).toMatchObject({ AlarmNames: undefined, AlarmTypes: ['CompositeAlarm', 'MetricAlarm'] });
    await waitFor(() => expect(onDrawn).toHaveBeenCalledWith('1:2'));

    click(getByRole(c, 'button', 'About this widget'));
    expect(c.textContent).toContain('shows every alarm DescribeAlarms returns');

    click(getByRole(c, 'button', 'cpu high: In alarm'));
    expect(location.pathname).toBe('/alarms/cpu%20high');
    click(getByRole(c, 'button', 'shop: In alarm'));
    expect(location.pathname).toBe('/alarms/composite/shop');
  });

  it('shows the listed alarms in the listed states, and a missing one as not found', async () => {
    const c = renderWidget({ alarms: [arn('errors'), arn('gone'), arn('latency')] });
    await waitFor(() => expect(tiles(c)).toHaveLength(3));
    expect(tiles(c)).toEqual([
      ['errorsOK', 'OK'],
      ['goneNot found', 'NOT_FOUND'],
      ['latencyInsufficient data', 'INSUFFICIENT_DATA'],
    ]);
    expect(calls[0]).toMatchObject({ AlarmNames: ['errors', 'gone', 'latency'] });
    rendered?.unmount();
    const d = renderWidget({ alarms: [arn('errors'), arn('latency')], states: ['ALARM'] });
    await waitFor(() => expect(d.textContent).toContain('No alarm in the states this widget shows.'));
  });
});
