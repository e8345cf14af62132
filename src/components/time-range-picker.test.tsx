// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TimeRange } from '../lib/time-range';
import { changeValue, click, getByLabelText, getByRole, queryAllByRole, render } from './test-render';
import type { Rendered } from './test-render';
import { TimeRangePicker } from './time-range-picker';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const HOUR = 3_600_000;

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

function renderPicker(value: TimeRange) {
  const onChange = vi.fn<(range: TimeRange) => void>();
  rendered = render(<TimeRangePicker value={value} onChange={onChange} nowMs={NOW} />);
  return { container: rendered.container, onChange };
}

function submit(container: HTMLElement) {
  click(getByRole(container, 'button', 'Apply'));
}

describe('TimeRangePicker presets', () => {
  it('offers every preset and highlights the active one', () => {
    const { container } = renderPicker({ kind: 'relative', duration: '12h' });
    const presets = ['1h', '3h', '12h', '1d', '3d', '1w', '2w', '30d', '90d', '15M'];
    for (const preset of presets) {
      const button = getByRole(container, 'button', preset);
      expect(button.getAttribute('aria-pressed')).toBe(preset === '12h' ? 'true' : 'false');
    }
    expect(getByRole(container, 'button', 'Custom').getAttribute('aria-pressed')).toBe('false');
  });

  it.each(['1h', '1w', '15M'])('chooses %s', (preset) => {
    const { container, onChange } = renderPicker({ kind: 'relative', duration: '3h' });
    click(getByRole(container, 'button', preset));
    expect(onChange).toHaveBeenCalledWith({ kind: 'relative', duration: preset });
  });

  it('zooms out to twice the window, ending now', () => {
    const { container, onChange } = renderPicker({ kind: 'relative', duration: '3h' });
    click(getByRole(container, 'button', 'Zoom out'));
    expect(onChange).toHaveBeenCalledWith({ kind: 'absolute', start: NOW - 6 * HOUR, end: NOW });
  });
});

describe('TimeRangePicker custom range', () => {
  it('opens prefilled with the current range in UTC', () => {
    const { container } = renderPicker({ kind: 'relative', duration: '3h' });
    click(getByRole(container, 'button', 'Custom'));
    expect(getByRole(container, 'dialog', 'Custom time range')).toBeTruthy();
    expect(getByLabelText(container, 'Start (UTC)').value).toBe('2026-11-21T09:00');
    expect(getByLabelText(container, 'End (UTC)').value).toBe('2026-11-21T12:00');
  });

  it('applies a valid range', () => {
    const { container, onChange } = renderPicker({ kind: 'relative', duration: '3h' });
    click(getByRole(container, 'button', 'Custom'));
    changeValue(getByLabelText(container, 'Start (UTC)'), '2026-11-20T08:15');
    changeValue(getByLabelText(container, 'End (UTC)'), '2026-11-20T10:45');
    submit(container);
    expect(onChange).toHaveBeenCalledWith({
      kind: 'absolute',
      start: Date.parse('2026-11-20T08:15:00Z'),
      end: Date.parse('2026-11-20T10:45:00Z'),
    });
    expect(queryAllByRole(container, 'dialog')).toHaveLength(0);
  });

  it.each([
    ['start after end', '2026-11-21T10:00', '2026-11-21T09:00', /start must be before the end/],
    ['end too far in the future', '2026-11-21T10:00', '2026-11-21T14:01', /at most 2 hours after now/],
    ['start older than 15 months', '2025-08-01T00:00', '2026-11-21T09:00', /at most 15 months/],
    ['missing start', '', '2026-11-21T09:00', /valid start/],
  ])('shows the error for %s and keeps what was typed', (_name, start, end, message) => {
    const { container, onChange } = renderPicker({ kind: 'relative', duration: '3h' });
    click(getByRole(container, 'button', 'Custom'));
    changeValue(getByLabelText(container, 'Start (UTC)'), start);
    changeValue(getByLabelText(container, 'End (UTC)'), end);
    submit(container);

    expect(onChange).not.toHaveBeenCalled();
    expect(getByRole(container, 'alert').textContent).toMatch(message);
    expect(getByLabelText(container, 'Start (UTC)').value).toBe(start);
    expect(getByLabelText(container, 'End (UTC)').value).toBe(end);
    expect(getByLabelText(container, 'Start (UTC)').getAttribute('aria-invalid')).toBe('true');

    // Fixing the input and applying again works.
    changeValue(getByLabelText(container, 'Start (UTC)'), '2026-11-21T08:00');
    changeValue(getByLabelText(container, 'End (UTC)'), '2026-11-21T09:00');
    submit(container);
    expect(onChange).toHaveBeenCalledWith({
      kind: 'absolute',
      start: Date.parse('2026-11-21T08:00:00Z'),
      end: Date.parse('2026-11-21T09:00:00Z'),
    });
  });

  it('marks an absolute range as custom and shows it', () => {
    const start = Date.parse('2026-11-20T08:15:00Z');
    const { container } = renderPicker({ kind: 'absolute', start, end: start + HOUR });
    expect(getByRole(container, 'button', 'Custom').getAttribute('aria-pressed')).toBe('true');
    expect(getByRole(container, 'button', '3h').getAttribute('aria-pressed')).toBe('false');
    expect(container.textContent).toContain('2026-11-20 08:15:00 – 2026-11-20 09:15:00 UTC');
  });

  it('closes on Cancel without changing the range', () => {
    const { container, onChange } = renderPicker({ kind: 'relative', duration: '3h' });
    click(getByRole(container, 'button', 'Custom'));
    click(getByRole(container, 'button', 'Cancel'));
    expect(queryAllByRole(container, 'dialog')).toHaveLength(0);
    expect(onChange).not.toHaveBeenCalled();
  });
});
