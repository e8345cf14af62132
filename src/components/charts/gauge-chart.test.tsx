// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { getByRole, render } from '../test-render';
import type { Rendered } from '../test-render';
import { bandColor, defaultThresholds, GaugeChart, gaugeThresholds } from './gauge-chart';

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

describe('bandColor', () => {
  const bands = defaultThresholds(0, 200);
  it.each<[number, string | undefined]>([
    [-1, undefined],
    [0, '#16a34a'],
    [139, '#16a34a'],
    [140, '#f59e0b'],
    [179, '#f59e0b'],
    [180, '#dc2626'],
    [500, '#dc2626'],
  ])('%d', (value, color) => {
    expect(bandColor(value, bands)).toBe(color);
  });
});

describe('GaugeChart', () => {
  it.each<[string, number | undefined, string, string | undefined]>([
    // name, value, label text, value arc colour
    ['green value', 42, 'CPU: 42 %', '#16a34a'],
    ['amber value', 75, 'CPU: 75 %', '#f59e0b'],
    ['red value above max', 130, 'CPU: 130 %', '#dc2626'],
    ['no data', undefined, 'CPU: No data', undefined],
  ])('%s', (_name, value, name, color) => {
    rendered = render(<GaugeChart value={value} min={0} max={100} unit="Percent" label="CPU" />);
    const gauge = rendered.container.querySelector('[data-testid="gauge"]') as HTMLElement;
    expect(getByRole(gauge, 'img', name)).toBeTruthy();
    expect(gauge.textContent).toContain('0 %');
    expect(gauge.textContent).toContain('100 %');
    expect(gauge.querySelector('[data-testid="gauge-value"]')?.getAttribute('stroke')).toBe(color);
  });

  it('draws custom bands', () => {
    rendered = render(
      <GaugeChart
        value={10}
        min={0}
        max={20}
        label="Queue"
        thresholds={[
          { value: 5, color: '#000001' },
          { value: 15, color: '#000002' },
        ]}
      />,
    );
    const gauge = rendered.container.querySelector('[data-testid="gauge"]') as HTMLElement;
    const strokes = Array.from(gauge.querySelectorAll('path')).map((p) => p.getAttribute('stroke'));
    expect(strokes).toContain('#000001');
    expect(strokes).toContain('#000002');
    expect(gauge.querySelector('[data-testid="gauge-value"]')?.getAttribute('stroke')).toBe('#000001');
  });
});

describe('gaugeThresholds', () => {
  it.each<[string, Parameters<typeof gaugeThresholds>[0], ReturnType<typeof gaugeThresholds>]>([
    ['nothing to colour', [{ value: 50 }], undefined],
    [
      'a fill above',
      [{ value: 80, fill: 'above', color: '#ff0000' }],
      [
        { value: 0, color: '#94a3b8' },
        { value: 80, color: '#ff0000' },
      ],
    ],
    [
      'a fill below and one above',
      [
        { value: 20, fill: 'below', color: '#00ff00' },
        { value: 70, fill: 'above', color: '#ff0000' },
      ],
      [
        { value: 0, color: '#00ff00' },
        { value: 20, color: '#94a3b8' },
        { value: 70, color: '#ff0000' },
      ],
    ],
    [
      'a band, the later annotation winning where they overlap',
      [
        { value: 50, fill: 'above', color: '#ff0000' },
        { value: 60, to: 40, color: '#ffaa00' },
      ],
      [
        { value: 0, color: '#94a3b8' },
        { value: 40, color: '#ffaa00' },
        { value: 60, color: '#ff0000' },
      ],
    ],
    [
      'values outside the range are clipped',
      [{ value: 150, fill: 'above' }],
      [{ value: 0, color: '#94a3b8' }],
    ],
  ])('%s', (_name, annotations, expected) => {
    expect(gaugeThresholds(annotations, 0, 100)).toEqual(expected);
  });
});
