// @vitest-environment jsdom
// The alarm pages against a fake CloudWatch client: the list, the form, the detail page, as a
// person uses them. (The engine's own answers are checked by the API's contract tests.)
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
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
import { useConnectionStore } from '../../../lib/connection-store.ts';
import { useTimeState } from '../../../lib/time-state.ts';
import { useAlarmListStore } from '../stores/alarm-list-store.ts';

const MIN = 60_000;
const NOW = Date.parse('2026-11-21T12:00:00Z');
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:ops-pager';

type Input = Record<string, unknown>;
const fake = vi.hoisted(() => ({
  metricAlarms: [] as Record<string, unknown>[],
  compositeAlarms: [] as Record<string, unknown>[],
  history: [] as Record<string, unknown>[],
  calls: [] as { command: string; input: Record<string, unknown> }[],
  /** When set, GetMetricData returns one datapoint per period from this function (the tuner's history). */
  series: undefined as ((t: number) => number) | undefined,
  incidents: [] as Record<string, unknown>[],
  trailRows: [] as { eventTime: number; [k: string]: unknown }[],
}));

class AwsException extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

vi.mock('../../../lib/aws-clients.ts', () => ({
  cloudWatchClient: () => ({
    send: async (command: { constructor: { name: string }; input: Input }) => {
      const name = command.constructor.name.replace(/Command$/, '');
      const input = command.input;
      fake.calls.push({ command: name, input });
      const named = (a: Record<string, unknown>) =>
        (!input.AlarmNames || (input.AlarmNames as string[]).includes(a.AlarmName as string)) &&
        (!input.AlarmNamePrefix || (a.AlarmName as string).startsWith(input.AlarmNamePrefix as string));
      switch (name) {
        case 'DescribeAlarms':
          return {
            MetricAlarms: fake.metricAlarms.filter(named),
            CompositeAlarms: fake.compositeAlarms.filter(named),
          };
        case 'DescribeAlarmHistory': {
          const items = fake.history.filter(
            (h) =>
              h.AlarmName === input.AlarmName &&
              (!input.HistoryItemType || h.HistoryItemType === input.HistoryItemType),
          );
          return { AlarmHistoryItems: items };
        }
        case 'DeleteAlarms': {
          const names = input.AlarmNames as string[];
          fake.metricAlarms = fake.metricAlarms.filter((a) => !names.includes(a.AlarmName as string));
          fake.compositeAlarms = fake.compositeAlarms.filter((a) => !names.includes(a.AlarmName as string));
          return {};
        }
        case 'EnableAlarmActions':
        case 'DisableAlarmActions':
          for (const a of [...fake.metricAlarms, ...fake.compositeAlarms]) {
            if ((input.AlarmNames as string[]).includes(a.AlarmName as string))
              a.ActionsEnabled = name === 'EnableAlarmActions';
          }
          return {};
        case 'SetAlarmState': {
          const alarm = fake.metricAlarms.find((a) => a.AlarmName === input.AlarmName);
          if (!alarm)
            throw new AwsException('ResourceNotFound', `Alarm ${String(input.AlarmName)} does not exist.`);
          alarm.StateValue = input.StateValue;
          alarm.StateReason = input.StateReason;
          return {};
        }
        case 'PutMetricAlarm': {
          if (input.AlarmName === 'one-too-many')
            throw new AwsException('LimitExceededFault', 'The maximum number of alarms has been reached.');
          const existing = fake.metricAlarms.find((a) => a.AlarmName === input.AlarmName);
          if (existing) Object.assign(existing, input);
          else
            fake.metricAlarms.push({
              ...input,
              StateValue: 'INSUFFICIENT_DATA',
              StateReason: 'Unchecked: Initial alarm creation',
            });
          return {};
        }
        case 'ListMetrics':
          return {
            Metrics: [
              {
                Namespace: 'AWS/EC2',
                MetricName: 'CPUUtilization',
                Dimensions: [{ Name: 'InstanceId', Value: 'i-1' }],
              },
              {
                Namespace: 'AWS/EC2',
                MetricName: 'CPUUtilization',
                Dimensions: [{ Name: 'InstanceId', Value: 'i-2' }],
              },
              { Namespace: 'Shop', MetricName: 'Orders', Dimensions: [] },
            ],
          };
        case 'DescribeAlarmsForMetric':
          return { MetricAlarms: fake.metricAlarms.filter((a) => a.MetricName === input.MetricName) };
        case 'GetMetricData': {
          const start = (input.StartTime as Date).getTime();
          if (fake.series) {
            const end = (input.EndTime as Date).getTime();
            const series = fake.series;
            const queries = input.MetricDataQueries as {
              Id: string;
              ReturnData?: boolean;
              MetricStat?: { Period?: number };
            }[];
            return {
              MetricDataResults: queries
                .filter((q) => q.ReturnData !== false)
                .map((q) => {
                  const p = (q.MetricStat?.Period ?? 300) * 1000;
                  const times: Date[] = [];
                  for (let t = Math.ceil(start / p) * p; t < end; t += p) times.push(new Date(t));
                  return {
                    Id: q.Id,
                    Label: q.Id,
                    Timestamps: times,
                    Values: times.map((d) => series(d.getTime())),
                  };
                }),
            };
          }
          const times = [1, 2, 3, 4].map((i) => new Date(start + i * 10 * MIN));
          const queries = input.MetricDataQueries as {
            Id: string;
            ReturnData?: boolean;
            Expression?: string;
          }[];
          return {
            MetricDataResults: queries
              .filter((q) => q.ReturnData !== false)
              .flatMap((q) =>
                q.Expression?.startsWith('ANOMALY_DETECTION_BAND')
                  ? [
                      { Id: q.Id, Label: 'upper', Timestamps: times, Values: [90, 90, 90, 90] },
                      { Id: q.Id, Label: 'lower', Timestamps: times, Values: [10, 10, 10, 10] },
                    ]
                  : [{ Id: q.Id, Label: q.Id, Timestamps: times, Values: [20, 85, 95, 40] }],
              ),
          };
        }
        case 'GetMetricStatistics':
          return { Datapoints: [] };
        default:
          throw new Error(`unexpected ${name}`);
      }
    },
  }),
}));

