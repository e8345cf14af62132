// @vitest-environment jsdom
// Widgets as a dashboard draws them, against fake CloudWatch and CloudTrail clients: each view its
// drawing, the tile for what is not supported, the widget's own range, lazy queries, dynamic labels,
// alarms named by annotations, and the audit-events widget.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Rendered, render, stubResizeObserver, waitFor } from '../../../../components/test-render.ts';
import type * as AuditEvents from '../../../../lib/audit-events/audit-events.ts';
import type { Widget } from '../../model/dashboard-body.ts';

const calls = vi.hoisted(() => [] as { name: string; input: Record<string, unknown> }[]);
const MIN = 60_000;
const NOW = Date.parse('2026-11-21T12:00:00Z');
const START = NOW - 60 * MIN;

vi.mock('../../../../lib/aws-clients.ts', () => ({
  cloudWatchClient: () => ({
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const name = command.constructor.name;
      calls.push({ name, input: command.input });
      if (name === 'GetMetricDataCommand') {
        const queries = command.input.MetricDataQueries as {
          Id: string;
          Label?: string;
          Expression?: string;
        }[];
        const start = (command.input.StartTime as Date).getTime();
        // A SEARCH finds three instances: three results with its Id, as GetMetricData gives them.
        const labels = (q: (typeof queries)[number]) =>
          q.Expression?.startsWith('SEARCH(') ? ['i-1', 'i-2', 'i-3'] : [q.Label ?? `Metric ${q.Id}`];
        return {
          MetricDataResults: queries.flatMap((q, k) =>
            labels(q).map((Label, n) => ({
              Id: q.Id,
              Label,
              StatusCode: 'Complete',
              Timestamps: Array.from({ length: 10 }, (_, i) => new Date(start + i * 5 * MIN)),
              Values: Array.from({ length: 10 }, (_, i) => (k + n + 1) * i),
            })),
          ),
        };
      }
      if (name === 'DescribeAlarmsCommand') {
        return {
          MetricAlarms: [
            {
              AlarmName: 'cpu-high',
              StateValue: 'ALARM',
              Threshold: 70,
              ComparisonOperator: 'GreaterThanThreshold',
              Namespace: 'AWS/EC2',
              MetricName: 'CPUUtilization',
              Dimensions: [{ Name: 'InstanceId', Value: 'i-1' }],
              Statistic: 'Average',
              Period: 300,
            },
          ],
        };
      }
      return { MetricAlarms: [] };
    },
  }),
}));

vi.mock('../../../../lib/cloudtrail/cloudtrail-client.ts', () => ({
  cloudTrailClient: () => ({
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      calls.push({ name: command.constructor.name, input: command.input });
      return {
        Events: [
          {
            EventId: 'ev-1',
            EventName: 'UpdateFunctionCode',
            EventTime: new Date(NOW - 10 * MIN),
            EventSource: 'lambda.amazonaws.com',
            Username: 'deploy-bot',
            ReadOnly: 'false',
            Resources: [{ ResourceType: 'AWS::Lambda::Function', ResourceName: 'checkout' }],
            CloudTrailEvent: JSON.stringify({ errorCode: 'AccessDenied' }),
          },
        ],
      };
    },
  }),
}));

// Graph markers come from the trail's own endpoint: none in these tests.
vi.mock('../../../../lib/audit-events/audit-events.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof AuditEvents>()),
  useChartMarkers: () => undefined,
}));

const { WidgetView, widgetKind } = await import('./widget-view.tsx');

let rendered: Rendered | undefined;
let restoreResize: () => void;
beforeEach(() => {
  restoreResize = stubResizeObserver(600);
});
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  calls.length = 0;
  restoreResize();
  vi.unstubAllGlobals();
});

function show(
  widget: Widget,
  extra: { onDrawn?: (k: string) => void; lazy?: boolean; actions?: ReactNode } = {},
) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  rendered = render(
    <QueryClientProvider client={client}>
      <WidgetView
        widget={widget}
        startMs={START}
        endMs={NOW}
        nowMs={NOW}
        widthPx={600}
        heightPx={300}
        onDrawn={extra.onDrawn ?? (() => {})}
        onZoom={() => {}}
        lazy={extra.lazy ?? false}
        actions={extra.actions}
      />
    </QueryClientProvider>,
  );
  return rendered.container.querySelector<HTMLElement>('[data-testid="widget"]')!;
}

const metric = (properties: Record<string, unknown>): Widget => ({
  type: 'metric',
  properties: {
    metrics: [
      ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1'],
      ['.', '.', '.', 'i-2'],
    ],
    ...properties,
  },
});

