import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time.ts';
import { type TimeRange, anomalyBand } from './anomaly-band.ts';

/** Monday 16 November 2026, 00:00 UTC: the evaluated range starts here, training is the two weeks before. */
const T0 = Date.parse('2026-11-16T00:00:00Z');

/** A deterministic noise in [-1, 1). */
const noise = (i: number) => (((i * 7919) % 101) / 101) * 2 - 1;

/** Datapoints every `stepMs` over [from, to), valued by `f`. */
function history(from: number, to: number, stepMs: number, f: (t: number, i: number) => number) {
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let t = from, i = 0; t < to; t += stepMs, i++) {
    timestamps.push(t);
    values.push(f(t, i));
  }
  return { timestamps, values };
}

/** Busy days: 20 at night, 80 at 14:00 UTC, with ±3 of noise. */
const daily = (t: number) => 50 - 30 * Math.cos((2 * Math.PI * ((t % DAY_MS) - 2 * HOUR_MS)) / DAY_MS);
const twoWeeks = history(T0 - 14 * DAY_MS, T0, 5 * MINUTE_MS, (t, i) => daily(t) + 3 * noise(i));

function inside(band: { upper: number[]; lower: number[] }, values: number[]): boolean[] {
  return values.map((v, i) => v >= band.lower[i] && v <= band.upper[i]);
}

describe('anomalyBand: normal values fall inside, values far from the daily pattern outside', () => {
  it.each<[string, number, number, boolean]>([
    // case, time in the range, value, inside the band
    ['night, usual value', T0 + 3 * HOUR_MS, daily(T0 + 3 * HOUR_MS) + 2, true],
    ['afternoon peak, usual value', T0 + 14 * HOUR_MS, daily(T0 + 14 * HOUR_MS) - 2, true],
    [
      'evening, usual value',
      T0 + 20 * HOUR_MS + 25 * MINUTE_MS,
      daily(T0 + 20 * HOUR_MS + 25 * MINUTE_MS),
      true,
    ],
    ['next day, usual value', T0 + DAY_MS + 9 * HOUR_MS, daily(T0 + DAY_MS + 9 * HOUR_MS) + 1, true],
    // an afternoon value at night is anomalous, though it is within the metric's usual range
    ['night, afternoon value', T0 + 3 * HOUR_MS, 80, false],
    ['afternoon, night value', T0 + 14 * HOUR_MS, 20, false],
    ['a spike', T0 + 10 * HOUR_MS, 400, false],
    ['a drop to 0', T0 + 12 * HOUR_MS, 0, false],
  ])('%s', (_case, t, v, expected) => {
    const band = anomalyBand(twoWeeks, [t], 2);
    expect(inside(band, [v])).toEqual([expected]);
  });

  it('every normal datapoint of the next day is inside', () => {
    const next = history(T0, T0 + DAY_MS, 5 * MINUTE_MS, (t, i) => daily(t) + 3 * noise(i + 17));
    const band = anomalyBand(twoWeeks, next.timestamps, 2);
    expect(inside(band, next.values).every(Boolean)).toBe(true);
  });
});

