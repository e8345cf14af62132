// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RefreshInterval } from '../lib/time-range';
import { RefreshPicker } from './refresh-picker';
import { changeValue, getByLabelText, render } from './test-render';
import type { Rendered } from './test-render';

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

describe('RefreshPicker', () => {
  it('lists the intervals and reports the one chosen', () => {
    const onChange = vi.fn<(refresh: RefreshInterval) => void>();
    rendered = render(<RefreshPicker value="off" onChange={onChange} />);
    const select = getByLabelText<HTMLSelectElement>(rendered.container, 'Auto refresh');
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(['Off', '10s', '1m', '5m']);
    expect(select.value).toBe('off');
    changeValue(select, '1m');
    expect(onChange).toHaveBeenCalledWith('1m');
  });
});