const { AlarmsPage } = await import('./alarms-page.tsx');
const { TuneAlarmButton } = await import('./tuner/tune-alarm-button.tsx');

const cpuAlarm = () => ({
  AlarmName: 'cpu-high',
  AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu-high',
  Namespace: 'AWS/EC2',
  MetricName: 'CPUUtilization',
  Dimensions: [{ Name: 'InstanceId', Value: 'i-1' }],
  Statistic: 'Average',
  Period: 300,
  EvaluationPeriods: 3,
  DatapointsToAlarm: 2,
  Threshold: 80,
  ComparisonOperator: 'GreaterThanThreshold',
  TreatMissingData: 'missing',
  ActionsEnabled: true,
  AlarmActions: [TOPIC],
  OKActions: [],
  InsufficientDataActions: [],
  StateValue: 'ALARM',
  StateReason: 'Threshold Crossed: 2 out of the last 3 datapoints were greater than the threshold (80.0).',
  StateUpdatedTimestamp: new Date(NOW - 12 * MIN),
});

const stateItem = (atMs: number, from: string, to: string) => ({
  AlarmName: 'cpu-high',
  AlarmType: 'MetricAlarm',
  HistoryItemType: 'StateUpdate',
  Timestamp: new Date(atMs),
  HistorySummary: `Alarm updated from ${from} to ${to}`,
  HistoryData: JSON.stringify({
    version: '1.0',
    oldState: { stateValue: from },
    newState: { stateValue: to },
  }),
});

let rendered: Rendered | undefined;
let restoreResize: () => void;

beforeEach(() => {
  fake.metricAlarms = [
    cpuAlarm(),
    {
      ...cpuAlarm(),
      AlarmName: 'disk-ok',
      MetricName: 'DiskReadOps',
      StateValue: 'OK',
      StateReason: 'fine',
      StateUpdatedTimestamp: new Date(NOW - 3 * 3_600_000),
    },
    {
      ...cpuAlarm(),
      AlarmName: 'net-new',
      MetricName: 'NetworkIn',
      StateValue: 'INSUFFICIENT_DATA',
      StateReason: 'Unchecked',
    },
  ];
  fake.compositeAlarms = [
    {
      AlarmName: 'service-down',
      AlarmRule: 'ALARM("cpu-high") AND ALARM("disk-ok")',
      StateValue: 'OK',
      ActionsEnabled: true,
      StateUpdatedTimestamp: new Date(NOW - MIN),
    },
  ];
  fake.history = [
    stateItem(NOW - 40 * MIN, 'OK', 'ALARM'),
    stateItem(NOW - 30 * MIN, 'ALARM', 'OK'),
    stateItem(NOW - 12 * MIN, 'OK', 'ALARM'),
    {
      AlarmName: 'cpu-high',
      HistoryItemType: 'ConfigurationUpdate',
      Timestamp: new Date(NOW - 60 * MIN),
      HistorySummary: 'Alarm "cpu-high" created',
      HistoryData: '{"type":"Create"}',
    },
  ];
  fake.calls = [];
  fake.series = undefined;
  fake.incidents = [];
  fake.trailRows = [];
  useAlarmListStore.setState({ state: 'all', kind: 'all', search: '', prefix: '' });
  restoreResize = stubResizeObserver(900);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (String(url).includes('/_watchtrail/trail/search')) {
        const { query } = JSON.parse(String(init?.body)) as { query: { startMs: number; endMs: number } };
        const rows = fake.trailRows.filter((r) => r.eventTime >= query.startMs && r.eventTime <= query.endMs);
        return new Response(JSON.stringify({ rows, total: rows.length }), {
          headers: { 'content-type': 'application/json' },
        });
      }
      const body = String(url).endsWith('/_watchtrail/topics')
        ? { topics: [{ arn: TOPIC, name: 'ops-pager' }] }
        : String(url).includes('/_watchtrail/incidents')
          ? { incidents: fake.incidents }
          : String(url).includes('/_watchtrail/trail/')
            ? { rows: [], total: 0, truncated: false }
            : { now: NOW, paused: true, speed: 1 };
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    }),
  );
});

afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  restoreResize();
  vi.unstubAllGlobals();
  useConnectionStore.setState({ endpoint: 'embedded' });
  history.replaceState(null, '', '/');
});

function renderAt(url: string) {
  history.replaceState(null, '', url);
  useTimeState.getState().syncFromUrl();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  rendered = render(
    <QueryClientProvider client={client}>
      <AlarmsPage />
    </QueryClientProvider>,
  );
  return rendered.container;
}

