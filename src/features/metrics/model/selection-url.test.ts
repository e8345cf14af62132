// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { MetricIdentity } from '../../../lib/cloudwatch/metric-identity.ts';
import { defaultMetricOptions } from './graph-queries.ts';
import {
  DEFAULT_SELECTION,
  type MetricsSelection,
  decodeMath,
  decodeMetrics,
  encodeMath,
  encodeMetrics,
  selectionFromSearchParams,
  selectionToSearchParams,
} from './selection-url.ts';

const cpu: MetricIdentity = {
  namespace: 'AWS/EC2',
  metricName: 'CPUUtilization',
  dimensions: [{ name: 'InstanceId', value: 'i-0abc' }],
};
const net: MetricIdentity = {
  namespace: 'AWS/EC2',
  metricName: 'NetworkIn',
  dimensions: [{ name: 'InstanceId', value: 'i-0abc' }],
};
const latency: MetricIdentity = {
  namespace: 'My App/Checkout',
  metricName: 'Latency:p=1&q=2',
  dimensions: [
    { name: 'Region', value: 'eu-west-1' },
    { name: 'Service', value: 'cart, "v2"/ünïcode' },
  ],
};
const bare: MetricIdentity = { namespace: 'Custom', metricName: 'Heartbeat', dimensions: [] };

/** A selection with the given fields, and m1, m2, … for its metrics unless given. */
function sel(fields: Partial<MetricsSelection>): MetricsSelection {
  const metrics = fields.metrics ?? [];
  return { ...DEFAULT_SELECTION, metricOptions: defaultMetricOptions(metrics.length), ...fields };
}
const b64 = (json: unknown) =>
  btoa(JSON.stringify(json)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('encodeMetrics / decodeMetrics', () => {
  it.each<[string, MetricIdentity[]]>([
    ['nothing', []],
    ['one metric', [cpu]],
    ['several namespaces, order kept', [cpu, latency, net, bare]],
    ['special characters and no dimensions', [latency, bare]],
  ])('round-trips %s', (_name, metrics) => {
    const text = encodeMetrics(metrics);
    expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
    expect(decodeMetrics(text)).toEqual(metrics);
  });

  it('shares a namespace between consecutive metrics, so it is shorter than naive JSON', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({
      ...cpu,
      dimensions: [{ name: 'InstanceId', value: `i-${i}` }],
    }));
    expect(encodeMetrics(many).length).toBeLessThan(JSON.stringify(many).length);
  });

  it('sorts dimensions and drops duplicates when decoding', () => {
    const shuffled = { ...latency, dimensions: [...latency.dimensions].reverse() };
    expect(decodeMetrics(encodeMetrics([shuffled, latency]))).toEqual([latency]);
  });

  it.each([
    ['not base64url', '!!!'],
    ['not JSON', btoa('hello')],
    ['not a list', btoa('{"a":1}')],
    ['a dimension without a value', btoa('[["AWS/EC2",["CPUUtilization","InstanceId"]]]').replace(/=+$/, '')],
    ['a number where a name goes', btoa('[["AWS/EC2",[42]]]').replace(/=+$/, '')],
  ])('rejects %s', (_name, text) => {
    expect(decodeMetrics(text)).toBeUndefined();
  });
});

