import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from '../../../lib/connection-store.ts';

class AwsException extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

const fake = vi.hoisted(() => ({ sent: [] as string[][] }));

// A backend that refuses any expression containing "BAD" and otherwise returns one flat result per query.
vi.mock('../../../lib/aws-clients.ts', () => ({
  cloudWatchClient: () => ({
    send: async (command: { input: { MetricDataQueries: MetricDataQuery[] } }) => {
      const queries = command.input.MetricDataQueries;
      fake.sent.push(queries.map((q) => q.Id ?? ''));
      const bad = queries.findIndex((q) => q.Expression?.includes('BAD'));
      if (bad >= 0) {
        throw new AwsException(
          'InvalidParameterValueException',
          `The value ${queries[bad].Expression} for parameter MetricDataQueries.member.${bad + 1}.Expression is invalid: Unknown function 'BAD' at position 0.`,
        );
      }
      if (queries.some((q) => q.MetricStat?.Stat === 'nope'))
        throw new AwsException('InvalidParameterValueException', 'The value nope is not a valid statistic.');
      return {
        MetricDataResults: queries
          .filter((q) => q.ReturnData !== false)
          .map((q) => ({ Id: q.Id, Label: q.Id, Timestamps: [new Date(60_000)], Values: [1] })),
      };
    },
  }),
}));

const { getMetricGraphData } = await import('./get-metric-graph-data.ts');

const CONNECTION: Connection = {
  endpoint: 'embedded',
  region: 'us-east-1',
  accessKeyId: 'a',
  secretAccessKey: 'b',
};
const metric = (id: string, fields: Partial<MetricDataQuery> = {}): MetricDataQuery => ({
  Id: id,
  MetricStat: { Metric: { Namespace: 'Shop', MetricName: id }, Period: 60, Stat: 'Average' },
  ...fields,
});
const request = (queries: MetricDataQuery[]) => ({ queries, startMs: 0, endMs: 600_000 });

beforeEach(() => {
  fake.sent = [];
});

describe('getMetricGraphData', () => {
  it('sends metrics and expressions in one request', async () => {
    const out = await getMetricGraphData(
      CONNECTION,
      request([metric('m1'), { Id: 'e1', Expression: 'm1 * 2' }]),
    );
    expect(fake.sent).toEqual([['m1', 'e1']]);
    expect(out.results.map((r) => r.id)).toEqual(['m1', 'e1']);
    expect(out.refused).toEqual({});
  });

  it('leaves out a refused expression and those using it, and draws the rest', async () => {
    const out = await getMetricGraphData(
      CONNECTION,
      request([
        metric('m1'),
        { Id: 'e1', Expression: 'BAD(m1)' },
        { Id: 'e2', Expression: 'e1 + 1' },
        { Id: 'e3', Expression: 'm1 / 2' },
        { Id: 'e4', Expression: 'BAD(e3)' },
      ]),
    );
    expect(fake.sent).toEqual([
      ['m1', 'e1', 'e2', 'e3', 'e4'],
      ['m1', 'e3', 'e4'],
      ['m1', 'e3'],
    ]);
    expect(out.results.map((r) => r.id)).toEqual(['m1', 'e3']);
    expect(out.refused).toEqual({
      e1: {
        name: 'InvalidParameterValueException',
        message:
          "The value BAD(m1) for parameter MetricDataQueries.member.2.Expression is invalid: Unknown function 'BAD' at position 0.",
      },
      e2: { message: 'Not drawn: it uses e1, which has an error.' },
      e4: {
        name: 'InvalidParameterValueException',
        message:
          "The value BAD(e3) for parameter MetricDataQueries.member.3.Expression is invalid: Unknown function 'BAD' at position 0.",
      },
    });
  });

  it('sends nothing more when what is left returns no data', async () => {
    const out = await getMetricGraphData(
      CONNECTION,
      request([metric('m1', { ReturnData: false }), { Id: 'e1', Expression: 'BAD(m1)' }]),
    );
    expect(fake.sent).toHaveLength(1);
    expect(out.results).toEqual([]);
    expect(Object.keys(out.refused)).toEqual(['e1']);
  });

  it('fails the graph for an error that names no expression', async () => {
    const bad = metric('m1', {
      MetricStat: { Metric: { Namespace: 'Shop', MetricName: 'm1' }, Period: 60, Stat: 'nope' },
    });
    await expect(getMetricGraphData(CONNECTION, request([bad]))).rejects.toThrow(/not a valid statistic/);
  });
});
