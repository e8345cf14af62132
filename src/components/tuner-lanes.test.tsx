// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChartMarker } from './charts/chart-markers';
import { type Rendered, click, getByRole, queryAllByRole, render, stubResizeObserver } from './test-render';
import { type LaneStateSpan, TunerLanes, type TunerLanesProps } from './tuner-lanes';

const MIN = 60_000;
const START = Date.parse('2026-11-21T00:00:00Z');
const END = START + 100 * MIN;
const WIDTH = 600;

// 100 one-minute datapoints from 0 to 98, then 100; the alarm breaches above 50.
const timestamps = Float64Array.from({ length: 100 }, (_, i) => START + i * MIN);
const values = Float64Array.from({ length: 100 }, (_, i) => (i === 99 ? 100 : i));
const metric = { timestamps, values };
const slotClass = Uint8Array.from({ length: 100 }, (_, i) => (i > 50 ? 2 : i < 5 ? 0 : 1));
const timeline: LaneStateSpan[] = [
  { startMs: START, endMs: START + 5 * MIN, state: 'INSUFFICIENT_DATA' },
  { startMs: START + 5 * MIN, endMs: START + 53 * MIN, state: 'OK' },
  { startMs: START + 53 * MIN, endMs: END, state: 'ALARM' },
];

// The metric lane is 200 px: the plot from y 16 to 194 over 0–108 (the data padded by 8 %).
const yOf = (v: number) => 16 + ((108 - v) / 108) * 178;

function pointer(
  element: Element,
  type: string,
  init: { clientX?: number; clientY?: number; button?: number },
) {
  const Event = typeof PointerEvent === 'function' ? PointerEvent : MouseEvent;
  act(() => {
    element.dispatchEvent(
      new Event(type, { bubbles: true, cancelable: true, button: 0, pointerId: 1, ...init }),
    );
  });
}

