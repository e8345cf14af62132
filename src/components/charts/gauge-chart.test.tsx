// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { getByRole, render } from '../test-render';
import type { Rendered } from '../test-render';
import { bandColor, defaultThresholds, GaugeChart } from './gauge-chart';

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
