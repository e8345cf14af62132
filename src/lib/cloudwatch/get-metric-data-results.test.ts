import { describe, expect, it, vi } from 'vitest';
import type { Connection } from '../connection-store.ts';

const fake = vi.hoisted(() => ({
  pages: [] as Record<string, unknown>[],
  tokens: [] as (string | undefined)[],
}));

vi.mock('../aws-clients.ts', () => ({
  cloudWatchClient: () => ({
    send: async (command: { input: { NextToken?: string } }) => {
      fake.tokens.push(command.input.NextToken);
      const page = fake.pages.shift();
      if (!page) throw new Error('no more pages');
      return page;
    },
  }),
}));

const { getMetricDataResults } = await import('./get-metric-data-results.ts');

const CONNECTION: Connection = {
  endpoint: 'embedded',
  region: 'us-east-1',
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'x',
};
const at = (...seconds: number[]) => seconds.map((s) => new Date(s * 1000));
const REQUEST = { queries: [{ Id: 'm1' }], startMs: 0, endMs: 600_000 };

describe('getMetricDataResults', () => {
  it('keeps the results of an array expression apart, in the order returned', async () => {
    fake.tokens = [];
    fake.pages = [
      {
        MetricDataResults: [
          { Id: 'm1', Label: 'CPU', Timestamps: at(60, 120), Values: [1, 2], StatusCode: 'Complete' },
          {
            Id: 'ad1',
            Label: 'CPU (upper)',
            Timestamps: at(60, 120),
            Values: [5, 6],
            StatusCode: 'Complete',
          },
          {
            Id: 'ad1',
            Label: 'CPU (lower)',
            Timestamps: at(60, 120),
            Values: [0, 1],
            StatusCode: 'Complete',
          },
          {
            Id: 'e1',
            Label: 'e1',
            StatusCode: 'InternalError',
            Messages: [{ Code: 'InternalError', Value: 'Division failed' }],
          },
        ],
      },
    ];
    expect(await getMetricDataResults(CONNECTION, REQUEST)).toEqual([
      {
        id: 'm1',
        label: 'CPU',
        timestamps: [60_000, 120_000],
        values: [1, 2],
        statusCode: 'Complete',
        messages: [],
      },
      {
        id: 'ad1',
        label: 'CPU (upper)',
        timestamps: [60_000, 120_000],
        values: [5, 6],
        statusCode: 'Complete',
        messages: [],
      },
      {
        id: 'ad1',
        label: 'CPU (lower)',
        timestamps: [60_000, 120_000],
        values: [0, 1],
        statusCode: 'Complete',
        messages: [],
      },
      {
        id: 'e1',
        label: 'e1',
        timestamps: [],
        values: [],
        statusCode: 'InternalError',
        messages: ['InternalError: Division failed'],
      },
    ]);
  });

  it('follows NextToken, continuing each result where the previous page left it', async () => {
    fake.tokens = [];
    fake.pages = [
      {
        MetricDataResults: [
          { Id: 'm1', Label: 'CPU', Timestamps: at(60, 120), Values: [1, 2], StatusCode: 'PartialData' },
          { Id: 'm2', Label: 'Net', Timestamps: [], Values: [], StatusCode: 'PartialData' },
        ],
        NextToken: 'page-2',
      },
      {
        MetricDataResults: [
          { Id: 'm1', Label: 'CPU', Timestamps: at(180), Values: [3], StatusCode: 'Complete' },
          { Id: 'm2', Label: 'Net', Timestamps: at(60), Values: [7], StatusCode: 'Complete' },
        ],
      },
    ];
    const results = await getMetricDataResults(CONNECTION, REQUEST);
    expect(fake.tokens).toEqual([undefined, 'page-2']);
    expect(results.map((r) => [r.id, r.timestamps, r.values, r.statusCode])).toEqual([
      ['m1', [60_000, 120_000, 180_000], [1, 2, 3], 'Complete'],
      ['m2', [60_000], [7], 'Complete'],
    ]);
  });
});

const { getMetricData, seriesIdOf } = await import('./get-metric-data.ts');

describe('getMetricData', () => {
  it('gives every result of a query that returns several its own series id: Id, Id~1, Id~2', async () => {
    fake.tokens = [];
    fake.pages = [
      {
        MetricDataResults: [
          { Id: 'm1', Label: 'CPU', Timestamps: at(60), Values: [1], StatusCode: 'Complete' },
          { Id: 'e1', Label: 'i-0001', Timestamps: at(60), Values: [2], StatusCode: 'Complete' },
          { Id: 'e1', Label: 'i-0002', Timestamps: at(60), Values: [3], StatusCode: 'Complete' },
          { Id: 'e1', Label: 'i-0003', Timestamps: at(60), Values: [4], StatusCode: 'Complete' },
        ],
      },
    ];
    const series = await getMetricData(CONNECTION, REQUEST);
    expect(series.map((s) => [s.id, s.queryId, s.label, s.values])).toEqual([
      ['m1', 'm1', 'CPU', [1]],
      ['e1', 'e1', 'i-0001', [2]],
      ['e1~1', 'e1', 'i-0002', [3]],
      ['e1~2', 'e1', 'i-0003', [4]],
    ]);
    expect(seriesIdOf('e1', 0)).toBe('e1');
    expect(seriesIdOf('e1', 4)).toBe('e1~4');
  });

  it('joins pages per series, as before', async () => {
    fake.tokens = [];
    fake.pages = [
      {
        MetricDataResults: [
          { Id: 'm1', Label: 'CPU', Timestamps: at(60), Values: [1], StatusCode: 'PartialData' },
        ],
        NextToken: 'page-2',
      },
      {
        MetricDataResults: [
          { Id: 'm1', Label: 'CPU', Timestamps: at(120), Values: [2], StatusCode: 'Complete' },
        ],
      },
    ];
    const series = await getMetricData(CONNECTION, REQUEST);
    expect(series.map((s) => [s.id, s.timestamps, s.values, s.statusCode])).toEqual([
      ['m1', [60_000, 120_000], [1, 2], 'Complete'],
    ]);
  });
});
