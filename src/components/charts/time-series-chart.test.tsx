// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SeriesData } from '../../lib/series';
import { act } from 'react';
import {
  click,
  getByRole,
  mouse,
  mouseLeave,
  queryAllByRole,
  render,
  stubResizeObserver,
} from '../test-render';
import type { Rendered } from '../test-render';
import { CLUSTER_PX, clusterMarkers } from './chart-markers';
import { type ChartMarker, TimeSeriesChart } from './time-series-chart';

const CHART_WIDTH = 480;
// Matches the chart's margins: 64 px of y axis on the left, 16 px on the right.
const PLOT_LEFT = 64;
const PLOT_WIDTH = CHART_WIDTH - PLOT_LEFT - 16;
const MIN = 60_000;
const START = Date.parse('2026-11-21T00:00:00Z');

function minuteSeries(id: string, minutes: number, value: (i: number) => number): SeriesData {
  const timestamps = Array.from({ length: minutes }, (_, i) => START + i * MIN);
  return { id, label: `Series ${id}`, unit: 'Count', timestamps, values: timestamps.map((_, i) => value(i)) };
}

let restore: () => void;
let rendered: Rendered | undefined;
beforeEach(() => {
  restore = stubResizeObserver(CHART_WIDTH);
});
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  restore();
});

function chartRoot(container: HTMLElement): HTMLElement {
  return container.querySelector('[data-testid="time-series-chart"]') as HTMLElement;
}

/** Points of the path's `d` attribute ("M x,y L x,y …"), split at every move (a gap). */
function pathSegments(path: Element): number[][] {
  const d = path.getAttribute('d') ?? '';
  return d
    .split('M')
    .filter(Boolean)
    .map((segment) => segment.split('L').map((point) => Number(point.split(',')[0])));
}

