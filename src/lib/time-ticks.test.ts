import { describe, expect, it } from 'vitest';
import { timeTicks } from './time-ticks';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-11-21T00:00:00Z');

describe('timeTicks', () => {
  it.each<[string, number, number, number, number[]]>([
    // name, start, end, maxTicks, expected
    ['3 h, 4 ticks, hourly', T0 + 10 * MIN, T0 + 3 * HOUR + 10 * MIN, 4, [1, 2, 3].map((h) => T0 + h * HOUR)],
    [
      '1 h, 7 ticks, every 10 min',
      T0 + 5 * MIN,
      T0 + 65 * MIN,
      7,
      [10, 20, 30, 40, 50, 60].map((m) => T0 + m * MIN),
    ],
    ['1 d, 5 ticks, every 6 h', T0, T0 + DAY, 5, [0, 6, 12, 18, 24].map((h) => T0 + h * HOUR)],
    ['empty range', T0, T0, 5, []],
    ['inverted range', T0 + HOUR, T0, 5, []],
  ])('%s', (_name, start, end, maxTicks, expected) => {
    expect(timeTicks(start, end, maxTicks)).toEqual(expected);
  });

  it.each([
    ['10 minutes', 10 * MIN, 8],
    ['3 hours', 3 * HOUR, 6],
    ['1 week', 7 * DAY, 10],
    ['15 months', 455 * DAY, 12],
    ['15 months, 2 ticks', 455 * DAY, 2],
    ['1 second', 1000, 3],
  ])('over %s never exceeds the tick budget and stays inside the range', (_name, span, maxTicks) => {
    const start = T0 - span / 3;
    const ticks = timeTicks(start, start + span, maxTicks);
    expect(ticks.length).toBeGreaterThan(0);
    expect(ticks.length).toBeLessThanOrEqual(maxTicks);
    for (const t of ticks) {
      expect(t).toBeGreaterThanOrEqual(start);
      expect(t).toBeLessThanOrEqual(start + span);
    }
  });
});
