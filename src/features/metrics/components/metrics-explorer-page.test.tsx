// @vitest-environment jsdom
// The page against a fake CloudWatch client: what a person sees and does, from the metric list to
// the graph, the URL and the publish form. (Contract tests against the real engine live with the API.)
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  changeValue,
  click,
  getByLabelText,
  getByRole,
  queryAllByRole,
  render,
  stubResizeObserver,
} from '../../../components/test-render.ts';
import type { Rendered } from '../../../components/test-render.ts';
import { encodeMetrics } from '../model/selection-url.ts';
import { useMetricBrowser } from '../stores/metric-browser-store.ts';
import { useMetricsSelection } from '../stores/metrics-selection-store.ts';
import { DEFAULT_SELECTION } from '../model/selection-url.ts';

interface FakeMetric {
  Namespace: string;
  MetricName: string;
  Dimensions: { Name: string; Value: string }[];
}

const NOW = Date.parse('2026-11-21T12:00:00Z');
const fake = vi.hoisted(() => ({
  metrics: [] as FakeMetric[],
  calls: [] as { command: string; input: Record<string, unknown> }[],
}));

class AwsException extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

vi.mock('../../../lib/aws-clients.ts', () => ({
  cloudWatchClient: () => ({
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const name = command.constructor.name.replace(/Command$/, '');
      const input = command.input;
      fake.calls.push({ command: name, input });
      switch (name) {
        case 'ListMetrics':
          return { Metrics: fake.metrics };
        case 'PutMetricData': {
          if (String(input.Namespace).startsWith('AWS/')) {
            throw new AwsException(
              'InvalidParameterValueException',
              `The value ${String(input.Namespace)} for parameter Namespace is invalid: namespaces starting with AWS/ are reserved for AWS services.`,
            );
          }
          const [datum] = input.MetricData as {
            MetricName: string;
            Dimensions?: { Name: string; Value: string }[];
          }[];
          fake.metrics.push({
            Namespace: String(input.Namespace),
            MetricName: datum.MetricName,
            Dimensions: datum.Dimensions ?? [],
          });
          return {};
        }
        case 'GetMetricData': {
          const queries = input.MetricDataQueries as {
            Id: string;
            Label: string;
            MetricStat: { Stat: string };
          }[];
          const bad = queries.find(
            (q) => !/^(SampleCount|Average|Sum|Minimum|Maximum|p\d+(\.\d+)?|IQM)$/.test(q.MetricStat.Stat),
          );
          if (bad) {
            throw new AwsException(
              'InvalidParameterValueException',
              `The value ${bad.MetricStat.Stat} for parameter MetricDataQueries.member.1.MetricStat.Stat is not a valid statistic.`,
            );
          }
          const start = (input.StartTime as Date).getTime();
          return {
            MetricDataResults: queries.map((q, i) => ({
              Id: q.Id,
              Label: q.Label,
              StatusCode: 'Complete',
              Timestamps: [new Date(start + 60_000), new Date(start + 120_000), new Date(start + 180_000)],
              Values: [i + 1, i + 2, i + 3],
            })),
          };
        }
        case 'GetMetricStatistics':
          return { Datapoints: [{ Unit: 'Milliseconds', SampleCount: 3 }] };
        default:
          throw new Error(`unexpected ${name}`);
      }
    },
  }),
}));

const { MetricsExplorerPage } = await import('./metrics-explorer-page.tsx');

const SEED: FakeMetric[] = [
  {
    Namespace: 'AWS/EC2',
    MetricName: 'CPUUtilization',
    Dimensions: [{ Name: 'InstanceId', Value: 'i-0a1' }],
  },
  {
    Namespace: 'AWS/EC2',
    MetricName: 'CPUUtilization',
    Dimensions: [{ Name: 'InstanceId', Value: 'i-0b2' }],
  },
  { Namespace: 'AWS/EC2', MetricName: 'NetworkIn', Dimensions: [{ Name: 'InstanceId', Value: 'i-0a1' }] },
  {
    Namespace: 'AWS/Lambda',
    MetricName: 'Errors',
    Dimensions: [{ Name: 'FunctionName', Value: 'checkout' }],
  },
  { Namespace: 'Shop', MetricName: 'Orders', Dimensions: [{ Name: 'Service', Value: 'checkout' }] },
];

let rendered: Rendered | undefined;
let restoreResize: () => void;

beforeEach(() => {
  fake.metrics = SEED.map((m) => ({ ...m, Dimensions: [...m.Dimensions] }));
  fake.calls = [];
  restoreResize = stubResizeObserver(900);
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify({ now: NOW, paused: true, speed: 1 }), {
          headers: { 'content-type': 'application/json' },
        }),
    ),
  );
  useMetricsSelection.getState().replace(DEFAULT_SELECTION);
  useMetricBrowser.setState({ search: '', namespace: undefined, metricName: undefined });
});

afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  restoreResize();
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
});

function renderPage(url = '/metrics?range=3h&refresh=off') {
  history.replaceState(null, '', url);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  rendered = render(
    <QueryClientProvider client={client}>
      <MetricsExplorerPage />
    </QueryClientProvider>,
  );
  return rendered.container;
}

/** Lets queries settle and React re-render, until `check` stops throwing. */
async function waitFor<T>(check: () => T, timeoutMs = 2000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (e) {
      if (Date.now() > until) throw e;
      await act(async () => {
        await new Promise((r) => setTimeout(r, 10));
      });
    }
  }
}

const chart = (c: HTMLElement) => c.querySelector<HTMLElement>('[data-testid="time-series-chart"]');
// test-render knows no implicit checkbox role: find checkboxes by their aria-label.
const checkboxes = (c: HTMLElement, name: string | RegExp) =>
  Array.from(c.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).filter((e) => {
    const label = e.getAttribute('aria-label') ?? '';
    return typeof name === 'string' ? label === name : name.test(label);
  });
function checkbox(c: HTMLElement, name: string): HTMLInputElement {
  const found = checkboxes(c, name);
  if (found.length !== 1) throw new Error(`Expected one checkbox named ${name}, found ${found.length}.`);
  return found[0];
}

describe('MetricsExplorerPage', () => {
  it('browses namespaces, metric names and dimension sets, and graphs what is checked', async () => {
    const c = renderPage();
    expect(c.textContent).toContain('Select metrics to graph them');
    await waitFor(() => getByRole(c, 'button', 'Shop'));
    expect(getByRole(c, 'button', 'AWS/EC2')).toBeTruthy();
    expect(getByRole(c, 'button', 'AWS/Lambda')).toBeTruthy();

    click(getByRole(c, 'button', 'AWS/EC2'));
    click(getByRole(c, 'button', 'CPUUtilization'));
    click(checkbox(c, 'CPUUtilization i-0b2'));
    expect(checkbox(c, 'CPUUtilization i-0b2').checked).toBe(true);

    await waitFor(() => expect(chart(c)?.dataset.seriesCount).toBe('1'));
    expect(getByRole(c, 'button', 'Remove CPUUtilization i-0b2')).toBeTruthy();
    const data = fake.calls.filter((x) => x.command === 'GetMetricData').at(-1);
    expect(data?.input.MetricDataQueries).toMatchObject([
      {
        Id: 'm0',
        MetricStat: {
          Metric: { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization' },
          Stat: 'Average',
          Period: 60,
        },
      },
    ]);

    // The URL holds the selection and keeps the time params.
    const params = new URLSearchParams(location.search);
    expect(params.get('range')).toBe('3h');
    expect(params.get('refresh')).toBe('off');
    expect(params.get('stat')).toBe('Average');
    expect(params.get('period')).toBe('auto');
    expect(params.get('metrics')).toBe(
      encodeMetrics([
        {
          namespace: 'AWS/EC2',
          metricName: 'CPUUtilization',
          dimensions: [{ name: 'InstanceId', value: 'i-0b2' }],
        },
      ]),
    );

    // Back up through the breadcrumb.
    click(getByRole(c.querySelector('nav[aria-label="Breadcrumb"]') as HTMLElement, 'button', 'AWS/EC2'));
    expect(getByRole(c, 'button', 'NetworkIn')).toBeTruthy();
    click(getByRole(c, 'button', 'All metrics'));
    expect(getByRole(c, 'button', 'Shop')).toBeTruthy();

    // Remove it from the graph.
    click(getByRole(c, 'button', 'Remove CPUUtilization i-0b2'));
    expect(c.textContent).toContain('Select metrics to graph them');
    expect(new URLSearchParams(location.search).get('metrics')).toBeNull();
  });

  it('searches across namespaces, by dimension values too', async () => {
    const c = renderPage();
    await waitFor(() => getByRole(c, 'button', 'Shop'));
    changeValue(getByLabelText(c, 'Search metrics'), 'CHECKOUT');
    await waitFor(() => checkbox(c, 'Orders checkout'));
    expect(checkbox(c, 'Errors checkout')).toBeTruthy();
    expect(checkboxes(c, /CPUUtilization/)).toHaveLength(0);
    expect(c.textContent).toContain('2 matches for “CHECKOUT”');
  });

  it('reopens the graph from a link, with its statistic and period', async () => {
    const metrics = encodeMetrics([
      { namespace: 'Shop', metricName: 'Orders', dimensions: [{ name: 'Service', value: 'checkout' }] },
      { namespace: 'AWS/EC2', metricName: 'NetworkIn', dimensions: [{ name: 'InstanceId', value: 'i-0a1' }] },
    ]);
    const c = renderPage(`/metrics?range=12h&metrics=${metrics}&stat=p99&period=300`);
    await waitFor(() => expect(chart(c)?.dataset.seriesCount).toBe('2'));
    expect(getByLabelText<HTMLSelectElement>(c, 'Statistic').value).toBe('p99');
    expect(getByLabelText<HTMLSelectElement>(c, 'Period').value).toBe('300');
    const data = fake.calls.filter((x) => x.command === 'GetMetricData').at(-1);
    expect(
      (data?.input.MetricDataQueries as { MetricStat: { Stat: string; Period: number } }[]).map(
        (q) => q.MetricStat,
      ),
    ).toMatchObject([
      { Stat: 'p99', Period: 300 },
      { Stat: 'p99', Period: 300 },
    ]);
    expect(new URLSearchParams(location.search).get('range')).toBe('12h');
  });

  it('shows the API error for an invalid custom statistic and keeps what was typed', async () => {
    const metrics = encodeMetrics([
      { namespace: 'Shop', metricName: 'Orders', dimensions: [{ name: 'Service', value: 'checkout' }] },
    ]);
    const c = renderPage(`/metrics?metrics=${metrics}`);
    await waitFor(() => expect(chart(c)?.dataset.seriesCount).toBe('1'));
    changeValue(getByLabelText<HTMLSelectElement>(c, 'Statistic'), 'custom');
    const input = getByLabelText(c, 'Custom stat');
    changeValue(input, 'p99x');
    const alert = await waitFor(() => getByRole(c, 'alert', /InvalidParameterValueException/));
    expect(alert.textContent).toContain(
      'The value p99x for parameter MetricDataQueries.member.1.MetricStat.Stat',
    );
    expect(getByLabelText(c, 'Custom stat').value).toBe('p99x');
    expect(new URLSearchParams(location.search).get('stat')).toBe('p99x');

    changeValue(getByLabelText(c, 'Custom stat'), 'p99.9');
    await waitFor(() => expect(queryAllByRole(c, 'alert')).toHaveLength(0));
  });

  it('publishes datapoints, graphs the metric and lists it', async () => {
    const c = renderPage();
    await waitFor(() => getByRole(c, 'button', 'Shop'));
    changeValue(getByLabelText(c, 'Namespace'), 'Custom/App');
    changeValue(getByLabelText(c, 'Metric name'), 'Latency');
    changeValue(getByLabelText(c, 'Dimension 1 name'), 'Stage');
    changeValue(getByLabelText(c, 'Dimension 1 value'), 'prod');
    changeValue(getByLabelText(c, 'Value(s)'), '12, 15.5, 9');
    changeValue(getByLabelText<HTMLSelectElement>(c, 'Unit'), 'Milliseconds');
    click(getByRole(c, 'button', 'Publish'));

    await waitFor(() => getByRole(c, 'status', 'Published 3 datapoint(s) to Custom/App/Latency'));
    const put = fake.calls.find((x) => x.command === 'PutMetricData');
    expect(put?.input).toMatchObject({
      Namespace: 'Custom/App',
      MetricData: [
        {
          MetricName: 'Latency',
          Values: [12, 15.5, 9],
          Unit: 'Milliseconds',
          StorageResolution: 60,
          Dimensions: [{ Name: 'Stage', Value: 'prod' }],
        },
      ],
    });
    // Checked, graphed, and shown in the browser.
    await waitFor(() => expect(checkbox(c, 'Latency prod').checked).toBe(true));
    await waitFor(() => expect(chart(c)?.dataset.seriesCount).toBe('1'));
    expect(getByRole(c, 'button', 'Remove Latency prod')).toBeTruthy();
    click(getByRole(c, 'button', 'All metrics'));
    expect(getByRole(c, 'button', 'Custom/App')).toBeTruthy();
  });

  it('shows what is plainly wrong, or the server error, and keeps the fields as typed', async () => {
    const c = renderPage();
    await waitFor(() => getByRole(c, 'button', 'Shop'));
    changeValue(getByLabelText(c, 'Namespace'), 'AWS/EC2');
    changeValue(getByLabelText(c, 'Metric name'), 'Fake');
    changeValue(getByLabelText(c, 'Value(s)'), 'twelve');
    click(getByRole(c, 'button', 'Publish'));
    expect(getByRole(c, 'alert').textContent).toBe('"twelve" is not a number.');
    expect(fake.calls.some((x) => x.command === 'PutMetricData')).toBe(false);

    changeValue(getByLabelText(c, 'Value(s)'), '12');
    click(getByRole(c, 'button', 'Publish'));
    const alert = await waitFor(() => getByRole(c, 'alert', /InvalidParameterValueException/));
    expect(alert.textContent).toContain('The value AWS/EC2 for parameter Namespace is invalid');
    expect(getByLabelText(c, 'Namespace').value).toBe('AWS/EC2');
    expect(getByLabelText(c, 'Metric name').value).toBe('Fake');
    expect(getByLabelText(c, 'Value(s)').value).toBe('12');
  });
});