const rows = (c: HTMLElement) => Array.from(c.querySelectorAll<HTMLElement>('[data-testid="alarm-row"]'));
function checkbox(c: ParentNode, name: string): HTMLInputElement {
  const found = Array.from(c.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).filter(
    (e) => e.getAttribute('aria-label') === name,
  );
  if (found.length !== 1) throw new Error(`Expected one checkbox named ${name}, found ${found.length}.`);
  return found[0];
}
const calls = (command: string) => fake.calls.filter((x) => x.command === command);
const lane = (c: HTMLElement, name: 'metric' | 'datapoints' | 'state') =>
  c.querySelector<HTMLElement>(`[data-testid="tuner-lane-${name}"]`);

describe('alarm list', { timeout: 20_000 }, () => {
  it('lists metric and composite alarms, ALARM first, with condition, time in state and reason', async () => {
    const c = renderAt('/alarms?range=3h&refresh=off');
    await waitFor(() => expect(rows(c)).toHaveLength(4));
    expect(rows(c).map((r) => [r.dataset.name, r.dataset.state])).toEqual([
      ['cpu-high', 'ALARM'],
      ['net-new', 'INSUFFICIENT_DATA'],
      ['disk-ok', 'OK'],
      ['service-down', 'OK'],
    ]);
    const cpu = rows(c)[0];
    expect(cpu.textContent).toContain('CPUUtilization > 80 for 2 of 3 datapoints within 15 minutes');
    await waitFor(() => expect(cpu.textContent).toContain('for 12 min'));
    expect(cpu.textContent).toContain('Threshold Crossed');
    expect(rows(c)[2].textContent).toContain('for 3 h');
    const composite = rows(c)[3].querySelector('a');
    expect(composite?.textContent).toBe('service-down');
    expect(composite?.getAttribute('href')).toBe('/alarms/composite/service-down');
    expect(rows(c)[3].textContent).toContain('ALARM("cpu-high") AND ALARM("disk-ok")');
    expect(calls('DescribeAlarms')[0].input.AlarmTypes).toEqual(['MetricAlarm', 'CompositeAlarm']);
  });

  it('filters by state, type and name, and by prefix on the server', async () => {
    const c = renderAt('/alarms');
    await waitFor(() => expect(rows(c)).toHaveLength(4));
    changeValue(getByLabelText<HTMLSelectElement>(c, 'State'), 'OK');
    expect(rows(c).map((r) => r.dataset.name)).toEqual(['disk-ok', 'service-down']);
    changeValue(getByLabelText<HTMLSelectElement>(c, 'Type'), 'CompositeAlarm');
    expect(rows(c).map((r) => r.dataset.name)).toEqual(['service-down']);
    changeValue(getByLabelText<HTMLSelectElement>(c, 'State'), 'all');
    changeValue(getByLabelText<HTMLSelectElement>(c, 'Type'), 'all');
    changeValue(getByLabelText(c, 'Search alarms'), 'NET');
    expect(rows(c).map((r) => r.dataset.name)).toEqual(['net-new']);
    changeValue(getByLabelText(c, 'Search alarms'), '');
    changeValue(getByLabelText(c, 'Name prefix'), 'd');
    await waitFor(() => expect(rows(c).map((r) => r.dataset.name)).toEqual(['disk-ok']));
    expect(calls('DescribeAlarms').at(-1)?.input.AlarmNamePrefix).toBe('d');
  });

  it('deletes the selected alarms after confirming, and toggles their actions', async () => {
    const c = renderAt('/alarms');
    await waitFor(() => expect(rows(c)).toHaveLength(4));
    const toolbar = getByRole(c, 'toolbar', 'Selected alarms');
    expect((getByRole(toolbar, 'button', 'Delete') as HTMLButtonElement).disabled).toBe(true);

    click(checkbox(c, 'Select disk-ok'));
    click(checkbox(c, 'Select service-down'));
    click(getByRole(toolbar, 'button', 'Disable actions'));
    await waitFor(() => getByRole(c, 'status', 'Disabled actions of 2 alarms.'));
    expect(calls('DisableAlarmActions')[0].input).toEqual({ AlarmNames: ['disk-ok', 'service-down'] });

    click(getByRole(toolbar, 'button', 'Delete'));
    const dialog = getByRole(c, 'dialog', /Delete 2 alarms\?/);
    click(getByRole(dialog, 'button', 'Cancel'));
    expect(queryAllByRole(c, 'dialog')).toHaveLength(0);
    expect(calls('DeleteAlarms')).toHaveLength(0);

    click(getByRole(toolbar, 'button', 'Delete'));
    click(getByRole(getByRole(c, 'dialog'), 'button', 'Delete'));
    await waitFor(() => expect(rows(c).map((r) => r.dataset.name)).toEqual(['cpu-high', 'net-new']));
    // One composite alarm per call, composites first.
    expect(calls('DeleteAlarms').map((x) => x.input.AlarmNames)).toEqual([['service-down'], ['disk-ok']]);
    expect(getByRole(c, 'status').textContent).toBe('Deleted 2 alarms.');
  });
});

