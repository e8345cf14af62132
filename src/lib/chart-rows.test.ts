import { describe, expect, it } from 'vitest';
import { nearestPoint, reduceSeries, stackSeries, typicalStepMs } from './chart-rows';
import { SERIES_PALETTE } from './palette';
import type { SeriesData } from './series';

const MIN = 60_000;

function series(
  id: string,
  timestamps: number[],
  values: number[],
  extra: Partial<SeriesData> = {},
): SeriesData {
  return { id, label: id.toUpperCase(), timestamps, values, ...extra };
}

const minutes = (...ms: number[]) => ms.map((m) => m * MIN);

describe('typicalStepMs', () => {
  it.each<[string, number[], number | undefined]>([
    ['no points', [], undefined],
    ['one point', [5], undefined],
    ['regular', minutes(0, 1, 2, 3, 4), MIN],
    ['a few gaps do not move the median', minutes(0, 1, 2, 10, 11, 12, 30, 31, 32), MIN],
    ['duplicate timestamps are ignored', [0, 0, 0], undefined],
  ])('%s', (_name, timestamps, expected) => {
    expect(typicalStepMs(timestamps)).toBe(expected);
  });

  it('samples long series', () => {
    const timestamps = Array.from({ length: 657_000 }, (_, i) => i * MIN);
    expect(typicalStepMs(timestamps)).toBe(MIN);
  });
});

describe('reduceSeries', () => {
  it('keeps each series on its own rows, with its colour, key and unit', () => {
    const a = series('a', minutes(0, 1, 2), [1, 2, 3], { unit: 'Count' });
    const b = series('b', minutes(1, 3), [10, 20], { color: '#000000' });
    const { series: drawn, pointCount } = reduceSeries([a, b], 0, 3 * MIN, 100);
    expect(pointCount).toBe(5);
    expect(drawn.map((d) => [d.id, d.label, d.key, d.color, d.unit])).toEqual([
      ['a', 'A', 's0', SERIES_PALETTE[0], 'Count'],
      ['b', 'B', 's1', '#000000', undefined],
    ]);
    expect(drawn[0].rows).toEqual([
      { t: 0, v: 1 },
      { t: MIN, v: 2 },
      { t: 2 * MIN, v: 3 },
    ]);
    expect(drawn[1].rows).toEqual([
      { t: MIN, v: 10 },
      { t: 3 * MIN, v: 20 },
    ]);
  });

  it.each<[string, number[], number, number[][]]>([
    // name, minutes with data, columns, expected runs of minutes
    ['no gap', [0, 1, 2, 3, 4, 5], 600, [[0, 1, 2, 3, 4, 5]]],
    [
      'one missing point',
      [0, 1, 2, 4, 5],
      600,
      [
        [0, 1, 2],
        [4, 5],
      ],
    ],
    [
      'a long gap',
      [0, 1, 2, 30, 31],
      600,
      [
        [0, 1, 2],
        [30, 31],
      ],
    ],
    ['points closer than a column are no gap', [0, 1, 2, 4, 5], 3, [[0, 1, 2, 4, 5]]],
  ])('breaks the line where data is missing: %s', (_name, at, columns, runs) => {
    const s = series(
      'a',
      minutes(...at),
      at.map(() => 1),
    );
    const end = at[at.length - 1] * MIN;
    const { series: drawn } = reduceSeries([s], 0, end, columns);
    const found: number[][] = [[]];
    for (const row of drawn[0].rows) {
      if (row.v === undefined) found.push([]);
      else found[found.length - 1].push(row.t / MIN);
    }
    expect(found).toEqual(runs);
  });

  it('keeps at most four points per column per series', () => {
    const n = 100_000;
    const timestamps = Array.from({ length: n }, (_, i) => i * 1000);
    const make = (phase: number) => timestamps.map((t) => Math.sin(t / 7_777 + phase));
    const input = [series('a', timestamps, make(0)), series('b', timestamps, make(1))];
    const columns = 250;
    const { series: drawn, pointCount } = reduceSeries(input, 0, (n - 1) * 1000, columns);
    for (const d of drawn) {
      expect(d.rows.length).toBeLessThanOrEqual(4 * columns);
      expect(d.timestamps.length).toBe(d.rows.length);
    }
    expect(pointCount).toBeLessThanOrEqual(2 * 4 * columns);
  });
});

describe('stackSeries', () => {
  it('reduces aligned series on their total and keeps at most four points per column', () => {
    const n = 50_000;
    const timestamps = Array.from({ length: n }, (_, i) => i * 1000);
    const spikeAt = 31_415;
    const a = series(
      'a',
      timestamps,
      timestamps.map((_, i) => (i === spikeAt ? 500 : 1 + Math.sin(i / 50))),
    );
    const b = series(
      'b',
      timestamps.slice(),
      timestamps.map((_, i) => 2 + Math.cos(i / 70)),
    );
    const columns = 200;
    const { rows, series: drawn, pointCount } = stackSeries([a, b], 0, (n - 1) * 1000, columns);
    expect(rows.length).toBeLessThanOrEqual(4 * columns);
    expect(pointCount).toBe(2 * rows.length);
    expect(rows.some((r) => r.t === spikeAt * 1000 && r.s0 === 500)).toBe(true);
    expect(drawn[1].values.length).toBe(rows.length);
  });

  it('leaves gaps empty in every series', () => {
    const at = minutes(0, 1, 2, 6, 7);
    const { rows } = stackSeries(
      [series('a', at, [1, 1, 1, 1, 1]), series('b', at, [2, 2, 2, 2, 2])],
      0,
      7 * MIN,
      700,
    );
    expect(rows).toEqual([
      { t: 0, s0: 1, s1: 2 },
      { t: MIN, s0: 1, s1: 2 },
      { t: 2 * MIN, s0: 1, s1: 2 },
      { t: 4 * MIN },
      { t: 6 * MIN, s0: 1, s1: 2 },
      { t: 7 * MIN, s0: 1, s1: 2 },
    ]);
  });

  it('places unaligned series on their own straight segments', () => {
    const a = series('a', minutes(0, 2, 4), [0, 20, 40]);
    const b = series('b', minutes(1, 3), [5, 5]);
    const { rows, pointCount } = stackSeries([a, b], 0, 4 * MIN, 100);
    expect(rows).toEqual([
      { t: 0, s0: 0 },
      { t: MIN, s0: 10, s1: 5 },
      { t: 2 * MIN, s0: 20, s1: 5 },
      { t: 3 * MIN, s0: 30, s1: 5 },
      { t: 4 * MIN, s0: 40 },
    ]);
    expect(pointCount).toBe(5);
  });

  it('handles no series', () => {
    expect(stackSeries([], 0, 1, 10)).toEqual({ rows: [], series: [], pointCount: 0 });
  });
});

describe('nearestPoint', () => {
  const { series: drawn } = reduceSeries([series('a', minutes(0, 1, 2, 8), [1, 2, 3, 4])], 0, 8 * MIN, 800);
  it.each<[string, number, { t: number; value: number } | undefined]>([
    ['exact', MIN, { t: MIN, value: 2 }],
    ['closer to the earlier point', 1.4 * MIN, { t: MIN, value: 2 }],
    ['closer to the later point', 1.6 * MIN, { t: 2 * MIN, value: 3 }],
    ['before the first point', -0.5 * MIN, { t: 0, value: 1 }],
    ['after the last point', 8.5 * MIN, { t: 8 * MIN, value: 4 }],
    ['inside a gap', 5 * MIN, undefined],
  ])('%s', (_name, t, expected) => {
    expect(nearestPoint(drawn[0], t)).toEqual(expected);
  });
});