describe('selectionFromSearchParams', () => {
  const encoded = encodeMetrics([cpu, latency]);
  it.each<[string, string, MetricsSelection, boolean, RegExp | undefined]>([
    ['a bare URL', 'range=3h&refresh=off', DEFAULT_SELECTION, false, undefined],
    [
      'a full link',
      `metrics=${encoded}&stat=p99&period=300`,
      sel({ metrics: [cpu, latency], stat: 'p99', period: 300 }),
      true,
      undefined,
    ],
    [
      'auto period and a custom statistic',
      `stat=TM(10%25%3A90%25)&period=auto`,
      sel({ metrics: [], stat: 'TM(10%:90%)', period: 'auto' }),
      true,
      undefined,
    ],
    [
      'an invalid period',
      `metrics=${encoded}&period=7`,
      sel({ metrics: [cpu, latency], stat: 'Average', period: 'auto' }),
      true,
      /Invalid period "7"/,
    ],
    [
      'unreadable metrics',
      'metrics=%%%&stat=Sum',
      sel({ metrics: [], stat: 'Sum', period: 'auto' }),
      true,
      /could not be read/,
    ],
    [
      'an empty statistic',
      'stat=&period=60',
      sel({ metrics: [], stat: 'Average', period: 60 }),
      true,
      undefined,
    ],
    [
      'a link from before math: metrics get m1, m2, … and no expressions',
      `metrics=${encoded}&stat=Sum&period=60`,
      sel({
        metrics: [cpu, latency],
        metricOptions: [
          { id: 'm1', visible: true },
          { id: 'm2', visible: true },
        ],
        expressions: [],
        stat: 'Sum',
        period: 60,
      }),
      true,
      undefined,
    ],
    [
      'a link with math',
      `metrics=${encoded}&math=${b64({
        m: [
          ['m1', 0],
          ['m3', 1, 2.5],
        ],
        e: [['e2', 'm1 * 100 / m3', 'Share', 1]],
      })}`,
      sel({
        metrics: [cpu, latency],
        metricOptions: [
          { id: 'm1', visible: false },
          { id: 'm3', visible: true, bandWidth: 2.5 },
        ],
        expressions: [{ id: 'e2', expression: 'm1 * 100 / m3', label: 'Share', visible: true }],
      }),
      true,
      undefined,
    ],
    [
      'only math (an expression of scalars)',
      `math=${b64({ e: [['e1', 'TIME_SERIES(42)', '', 1]] })}`,
      sel({ expressions: [{ id: 'e1', expression: 'TIME_SERIES(42)', label: '', visible: true }] }),
      true,
      undefined,
    ],
    [
      'unreadable math keeps the metrics',
      `metrics=${encoded}&math=%%%`,
      sel({ metrics: [cpu, latency] }),
      true,
      /math expressions in the link could not be read/,
    ],
  ])('%s', (_name, search, selection, present, error) => {
    const parsed = selectionFromSearchParams(new URLSearchParams(search));
    expect(parsed.selection).toEqual(selection);
    expect(parsed.present).toBe(present);
    if (error) expect(parsed.error).toMatch(error);
    else expect(parsed.error).toBeUndefined();
  });
});

describe('encodeMath / decodeMath', () => {
  const share = { id: 'e1', expression: 'm1 * 100 / m2', label: 'Share', visible: true };
  it.each<[string, MetricsSelection['metricOptions'], MetricsSelection['expressions']]>([
    [
      'hidden metrics',
      [
        { id: 'm1', visible: false },
        { id: 'm2', visible: true },
      ],
      [],
    ],
    ['a band with a fractional width', [{ id: 'm1', visible: true, bandWidth: 0.5 }], []],
    ['Ids kept after a removal', [{ id: 'm2', visible: true }], [{ ...share, expression: 'm2 * 2' }]],
    [
      'expressions with labels, hidden ones, unicode',
      defaultMetricOptions(2),
      [share, { id: 'e3', expression: 'SEARCH(\'{AWS/EC2} ünï\', "Average")', label: '', visible: false }],
    ],
  ])('round-trips %s', (_name, metricOptions, expressions) => {
    const text = encodeMath(metricOptions, expressions);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeMath(text as string, metricOptions.length)).toEqual({ metricOptions, expressions });
  });

  it('writes nothing for default options and no expressions', () => {
    expect(encodeMath(defaultMetricOptions(3), [])).toBeUndefined();
  });

  it.each([
    ['not base64url', '!!!', 1],
    ['a list', b64([1]), 1],
    ['options for another number of metrics', b64({ m: [['m1', 1]] }), 2],
    ['a metric Id that is not mN', b64({ m: [['x1', 1]] }), 1],
    ['a zero band width', b64({ m: [['m1', 1, 0]] }), 1],
    ['a negative band width', b64({ m: [['m1', 1, -2]] }), 1],
    ['a flag that is not 0 or 1', b64({ m: [['m1', true]] }), 1],
    ['an expression Id that is not eN', b64({ e: [['m9', 'm1', '', 1]] }), 1],
    [
      'a repeated Id',
      b64({
        e: [
          ['e1', 'm1', '', 1],
          ['e1', 'm1', '', 1],
        ],
      }),
      1,
    ],
    ['a short expression entry', b64({ e: [['e1', 'm1']] }), 1],
    ['an expression over 2048 characters', b64({ e: [['e1', 'm'.repeat(2049), '', 1]] }), 1],
  ])('rejects %s', (_name, text, metricCount) => {
    expect(decodeMath(text, metricCount)).toBeUndefined();
  });
});