describe('widgetKind', () => {
  it.each<[string, Widget, string]>([
    ['a graph', metric({}), 'metric'],
    ['every metric view', metric({ view: 'pie' }), 'metric'],
    ['an unknown metric view', metric({ view: 'heatmap' }), 'unsupported'],
    ['text', { type: 'text', properties: { markdown: '# Hi' } }, 'text'],
    ['text without markdown', { type: 'text', properties: {} }, 'unsupported'],
    ['alarm status', { type: 'alarm', properties: { alarms: [] } }, 'alarm'],
    [
      'the audit-events custom widget',
      { type: 'custom', properties: { endpoint: 'watchtrail-audit-events' } },
      'audit-events',
    ],
    [
      'another custom widget',
      { type: 'custom', properties: { endpoint: 'arn:aws:lambda:us-east-1:1:function:mine' } },
      'unsupported',
    ],
    ['a log widget', { type: 'log', properties: { query: 'fields @message' } }, 'unsupported'],
    ['an explorer widget', { type: 'explorer', properties: {} }, 'unsupported'],
    ['an unknown type', { type: 'sparkles' }, 'unsupported'],
  ])('%s', (_name, widget, kind) => {
    expect(widgetKind(widget)).toBe(kind);
  });
});

describe('WidgetView', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['lines', {}, '[data-testid="time-series-chart"] .recharts-line'],
    ['stacked areas', { stacked: true }, '[data-testid="time-series-chart"] .recharts-area'],
    ['numbers', { view: 'singleValue' }, '[data-testid="number-stat"]'],
    ['a gauge', { view: 'gauge', yAxis: { left: { min: 0, max: 100 } } }, '[data-testid="gauge"]'],
    ['bars', { view: 'bar' }, '[data-testid="bar-chart"]'],
    ['a pie', { view: 'pie' }, '[data-testid="pie-chart"]'],
    ['a table', { view: 'table' }, '[data-testid="metric-table"]'],
  ])('draws %s', async (_name, properties, selector) => {
    const box = show(metric({ title: 'CPU', ...properties }));
    expect(box.getAttribute('aria-label')).toBe('CPU');
    expect(box.dataset.widgetType).toBe('metric');
    expect(box.dataset.view).toBe((properties.view as string | undefined) ?? 'timeSeries');
    await waitFor(() => expect(box.querySelector(selector)).not.toBeNull());
  });

  it.each<[string, Widget, RegExp]>([
    [
      'a log widget',
      { type: 'log', properties: { view: 'table', query: 'x' } },
      /Logs Insights widgets \(type "log", view "table"\) are not supported here/,
    ],
    ['an explorer widget', { type: 'explorer', properties: {} }, /Metrics explorer widgets/],
    [
      'a Lambda custom widget',
      { type: 'custom', properties: { endpoint: 'my-fn', title: 'Mine' } },
      /endpoint "my-fn"\) are not supported here/,
    ],
    ['an unknown view', metric({ view: 'heatmap' }), /view "heatmap" are not supported here/],
    ['an unknown type', { type: 'sparkles' }, /Widgets of type "sparkles" are not supported here/],
  ])('says %s is not supported and is kept unchanged', (_name, widget, text) => {
    const onDrawn = vi.fn();
    const box = show(widget, { onDrawn });
    const tile = box.querySelector('[data-testid="unsupported-widget"]')!;
    expect(tile.textContent).toMatch(text);
    expect(tile.textContent).toMatch(/kept unchanged/);
    expect(calls).toHaveLength(0);
  });

  it('reports the dashboard range as drawn even when the widget shows its own, and says so', async () => {
    const onDrawn = vi.fn();
    const box = show(metric({ title: 'CPU', start: '-PT6H' }), { onDrawn });
    expect(box.querySelector('[data-testid="widget-range-badge"]')?.textContent).toBe('Last 6h');
    await waitFor(() => expect(onDrawn).toHaveBeenCalledWith(`${START}:${NOW}`));
    const asked = calls.find((c) => c.name === 'GetMetricDataCommand')!;
    expect((asked.input.StartTime as Date).getTime()).toBeLessThanOrEqual(NOW - 6 * 60 * MIN);
  });

  it('draws text at once, safely, with the actions over it', async () => {
    const onDrawn = vi.fn();
    const box = show(
      { type: 'text', properties: { markdown: '## Runbook\n<script>window.x=1</script>' } },
      { onDrawn, actions: <button type="button">Edit</button> },
    );
    expect(box.getAttribute('aria-label')).toBe('Runbook');
    expect(box.querySelector('script')).toBeNull();
    expect(box.querySelector('button')?.textContent).toBe('Edit');
    await waitFor(() => expect(onDrawn).toHaveBeenCalledWith(`${START}:${NOW}`));
  });

  it('asks for nothing until it comes near the viewport', async () => {
    let report: ((entries: { isIntersecting: boolean }[]) => void) | undefined;
    class Observer {
      constructor(cb: (entries: { isIntersecting: boolean }[]) => void) {
        report = cb;
      }
      observe() {}
      disconnect() {}
    }
    vi.stubGlobal('IntersectionObserver', Observer);
    const box = show(metric({}), { lazy: true });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 30));
    });
    expect(calls.filter((c) => c.name === 'GetMetricDataCommand')).toHaveLength(0);
    expect(box.dataset.inView).toBe('false');
    act(() => report?.([{ isIntersecting: true }]));
    await waitFor(() => expect(calls.filter((c) => c.name === 'GetMetricDataCommand')).toHaveLength(1));
  });

  it('fills dynamic labels from the points shown and the metric', async () => {
    const box = show({
      type: 'metric',
      properties: {
        metrics: [
          [
            'AWS/EC2',
            'CPUUtilization',
            'InstanceId',
            'i-1',
            { label: "${PROP('Dim.InstanceId')} max ${MAX}" },
          ],
        ],
      },
    });
    await waitFor(() =>
      expect(box.querySelector('[aria-label="Legend"]')?.textContent).toContain('i-1 max 9'),
    );
    const query = (
      calls.find((c) => c.name === 'GetMetricDataCommand')!.input.MetricDataQueries as { Label?: string }[]
    )[0];
    expect(query.Label).toBeUndefined();
  });

  it('names two unlabelled rows of one metric by their dimension values, and leaves a single one alone', async () => {
    const box = show({
      type: 'metric',
      properties: {
        metrics: [
          ['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1'],
          ['.', '.', '.', 'i-2'],
          ['.', 'NetworkIn', '.', 'i-1'],
        ],
      },
    });
    await waitFor(() =>
      expect(box.querySelector('[aria-label="Legend"]')?.textContent).toContain('CPUUtilization i-2'),
    );
    const legend = box.querySelector('[aria-label="Legend"]')?.textContent ?? '';
    expect(legend).toContain('CPUUtilization i-1');
    expect(legend).toContain('Metric m2');
    expect(legend).not.toContain('NetworkIn i-1');
  });

  it('draws one line per series of a SEARCH, each with the colour of its row', async () => {
    const box = show({
      type: 'metric',
      properties: {
        metrics: [
          [
            {
              expression: `SEARCH('{AWS/EC2,InstanceId} MetricName="CPUUtilization"', 'Average', 300)`,
              id: 'e1',
              color: '#ff7f0e',
            },
          ],
          ['AWS/EC2', 'NetworkIn', 'InstanceId', 'i-1', { yAxis: 'right' }],
        ],
      },
    });
    await waitFor(() =>
      expect(box.querySelectorAll('[data-testid="time-series-chart"] .recharts-line')).toHaveLength(4),
    );
    const legend = box.querySelector('[aria-label="Legend"]')?.textContent ?? '';
    for (const label of ['i-1', 'i-2', 'i-3', 'Metric m1']) expect(legend).toContain(label);
    const strokes = [...box.querySelectorAll('[data-testid="time-series-chart"] .recharts-line-curve')].map(
      (p) => p.getAttribute('stroke'),
    );
    expect(strokes.filter((c) => c === '#ff7f0e')).toHaveLength(3);
  });

  it("graphs the metric of an alarm named in annotations.alarms, with the alarm's threshold", async () => {
    const box = show({
      type: 'metric',
      properties: {
        title: 'Alarm',
        annotations: { alarms: ['arn:aws:cloudwatch:us-east-1:1:alarm:cpu-high'] },
      },
    });
    await waitFor(() => expect(box.querySelector('.chart-threshold')).not.toBeNull());
    expect(calls.find((c) => c.name === 'DescribeAlarmsCommand')!.input.AlarmNames).toEqual(['cpu-high']);
    const queries = calls.find((c) => c.name === 'GetMetricDataCommand')!.input.MetricDataQueries as {
      MetricStat?: { Metric: { MetricName: string }; Period: number };
    }[];
    expect(queries.map((q) => q.MetricStat?.Metric.MetricName)).toEqual(['CPUUtilization']);
    expect(box.querySelector('[aria-label="Annotations"]')?.textContent).toContain('cpu-high > 70');
  });

  it('lists audit events with links to Event history', async () => {
    const onDrawn = vi.fn();
    const box = show(
      {
        type: 'custom',
        properties: {
          endpoint: 'watchtrail-audit-events',
          title: 'Lambda changes',
          params: { lookup: { key: 'EventSource', value: 'lambda.amazonaws.com' }, limit: 5 },
        },
      },
      { onDrawn },
    );
    expect(box.getAttribute('aria-label')).toBe('Lambda changes');
    await waitFor(() => expect(box.querySelector('[data-testid="audit-events-table"]')).not.toBeNull());
    const lookup = calls.find((c) => c.name === 'LookupEventsCommand')!.input;
    expect(lookup.LookupAttributes).toEqual([
      { AttributeKey: 'EventSource', AttributeValue: 'lambda.amazonaws.com' },
    ]);
    const row = box.querySelector('tbody tr')!;
    expect(row.textContent).toContain('deploy-bot');
    expect(row.textContent).toContain('checkout');
    expect(row.textContent).toContain('AccessDenied');
    const link = row.querySelector('a')!;
    expect(link.textContent).toBe('UpdateFunctionCode');
    expect(new URL(link.href, 'http://x').searchParams.get('event')).toBe('ev-1');
    expect(new URL(link.href, 'http://x').pathname).toBe('/events');
    await waitFor(() => expect(onDrawn).toHaveBeenCalledWith(`${START}:${NOW}`));
  });
});