describe('alarm form', { timeout: 20_000 }, () => {
  it('prefills the metric from a link, checks fields, and creates the alarm', async () => {
    const dims = encodeURIComponent(JSON.stringify([{ Name: 'InstanceId', Value: 'i-2' }]));
    const c = renderAt(
      `/alarms/new?namespace=AWS/EC2&metricName=CPUUtilization&dimensions=${dims}&stat=p90&period=60`,
    );
    await waitFor(() => expect(getByLabelText<HTMLSelectElement>(c, 'Dimensions').value).toContain('i-2'));
    expect(getByLabelText<HTMLSelectElement>(c, 'Namespace').value).toBe('AWS/EC2');
    expect(getByLabelText<HTMLSelectElement>(c, 'Metric name').value).toBe('CPUUtilization');
    expect(getByLabelText<HTMLSelectElement>(c, 'Statistic').value).toBe('p90');
    expect(getByLabelText<HTMLSelectElement>(c, 'Period').value).toBe('60');

    changeValue(getByLabelText(c, 'Alarm name'), 'cpu-i2');
    changeValue(getByLabelText(c, 'Threshold'), 'eighty');
    expect(c.textContent).toContain('"eighty" is not a number.');
    changeValue(getByLabelText(c, 'Threshold'), '75');
    changeValue(getByLabelText(c, 'Datapoints to alarm'), '3');
    changeValue(getByLabelText(c, 'Evaluation periods'), '2');
    click(getByRole(c, 'button', 'Create alarm'));
    expect(c.textContent).toContain('Datapoints to alarm (3) cannot exceed evaluation periods (2).');
    expect(calls('PutMetricAlarm')).toHaveLength(0);

    changeValue(getByLabelText(c, 'Evaluation periods'), '5');
    changeValue(getByLabelText<HTMLSelectElement>(c, 'Missing data treatment'), 'breaching');
    expect(c.textContent).toContain('Missing datapoints count as breaching the threshold.');
    await waitFor(() => click(checkbox(c, 'Notify ops-pager on ALARM')));

    // The tuner draws the metric with the threshold line.
    await waitFor(() => expect(lane(c, 'metric')?.dataset.threshold).toBe('75'));
    expect(c.querySelector('[data-testid="alarm-condition-preview"]')?.textContent).toContain(
      'ALARM when CPUUtilization > 75 for 3 of 5 datapoints within 5 minutes.',
    );

    click(getByRole(c, 'button', 'Create alarm'));
    await waitFor(() => expect(location.pathname).toBe('/alarms/cpu-i2'));
    expect(calls('PutMetricAlarm')[0].input).toMatchObject({
      AlarmName: 'cpu-i2',
      Namespace: 'AWS/EC2',
      MetricName: 'CPUUtilization',
      Dimensions: [{ Name: 'InstanceId', Value: 'i-2' }],
      ExtendedStatistic: 'p90',
      Period: 60,
      Threshold: 75,
      ComparisonOperator: 'GreaterThanThreshold',
      DatapointsToAlarm: 3,
      EvaluationPeriods: 5,
      TreatMissingData: 'breaching',
      AlarmActions: [TOPIC],
    });
  });

  it('shows the server error and keeps every field', async () => {
    const c = renderAt('/alarms/new?namespace=Shop&metricName=Orders');
    await waitFor(() => expect(getByLabelText<HTMLSelectElement>(c, 'Metric name').value).toBe('Orders'));
    changeValue(getByLabelText(c, 'Alarm name'), 'one-too-many');
    changeValue(getByLabelText(c, 'Threshold'), '1');
    changeValue(getByLabelText(c, 'ALARM action ARN'), 'arn:aws:lambda:us-east-1:1:function:page');
    click(getByRole(c, 'button', 'Add ALARM action'));
    click(getByRole(c, 'button', 'Create alarm'));
    const alert = await waitFor(() => getByRole(c, 'alert', /LimitExceededFault/));
    expect(alert.textContent).toContain('LimitExceededFault: The maximum number of alarms has been reached.');
    expect(getByLabelText(c, 'Alarm name').value).toBe('one-too-many');
    expect(getByLabelText(c, 'Threshold').value).toBe('1');
    expect(getByRole(c, 'button', 'Remove arn:aws:lambda:us-east-1:1:function:page from ALARM')).toBeTruthy();
    expect(location.pathname).toBe('/alarms/new');
  });

  it('builds an anomaly detection alarm with the band as ThresholdMetricId', async () => {
    const c = renderAt('/alarms/new?namespace=Shop&metricName=Orders&stat=Sum');
    await waitFor(() => expect(getByLabelText<HTMLSelectElement>(c, 'Metric name').value).toBe('Orders'));
    changeValue(getByLabelText(c, 'Alarm name'), 'orders-odd');
    click(getByRole(c, 'radiogroup', 'Condition type').querySelectorAll('input')[1]);
    changeValue(getByLabelText<HTMLSelectElement>(c, 'Comparison'), 'LessThanLowerThreshold');
    changeValue(getByLabelText(c, 'Band width'), '3');
    // The tuner replays over the band at the new width.
    await waitFor(() =>
      expect(
        calls('GetMetricData').some((x) =>
          (x.input.MetricDataQueries as { Expression?: string }[]).some(
            (q) => q.Expression === 'ANOMALY_DETECTION_BAND(m1, 3)',
          ),
        ),
      ).toBe(true),
    );
    await waitFor(() => expect(lane(c, 'metric')).not.toBeNull());
    click(getByRole(c, 'button', 'Create alarm'));
    await waitFor(() => expect(calls('PutMetricAlarm')).toHaveLength(1));
    expect(calls('PutMetricAlarm')[0].input).toMatchObject({
      ComparisonOperator: 'LessThanLowerThreshold',
      ThresholdMetricId: 'ad1',
      Metrics: [
        { Id: 'm1', ReturnData: true, MetricStat: { Stat: 'Sum', Period: 300 } },
        { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1, 3)', ReturnData: true },
      ],
    });
    expect(calls('PutMetricAlarm')[0].input.Threshold).toBeUndefined();
  });

  it('edits an alarm: prefilled, name read-only, the whole configuration sent back', async () => {
    const c = renderAt('/alarms/cpu-high/edit');
    await waitFor(() => expect(getByLabelText(c, 'Alarm name').value).toBe('cpu-high'));
    expect(getByLabelText(c, 'Alarm name').readOnly).toBe(true);
    expect(getByLabelText(c, 'Threshold').value).toBe('80');
    expect(getByLabelText(c, 'Datapoints to alarm').value).toBe('2');
    changeValue(getByLabelText(c, 'Threshold'), '90');
    click(getByRole(c, 'button', 'Save changes'));
    await waitFor(() => expect(location.pathname).toBe('/alarms/cpu-high'));
    expect(calls('PutMetricAlarm')[0].input).toMatchObject({
      AlarmName: 'cpu-high',
      Threshold: 90,
      Statistic: 'Average',
      Period: 300,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      AlarmActions: [TOPIC],
    });
  });
});

