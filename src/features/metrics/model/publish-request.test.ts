// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  EMPTY_PUBLISH_DRAFT,
  type PublishDraft,
  buildPublishRequest,
  parseValues,
} from './publish-request.ts';

const draft = (patch: Partial<PublishDraft>): PublishDraft => ({
  ...EMPTY_PUBLISH_DRAFT,
  namespace: 'MyApp',
  metricName: 'Latency',
  values: '12',
  ...patch,
});

describe('parseValues', () => {
  it.each<[string, number[] | RegExp]>([
    ['42', [42]],
    [' -1.5 ', [-1.5]],
    ['1, 2.5,3e2, .5', [1, 2.5, 300, 0.5]],
    ['', /Enter a value/],
    [' , ', /Enter a value/],
    ['1,,2', /extra comma/],
    ['abc', /"abc" is not a number/],
    ['1, two', /"two" is not a number/],
    ['NaN', /not a number/],
    ['0x10', /not a number/],
  ])('%j', (text, expected) => {
    const parsed = parseValues(text);
    if (Array.isArray(expected)) expect(parsed).toEqual({ ok: true, values: expected });
    else expect(parsed.ok ? '' : parsed.error).toMatch(expected);
  });
});

describe('buildPublishRequest', () => {
  it.each<[string, Partial<PublishDraft>, RegExp]>([
    ['an empty namespace', { namespace: '  ' }, /Enter a namespace/],
    ['an empty metric name', { metricName: '' }, /Enter a metric name/],
    ['no value', { values: '' }, /Enter a value/],
    ['a value that is not a number', { values: '12ms' }, /"12ms" is not a number/],
  ])('stops %s', (_name, patch, error) => {
    const request = buildPublishRequest(draft(patch));
    expect(request.ok ? '' : request.error).toMatch(error);
  });

  it('sends one value as Value, now as the time, and drops blank dimension rows', () => {
    const request = buildPublishRequest(draft({ dimensions: [{ name: '', value: '' }] }));
    expect(request).toEqual({
      ok: true,
      datapointCount: 1,
      metric: { namespace: 'MyApp', metricName: 'Latency', dimensions: [] },
      input: {
        Namespace: 'MyApp',
        MetricData: [{ MetricName: 'Latency', Value: 12, Unit: 'None', StorageResolution: 60 }],
      },
    });
  });

  it('sends several values as Values, with dimensions, unit, resolution and a UTC timestamp', () => {
    const request = buildPublishRequest(
      draft({
        values: '1, 2, 3',
        unit: 'Milliseconds',
        storageResolution: '1',
        timestamp: '2026-11-21T10:15',
        dimensions: [
          { name: 'Stage', value: 'prod' },
          { name: '', value: '' },
          { name: 'Service', value: 'cart' },
        ],
      }),
    );
    if (!request.ok) throw new Error(request.error);
    expect(request.datapointCount).toBe(3);
    expect(request.metric.dimensions).toEqual([
      { name: 'Service', value: 'cart' },
      { name: 'Stage', value: 'prod' },
    ]);
    expect(request.input.MetricData?.[0]).toEqual({
      MetricName: 'Latency',
      Dimensions: [
        { Name: 'Stage', Value: 'prod' },
        { Name: 'Service', Value: 'cart' },
      ],
      Values: [1, 2, 3],
      Unit: 'Milliseconds',
      StorageResolution: 1,
      Timestamp: new Date(Date.UTC(2026, 10, 21, 10, 15)),
    });
  });

  it('leaves what only the server can judge to the server', () => {
    const request = buildPublishRequest(
      draft({ namespace: 'AWS/EC2', dimensions: [{ name: 'OnlyAName', value: '' }] }),
    );
    expect(request.ok).toBe(true);
    if (request.ok)
      expect(request.input.MetricData?.[0].Dimensions).toEqual([{ Name: 'OnlyAName', Value: '' }]);
  });
});
