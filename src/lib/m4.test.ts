import { describe, expect, it } from 'vitest';
import { m4 } from './m4';

const MINUTE = 60_000;

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A noisy series of `n` points every `stepMs`, with one high and one low spike. */
function noisySeries(n: number, stepMs: number, seed = 1) {
  const next = random(seed);
  const timestamps = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    timestamps[i] = i * stepMs;
    values[i] = 50 + 10 * Math.sin(i / 500) + next() * 5;
  }
  values[Math.floor(n * 0.37)] = 1000;
  values[Math.floor(n * 0.81)] = -1000;
  return { timestamps, values };
}

function isAscending(xs: number[]): boolean {
  for (let i = 1; i < xs.length; i++) if (!(xs[i] > xs[i - 1])) return false;
  return true;
}

describe('m4 on a noisy series', () => {
  it.each([
    // points, columns
    [10_000, 1],
    [10_000, 7],
    [10_000, 300],
    [10_000, 1000],
    [100, 1000],
    [5, 3],
  ])('%d points into %d columns', (n, columns) => {
    const { timestamps, values } = noisySeries(n, MINUTE);
    const start = 0;
    const end = (n - 1) * MINUTE;
    const out = m4(timestamps, values, start, end, columns);

    expect(out.timestamps.length).toBe(out.values.length);
    expect(out.timestamps.length).toBeLessThanOrEqual(Math.min(n, 4 * columns));
    expect(isAscending(out.timestamps)).toBe(true);
    expect(Math.max(...out.values)).toBe(Math.max(...values));
    expect(Math.min(...out.values)).toBe(Math.min(...values));
    expect(out.timestamps[0]).toBe(timestamps[0]);
    expect(out.values[0]).toBe(values[0]);
    expect(out.timestamps.at(-1)).toBe(timestamps[n - 1]);
    expect(out.values.at(-1)).toBe(values[n - 1]);

    // Every kept point is an input point, unchanged.
    for (let i = 0; i < out.timestamps.length; i++) {
      expect(values[out.timestamps[i] / MINUTE]).toBe(out.values[i]);
    }
  });

  it('keeps the min and max of every column', () => {
    const { timestamps, values } = noisySeries(20_000, MINUTE, 7);
    const columns = 123;
    const end = 19_999 * MINUTE;
    const out = m4(timestamps, values, 0, end, columns);
    const columnOf = (t: number) => Math.min(columns - 1, Math.floor((t * columns) / end));
    const expectedMin = new Array<number>(columns).fill(Infinity);
    const expectedMax = new Array<number>(columns).fill(-Infinity);
    const keptMin = new Array<number>(columns).fill(Infinity);
    const keptMax = new Array<number>(columns).fill(-Infinity);
    timestamps.forEach((t, i) => {
      const c = columnOf(t);
      expectedMin[c] = Math.min(expectedMin[c], values[i]);
      expectedMax[c] = Math.max(expectedMax[c], values[i]);
    });
    out.timestamps.forEach((t, i) => {
      const c = columnOf(t);
      keptMin[c] = Math.min(keptMin[c], out.values[i]);
      keptMax[c] = Math.max(keptMax[c], out.values[i]);
    });
    expect(keptMin).toEqual(expectedMin);
    expect(keptMax).toEqual(expectedMax);
  });
});

describe('m4 edge cases', () => {
  it.each<[string, number[], number[], number, number, number, { timestamps: number[]; values: number[] }]>([
    // name, timestamps, values, start, end, columns, expected
    ['empty input', [], [], 0, 10, 5, { timestamps: [], values: [] }],
    ['one point', [5], [1], 0, 10, 5, { timestamps: [5], values: [1] }],
    [
      'one point per column is kept once',
      [0, 2, 4],
      [3, 1, 2],
      0,
      6,
      3,
      { timestamps: [0, 2, 4], values: [3, 1, 2] },
    ],
    [
      'first, min, max, last in time order',
      [0, 1, 2, 3, 4, 5],
      [5, 9, 1, 7, 2, 6],
      0,
      5,
      1,
      { timestamps: [0, 1, 2, 5], values: [5, 9, 1, 6] },
    ],
    [
      'max before min in the column',
      [0, 1, 2, 3],
      [5, 1, 9, 6],
      0,
      3,
      1,
      { timestamps: [0, 1, 2, 3], values: [5, 1, 9, 6] },
    ],
    [
      'first is the min and last the max',
      [0, 1, 2, 3],
      [1, 3, 2, 9],
      0,
      3,
      1,
      { timestamps: [0, 3], values: [1, 9] },
    ],
    [
      'NaN values are skipped',
      [0, 1, 2, 3],
      [NaN, 4, NaN, 2],
      0,
      3,
      1,
      { timestamps: [1, 3], values: [4, 2] },
    ],
    [
      'points outside the range are skipped',
      [-5, 0, 5, 10, 15],
      [1, 2, 3, 4, 5],
      0,
      10,
      2,
      {
        timestamps: [0, 5, 10],
        values: [2, 3, 4],
      },
    ],
    [
      'a zero-length range keeps its instant',
      [4, 5, 6],
      [1, 2, 3],
      5,
      5,
      10,
      { timestamps: [5], values: [2] },
    ],
    ['inverted range', [1, 2], [1, 2], 10, 0, 10, { timestamps: [], values: [] }],
    [
      'zero columns count as one',
      [0, 1, 2],
      [1, 5, 2],
      0,
      2,
      0,
      { timestamps: [0, 1, 2], values: [1, 5, 2] },
    ],
  ])('%s', (_name, timestamps, values, start, end, columns, expected) => {
    expect(m4(timestamps, values, start, end, columns)).toEqual(expected);
  });
});

describe('m4 at scale', () => {
  it('reduces 15 months of 1-minute data (657,000 points); npm run bench measures its speed', () => {
    const n = 657_000;
    const { timestamps, values } = noisySeries(n, MINUTE, 3);
    const end = (n - 1) * MINUTE;
    const columns = 1200;
    const out = m4(timestamps, values, 0, end, columns);

    expect(out.timestamps.length).toBeLessThanOrEqual(4 * columns);
    expect(out.timestamps.length).toBeGreaterThan(2 * columns);
    expect(isAscending(out.timestamps)).toBe(true);
    expect(out.values).toContain(1000);
    expect(out.values).toContain(-1000);
    expect(out.timestamps[0]).toBe(0);
    expect(out.timestamps.at(-1)).toBe(end);
  });

  it('accepts plain arrays as well as typed arrays', () => {
    const { timestamps, values } = noisySeries(5000, MINUTE);
    const fromTyped = m4(timestamps, values, 0, 4999 * MINUTE, 100);
    const fromArrays = m4(Array.from(timestamps), Array.from(values), 0, 4999 * MINUTE, 100);
    expect(fromArrays).toEqual(fromTyped);
  });
});
