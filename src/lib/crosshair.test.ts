import { afterEach, describe, expect, it } from 'vitest';
import { clearCrosshair, getCrosshair, setCrosshair, subscribeCrosshair } from './crosshair';

afterEach(() => {
  const c = getCrosshair();
  if (c) clearCrosshair(c.sourceId);
});

describe('crosshair store', () => {
  it('keeps the hovered instant and its graph', () => {
    setCrosshair('a', 1_000);
    expect(getCrosshair()).toEqual({ sourceId: 'a', timeMs: 1_000 });
  });

  it('notifies subscribers once per change, not for the same position again', () => {
    let calls = 0;
    const stop = subscribeCrosshair(() => calls++);
    setCrosshair('a', 1_000);
    setCrosshair('a', 1_000);
    setCrosshair('a', 2_000);
    stop();
    setCrosshair('a', 3_000);
    expect(calls).toBe(2);
  });

  it('only the hovered graph clears the position', () => {
    setCrosshair('a', 1_000);
    clearCrosshair('b');
    expect(getCrosshair()?.sourceId).toBe('a');
    setCrosshair('b', 5_000);
    clearCrosshair('a');
    expect(getCrosshair()).toEqual({ sourceId: 'b', timeMs: 5_000 });
    clearCrosshair('b');
    expect(getCrosshair()).toBeUndefined();
  });
});