describe('alarm detail', { timeout: 20_000 }, () => {
  it('shows the state, the chart with threshold and ALARM periods, the ribbon and the history', async () => {
    const c = renderAt('/alarms/cpu-high?range=1h&refresh=off');
    const badge = await waitFor(() => {
      const b = c.querySelector<HTMLElement>('h1 [data-testid="alarm-state"]');
      if (!b) throw new Error('no badge');
      return b;
    });
    expect(badge.dataset.state).toBe('ALARM');
    await waitFor(() => expect(c.textContent).toContain('ALARM for 12 min'));
    expect(c.textContent).toContain('Threshold Crossed');

    await waitFor(() => expect(c.querySelectorAll('.chart-range')).toHaveLength(2));
    expect(c.querySelector('.chart-threshold')).not.toBeNull();
    const ribbon = c.querySelector('[data-testid="alarm-state-timeline"]') as HTMLElement;
    expect(Array.from(ribbon.children).map((s) => (s as HTMLElement).dataset.state)).toEqual([
      'OK',
      'ALARM',
      'OK',
      'ALARM',
    ]);

    const table = c.querySelector('table[aria-label="Alarm history"]') as HTMLElement;
    await waitFor(() => expect(table.querySelectorAll('[data-testid="alarm-history-row"]')).toHaveLength(4));
    changeValue(getByLabelText<HTMLSelectElement>(c, 'History type'), 'ConfigurationUpdate');
    await waitFor(() => expect(table.querySelectorAll('[data-testid="alarm-history-row"]')).toHaveLength(1));
    click(getByRole(table, 'button', 'Show data'));
    expect(table.querySelector('pre')?.textContent).toBe('{\n  "type": "Create"\n}');
    expect(calls('DescribeAlarmHistory').at(-1)?.input).toMatchObject({
      AlarmName: 'cpu-high',
      HistoryItemType: 'ConfigurationUpdate',
      ScanBy: 'TimestampDescending',
    });
  });

  it('sets the state by hand and explains that evaluation restores it', async () => {
    const c = renderAt('/alarms/cpu-high');
    await waitFor(() => getByRole(c, 'button', 'Set state'));
    click(getByRole(c, 'button', 'Set state'));
    const dialog = getByRole(c, 'dialog', 'Set alarm state');
    expect(dialog.textContent).toContain('The state lasts until the next evaluation');
    changeValue(getByLabelText<HTMLSelectElement>(dialog, 'State'), 'OK');
    changeValue(getByLabelText(dialog, 'Reason'), 'testing the OK action');
    click(getByRole(dialog, 'button', 'Set state'));
    await waitFor(() => expect(queryAllByRole(c, 'dialog')).toHaveLength(0));
    expect(calls('SetAlarmState')[0].input).toEqual({
      AlarmName: 'cpu-high',
      StateValue: 'OK',
      StateReason: 'testing the OK action',
    });
    await waitFor(() =>
      expect(c.querySelector<HTMLElement>('h1 [data-testid="alarm-state"]')?.dataset.state).toBe('OK'),
    );
  });

  it('deletes the alarm and goes back to the list', async () => {
    const c = renderAt('/alarms/cpu-high');
    await waitFor(() => getByRole(c, 'button', 'Delete'));
    click(getByRole(c, 'button', 'Delete'));
    click(getByRole(getByRole(c, 'dialog'), 'button', 'Delete'));
    await waitFor(() => expect(location.pathname).toBe('/alarms'));
    expect(calls('DeleteAlarms')[0].input).toEqual({ AlarmNames: ['cpu-high'] });
  });
});

