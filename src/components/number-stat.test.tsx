// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { NumberStat } from './number-stat';
import { render } from './test-render';
import type { Rendered } from './test-render';

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

describe('NumberStat', () => {
  it.each<[string, number | undefined, number | undefined, string | undefined, string[]]>([
    // name, value, previous, unit, texts shown
    ['up', 1500, 1000, 'Count', ['1.5K', '▲', 'Up', '+50 %']],
    ['down', 250, 500, 'Milliseconds', ['250 ms', '▼', 'Down', '-50 %']],
    ['from zero', 5, 0, 'Count', ['▲', 'from 0']],
    ['unchanged', 7, 7, 'Percent', ['7 %']],
    ['no previous', 7, undefined, 'Percent', ['7 %']],
    ['no data', undefined, 3, 'Count', ['No data']],
  ])('%s', (_name, value, previous, unit, texts) => {
    rendered = render(<NumberStat label="Requests" value={value} previous={previous} unit={unit} />);
    const stat = rendered.container.querySelector('[data-testid="number-stat"]') as HTMLElement;
    expect(stat.textContent).toContain('Requests');
    for (const text of texts) expect(stat.textContent).toContain(text);
    if (!texts.includes('▲') && !texts.includes('▼')) expect(stat.textContent).not.toMatch(/[▲▼]/);
  });

  it('draws a sparkline', () => {
    const timestamps = [0, 60_000, 120_000, 180_000];
    rendered = render(
      <NumberStat
        label="CPU"
        value={3}
        unit="Percent"
        sparkline={{ id: 'cpu', label: 'CPU', timestamps, values: [1, 4, 2, 3] }}
      />,
    );
    const sparkline = rendered.container.querySelector('[data-testid="sparkline"]') as HTMLElement;
    expect(sparkline.dataset.points).toBe('4');
    expect(sparkline.querySelector('path.recharts-curve')).not.toBeNull();
  });
});

describe('NumberStat precision', () => {
  it.each([
    [false, '1.2K'],
    [true, '1,234.5678'],
  ])('full precision %s shows %s', (fullPrecision, text) => {
    const r = render(<NumberStat label="X" value={1234.5678} fullPrecision={fullPrecision} />);
    expect(r.container.textContent).toContain(text);
    r.unmount();
  });
});
