// @vitest-environment jsdom
// The page against a fake CloudWatch client: what a person sees and does, from the metric list to
// the graph, the URL and the publish form. (Contract tests against the real engine live with the API.)
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  changeValue,
  click,
  getByLabelText,
  getByRole,
  queryAllByRole,
  render,
  stubResizeObserver,
  waitFor,
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
            Label?: string;
            ReturnData?: boolean;
            Expression?: string;
            MetricStat?: { Stat: string };
          }[];
          const bad = queries.find(
            (q) =>
              q.MetricStat &&
              !/^(SampleCount|Average|Sum|Minimum|Maximum|p\d+(\.\d+)?|IQM)$/.test(q.MetricStat.Stat),
          );
          if (bad?.MetricStat) {
            throw new AwsException(
              'InvalidParameterValueException',
              `The value ${bad.MetricStat.Stat} for parameter MetricDataQueries.member.1.MetricStat.Stat is not a valid statistic.`,
            );
          }
          // The fake's metric math: one result per expression, except a band ([upper, lower]); an
          // unbalanced ")" is refused the way the engine refuses it.
          queries.forEach((q, i) => {
            const position = q.Expression ? unbalancedParen(q.Expression) : -1;
            if (position >= 0) {
              throw new AwsException(
                'InvalidParameterValueException',
                `The value ${q.Expression} for parameter MetricDataQueries.member.${i + 1}.Expression is invalid: Unexpected token ')' at position ${position}.`,
              );
            }
          });
          const start = (input.StartTime as Date).getTime();
          const timestamps = [new Date(start + 60_000), new Date(start + 120_000), new Date(start + 180_000)];
          return {
            MetricDataResults: queries.flatMap((q, i) => {
              if (q.ReturnData === false) return [];
              const one = (label: string, values: number[]) => ({
                Id: q.Id,
                Label: label,
                StatusCode: 'Complete',
                Timestamps: timestamps,
                Values: values,
              });
              if (q.Expression?.startsWith('ANOMALY_DETECTION_BAND'))
                return [one(`${q.Label} (upper)`, [9, 9, 9]), one(`${q.Label} (lower)`, [0, 0, 0])];
              return [one(q.Label ?? q.Id, [i + 1, i + 2, i + 3])];
            }),
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

/** The position of the first ")" that closes nothing, or -1. */
function unbalancedParen(expression: string): number {
  let depth = 0;
  for (let i = 0; i < expression.length; i++) {
    if (expression[i] === '(') depth++;
    if (expression[i] === ')' && --depth < 0) return i;
  }
  return -1;
}

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
        Id: 'm1',
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
    // A link from before metric math: the metrics get m1, m2 in order, and the link gains no math.
    expect((data?.input.MetricDataQueries as { Id: string }[]).map((q) => q.Id)).toEqual(['m1', 'm2']);
    expect(new URLSearchParams(location.search).get('range')).toBe('12h');
    expect(new URLSearchParams(location.search).has('math')).toBe(false);
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

  it('shows the API error for an invalid expression on its row, keeps it as typed, and still draws the metrics', async () => {
    const metrics = encodeMetrics([
      { namespace: 'Shop', metricName: 'Orders', dimensions: [{ name: 'Service', value: 'checkout' }] },
      { namespace: 'AWS/EC2', metricName: 'NetworkIn', dimensions: [{ name: 'InstanceId', value: 'i-0a1' }] },
    ]);
    const c = renderPage(`/metrics?metrics=${metrics}`);
    await waitFor(() => expect(chart(c)?.dataset.seriesCount).toBe('2'));
    // test-render knows no implicit table role.
    const table = c.querySelector<HTMLTableElement>('table[aria-label="Graphed metrics"]');
    expect(Array.from(table?.tBodies[0].rows ?? [], (tr) => tr.cells[0].textContent)).toEqual(['m1', 'm2']);

    click(getByRole(c, 'button', 'Add math expression'));
    changeValue(getByLabelText(c, 'Expression 1'), 'm1 + (m2))');
    const alert = await waitFor(() => getByRole(c, 'alert', /InvalidParameterValueException/));
    expect(alert.textContent).toBe(
      "InvalidParameterValueException: The value m1 + (m2)) for parameter MetricDataQueries.member.3.Expression is invalid: Unexpected token ')' at position 9.",
    );
    // On the expression's own row, tied to its field; what was typed stays.
    const row = alert.closest('li') as HTMLElement;
    expect(getByLabelText(row, 'Expression 1').value).toBe('m1 + (m2))');
    expect(getByLabelText(row, 'Expression 1').getAttribute('aria-describedby')).toBe(alert.id);
    // The metrics are drawn without it.
    await waitFor(() => {
      const last = fake.calls.filter((x) => x.command === 'GetMetricData').at(-1);
      expect((last?.input.MetricDataQueries as { Id: string }[]).map((q) => q.Id)).toEqual(['m1', 'm2']);
    });
    expect(chart(c)?.dataset.seriesCount).toBe('2');
    expect(queryAllByRole(c, 'alert')).toHaveLength(1);

    // Fixed, labelled, it is drawn with the metrics; a metric used only by it can be hidden.
    changeValue(getByLabelText(c, 'Expression 1'), 'm1 + (m2)');
    changeValue(getByLabelText(c, 'Expression 1 label'), 'Total');
    await waitFor(() => expect(queryAllByRole(c, 'alert')).toHaveLength(0));
    await waitFor(() => expect(chart(c)?.dataset.seriesCount).toBe('3'));
    click(checkbox(c, 'Show m1'));
    await waitFor(() => expect(chart(c)?.dataset.seriesCount).toBe('2'));
    const last = fake.calls.filter((x) => x.command === 'GetMetricData').at(-1);
    expect(last?.input.MetricDataQueries).toMatchObject([
      { Id: 'm1', ReturnData: false },
      { Id: 'm2', ReturnData: true },
      { Id: 'e1', Expression: 'm1 + (m2)', Label: 'Total', ReturnData: true },
    ]);

    // The link keeps it.
    const math = new URLSearchParams(location.search).get('math') ?? '';
    const decoded = JSON.parse(atob(math.replace(/-/g, '+').replace(/_/g, '/'))) as unknown;
    expect(decoded).toEqual({
      m: [
        ['m1', 0],
        ['m2', 1],
      ],
      e: [['e1', 'm1 + (m2)', 'Total', 1]],
    });

    click(getByRole(c, 'button', 'Remove expression 1'));
    expect(queryAllByRole(c, 'textbox', 'Expression 1')).toHaveLength(0);
  });

  it("draws a metric's anomaly band as a band, with its width", async () => {
    const metrics = encodeMetrics([
      { namespace: 'Shop', metricName: 'Orders', dimensions: [{ name: 'Service', value: 'checkout' }] },
    ]);
    const c = renderPage(`/metrics?metrics=${metrics}`);
    await waitFor(() => expect(chart(c)?.dataset.seriesCount).toBe('1'));
    click(checkbox(c, 'Anomaly band for Orders checkout'));
    const key = await waitFor(() => getByRole(c, 'list', 'Annotations'));
    expect(key.textContent).toBe('Orders checkout anomaly band (2)');
    expect(chart(c)?.dataset.seriesCount).toBe('1');
    expect(c.textContent).toContain("Watchtrail's own model (AWS does not publish theirs)");
    const calls = () => fake.calls.filter((x) => x.command === 'GetMetricData');
    expect(calls().at(-1)?.input.MetricDataQueries).toMatchObject([
      { Id: 'm1' },
      { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1, 2)', ReturnData: true },
    ]);

    const width = getByLabelText(c, 'Band width for Orders checkout');
    expect(width.value).toBe('2');
    changeValue(width, '0');
    expect(c.textContent).toContain('Enter a number above 0');
    changeValue(width, '1.5');
    await waitFor(() => expect(getByRole(c, 'list', 'Annotations').textContent).toContain('(1.5)'));
    expect(calls().at(-1)?.input.MetricDataQueries).toMatchObject([
      { Id: 'm1' },
      { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1, 1.5)' },
    ]);
    expect(new URLSearchParams(location.search).get('math')).toBeTruthy();
  });
});