describe('alarm tuner', { timeout: 30_000 }, () => {
  const DAY = 24 * 60 * MIN;
  const INCIDENT_1 = NOW - 3 * DAY;
  const NOISE = NOW - 2 * DAY;
  const INCIDENT_2 = NOW - DAY;
  const during = (t: number, startMs: number, minutes: number) => t >= startMs && t < startMs + minutes * MIN;
  const dims = encodeURIComponent(JSON.stringify([{ Name: 'InstanceId', Value: 'i-1' }]));
  const NEW_CPU_ALARM = `/alarms/new?namespace=AWS/EC2&metricName=CPUUtilization&dimensions=${dims}&stat=Average&period=300`;

  beforeEach(() => {
    // 40 % most of the week; 95 % during two labeled incidents; one 10-minute burst to 85 % between them.
    fake.series = (t) =>
      during(t, INCIDENT_1, 30) || during(t, INCIDENT_2, 30) ? 95 : during(t, NOISE, 10) ? 85 : 40;
    fake.incidents = [
      {
        id: 'inc-1',
        kind: 'deploy-regression',
        startMs: INCIDENT_1,
        endMs: INCIDENT_1 + 30 * MIN,
        target: 'i-1',
        severity: 0.8,
        summary: 'Checkout deploy regression',
      },
      {
        id: 'inc-2',
        kind: 'cpu-saturation',
        startMs: INCIDENT_2,
        endMs: INCIDENT_2 + 30 * MIN,
        target: 'i-1',
        severity: 0.9,
        summary: 'Batch job saturates the CPU',
      },
    ];
  });

  const testid = (c: HTMLElement, id: string) => c.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (c: HTMLElement, id: string) => testid(c, id)?.textContent ?? '';
  const figures = (c: HTMLElement) => ({
    alarms: text(c, 'tuner-alarm-count'),
    falseAlarms: text(c, 'tuner-false-alarms'),
    tone: testid(c, 'tuner-verdict')?.dataset.tone,
  });
  /** The first figure of a row: A's when comparing, else the only one. */
  const aColumn = (c: HTMLElement, figure: string) =>
    c.querySelector(`[data-testid="tuner-summary"] tr[data-figure="${figure}"] td`)?.textContent;
  const tunerFetches = () =>
    calls('GetMetricData').filter(
      (x) => (x.input.EndTime as Date).getTime() - (x.input.StartTime as Date).getTime() > DAY,
    );

  async function openTuner(url = NEW_CPU_ALARM) {
    const c = renderAt(url);
    await waitFor(() =>
      expect(getByLabelText<HTMLSelectElement>(c, 'Metric name').value).toBe('CPUUtilization'),
    );
    changeValue(getByLabelText(c, 'Threshold'), '80');
    await waitFor(() => expect(figures(c)).toEqual({ alarms: '3', falseAlarms: '1', tone: 'noisy' }));
    return c;
  }

  it('replays the alarm over 7 days and sums it up against the labeled incidents as the threshold is typed', async () => {
    const c = await openTuner();
    expect(getByLabelText<HTMLSelectElement>(c, 'History').value).toBe('7d');
    expect(text(c, 'tuner-verdict')).toBe(
      'Noisy: 3 alarms, 1 outside incidents. Catches 2 of 2 incidents; detects in 5 min on average.',
    );
    expect(lane(c, 'state')?.dataset.alarmSpans).toBe('3');
    expect(lane(c, 'metric')?.dataset.threshold).toBe('80');
    expect(text(c, 'tuner-truth')).toContain('2 labeled incidents of the simulation show in this metric');
    // The incidents are asked for this metric only.
    const incidentsUrl = vi
      .mocked(fetch)
      .mock.calls.map(([u]) => String(u))
      .find((u) => u.includes('/incidents'));
    expect(
      new URL(incidentsUrl ?? '', 'http://x').searchParams.getAll('metric').map((m) => JSON.parse(m)),
    ).toEqual([
      {
        namespace: 'AWS/EC2',
        metricName: 'CPUUtilization',
        dimensions: [{ name: 'InstanceId', value: 'i-1' }],
      },
    ]);
    const fetched = tunerFetches().length;
    expect(fetched).toBeGreaterThan(0);

    changeValue(getByLabelText(c, 'Threshold'), '90');
    await waitFor(() => expect(figures(c)).toEqual({ alarms: '2', falseAlarms: '0', tone: 'good' }));
    expect(text(c, 'tuner-verdict')).toContain('Caught 2 of 2 incidents, no false alarms');
    expect(lane(c, 'state')?.dataset.alarmSpans).toBe('2');
    // M, N and missing data re-run the replay over the same datapoints: nothing is fetched again.
    changeValue(getByLabelText(c, 'Evaluation periods'), '3');
    changeValue(getByLabelText(c, 'Datapoints to alarm'), '3');
    changeValue(getByLabelText<HTMLSelectElement>(c, 'Missing data treatment'), 'breaching');
    await waitFor(() => expect(text(c, 'tuner-alarm-count')).toBe('2'));
    expect(tunerFetches()).toHaveLength(fetched);
    // Incidents are 30 minutes: 3 of 3 five-minute datapoints still catch them, 10 minutes later.
    await waitFor(() => expect(aColumn(c, 'detect')).toBe('15 min'));

    // The transitions to ALARM, each with the audit events before it.
    const transitions = c.querySelectorAll<HTMLElement>('[data-testid="tuner-transition"]');
    expect(transitions).toHaveLength(2);
    expect(Number(transitions[0].dataset.at)).toBe(INCIDENT_2 + 15 * MIN);
  });

  it('lands from a metric graph with its statistic and period, and starts from a threshold only on request', async () => {
    const c = renderAt(NEW_CPU_ALARM.replace('stat=Average', 'stat=Maximum'));
    const start = await waitFor(() => getByRole(c, 'button', /^Start at /));
    expect(getByLabelText<HTMLSelectElement>(c, 'Statistic').value).toBe('Maximum');
    expect(text(c, 'tuner-status')).toContain('datapoints over 7 days at 5 minutes');
    expect(
      (tunerFetches()[0].input.MetricDataQueries as { MetricStat?: { Stat?: string } }[])[0].MetricStat?.Stat,
    ).toBe('Maximum');
    expect(getByLabelText(c, 'Threshold').value).toBe('');
    expect(start.textContent).toBe('Start at 40');
    click(start);
    expect(getByLabelText(c, 'Threshold').value).toBe('40');
    await waitFor(() => expect(lane(c, 'metric')?.dataset.threshold).toBe('40'));
    expect(queryAllByRole(c, 'button', /^Start at /)).toHaveLength(0);
  });

  it('"Tune" opens the edit page at the tuner with the alarm\'s configuration replayed', async () => {
    history.replaceState(null, '', '/alarms/cpu-high?range=1h');
    const button = render(<TuneAlarmButton name="cpu-high" />);
    click(getByRole(button.container, 'button', 'Tune'));
    button.unmount();
    expect(location.pathname + location.search).toBe('/alarms/cpu-high/edit?range=1h&tune=1');
    const c = renderAt(location.pathname + location.search);
    await waitFor(() => expect(getByLabelText(c, 'Threshold').value).toBe('80'));
    // cpu-high: 2 of 3 five-minute datapoints above 80 catch both incidents (the 10-minute burst too).
    await waitFor(() => expect(figures(c)).toEqual({ alarms: '3', falseAlarms: '1', tone: 'noisy' }));
  });

  it('follows the threshold moved with the keyboard on the lanes, rounded to the range', async () => {
    const c = await openTuner();
    const slider = getByRole(c, 'slider', 'Threshold');
    expect(slider.getAttribute('aria-valuenow')).toBe('80');
    act(() => {
      slider.focus();
      slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageUp', bubbles: true }));
    });
    const typed = getByLabelText(c, 'Threshold').value;
    expect(Number(typed)).toBeGreaterThan(80);
    expect(typed).toMatch(/^\d+(\.\d)?$/);
    await waitFor(() => expect(slider.getAttribute('aria-valuenow')).toBe(String(Number(typed))));
  });

  it('dims the last valid replay and says so while the threshold is invalid, without calling it loading', async () => {
    const c = await openTuner();
    /** The labels saying a replay is the last valid configuration's, each by what it labels. */
    const lastValid = () =>
      Array.from(c.querySelectorAll('p'))
        .filter((p) => p.textContent?.startsWith('Last valid configuration'))
        .map((p) => p.parentElement?.querySelector<HTMLElement>('[data-testid]')?.dataset.testid);
    expect(lastValid()).toEqual([]);

    changeValue(getByLabelText(c, 'Threshold'), '6o');
    await waitFor(() => expect(text(c, 'tuner-status')).toContain('complete the conditions to replay them'));
    expect(lastValid()).toEqual(['tuner-lanes', 'tuner-verdict', 'tuner-transitions']);
    // The figures and the lanes are still the replay at 80, and nothing is on its way.
    expect(figures(c)).toEqual({ alarms: '3', falseAlarms: '1', tone: 'noisy' });
    expect(lane(c, 'state')?.dataset.alarmSpans).toBe('3');
    expect(testid(c, 'tuner-summary')?.getAttribute('aria-busy')).toBe('false');
    expect(c.querySelector('[aria-busy="true"]')).toBeNull();

    changeValue(getByLabelText(c, 'Threshold'), '90');
    await waitFor(() => expect(figures(c)).toEqual({ alarms: '2', falseAlarms: '0', tone: 'good' }));
    expect(lastValid()).toEqual([]);
    expect(testid(c, 'tuner-summary')?.getAttribute('aria-busy')).toBe('false');
  });

  it('pins A, compares it with B side by side, and applies either', async () => {
    const c = await openTuner();
    click(getByRole(c, 'button', 'Pin as A'));
    changeValue(getByLabelText(c, 'Threshold'), '90');
    await waitFor(() => expect(figures(c)).toEqual({ alarms: '2', falseAlarms: '0', tone: 'good' }));
    await waitFor(() => expect(aColumn(c, 'alarms')).toBe('3'));
    expect(aColumn(c, 'false')).toBe('1');
    expect(lane(c, 'state')?.dataset.compareAlarmSpans).toBe('3');
    expect(lane(c, 'metric')?.textContent).toContain('A 80');
    expect(getByRole(c, 'list', 'What B changes').textContent).toBe('Threshold: 80 → 90');
    expect(text(c, 'tuner-verdict-a')).toContain('Noisy');

    click(getByRole(c, 'button', 'Apply B'));
    expect(getByLabelText(c, 'Threshold').value).toBe('90');
    expect(queryAllByRole(c, 'button', 'Apply A')).toHaveLength(0);
    expect(getByRole(c, 'status', /Applied B/)).toBeTruthy();

    click(getByRole(c, 'button', 'Pin as A'));
    changeValue(getByLabelText(c, 'Threshold'), '70');
    changeValue(getByLabelText(c, 'Datapoints to alarm'), '1');
    await waitFor(() => expect(text(c, 'tuner-alarm-count')).toBe('3'));
    click(getByRole(c, 'button', 'Apply A'));
    expect(getByLabelText(c, 'Threshold').value).toBe('90');
    await waitFor(() => expect(text(c, 'tuner-alarm-count')).toBe('2'));
  });

  it('suggests the threshold that catches both incidents without the false alarm, applied only on request', async () => {
    const c = await openTuner();
    click(getByRole(c, 'button', 'Suggest threshold'));
    const suggested = await waitFor(() => {
      const t = testid(c, 'tuner-suggested-threshold');
      if (!t) throw new Error('no suggestion yet');
      return Number(t.textContent?.replace(/,/g, ''));
    });
    expect(suggested).toBeGreaterThanOrEqual(85);
    expect(suggested).toBeLessThan(95);
    expect(text(c, 'tuner-suggestion-why')).toContain('Catches all 2 labeled incidents with 0 false alarms');
    expect(testid(c, 'tradeoff-chart')?.dataset.points).toBe('200');
    expect(getByLabelText(c, 'Threshold').value).toBe('80');

    click(getByRole(c, 'button', 'Use this threshold'));
    expect(Number(getByLabelText(c, 'Threshold').value)).toBeCloseTo(suggested, 3);
    await waitFor(() => expect(figures(c)).toEqual({ alarms: '2', falseAlarms: '0', tone: 'good' }));
  });

  it("lists what changed before a transition, the change to the alarm's instance first", async () => {
    fake.trailRows = [
      {
        eventId: 'ev-resize',
        eventTime: INCIDENT_2 - 10 * MIN,
        eventName: 'ModifyInstanceAttribute',
        eventSource: 'ec2.amazonaws.com',
        username: 'dana',
        identityType: 'IAMUser',
        resources: [{ type: 'AWS::EC2::Instance', name: 'i-1' }],
        sourceIp: '203.0.113.7',
        readOnly: 'false',
        errorCode: '',
      },
    ];
    const c = await openTuner();
    // Newest first: the transition of the second incident.
    const last = c.querySelector<HTMLElement>('[data-testid="tuner-transition"]');
    click(getByRole(last as HTMLElement, 'button', /^What changed before/));
    await waitFor(() => expect(text(c, 'what-changed-top')).toContain('ModifyInstanceAttribute'));

    click(getByRole(last as HTMLElement, 'button', /^Show the transition/));
    expect(c.textContent).toContain('around the transition at');
    click(getByRole(c, 'button', 'Show the whole history'));
    expect(c.textContent).not.toContain('around the transition at');
  });

  it('explains the histories CloudWatch cannot serve at the period, and refetches for a new one', async () => {
    const c = await openTuner();
    const history = getByLabelText<HTMLSelectElement>(c, 'History');
    const option = (id: string) => history.querySelector<HTMLOptionElement>(`option[value="${id}"]`);
    expect(option('30d')?.disabled).toBe(false);
    expect(option('90d')?.disabled).toBe(true);
    expect(c.textContent).toContain(
      'CloudWatch keeps 5-minute data for 63 days: 90 days needs a period that is a multiple of 1 hour.',
    );
    changeValue(getByLabelText<HTMLSelectElement>(c, 'Period'), '60');
    await waitFor(() => expect(option('30d')?.disabled).toBe(true));
    const fetched = tunerFetches().length;
    changeValue(history, '1d');
    await waitFor(() => expect(tunerFetches().length).toBeGreaterThan(fetched));
    const last = tunerFetches().at(-1)?.input;
    expect(((last?.EndTime as Date).getTime() - (last?.StartTime as Date).getTime()) / MIN).toBe(
      24 * 60 + 16,
    );
    expect((last?.MetricDataQueries as { MetricStat?: { Period?: number } }[])[0].MetricStat?.Period).toBe(
      60,
    );
    // One incident falls in the last day.
    await waitFor(() => expect(text(c, 'tuner-alarm-count')).toBe('1'));
  });

  it('says when there is no ground truth, and that anomaly alarms have no threshold to sweep', async () => {
    useConnectionStore.setState({ endpoint: 'https://monitoring.us-east-1.amazonaws.com' });
    const c = renderAt(NEW_CPU_ALARM);
    await waitFor(() =>
      expect(getByLabelText<HTMLSelectElement>(c, 'Metric name').value).toBe('CPUUtilization'),
    );
    changeValue(getByLabelText(c, 'Threshold'), '80');
    await waitFor(() => expect(testid(c, 'tuner-verdict')?.dataset.tone).toBeDefined());
    expect(text(c, 'tuner-truth')).toContain('No ground truth');
    expect(testid(c, 'tuner-false-alarms')).toBeNull();
    click(getByRole(c, 'radiogroup', 'Condition type').querySelectorAll('input')[1]);
    expect(c.textContent).toContain(
      'Suggestions sweep a static threshold. An anomaly detection alarm has none',
    );
    expect(queryAllByRole(c, 'button', 'Suggest threshold')).toHaveLength(0);
  });
});
