// @vitest-environment jsdom
// The composite alarm pages against a fake CloudWatch client and a fake control endpoint: what a
// person sees while writing a rule (its error with a caret, its tree with live states), and what
// saving sends.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type Rendered,
  changeValue,
  click,
  getByLabelText,
  getByRole,
  queryAllByRole,
  render,
  waitFor,
} from '../../../components/test-render.ts';
import { DEFAULT_CONNECTION, useConnectionStore } from '../../../lib/connection-store.ts';

interface FakeAlarm {
  AlarmName: string;
  StateValue: 'ALARM' | 'OK' | 'INSUFFICIENT_DATA';
  AlarmRule?: string;
  StateReason?: string;
}

const fake = vi.hoisted(() => ({
  metric: [] as FakeAlarm[],
  composite: [] as FakeAlarm[],
  calls: [] as { command: string; input: Record<string, unknown> }[],
  parses: [] as string[],
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
      const arn = (n: string) => `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${n}`;
      switch (name) {
        case 'DescribeAlarms': {
          if (input.ParentsOfAlarmName)
            return { CompositeAlarms: [{ AlarmName: 'everything', AlarmArn: arn('everything') }] };
          const names = input.AlarmNames as string[] | undefined;
          const types = (input.AlarmTypes as string[] | undefined) ?? ['MetricAlarm'];
          const pick = (list: FakeAlarm[]) =>
            list
              .filter((a) => !names || names.includes(a.AlarmName))
              .map((a) => ({ ...a, AlarmArn: arn(a.AlarmName) }));
          return {
            MetricAlarms: types.includes('MetricAlarm') ? pick(fake.metric) : [],
            CompositeAlarms: types.includes('CompositeAlarm') ? pick(fake.composite) : [],
          };
        }
        case 'PutCompositeAlarm': {
          const rule = String(input.AlarmRule);
          if (rule.includes('nope'))
            throw new AwsException(
              'InvalidParameterValueException',
              'Error in AlarmRule at position 7: no alarm named "nope".',
            );
          fake.composite = fake.composite.filter((a) => a.AlarmName !== input.AlarmName);
          fake.composite.push({ AlarmName: String(input.AlarmName), StateValue: 'ALARM', AlarmRule: rule });
          return {};
        }
        case 'DescribeAlarmHistory':
          return {
            AlarmHistoryItems: [
              {
                AlarmName: 'shop',
                AlarmType: 'CompositeAlarm',
                Timestamp: new Date('2026-11-21T10:00:00Z'),
                HistoryItemType: 'StateUpdate',
                HistorySummary: 'Alarm updated from OK to ALARM',
                HistoryData: '{"version":"1.0"}',
              },
            ],
          };
        default:
          throw new Error(`unexpected ${name}`);
      }
    },
  }),
}));

/** The fake parser: a few rules it knows, and `ANDD` as the mistake it finds. */
function parse(rule: string): unknown {
  fake.parses.push(rule);
  const bad = rule.indexOf('ANDD');
  if (bad >= 0)
    return {
      ok: false,
      error: { message: `Unexpected 'ANDD' at position ${bad}`, position: bad, length: 4 },
    };
  const refs = [...rule.matchAll(/(ALARM|OK)\("([^"]*)"\)/g)].map((m) => ({
    kind: 'state',
    state: m[1],
    ref: m[2],
  }));
  if (refs.length === 0)
    return { ok: false, error: { message: 'Unexpected end of rule at position 0', position: 0, length: 0 } };
  const tree = refs.length === 1 ? refs[0] : { kind: rule.includes(' AND ') ? 'and' : 'or', children: refs };
  return { ok: true, children: refs.map((r) => r.ref), tree };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const { CompositeAlarmsPage } = await import('./composite-alarms-page.tsx');

let rendered: Rendered | undefined;
let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fake.metric = [
    { AlarmName: 'cpu-high', StateValue: 'ALARM' },
    { AlarmName: 'errors', StateValue: 'OK' },
    { AlarmName: 'maintenance', StateValue: 'INSUFFICIENT_DATA' },
  ];
  fake.composite = [
    {
      AlarmName: 'shop',
      StateValue: 'OK',
      AlarmRule: 'ALARM("errors")',
      StateReason: 'arn:…:alarm:shop was created and its alarm rule evaluates to OK',
    },
  ];
  fake.calls = [];
  fake.parses = [];
  useConnectionStore.setState(DEFAULT_CONNECTION);
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/_watchtrail/alarm-rule/parse') return json(parse(JSON.parse(String(init?.body)).rule));
    if (url === '/_watchtrail/topics')
      return json({
        topics: [{ arn: 'arn:aws:sns:us-east-1:123456789012:ops', name: 'ops', subscriptions: [] }],
      });
    return json({ error: `No control endpoint ${url}` }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
});