describe('TimeSeriesChart', () => {
  it('draws one path per series with data, and reports the plot width', () => {
    const onWidthChange = vi.fn();
    const series = [minuteSeries('a', 60, (i) => i), minuteSeries('b', 60, (i) => 60 - i)];
    rendered = render(
      <TimeSeriesChart
        series={series}
        startMs={START}
        endMs={START + 59 * MIN}
        height={200}
        variant="line"
        onWidthChange={onWidthChange}
      />,
    );
    const root = chartRoot(rendered.container);
    const paths = root.querySelectorAll('path.recharts-curve');
    expect(paths).toHaveLength(2);
    expect(paths[0].getAttribute('stroke')).toBe('#1f77b4');
    expect(root.dataset.points).toBe('120');
    expect(root.dataset.seriesCount).toBe('2');
    expect(onWidthChange).toHaveBeenLastCalledWith(PLOT_WIDTH);
    // The x domain is the requested range: the first point sits at the plot's left edge.
    expect(pathSegments(paths[0])[0][0]).toBeCloseTo(PLOT_LEFT, 0);
    expect(pathSegments(paths[0])[0].at(-1)).toBeCloseTo(PLOT_LEFT + PLOT_WIDTH, 0);
  });

  it('never draws more than four points per pixel column', () => {
    const points = 20_000;
    const series = [
      minuteSeries('a', points, (i) => Math.sin(i / 37) * 100 + (i === 12_345 ? 10_000 : 0)),
      minuteSeries('b', points, (i) => Math.cos(i / 91) * 50),
    ];
    rendered = render(
      <TimeSeriesChart
        series={series}
        startMs={START}
        endMs={START + (points - 1) * MIN}
        height={200}
        variant="line"
      />,
    );
    const root = chartRoot(rendered.container);
    const drawn = Number(root.dataset.points);
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThanOrEqual(2 * 4 * PLOT_WIDTH);

    for (const path of root.querySelectorAll('path.recharts-curve')) {
      const perColumn = new Map<number, number>();
      for (const segment of pathSegments(path)) {
        for (const x of segment) {
          const column = Math.min(PLOT_WIDTH - 1, Math.floor(x - PLOT_LEFT));
          perColumn.set(column, (perColumn.get(column) ?? 0) + 1);
        }
      }
      expect(Math.max(...perColumn.values())).toBeLessThanOrEqual(4);
    }
  });

  it('breaks the line where data is missing', () => {
    const full = minuteSeries('a', 60, () => 5);
    const withGap: SeriesData = {
      ...full,
      timestamps: full.timestamps.filter((_, i) => i < 20 || i >= 40),
      values: full.values.filter((_, i) => i < 20 || i >= 40),
    };
    rendered = render(
      <TimeSeriesChart
        series={[withGap]}
        startMs={START}
        endMs={START + 59 * MIN}
        height={200}
        variant="line"
      />,
    );
    const path = chartRoot(rendered.container).querySelector('path.recharts-curve') as Element;
    expect(pathSegments(path)).toHaveLength(2);
  });

  it('stacks areas', () => {
    const series = [minuteSeries('a', 30, () => 1), minuteSeries('b', 30, () => 2)];
    rendered = render(
      <TimeSeriesChart
        series={series}
        startMs={START}
        endMs={START + 29 * MIN}
        height={200}
        variant="stacked-area"
      />,
    );
    const root = chartRoot(rendered.container);
    expect(root.querySelectorAll('.recharts-area-area')).toHaveLength(2);
    expect(root.dataset.points).toBe('60');
  });

  it('breaks stacked areas where data is missing', () => {
    const keep = (i: number) => i < 10 || i >= 20;
    const series = [minuteSeries('a', 30, () => 1), minuteSeries('b', 30, () => 2)].map((s) => ({
      ...s,
      timestamps: s.timestamps.filter((_, i) => keep(i)),
      values: s.values.filter((_, i) => keep(i)),
    }));
    rendered = render(
      <TimeSeriesChart
        series={series}
        startMs={START}
        endMs={START + 29 * MIN}
        height={200}
        variant="stacked-area"
      />,
    );
    for (const curve of chartRoot(rendered.container).querySelectorAll('.recharts-area-curve')) {
      expect(pathSegments(curve)).toHaveLength(2);
    }
  });

  it.each<[string, SeriesData[], string | undefined, string]>([
    ['no series', [], undefined, 'No data for this time range'],
    ['no points in the range', [minuteSeries('a', 10, () => 1)], 'Nothing to show', 'Nothing to show'],
  ])('shows an empty state with %s', (_name, series, emptyText, expected) => {
    rendered = render(
      <TimeSeriesChart
        series={series}
        startMs={START + DAY_OFFSET}
        endMs={START + DAY_OFFSET + 60 * MIN}
        height={200}
        variant="line"
        emptyText={emptyText}
      />,
    );
    const root = chartRoot(rendered.container);
    expect(root.textContent).toContain(expected);
    expect(root.querySelector('svg.recharts-surface')).toBeNull();
    expect(root.dataset.points).toBe('0');
  });

  it('hides and shows a series from the legend', () => {
    const series = [minuteSeries('a', 60, (i) => i), minuteSeries('b', 60, () => 3)];
    rendered = render(
      <TimeSeriesChart
        series={series}
        startMs={START}
        endMs={START + 59 * MIN}
        height={200}
        variant="line"
      />,
    );
    const root = chartRoot(rendered.container);
    const legendItem = getByRole(root, 'button', 'Series b');
    expect(legendItem.getAttribute('aria-pressed')).toBe('true');

    click(legendItem);
    expect(legendItem.getAttribute('aria-pressed')).toBe('false');
    expect(root.querySelectorAll('path.recharts-curve')).toHaveLength(1);
    expect(root.dataset.seriesCount).toBe('1');
    expect(root.dataset.points).toBe('60');

    click(legendItem);
    expect(root.querySelectorAll('path.recharts-curve')).toHaveLength(2);
  });

  it('shows the exact time and values under the cursor', () => {
    const series = [minuteSeries('a', 60, (i) => i * 1000)];
    rendered = render(
      <TimeSeriesChart
        series={series}
        startMs={START}
        endMs={START + 59 * MIN}
        height={200}
        variant="line"
      />,
    );
    const plot = chartRoot(rendered.container).firstElementChild as HTMLElement;
    // Minute 30 of 59 sits 30/59 of the way across the plot.
    mouse(plot, 'mousemove', PLOT_LEFT + (30 / 59) * PLOT_WIDTH);
    const tooltip = getByRole(rendered.container, 'tooltip');
    expect(tooltip.textContent).toContain('2026-11-21 00:30:00 UTC');
    expect(tooltip.textContent).toContain('Series a');
    expect(tooltip.textContent).toContain('30K');

    mouseLeave(plot);
    expect(rendered.container.querySelector('[role="tooltip"]')).toBeNull();
  });

  it('zooms to the range dragged across the plot', () => {
    const onZoom = vi.fn();
    const series = [minuteSeries('a', 60, (i) => i)];
    rendered = render(
      <TimeSeriesChart
        series={series}
        startMs={START}
        endMs={START + 60 * MIN}
        height={200}
        variant="line"
        onZoom={onZoom}
      />,
    );
    const plot = chartRoot(rendered.container).firstElementChild as HTMLElement;
    const xAt = (minute: number) => PLOT_LEFT + (minute / 60) * PLOT_WIDTH;

    // Right to left: the range still comes out ordered.
    mouse(plot, 'mousedown', xAt(45));
    mouse(plot, 'mousemove', xAt(15));
    expect(plot.querySelector('.recharts-reference-area')).not.toBeNull();
    mouse(plot, 'mouseup', xAt(15));
    expect(onZoom).toHaveBeenCalledTimes(1);
    const [from, to] = onZoom.mock.calls[0] as [number, number];
    expect(from).toBeCloseTo(START + 15 * MIN, -3);
    expect(to).toBeCloseTo(START + 45 * MIN, -3);
    expect(plot.querySelector('.recharts-reference-area')).toBeNull();

    // A click or a tiny drag is not a zoom.
    mouse(plot, 'mousedown', xAt(20));
    mouse(plot, 'mousemove', xAt(20) + 3);
    mouse(plot, 'mouseup', xAt(20) + 3);
    expect(onZoom).toHaveBeenCalledTimes(1);
  });
});

