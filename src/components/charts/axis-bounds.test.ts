import { describe, expect, it } from 'vitest';
import { autoAbove } from './time-series-chart.tsx';

describe('autoAbove', () => {
  it('keeps the automatic maximum when the data reaches above the fixed minimum', () => {
    const max = autoAbove(10);
    expect(typeof max).toBe('function');
    expect((max as (m: number) => number)(42)).toBe(42);
  });

  it('never puts the maximum below a fixed minimum above every value (the axis would turn upside down)', () => {
    expect((autoAbove(50) as (m: number) => number)(0.25)).toBe(100);
    expect((autoAbove(0) as (m: number) => number)(0)).toBe(1);
    expect((autoAbove(-5) as (m: number) => number)(-10)).toBe(0);
  });

  it('is plain auto when the minimum is automatic too', () => {
    expect(autoAbove('auto')).toBe('auto');
  });
});