function renderPage(url: string) {
  history.replaceState(null, '', url);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  rendered = render(
    <QueryClientProvider client={client}>
      <CompositeAlarmsPage />
    </QueryClientProvider>,
  );
  return rendered.container;
}

/** Types into a textarea the way a person does (test-render's changeValue is for inputs and selects). */
function typeRule(el: HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

// test-render knows no implicit checkbox or heading roles.
const checkbox = (c: HTMLElement, label: string) => {
  const found = c.querySelector<HTMLInputElement>(`input[type="checkbox"][aria-label="${label}"]`);
  if (!found) throw new Error(`No checkbox ${label}`);
  return found;
};
const heading = (c: HTMLElement) => c.querySelector('h1')?.textContent;
const ruleBox = (c: HTMLElement) => getByLabelText<HTMLTextAreaElement>(c, 'Alarm rule');
const treeItem = (c: HTMLElement, name: string) =>
  getByRole(getByRole(c, 'list', 'Rule tree'), 'listitem', new RegExp(`^ALARM\\(${name}\\)`));

describe('CompositeAlarmsPage: the rule editor', () => {
  it('checks the rule as it is typed, points at the mistake, and shows the live tree', async () => {
    const c = renderPage('/alarms/composite/new');
    await waitFor(() => expect(c.querySelector('option[value="cpu-high"]')).not.toBeNull());

    // Typing fast checks only the rule typed last (debounced).
    typeRule(ruleBox(c), 'ALARM("cpu-high") A');
    typeRule(ruleBox(c), 'ALARM("cpu-high") AN');
    typeRule(ruleBox(c), 'ALARM("cpu-high") ANDD OK("errors")');
    const alert = await waitFor(() => getByRole(c, 'alert', /Unexpected 'ANDD'/));
    expect(fake.parses).toEqual(['ALARM("cpu-high") ANDD OK("errors")']);
    expect(alert.textContent).toContain('line 1, column 19');
    expect(alert.querySelector('mark')?.textContent).toBe('ANDD');
    const caretLine = alert.querySelector('pre')?.textContent?.split('\n')[1];
    expect(caretLine).toBe(`${' '.repeat(18)}^^^^`);
    expect(ruleBox(c).getAttribute('aria-describedby')).toBe(alert.id);

    // Build a rule with the buttons and the picker.
    typeRule(ruleBox(c), '');
    changeValue(getByLabelText<HTMLSelectElement>(c, 'Alarm to insert'), 'cpu-high');
    click(getByRole(c, 'button', 'ALARM()'));
    click(getByRole(c, 'button', 'OR'));
    changeValue(getByLabelText<HTMLSelectElement>(c, 'Alarm to insert'), 'errors');
    click(getByRole(c, 'button', 'ALARM()'));
    expect(ruleBox(c).value).toBe('ALARM("cpu-high") OR ALARM("errors")');

    await waitFor(() => expect(queryAllByRole(c, 'alert')).toHaveLength(0));
    await waitFor(() => expect(treeItem(c, 'cpu-high').dataset.state).toBe('ALARM'));
    expect(treeItem(c, 'errors').dataset.state).toBe('OK');
    expect(treeItem(c, 'errors').dataset.value).toBe('FALSE');
    expect(c.querySelector('[data-testid="rule-value"]')?.textContent).toBe('TRUE');
    expect(c.textContent).toContain('The rule is valid: 2 child alarms.');
    const states = fake.calls.filter((x) => x.command === 'DescribeAlarms' && x.input.AlarmNames).at(-1);
    expect(states?.input).toMatchObject({
      AlarmNames: ['cpu-high', 'errors'],
      AlarmTypes: ['CompositeAlarm', 'MetricAlarm'],
    });
  });

  it('saves with PutCompositeAlarm, with actions and the suppressor, then opens the alarm', async () => {
    const c = renderPage('/alarms/composite/new');
    await waitFor(() => checkbox(c, 'Notify ops on ALARM'));
    changeValue(getByLabelText(c, 'Alarm name'), 'checkout-down');
    typeRule(getByLabelText<HTMLTextAreaElement>(c, 'Description'), 'Shop is failing');
    typeRule(ruleBox(c), 'ALARM("cpu-high") OR ALARM("errors")');
    click(checkbox(c, 'Notify ops on ALARM'));
    changeValue(
      getByLabelText(c, 'Action ARN for OK'),
      'arn:aws:lambda:us-east-1:123456789012:function:heal',
    );
    click(getByRole(c, 'button', 'Add ARN for OK'));
    changeValue(getByLabelText(c, 'Actions suppressor'), 'maintenance');
    expect(getByLabelText(c, 'Wait period (seconds)').value).toBe('60');
    click(getByRole(c, 'button', 'Create composite alarm'));

    await waitFor(() => expect(location.pathname).toBe('/alarms/composite/checkout-down'));
    const put = fake.calls.find((x) => x.command === 'PutCompositeAlarm');
    expect(put?.input).toEqual({
      AlarmName: 'checkout-down',
      AlarmRule: 'ALARM("cpu-high") OR ALARM("errors")',
      AlarmDescription: 'Shop is failing',
      ActionsEnabled: true,
      AlarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'],
      OKActions: ['arn:aws:lambda:us-east-1:123456789012:function:heal'],
      InsufficientDataActions: [],
      ActionsSuppressor: 'maintenance',
      ActionsSuppressorWaitPeriod: 60,
      ActionsSuppressorExtensionPeriod: 60,
    });
  });

  it('shows the server error inline and keeps every field', async () => {
    const c = renderPage('/alarms/composite/new');
    changeValue(getByLabelText(c, 'Alarm name'), 'broken');
    typeRule(ruleBox(c), 'ALARM("nope")');
    changeValue(getByLabelText(c, 'Actions suppressor'), 'maintenance');
    changeValue(getByLabelText(c, 'Wait period (seconds)'), '');
    click(getByRole(c, 'button', 'Create composite alarm'));
    expect(getByRole(c, 'alert', /wait period is required/).textContent).toBe(
      'The wait period is required when an actions suppressor is set.',
    );
    expect(fake.calls.some((x) => x.command === 'PutCompositeAlarm')).toBe(false);

    changeValue(getByLabelText(c, 'Wait period (seconds)'), '30');
    click(getByRole(c, 'button', 'Create composite alarm'));
    const alert = await waitFor(() => getByRole(c, 'alert', /InvalidParameterValueException/));
    expect(alert.textContent).toContain('Error in AlarmRule at position 7');
    expect(location.pathname).toBe('/alarms/composite/new');
    expect(getByLabelText(c, 'Alarm name').value).toBe('broken');
    expect(ruleBox(c).value).toBe('ALARM("nope")');
    expect(getByLabelText(c, 'Wait period (seconds)').value).toBe('30');
  });

  it('edits an existing alarm: the name is read-only and Save sends the change', async () => {
    const c = renderPage('/alarms/composite/shop/edit');
    const name = await waitFor(() => getByLabelText(c, 'Alarm name'));
    expect(name.value).toBe('shop');
    expect(name.readOnly).toBe(true);
    expect(ruleBox(c).value).toBe('ALARM("errors")');
    typeRule(ruleBox(c), 'ALARM("errors") OR ALARM("cpu-high")');
    click(getByRole(c, 'button', 'Save'));
    await waitFor(() => expect(location.pathname).toBe('/alarms/composite/shop'));
    expect(fake.calls.find((x) => x.command === 'PutCompositeAlarm')?.input).toMatchObject({
      AlarmName: 'shop',
      AlarmRule: 'ALARM("errors") OR ALARM("cpu-high")',
    });
  });

  it('says the rule is checked on save where there are no control endpoints', async () => {
    useConnectionStore.setState({ endpoint: 'https://monitoring.us-east-1.amazonaws.com' });
    const c = renderPage('/alarms/composite/new');
    typeRule(ruleBox(c), 'ALARM("cpu-high") ANDD');
    await act(async () => {
      await new Promise((r) => setTimeout(r, 200));
    });
    expect(c.textContent).toContain('cannot be checked as you type: it is checked when you save');
    expect(c.textContent).toContain('its topics cannot be listed');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('CompositeAlarmsPage: the alarm page', () => {
  it('shows state, reason, the live tree, parents and history; Edit opens the editor', async () => {
    const c = renderPage('/alarms/composite/shop');
    await waitFor(() => expect(heading(c)).toBe('shop'));
    expect(c.querySelector('[data-testid="state-reason"]')?.textContent).toContain('evaluates to OK');
    await waitFor(() => expect(treeItem(c, 'errors').dataset.state).toBe('OK'));
    expect(getByRole(getByRole(c, 'list', 'Parent alarms'), 'listitem').textContent).toBe('everything');
    await waitFor(() => expect(c.textContent).toContain('Alarm updated from OK to ALARM'));
    expect(fake.calls.find((x) => x.command === 'DescribeAlarmHistory')?.input).toMatchObject({
      AlarmName: 'shop',
      AlarmTypes: ['CompositeAlarm'],
    });
    click(getByRole(c, 'button', 'Edit'));
    expect(location.pathname).toBe('/alarms/composite/shop/edit');
  });
});