function keyDown(element: Element, key: string) {
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

let restore: () => void;
let view: Rendered | undefined;
beforeEach(() => {
  restore = stubResizeObserver(WIDTH);
});
afterEach(() => {
  view?.unmount();
  view = undefined;
  restore();
});

function show(props: Partial<TunerLanesProps> = {}) {
  const onThresholdChange = vi.fn();
  view = render(
    <TunerLanes
      startMs={START}
      endMs={END}
      metric={metric}
      periodMs={MIN}
      firstSlotMs={START}
      slotClass={slotClass}
      timeline={timeline}
      threshold={50}
      thresholdSide="above"
      onThresholdChange={onThresholdChange}
      unit="Percent"
      metricLabel="CPUUtilization"
      {...props}
    />,
  );
  const lanes = view.container.querySelector<HTMLElement>('[data-testid="tuner-lanes"]');
  if (!lanes) throw new Error('no lanes');
  const lane = (name: string) => {
    const el = view?.container.querySelector<HTMLElement>(`[data-testid="tuner-lane-${name}"]`);
    if (!el) throw new Error(`no ${name} lane`);
    return el;
  };
  return { container: view.container, lanes, lane, onThresholdChange };
}

describe('TunerLanes', () => {
  it('draws three lanes that say what they show, without a canvas context (jsdom)', () => {
    const { lanes, lane, container } = show({
      incidents: [{ startMs: START + 60 * MIN, endMs: END, label: 'CPU storm' }],
    });
    expect(lanes.dataset.width).toBe(String(WIDTH));
    const images = queryAllByRole(container, 'img');
    expect(images.map((i) => i.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(
        /^CPUUtilization from 2026-11-21 00:00:00 UTC .*between 0 ?% and 100 ?%; threshold 50 ?%; 1 labeled incident$/,
      ),
      'Datapoints: 49 breaching, 46 not breaching, 5 missing',
      'State timeline. State: 1 ALARM episode, 47 min in ALARM',
    ]);
    expect(lane('metric').dataset.threshold).toBe('50');
    expect(Number(lane('metric').dataset.points)).toBeGreaterThan(0);
    expect(lane('datapoints').dataset.breaching).toBe('49');
    expect(lane('state').dataset.alarmSpans).toBe('1');
    expect(container.querySelectorAll('[data-testid="tuner-incident"]')).toHaveLength(1);
    expect(container.textContent).toContain('CPU storm');
    expect(container.textContent).toContain('CPUUtilization (Percent)');
  });

  it('moves the threshold with the keys of its slider', () => {
    const { container, onThresholdChange } = show();
    const slider = getByRole(container, 'slider', 'Threshold');
    expect(slider.getAttribute('aria-valuenow')).toBe('50');
    expect(slider.getAttribute('aria-valuemin')).toBe('0');
    expect(slider.getAttribute('aria-valuemax')).toBe('108');
    keyDown(slider, 'ArrowUp');
    expect(onThresholdChange).toHaveBeenLastCalledWith(51, 'key');
    keyDown(slider, 'PageDown');
    expect(onThresholdChange).toHaveBeenLastCalledWith(39.2, 'key');
    keyDown(slider, 'End');
    expect(onThresholdChange).toHaveBeenLastCalledWith(108, 'key');
    keyDown(slider, 'a');
    expect(onThresholdChange).toHaveBeenCalledTimes(3);
  });

  it('drags the threshold line with the pointer, reporting each move and the release', () => {
    const { container, lane, onThresholdChange } = show();
    const metricLane = lane('metric');
    // Far from the line: no drag.
    pointer(metricLane, 'pointerdown', { clientX: 100, clientY: yOf(90) });
    pointer(metricLane, 'pointermove', { clientX: 100, clientY: yOf(80) });
    expect(onThresholdChange).not.toHaveBeenCalled();
    pointer(metricLane, 'pointerup', { clientX: 100, clientY: yOf(80) });

    pointer(metricLane, 'pointerdown', { clientX: 100, clientY: yOf(50) + 2 });
    pointer(metricLane, 'pointermove', { clientX: 100, clientY: yOf(70) + 2 });
    expect(onThresholdChange).toHaveBeenLastCalledWith(70, 'drag');
    // The line follows the pointer even before the owner passes the new value back.
    expect(getByRole(container, 'slider', 'Threshold').getAttribute('aria-valuenow')).toBe('70');
    pointer(metricLane, 'pointermove', { clientX: 100, clientY: yOf(81.5) + 2 });
    expect(onThresholdChange).toHaveBeenLastCalledWith(81.5, 'drag');
    pointer(metricLane, 'pointerup', { clientX: 100, clientY: yOf(81.5) + 2 });
    expect(onThresholdChange).toHaveBeenLastCalledWith(81.5, 'end');
    // Losing the capture after the release ends nothing more.
    pointer(metricLane, 'lostpointercapture', {});
    expect(onThresholdChange.mock.calls.filter(([, phase]) => phase === 'end')).toHaveLength(1);
    // Released: the prop (still 50) is the truth again.
    expect(getByRole(container, 'slider', 'Threshold').getAttribute('aria-valuenow')).toBe('50');
  });

  it('reads out the period under the pointer across the lanes', () => {
    const { container, lanes } = show({
      compareTimeline: [{ startMs: START, endMs: END, state: 'OK' }],
      incidents: [{ startMs: START + 60 * MIN, endMs: END, label: 'CPU storm' }],
    });
    const plot = lanes.firstElementChild as HTMLElement;
    // 90 of 100 minutes along.
    pointer(plot, 'pointermove', { clientX: WIDTH * 0.9 + 1, clientY: 50 });
    const tip = getByRole(container, 'tooltip');
    expect(tip.textContent).toContain('2026-11-21 01:30:00 UTC');
    expect(tip.textContent).toContain('90 %');
    expect(tip.textContent).toContain('Breaching');
    expect(tip.textContent).toMatch(/A\s*OK/);
    expect(tip.textContent).toMatch(/B\s*ALARM/);
    expect(tip.textContent).toContain('CPU storm');
    act(() => {
      plot.dispatchEvent(new MouseEvent('pointerout', { bubbles: true, relatedTarget: document.body }));
    });
    expect(queryAllByRole(container, 'tooltip')).toHaveLength(0);
  });

  it('keeps the readout off the threshold handle while the pointer is at the line', () => {
    const { container, lane } = show();
    pointer(lane('metric'), 'pointermove', { clientX: 300, clientY: yOf(50) + 3 });
    expect(queryAllByRole(container, 'tooltip')).toHaveLength(0);
    expect(lane('metric').style.cursor).toBe('ns-resize');
    pointer(lane('metric'), 'pointermove', { clientX: 300, clientY: yOf(20) });
    expect(queryAllByRole(container, 'tooltip')).toHaveLength(1);
    expect(lane('metric').style.cursor).toBe('crosshair');
  });

  it('compares two configurations: two state rows and a dashed threshold for A', () => {
    const { lane, container } = show({
      compareTimeline: [{ startMs: START, endMs: END, state: 'OK' }],
      compareThreshold: 90,
    });
    expect(lane('state').textContent).toBe('AB');
    expect(lane('state').dataset.compareAlarmSpans).toBe('0');
    expect(lane('metric').textContent).toContain('A 90');
    expect(getByRole(container, 'group', 'Legend').textContent).toContain('Threshold BThreshold A');
    expect(getByRole(container, 'img', /^State timeline/).getAttribute('aria-label')).toBe(
      'State timeline. A: never in ALARM; B: 1 ALARM episode, 47 min in ALARM',
    );
  });

  it('shows the threshold without a handle when it cannot be changed, and no line for band alarms', () => {
    const { container } = show({ onThresholdChange: undefined });
    expect(queryAllByRole(container, 'slider')).toHaveLength(0);
    view?.unmount();
    const band = show({
      threshold: undefined,
      band: { timestamps, lower: values.map((v) => v - 5), upper: values.map((v) => v + 5) },
    });
    expect(queryAllByRole(band.container, 'slider')).toHaveLength(0);
    expect(band.lane('metric').dataset.threshold).toBeUndefined();
    expect(band.container.textContent).toContain('Anomaly band');
  });

  it('marks audit events; a click hands the event over', () => {
    const onMarkerClick = vi.fn();
    const markers: ChartMarker[] = [
      { id: 'e1', timeMs: START + 40 * MIN, label: 'deploy-bot · UpdateFunctionCode', href: '/events?id=e1' },
    ];
    const { container } = show({ markers, onMarkerClick });
    click(getByRole(container, 'button', /Audit event: deploy-bot/));
    expect(onMarkerClick).toHaveBeenCalledWith(markers[0]);
  });

  it('draws nothing before a replay, and says so', () => {
    const { container, lane } = show({ slotClass: undefined, timeline: undefined });
    expect(lane('datapoints').dataset.breaching).toBeUndefined();
    expect(getByRole(container, 'img', /^Datapoints/).getAttribute('aria-label')).toBe(
      'Datapoints: not replayed yet',
    );
    expect(getByRole(container, 'img', /^State timeline/).getAttribute('aria-label')).toBe(
      'State timeline. State: not replayed yet',
    );
  });
});
