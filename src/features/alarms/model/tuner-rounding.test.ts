import { describe, expect, it } from 'vitest';
import { roundToRange, startingThreshold } from './tuner-rounding.ts';

describe('a dragged threshold, rounded to the range it is dragged over', () => {
  it.each([
    [83.48261, 0, 100, '83'],
    [83.58261, 0, 100, '84'],
    [0.8349, 0, 1.5, '0.83'],
    [1234.5678, 1000, 2000, '1230'],
    [0.30000000000000004, 0, 1, '0.3'],
    [12_345_678, 0, 50_000_000, '12300000'],
    [-0.0001, -1, 1, '0'],
    [-42.17, -100, 0, '-42'],
    [5, 5, 5, '5'],
    [Number.NaN, 0, 1, ''],
  ])('%d over [%d, %d] → %s', (value, min, max, text) => {
    expect(roundToRange(value, min, max)).toBe(text);
  });

  it('takes more digits when asked', () => {
    expect(roundToRange(83.48261, 0, 100, 4)).toBe('83.5');
  });
});

describe('a starting threshold', () => {
  it('is the 99th percentile of the datapoints, rounded to their range', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i / 10);
    expect(startingThreshold(values)).toBe('99');
    expect(startingThreshold([Number.NaN, 5, Number.NaN])).toBe('5');
    expect(startingThreshold([])).toBeUndefined();
  });
});
