import { beforeEach, describe, expect, it } from 'vitest';
import type { MetricIdentity } from '../../../lib/cloudwatch/metric-identity.ts';
import { DEFAULT_SELECTION } from '../model/selection-url.ts';
import { useMetricsSelection } from './metrics-selection-store.ts';

const metric = (name: string): MetricIdentity => ({ namespace: 'Shop', metricName: name, dimensions: [] });
const [a, b, c, d] = ['A', 'B', 'C', 'D'].map(metric);
const state = () => useMetricsSelection.getState();
const ids = () => state().metricOptions.map((o) => o.id);

beforeEach(() => state().replace(DEFAULT_SELECTION));

describe('metrics selection: Ids', () => {
  it('numbers checked metrics m1, m2, … in the order they are checked', () => {
    state().setChecked([a, b], true);
    state().setChecked([c], true);
    expect(ids()).toEqual(['m1', 'm2', 'm3']);
  });

  it('keeps Ids when a metric is removed, so expressions still mean the same metrics', () => {
    state().setChecked([a, b, c], true);
    state().setChecked([b], false);
    expect(state().metrics).toEqual([a, c]);
    expect(ids()).toEqual(['m1', 'm3']);
    state().setChecked([d], true);
    expect(ids()).toEqual(['m1', 'm3', 'm4']);
  });

  it('does not hand an Id an expression still uses to a new metric', () => {
    state().setChecked([a, b], true);
    const e = state().addExpression();
    state().updateExpression(e, { expression: 'm1 + m2' });
    state().setChecked([b], false);
    state().setChecked([c], true);
    expect(ids()).toEqual(['m1', 'm3']);
  });

  it('starts over at m1 once the graph is empty', () => {
    state().setChecked([a, b], true);
    state().setChecked([a, b], false);
    state().setChecked([c], true);
    expect(ids()).toEqual(['m1']);
  });

  it('numbers expressions e1, e2, … and keeps them on removal', () => {
    expect([state().addExpression(), state().addExpression()]).toEqual(['e1', 'e2']);
    state().removeExpression('e1');
    expect(state().addExpression()).toBe('e3');
    expect(state().expressions.map((e) => e.id)).toEqual(['e2', 'e3']);
  });
});

describe('metrics selection: options', () => {
  it('hides and shows a metric', () => {
    state().setChecked([a, b], true);
    state().setMetricVisible('m2', false);
    expect(state().metricOptions).toEqual([
      { id: 'm1', visible: true },
      { id: 'm2', visible: false },
    ]);
  });

  it('keeps one anomaly band on at a time (the chart draws one)', () => {
    state().setChecked([a, b], true);
    state().setBand('m1', 2);
    state().setBand('m1', 3.5);
    expect(state().metricOptions[0].bandWidth).toBe(3.5);
    state().setBand('m2', 2);
    expect(state().metricOptions).toEqual([
      { id: 'm1', visible: true },
      { id: 'm2', visible: true, bandWidth: 2 },
    ]);
    state().setBand('m2', undefined);
    expect(state().metricOptions[1]).toEqual({ id: 'm2', visible: true });
  });

  it('keeps the first band of a link that has several', () => {
    state().replace({
      ...DEFAULT_SELECTION,
      metrics: [a, b],
      metricOptions: [
        { id: 'm1', visible: true, bandWidth: 1 },
        { id: 'm2', visible: true, bandWidth: 2 },
      ],
    });
    expect(state().metricOptions.map((o) => o.bandWidth)).toEqual([1, undefined]);
  });

  it('edits an expression', () => {
    const id = state().addExpression();
    state().updateExpression(id, { expression: 'RATE(m1)', label: 'Rate' });
    state().updateExpression(id, { visible: false });
    expect(state().expressions).toEqual([
      { id: 'e1', expression: 'RATE(m1)', label: 'Rate', visible: false },
    ]);
  });
});