describe('TimeSeriesChart annotations', () => {
  const PLOT_TOP = 8;
  const PLOT_BOTTOM = 200 - 24;
  const yTicks = (root: HTMLElement) =>
    Array.from(root.querySelectorAll('text[orientation="left"].recharts-cartesian-axis-tick-value')).map(
      (t) => Number((t.textContent ?? '').replace(/[^\d.-]/g, '')),
    );
  const lineY = (root: HTMLElement) =>
    Number(root.querySelector('.chart-threshold line')?.getAttribute('y1'));
  const before = (a: Element, b: Element) =>
    Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

  it('draws threshold lines with their label and widens the y axis to include them', () => {
    const series = [minuteSeries('a', 60, (i) => i % 10)];
    rendered = render(
      <TimeSeriesChart
        series={series}
        startMs={START}
        endMs={START + 59 * MIN}
        height={200}
        variant="line"
        annotations={{ thresholds: [{ value: 80, label: 'CPU > 80' }] }}
      />,
    );
    const root = chartRoot(rendered.container);
    expect(root.querySelectorAll('.chart-threshold')).toHaveLength(1);
    expect(Math.max(...yTicks(root))).toBeGreaterThanOrEqual(80);
    expect(lineY(root)).toBeGreaterThanOrEqual(PLOT_TOP);
    expect(lineY(root)).toBeLessThan(PLOT_BOTTOM);
    const labels = Array.from(root.querySelectorAll('.recharts-label')).map((l) => l.textContent);
    expect(labels).toContain('CPU > 80');
    expect(getByRole(root, 'list', 'Annotations').textContent).toContain('CPU > 80');
    // The threshold is not a series: the legend and the counts are the series' own.
    expect(root.dataset.seriesCount).toBe('1');
  });

  it.each<[string, [number | undefined, number | undefined], number]>([
    ['above a fixed top', [0, 10], 50],
    ['below a fixed bottom', [0, 10], -5],
    ['below zero with automatic bounds', [undefined, undefined], -5],
  ])('keeps a threshold %s in view', (_name, yDomain, value) => {
    rendered = render(
      <TimeSeriesChart
        series={[minuteSeries('a', 60, (i) => i % 10)]}
        startMs={START}
        endMs={START + 59 * MIN}
        height={200}
        variant="line"
        yDomain={yDomain}
        annotations={{ thresholds: [{ value, label: 'T' }] }}
      />,
    );
    const root = chartRoot(rendered.container);
    const ticks = yTicks(root);
    expect(Math.min(...ticks)).toBeLessThanOrEqual(value);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(value);
    expect(lineY(root)).toBeGreaterThanOrEqual(PLOT_TOP);
    expect(lineY(root)).toBeLessThanOrEqual(PLOT_BOTTOM);
  });

  it('shades time ranges behind the lines, clipped to the x domain', () => {
    rendered = render(
      <TimeSeriesChart
        series={[minuteSeries('a', 60, (i) => i)]}
        startMs={START}
        endMs={START + 60 * MIN}
        height={200}
        variant="line"
        annotations={{
          ranges: [
            { startMs: START - 30 * MIN, endMs: START + 15 * MIN, color: '#d62728', label: 'ALARM' },
            { startMs: START + 30 * MIN, endMs: START + 45 * MIN, color: '#d62728' },
            { startMs: START + 90 * MIN, endMs: START + 95 * MIN, color: '#d62728' },
          ],
        }}
      />,
    );
    const root = chartRoot(rendered.container);
    const rects = Array.from(root.querySelectorAll('.chart-range .recharts-reference-area-rect'));
    expect(rects).toHaveLength(2);
    expect(Number(rects[0].getAttribute('x'))).toBeCloseTo(PLOT_LEFT, 0);
    expect(Number(rects[0].getAttribute('width'))).toBeCloseTo(PLOT_WIDTH / 4, 0);
    expect(Number(rects[1].getAttribute('x'))).toBeCloseTo(PLOT_LEFT + PLOT_WIDTH / 2, 0);
    expect(rects[0].getAttribute('fill')).toBe('#d62728');
    expect(before(rects[1], root.querySelector('.recharts-line path.recharts-curve') as Element)).toBe(true);
  });

  it('draws a grey band behind the lines, broken where it is missing, and keeps it in view', () => {
    const series = [minuteSeries('a', 60, () => 5)];
    const timestamps = series[0].timestamps;
    const band = {
      timestamps,
      lower: timestamps.map((_, i) => (i >= 20 && i < 30 ? Number.NaN : 2)),
      upper: timestamps.map(() => 120),
      label: 'Expected band (2σ)',
    };
    rendered = render(
      <TimeSeriesChart
        series={series}
        startMs={START}
        endMs={START + 59 * MIN}
        height={200}
        variant="line"
        annotations={{ band }}
      />,
    );
    const root = chartRoot(rendered.container);
    const area = root.querySelector('.chart-band path.recharts-area-area') as Element;
    expect(area).not.toBeNull();
    expect(area.getAttribute('fill')).toBe('#94a3b8');
    expect(pathSegments(area)).toHaveLength(2);
    expect(before(area, root.querySelector('.recharts-line path.recharts-curve') as Element)).toBe(true);
    expect(Math.max(...yTicks(root))).toBeGreaterThanOrEqual(120);
    expect(getByRole(root, 'list', 'Annotations').textContent).toContain('Expected band (2σ)');
    expect(root.dataset.seriesCount).toBe('1');
  });

  it('draws no annotations when there are none', () => {
    rendered = render(
      <TimeSeriesChart
        series={[minuteSeries('a', 60, (i) => i)]}
        startMs={START}
        endMs={START + 59 * MIN}
        height={200}
        variant="line"
      />,
    );
    const root = chartRoot(rendered.container);
    expect(root.querySelector('.chart-threshold, .chart-range, .chart-band')).toBeNull();
    expect(root.querySelector('[aria-label="Annotations"]')).toBeNull();
  });
});

