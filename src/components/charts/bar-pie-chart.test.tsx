// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Rendered, render, stubResizeObserver } from '../test-render';
import { MetricBarChart, fitLabel } from './bar-chart';
import { MetricPieChart, pieSlices } from './pie-chart';

let restore: () => void;
let rendered: Rendered | undefined;
beforeEach(() => {
  restore = stubResizeObserver(400);
});
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  restore();
});

describe('MetricBarChart', () => {
  it('draws one bar per metric with a value, and annotation lines', () => {
    rendered = render(
      <MetricBarChart
        height={200}
        items={[
          { id: 'a', label: 'A', value: 3 },
          { id: 'b', label: 'B', value: 7 },
          { id: 'c', label: 'C' },
        ]}
        lines={[{ value: 10, label: 'Limit' }]}
      />,
    );
    const root = rendered.container.querySelector<HTMLElement>('[data-testid="bar-chart"]')!;
    expect(root.dataset.bars).toBe('2');
    expect(root.querySelectorAll('.recharts-bar-rectangle path').length).toBe(2);
    expect(root.querySelectorAll('.chart-horizontal')).toHaveLength(1);
    expect(root.getAttribute('aria-label')).toBe('A: 3, B: 7, C: —');
  });
});

describe('pieSlices', () => {
  it('keeps positive finite values only and colours by position', () => {
    const slices = pieSlices([
      { id: 'a', label: 'A', value: 2 },
      { id: 'b', label: 'B', value: 0 },
      { id: 'c', label: 'C', value: Number.NaN },
      { id: 'd', label: 'D', value: 6 },
    ]);
    expect(slices.map((s) => [s.id, s.color])).toEqual([
      ['a', '#1f77b4'],
      ['d', '#d62728'],
    ]);
  });
});

describe('MetricPieChart', () => {
  it.each([
    [true, 2],
    [false, 0],
  ])('labels slices with their share when labels are %s', (showLabels, labelCount) => {
    rendered = render(
      <MetricPieChart
        height={200}
        showLabels={showLabels}
        slices={[
          { id: 'a', label: 'A', value: 1 },
          { id: 'b', label: 'B', value: 3 },
        ]}
      />,
    );
    const root = rendered.container.querySelector<HTMLElement>('[data-testid="pie-chart"]')!;
    expect(root.dataset.slices).toBe('2');
    expect(root.querySelectorAll('.recharts-pie-label-text').length).toBe(labelCount);
    expect(root.querySelector('[aria-label="Legend"]')!.textContent).toContain('75.0 %');
  });
});

describe('fitLabel', () => {
  it('keeps a label that fits its bar, and cuts one that does not with an ellipsis', () => {
    expect(fitLabel('web-1', 200)).toBe('web-1');
    expect(fitLabel('CPUUtilization i-0a1b2c3d4e5f60001', 80)).toBe('CPUUtilizat…');
    expect(fitLabel('CPUUtilization', 8)).toBe('');
  });
});