describe('selectionToSearchParams', () => {
  it('keeps the time params and any other, and replaces its own', () => {
    const before = new URLSearchParams('range=12h&refresh=1m&metrics=old&stat=Sum&tab=x');
    const after = selectionToSearchParams(before, sel({ metrics: [cpu], stat: 'p99', period: 'auto' }));
    expect(after.get('range')).toBe('12h');
    expect(after.get('refresh')).toBe('1m');
    expect(after.get('tab')).toBe('x');
    expect(after.get('stat')).toBe('p99');
    expect(after.get('period')).toBe('auto');
    expect(decodeMetrics(after.get('metrics') ?? '')).toEqual([cpu]);
    expect(before.get('metrics')).toBe('old');
  });

  it('keeps an absolute range', () => {
    const before = new URLSearchParams('start=2026-11-21T00:00:00Z&end=2026-11-21T03:00:00Z');
    const after = selectionToSearchParams(before, sel({ metrics: [bare], stat: 'Sum', period: 60 }));
    expect(after.get('start')).toBe('2026-11-21T00:00:00Z');
    expect(after.get('end')).toBe('2026-11-21T03:00:00Z');
    expect(after.get('period')).toBe('60');
  });

  it('writes no math param for a graph without math, so its link is what it was', () => {
    const after = selectionToSearchParams(new URLSearchParams('range=3h'), sel({ metrics: [cpu, net] }));
    expect([...after.keys()]).toEqual(['range', 'metrics', 'stat', 'period']);
  });

  it('leaves a blank selection out of the URL', () => {
    const after = selectionToSearchParams(
      new URLSearchParams('range=3h&metrics=x&stat=p50&period=60&math=y'),
      DEFAULT_SELECTION,
    );
    expect(after.toString()).toBe('range=3h');
  });

  it.each<[string, MetricsSelection]>([
    [
      'metrics, a percentile and a period',
      sel({ metrics: [cpu, net, latency], stat: 'p99.9', period: 3600 }),
    ],
    ['a trimmed mean and auto', sel({ metrics: [latency], stat: 'TM(10%:90%)', period: 'auto' })],
    ['no metrics but a statistic', sel({ metrics: [], stat: 'IQM', period: 'auto' })],
    [
      'expressions, a hidden metric and a band',
      sel({
        metrics: [cpu, net],
        metricOptions: [
          { id: 'm1', visible: false, bandWidth: 3 },
          { id: 'm2', visible: true },
        ],
        expressions: [
          { id: 'e1', expression: 'm1 * 100 / m2', label: 'CPU per byte', visible: true },
          { id: 'e2', expression: 'IF(m1 > 50, m1)', label: '', visible: false },
        ],
      }),
    ],
    [
      'only an expression',
      sel({ expressions: [{ id: 'e1', expression: 'TIME_SERIES(1)', label: '', visible: true }] }),
    ],
  ])('round-trips %s through the URL', (_name, selection) => {
    const text = selectionToSearchParams(new URLSearchParams('range=1d'), selection).toString();
    expect(selectionFromSearchParams(new URLSearchParams(text)).selection).toEqual(selection);
  });
});
