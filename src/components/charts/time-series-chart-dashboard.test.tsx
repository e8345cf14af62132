// @vitest-environment jsdom
// What dashboards add to the time-series chart: a right y axis, CloudWatch's horizontal and
// vertical annotations, the legend's position and the crosshair shared between graphs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearCrosshair, getCrosshair } from '../../lib/crosshair';
import type { SeriesData } from '../../lib/series';
import { type Rendered, mouse, mouseLeave, render, stubResizeObserver } from '../test-render';
import { TimeSeriesChart, horizontalArea } from './time-series-chart';

const CHART_WIDTH = 480;
const MIN = 60_000;
const START = Date.parse('2026-11-21T00:00:00Z');
const END = START + 59 * MIN;
const PLOT_TOP = 8;
const PLOT_BOTTOM = 200 - 24;

function minuteSeries(id: string, value: (i: number) => number, unit = 'Count'): SeriesData {
  const timestamps = Array.from({ length: 60 }, (_, i) => START + i * MIN);
  return { id, label: `Series ${id}`, unit, timestamps, values: timestamps.map((_, i) => value(i)) };
}

let restore: () => void;
let rendered: Rendered[] = [];
beforeEach(() => {
  restore = stubResizeObserver(CHART_WIDTH);
});
afterEach(() => {
  for (const r of rendered) r.unmount();
  rendered = [];
  restore();
  const c = getCrosshair();
  if (c) clearCrosshair(c.sourceId);
});

const charts = () => Array.from(document.querySelectorAll<HTMLElement>('[data-testid="time-series-chart"]'));
const ticks = (root: HTMLElement, side: 'left' | 'right') =>
  Array.from(root.querySelectorAll(`text[orientation="${side}"].recharts-cartesian-axis-tick-value`)).map(
    (t) => Number((t.textContent ?? '').replace(/[^\d.-]/g, '')),
  );

describe('horizontalArea', () => {
  it.each([
    ['a plain line', { value: 5 }, undefined],
    ['fill above', { value: 5, fill: 'above' as const }, { low: 5 }],
    ['fill below', { value: 5, fill: 'below' as const }, { high: 5 }],
    ['a band, in any order', { value: 9, to: 3 }, { low: 3, high: 9 }],
    ['a band with a bad bound', { value: 9, to: Number.NaN }, undefined],
  ])('%s', (_name, h, expected) => {
    expect(horizontalArea(h)).toEqual(expected);
  });
});

