// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { MetricIdentity } from '../../../lib/cloudwatch/metric-identity.ts';
import {
  DEFAULT_SELECTION,
  type MetricsSelection,
  decodeMetrics,
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
      { metrics: [cpu, latency], stat: 'p99', period: 300 },
      true,
      undefined,
    ],
    [
      'auto period and a custom statistic',
      `stat=TM(10%25%3A90%25)&period=auto`,
      { metrics: [], stat: 'TM(10%:90%)', period: 'auto' },
      true,
      undefined,
    ],
    [
      'an invalid period',
      `metrics=${encoded}&period=7`,
      { metrics: [cpu, latency], stat: 'Average', period: 'auto' },
      true,
      /Invalid period "7"/,
    ],
    [
      'unreadable metrics',
      'metrics=%%%&stat=Sum',
      { metrics: [], stat: 'Sum', period: 'auto' },
      true,
      /could not be read/,
    ],
    ['an empty statistic', 'stat=&period=60', { metrics: [], stat: 'Average', period: 60 }, true, undefined],
  ])('%s', (_name, search, selection, present, error) => {
    const parsed = selectionFromSearchParams(new URLSearchParams(search));
    expect(parsed.selection).toEqual(selection);
    expect(parsed.present).toBe(present);
    if (error) expect(parsed.error).toMatch(error);
    else expect(parsed.error).toBeUndefined();
  });
});

describe('selectionToSearchParams', () => {
  it('keeps the time params and any other, and replaces its own', () => {
    const before = new URLSearchParams('range=12h&refresh=1m&metrics=old&stat=Sum&tab=x');
    const after = selectionToSearchParams(before, { metrics: [cpu], stat: 'p99', period: 'auto' });
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
    const after = selectionToSearchParams(before, { metrics: [bare], stat: 'Sum', period: 60 });
    expect(after.get('start')).toBe('2026-11-21T00:00:00Z');
    expect(after.get('end')).toBe('2026-11-21T03:00:00Z');
    expect(after.get('period')).toBe('60');
  });

  it('leaves a blank selection out of the URL', () => {
    const after = selectionToSearchParams(
      new URLSearchParams('range=3h&metrics=x&stat=p50&period=60'),
      DEFAULT_SELECTION,
    );
    expect(after.toString()).toBe('range=3h');
  });

  it.each<[string, MetricsSelection]>([
    ['metrics, a percentile and a period', { metrics: [cpu, net, latency], stat: 'p99.9', period: 3600 }],
    ['a trimmed mean and auto', { metrics: [latency], stat: 'TM(10%:90%)', period: 'auto' }],
    ['no metrics but a statistic', { metrics: [], stat: 'IQM', period: 'auto' }],
  ])('round-trips %s through the URL', (_name, selection) => {
    const text = selectionToSearchParams(new URLSearchParams('range=1d'), selection).toString();
    expect(selectionFromSearchParams(new URLSearchParams(text)).selection).toEqual(selection);
  });
});