describe('TimeSeriesChart markers', () => {
  const marker = (id: string, minute: number, patch: Partial<ChartMarker> = {}): ChartMarker => ({
    id,
    timeMs: START + minute * MIN,
    label: `deploy-bot · Update ${id}`,
    detail: `deploy-bot called Update ${id} on orders-api`,
    href: `/events?event=${id}`,
    ...patch,
  });
  const xAt = (minute: number) => PLOT_LEFT + (minute / 60) * PLOT_WIDTH;
  const drawn = (root: ParentNode) =>
    Array.from(root.querySelectorAll<HTMLElement>('[data-testid="chart-marker"]'));

  function renderWith(markers: ChartMarker[], onMarkerClick = vi.fn()) {
    rendered = render(
      <TimeSeriesChart
        series={[minuteSeries('a', 61, (i) => i)]}
        startMs={START}
        endMs={START + 60 * MIN}
        height={200}
        variant="line"
        onZoom={vi.fn()}
        annotations={{ markers }}
        onMarkerClick={onMarkerClick}
      />,
    );
    return { root: chartRoot(rendered.container), onMarkerClick };
  }

  it('draws a triangle at the top edge for each marker in the range, at its time', () => {
    const { root } = renderWith([marker('a', 15), marker('b', 45), marker('late', 90), marker('early', -5)]);
    const ticks = drawn(root);
    expect(ticks).toHaveLength(2);
    expect(Math.abs(parseFloat(ticks[0].style.left) - xAt(15))).toBeLessThanOrEqual(1);
    expect(Math.abs(parseFloat(ticks[1].style.left) - xAt(45))).toBeLessThanOrEqual(1);
    expect(parseFloat(ticks[0].style.top)).toBe(0);
    expect(ticks[0].getAttribute('aria-label')).toContain('deploy-bot · Update a');
    // A hairline per marker spans the plot; markers are not series.
    expect(root.querySelectorAll('[data-testid="chart-markers"] > div[aria-hidden]')).toHaveLength(2);
    expect(root.dataset.seriesCount).toBe('1');
  });

  it('shows who did what on hover, instead of the values tooltip', () => {
    const { root } = renderWith([marker('a', 30)]);
    const plot = root.firstElementChild as HTMLElement;
    mouse(plot, 'mousemove', xAt(30));
    act(() => {
      drawn(root)[0].dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    });
    const tooltips = queryAllByRole(root, 'tooltip');
    expect(tooltips).toHaveLength(1);
    expect(tooltips[0].textContent).toContain('deploy-bot called Update a on orders-api');
    act(() => {
      drawn(root)[0].dispatchEvent(
        new MouseEvent('mouseout', { bubbles: true, relatedTarget: document.body }),
      );
    });
    expect(root.querySelector('[data-testid="chart-marker-tooltip"]')).toBeNull();
  });

  it('opens a lone marker on click, without starting a zoom', () => {
    const { root, onMarkerClick } = renderWith([marker('a', 30)]);
    const tick = drawn(root)[0];
    mouse(tick, 'mousedown', xAt(30));
    click(tick);
    expect(onMarkerClick).toHaveBeenCalledWith(expect.objectContaining({ id: 'a' }));
    expect(root.querySelector('.recharts-reference-area')).toBeNull();
  });

  it('groups markers a few pixels apart, and lists them with links on click', () => {
    // Seconds apart: one pixel column on a one-hour plot.
    const close = [marker('x', 30), marker('y', 30.01), marker('z', 30.02, { kind: 'failed' })];
    const { root, onMarkerClick } = renderWith(close);
    const ticks = drawn(root);
    expect(ticks).toHaveLength(1);
    expect(ticks[0].dataset.count).toBe('3');
    click(ticks[0]);
    const dialog = getByRole(root, 'dialog', 'Audit events at this point');
    const links = Array.from(dialog.querySelectorAll('a'));
    // Newest first.
    expect(links.map((a) => a.textContent)).toEqual([
      'deploy-bot called Update z on orders-api',
      'deploy-bot called Update y on orders-api',
      'deploy-bot called Update x on orders-api',
    ]);
    expect(dialog.textContent).toContain('failed');
    click(links[1]);
    expect(onMarkerClick).toHaveBeenCalledWith(expect.objectContaining({ id: 'y' }));
    expect(root.querySelector('[role="dialog"]')).toBeNull();
  });

  it.each<[string, number[], number[]]>([
    ['far apart', [0, 30, 60], [1, 1, 1]],
    ['within a cluster', [10, 10.1, 10.2], [3]],
    ['a chain longer than a cluster', [0, 0.5, 1, 1.5, 2], [4, 1]],
    ['out of range', [-1, 61], []],
  ])('clusters markers %s', (_name, minutes, sizes) => {
    // 60 minutes over 240 px: 4 px a minute, so a cluster (8 px) holds up to two minutes.
    expect(CLUSTER_PX).toBe(8);
    const clusters = clusterMarkers(
      minutes.map((m, i) => marker(String(i), m)),
      START,
      START + 60 * MIN,
      0,
      240,
    );
    expect(clusters.map((c) => c.markers.length)).toEqual(sizes);
  });

  it('draws no markers without any', () => {
    const { root } = renderWith([]);
    expect(root.querySelector('[data-testid="chart-markers"]')).toBeNull();
  });
});

const DAY_OFFSET = 2 * 24 * 60 * MIN;