describe('TimeSeriesChart on a dashboard', () => {
  it('measures series on a right axis with its own scale', () => {
    rendered.push(
      render(
        <TimeSeriesChart
          series={[minuteSeries('a', (i) => i % 10), minuteSeries('b', (i) => 1000 + i, 'Bytes')]}
          startMs={START}
          endMs={END}
          height={200}
          variant="line"
          rightAxis={{ seriesIds: ['b'] }}
        />,
      ),
    );
    const root = charts()[0];
    expect(Math.max(...ticks(root, 'left'))).toBeLessThan(100);
    const right = Array.from(
      root.querySelectorAll('text[orientation="right"].recharts-cartesian-axis-tick-value'),
    );
    expect(right.length).toBeGreaterThan(1);
    expect(right.some((t) => /KB/.test(t.textContent ?? ''))).toBe(true);
  });

  it('shades above, below and between horizontal annotations and draws plain ones as lines', () => {
    rendered.push(
      render(
        <TimeSeriesChart
          series={[minuteSeries('a', (i) => i)]}
          startMs={START}
          endMs={END}
          height={200}
          variant="line"
          annotations={{
            horizontal: [
              { value: 50, fill: 'above', label: 'High', color: '#d62728' },
              { value: 10, fill: 'below', label: 'Low' },
              { value: 20, to: 30, label: 'Band' },
              { value: 40, label: 'Line' },
            ],
          }}
        />,
      ),
    );
    const root = charts()[0];
    const fills = Array.from(root.querySelectorAll('.chart-horizontal-fill path'));
    expect(fills).toHaveLength(3);
    // A rectangle's path: `M x,y h w v h h -w Z`.
    const box = (p: Element) => {
      const d = p.getAttribute('d') ?? '';
      const top = Number(/M\s*[-\d.]+[ ,]\s*([-\d.]+)/.exec(d)![1]);
      const height = Number(/v\s*([-\d.]+)/.exec(d)![1]);
      return [Math.min(top, top + height), Math.max(top, top + height)];
    };
    // Above reaches the plot's top; below reaches its bottom; the band lies strictly inside.
    expect(box(fills[0])[0]).toBeCloseTo(PLOT_TOP, 0);
    expect(box(fills[1])[1]).toBeCloseTo(PLOT_BOTTOM, 0);
    expect(box(fills[2])[0]).toBeGreaterThan(PLOT_TOP);
    expect(box(fills[2])[1]).toBeLessThan(PLOT_BOTTOM);
    expect(fills[0].getAttribute('fill')).toBe('#d62728');
    // Fills are shaded and the line-only annotations (fill or not) are drawn as lines with their labels.
    expect(root.querySelectorAll('.chart-horizontal')).toHaveLength(3);
    const labels = Array.from(root.querySelectorAll('.recharts-label')).map((l) => l.textContent);
    expect(labels).toEqual(expect.arrayContaining(['High', 'Low', 'Line']));
  });

  it('draws vertical annotations inside the range only', () => {
    rendered.push(
      render(
        <TimeSeriesChart
          series={[minuteSeries('a', (i) => i)]}
          startMs={START}
          endMs={END}
          height={200}
          variant="line"
          annotations={{
            verticals: [
              { timeMs: START + 30 * MIN, label: 'Deploy' },
              { timeMs: START - 30 * MIN, label: 'Before' },
            ],
          }}
        />,
      ),
    );
    const root = charts()[0];
    expect(root.querySelectorAll('.chart-vertical')).toHaveLength(1);
  });

  it.each([
    ['bottom', 1],
    ['right', 1],
    ['hidden', 0],
  ] as const)('puts the legend %s', (position, count) => {
    rendered.push(
      render(
        <TimeSeriesChart
          series={[minuteSeries('a', (i) => i)]}
          startMs={START}
          endMs={END}
          height={200}
          variant="line"
          legendPosition={position}
        />,
      ),
    );
    const root = charts()[0];
    expect(root.querySelectorAll('[aria-label="Legend"]')).toHaveLength(count);
    expect(root.dataset.legend).toBe(position);
  });

  it('draws a hairline with values on the other graphs at the instant hovered on one', () => {
    const make = (id: string) => (
      <TimeSeriesChart
        series={[minuteSeries(id, (i) => i * 1000)]}
        startMs={START}
        endMs={END}
        height={200}
        variant="line"
        syncCrosshair
      />
    );
    rendered.push(render(make('a')), render(make('b')), render(make('c')));
    const [a, b, c] = charts();
    const seriesPath = (root: HTMLElement) => root.querySelector('.recharts-line path');
    const bPath = seriesPath(b);

    mouse(a.firstElementChild!, 'mousemove', 64 + (30 / 59) * (CHART_WIDTH - 64 - 16));
    // The hovered graph shows its own tooltip, the others the shared hairline.
    expect(a.querySelector('[data-testid="chart-crosshair"]')).toBeNull();
    for (const other of [b, c]) {
      const hair = other.querySelector<HTMLElement>('[data-testid="chart-crosshair"]');
      expect(hair).not.toBeNull();
      expect(Number(hair!.dataset.time)).toBeCloseTo(START + 30 * MIN, -4);
      expect(hair!.textContent).toContain('30K');
    }
    // The other graphs' series were not redrawn: the same path element is still there.
    expect(seriesPath(b)).toBe(bPath);

    mouseLeave(a.firstElementChild!);
    expect(document.querySelector('[data-testid="chart-crosshair"]')).toBeNull();
  });

  it('neither shares nor shows the crosshair unless asked to', () => {
    rendered.push(
      render(
        <TimeSeriesChart
          series={[minuteSeries('a', (i) => i)]}
          startMs={START}
          endMs={END}
          height={200}
          variant="line"
        />,
      ),
    );
    mouse(charts()[0].firstElementChild!, 'mousemove', 200);
    expect(getCrosshair()).toBeUndefined();
  });
});
