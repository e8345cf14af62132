import { describe, expect, it } from 'vitest';
import type { MetricDataResultSeries } from '../../../lib/cloudwatch/get-metric-data-results.ts';
import { metricKey } from '../../../lib/cloudwatch/metric-identity.ts';
import { seriesColor } from '../../../lib/palette.ts';
import type { MathExpression } from './graph-queries.ts';
import { type GraphedMetric, graphView, splitBandResults } from './graph-results.ts';

const result = (
  id: string,
  label: string,
  timestamps: number[],
  values: number[],
  fields: Partial<MetricDataResultSeries> = {},
): MetricDataResultSeries => ({
  id,
  label,
  timestamps,
  values,
  statusCode: 'Complete',
  messages: [],
  ...fields,
});

describe('splitBandResults', () => {
  it.each<[string, MetricDataResultSeries[], ReturnType<typeof splitBandResults>]>([
    [
      'upper and lower by their labels',
      [result('ad1', 'CPU (lower)', [1, 2], [0, 1]), result('ad1', 'CPU (upper)', [1, 2], [5, 6])],
      { timestamps: [1, 2], upper: [5, 6], lower: [0, 1] },
    ],
    [
      'by order, [upper, lower], when the labels do not say',
      [result('ad1', 'a', [1, 2], [9, 8]), result('ad1', 'b', [1, 2], [3, 4])],
      { timestamps: [1, 2], upper: [9, 8], lower: [3, 4] },
    ],
    [
      'aligned on the union of timestamps, NaN where a bound is missing',
      [result('ad1', 'x (upper)', [1, 3], [5, 7]), result('ad1', 'x (lower)', [1, 2], [0, 1])],
      { timestamps: [1, 2, 3], upper: [5, NaN, 7], lower: [0, 1, NaN] },
    ],
    ['nothing from a single result', [result('ad1', 'x (upper)', [1], [5])], undefined],
    ['nothing from no result', [], undefined],
  ])('%s', (_case, results, expected) => {
    expect(splitBandResults(results)).toEqual(expected);
  });
});

describe('graphView', () => {
  const cpu = { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [] };
  const net = { namespace: 'AWS/EC2', metricName: 'NetworkIn', dimensions: [] };
  const graphed: GraphedMetric[] = [
    {
      metric: cpu,
      id: 'm1',
      label: 'CPU',
      color: seriesColor(0),
      unit: 'Percent',
      visible: true,
      bandWidth: 2,
    },
    { metric: net, id: 'm2', label: 'Net', color: seriesColor(1), visible: false },
  ];
  const expressions: MathExpression[] = [
    { id: 'e1', expression: 'METRICS() * 2', label: 'Double', visible: true },
    { id: 'e2', expression: 'm2 / 0', label: '', visible: true },
    { id: 'e3', expression: 'm1', label: '', visible: false },
  ];
  const results = [
    result('m1', 'CPU', [1, 2], [10, 20]),
    result('ad1', 'CPU (upper)', [1, 2], [15, 25]),
    result('ad1', 'CPU (lower)', [1, 2], [5, 15]),
    result('e1', 'Double CPU', [1, 2], [20, 40]),
    result('e1', 'Double Net', [1, 2], [2, 4]),
    result('e2', 'e2', [], [], { statusCode: 'InternalError', messages: ['InternalError: Division failed'] }),
    result('e9', 'stale', [1], [1]),
  ];
  const view = graphView(graphed, expressions, results);

  it('draws visible metrics, then each series of each visible expression; the band is not a line', () => {
    expect(view.series.map((s) => [s.id, s.label, s.color, s.values])).toEqual([
      [metricKey(cpu), 'CPU', seriesColor(0), [10, 20]],
      ['e1#0', 'Double CPU', seriesColor(2), [20, 40]],
      ['e1#1', 'Double Net', seriesColor(3), [2, 4]],
    ]);
    expect(view.series[0].unit).toBe('Percent');
    expect(view.expressionColors).toEqual({ e1: seriesColor(2) });
  });

  it('turns the band results into one band', () => {
    expect(view.bands).toEqual([
      {
        metricId: 'm1',
        label: 'CPU anomaly band (2)',
        timestamps: [1, 2],
        upper: [15, 25],
        lower: [5, 15],
      },
    ]);
  });

  it('reports results the API could not evaluate under their Id', () => {
    expect(view.problems).toEqual({
      e2: { name: 'InternalError', message: 'InternalError: Division failed' },
    });
  });

  it('keeps a line for a visible metric that has no result yet', () => {
    const empty = graphView(graphed, [], []);
    expect(empty.series.map((s) => [s.label, s.timestamps])).toEqual([['CPU', []]]);
    expect(empty.bands).toEqual([]);
  });
});