describe('anomalyBand: seasonality and fallbacks', () => {
  // weekdays 100, weekends 10 (T0 − 14 days is a Monday)
  const weekly = history(T0 - 14 * DAY_MS, T0, 10 * MINUTE_MS, (t, i) => {
    const weekday = (Math.floor((t - T0) / DAY_MS) % 7) + 7;
    return (weekday % 7 < 5 ? 100 : 10) + noise(i);
  });

  it.each<[string, { timestamps: number[]; values: number[] }, number, number]>([
    // case, training, target time, expected baseline (the middle of the band)
    ['hour of week: Monday', weekly, T0 + 10 * HOUR_MS, 100],
    ['hour of week: Saturday', weekly, T0 + 5 * DAY_MS + 10 * HOUR_MS, 10],
    // hourly datapoints: 2 per hour of the week, 14 per hour of day
    [
      'hour of day: 03:00',
      history(T0 - 14 * DAY_MS, T0, HOUR_MS, (t) => (new Date(t).getUTCHours() < 12 ? 105 : 150)),
      T0 + 3 * HOUR_MS,
      105,
    ],
    [
      'hour of day: 15:00',
      history(T0 - 14 * DAY_MS, T0, HOUR_MS, (t) => (new Date(t).getUTCHours() < 12 ? 105 : 150)),
      T0 + 15 * HOUR_MS,
      150,
    ],
    // two days of hourly datapoints: 2 per hour of day, so the median of everything
    ['global', history(T0 - 2 * DAY_MS, T0, HOUR_MS, (_t, i) => 100 + (i % 3)), T0 + 15 * HOUR_MS, 101],
  ])('%s', (_case, training, t, baseline) => {
    const { upper, lower } = anomalyBand(training, [t], 2);
    expect((upper[0] + lower[0]) / 2).toBeCloseTo(baseline, 0);
  });

  it('leaves out excluded time ranges', () => {
    // the first week was an incident at 1000; hourly data falls back to the hour of day (7 + 7 values)
    const incident = history(T0 - 14 * DAY_MS, T0, HOUR_MS, (t, i) =>
      t < T0 - 7 * DAY_MS ? 1000 : 50 + noise(i),
    );
    const excluded: TimeRange[] = [{ startMs: T0 - 14 * DAY_MS, endMs: T0 - 7 * DAY_MS }];
    const t = [T0 + 5 * HOUR_MS];
    const mid = (b: { upper: number[]; lower: number[] }) => (b.upper[0] + b.lower[0]) / 2;
    expect(mid(anomalyBand(incident, t, 2))).toBeGreaterThan(500);
    expect(mid(anomalyBand(incident, t, 2, { excluded }))).toBeCloseTo(50, 0);
  });
});

describe('anomalyBand: width, clamps and edges', () => {
  const t = [T0 + 3 * HOUR_MS];

  it.each<
    [string, { timestamps: number[]; values: number[] }, number, { percent?: boolean }, [number, number]]
  >([
    // case, training, k, options, [lower, upper] expected (rounded to 2 decimals); one day of hourly
    // datapoints has one per hour of day, so the band is everything's median ± k · 1.4826 · MAD
    [
      'a flat metric still gets a band (1 % of its level)',
      history(T0 - DAY_MS, T0, HOUR_MS, () => 100),
      2,
      {},
      [98, 102],
    ],
    ['k = 0 collapses it onto the baseline', history(T0 - DAY_MS, T0, HOUR_MS, () => 100), 0, {}, [100, 100]],
    [
      'never negative: clamped at 0',
      history(T0 - DAY_MS, T0, HOUR_MS, (_t, i) => (i % 2) * 4),
      2,
      {},
      [0, 7.93],
    ],
    [
      'negative values: not clamped',
      history(T0 - DAY_MS, T0, HOUR_MS, (_t, i) => (i % 2) * 4 - 2),
      2,
      {},
      [-5.93, 5.93],
    ],
    [
      'a percentage near 100: clamped at 100',
      history(T0 - DAY_MS, T0, HOUR_MS, (_t, i) => 96 + (i % 2) * 4),
      2,
      { percent: true },
      [92.07, 100],
    ],
    [
      'not a percentage: not clamped',
      history(T0 - DAY_MS, T0, HOUR_MS, (_t, i) => 96 + (i % 2) * 4),
      2,
      {},
      [92.07, 103.93],
    ],
  ])('%s', (_case, training, k, options, [lower, upper]) => {
    const band = anomalyBand(training, t, k, options);
    expect([Number(band.lower[0].toFixed(2)), Number(band.upper[0].toFixed(2))]).toEqual([lower, upper]);
  });

  it('has no band without training data', () => {
    expect(anomalyBand({ timestamps: [], values: [] }, [T0, T0 + HOUR_MS], 2)).toEqual({
      upper: [NaN, NaN],
      lower: [NaN, NaN],
    });
  });

  it('scales with k', () => {
    const width = (k: number) => {
      const b = anomalyBand(twoWeeks, t, k);
      return b.upper[0] - b.lower[0];
    };
    expect(width(3)).toBeCloseTo(1.5 * width(2));
    expect(width(0.5)).toBeCloseTo(width(2) / 4);
  });
});
