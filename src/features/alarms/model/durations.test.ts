import { describe, expect, it } from 'vitest';
import { durationLabel, timeInState } from './durations.ts';

describe('timeInState', () => {
  it.each<[number, string]>([
    [-5_000, 'for 0 s'],
    [0, 'for 0 s'],
    [59_999, 'for 59 s'],
    [60_000, 'for 1 min'],
    [12 * 60_000 + 30_000, 'for 12 min'],
    [3_600_000, 'for 1 h'],
    [3 * 3_600_000 + 5 * 60_000, 'for 3 h 5 min'],
    [24 * 3_600_000, 'for 1 d'],
    [2 * 24 * 3_600_000 + 4 * 3_600_000 + 59 * 60_000, 'for 2 d 4 h'],
  ])('%i ms reads %s', (ms, expected) => {
    expect(timeInState(ms)).toBe(expected);
  });
});

describe('durationLabel', () => {
  it.each<[number, string]>([
    [10, '10 seconds'],
    [60, '1 minute'],
    [90, '90 seconds'],
    [900, '15 minutes'],
    [3600, '1 hour'],
    [21600, '6 hours'],
    [86400, '1 day'],
    [172800, '2 days'],
  ])('%i s reads %s', (s, expected) => {
    expect(durationLabel(s)).toBe(expected);
  });
});
