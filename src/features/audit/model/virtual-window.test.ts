import { describe, expect, it } from 'vitest';
import { blocksFor, virtualWindow } from './virtual-window.ts';

const base = { rowHeight: 30, viewportHeight: 300, overscan: 5 };

describe('virtualWindow', () => {
  it('renders the visible rows plus overscan at the top', () => {
    expect(virtualWindow({ ...base, total: 1000, scrollTop: 0 })).toEqual({
      spacerHeight: 30_000,
      start: 0,
      end: 16,
      offsetTop: 0,
    });
  });

  it('places rows at their index when the list fits', () => {
    const w = virtualWindow({ ...base, total: 1000, scrollTop: 3_015 });
    expect(w.start).toBe(95);
    expect(w.end).toBe(116);
    expect(w.offsetTop).toBe(95 * 30);
  });

  it('stops at the last row', () => {
    const w = virtualWindow({ ...base, total: 1000, scrollTop: 10_000_000 });
    expect(w.end).toBe(1000);
    expect(w.offsetTop + (w.end - w.start) * 30).toBe(30_000);
  });

  it('handles fewer rows than fit and none at all', () => {
    expect(virtualWindow({ ...base, total: 3, scrollTop: 0 })).toMatchObject({ start: 0, end: 3 });
    expect(virtualWindow({ ...base, total: 0, scrollTop: 0 })).toMatchObject({
      spacerHeight: 0,
      start: 0,
      end: 0,
    });
  });

  it('scales a million rows into the height limit and still reaches both ends', () => {
    const total = 1_000_000;
    const limit = { ...base, total, maxScrollPx: 1_000_000 };
    const top = virtualWindow({ ...limit, scrollTop: 0 });
    expect(top.spacerHeight).toBe(1_000_000);
    expect(top.start).toBe(0);
    const bottom = virtualWindow({ ...limit, scrollTop: 1_000_000 - 300 });
    expect(bottom.end).toBe(total);
    // The last row's bottom meets the viewport's bottom.
    expect(bottom.offsetTop + (bottom.end - bottom.start) * 30).toBeCloseTo(1_000_000, 5);
    const middle = virtualWindow({ ...limit, scrollTop: (1_000_000 - 300) / 2 });
    const firstVisible = middle.start + 5;
    expect(Math.abs(firstVisible - (total - 10) / 2)).toBeLessThan(2);
    // The first visible row sits at the viewport's top (within one row).
    const rowTop = middle.offsetTop + 5 * 30 - (1_000_000 - 300) / 2;
    expect(rowTop).toBeLessThanOrEqual(0);
    expect(rowTop).toBeGreaterThan(-30);
  });
});

describe('blocksFor', () => {
  it.each([
    [0, 16, [0]],
    [190, 216, [0, 1]],
    [400, 400, []],
    [399, 401, [1, 2]],
  ])('rows %i–%i', (start, end, blocks) => {
    expect(blocksFor(start, end, 200)).toEqual(blocks);
  });
});
