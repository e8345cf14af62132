import { describe, expect, it } from 'vitest';
import { annotationExtent, clipRanges, reduceBand } from './chart-annotations';

const MIN = 60_000;

describe('clipRanges', () => {
  it.each<[string, { startMs: number; endMs: number }[], { startMs: number; endMs: number }[]]>([
    ['inside', [{ startMs: 10, endMs: 20 }], [{ startMs: 10, endMs: 20 }]],
    ['overlapping the start', [{ startMs: -5, endMs: 20 }], [{ startMs: 0, endMs: 20 }]],
    ['overlapping the end', [{ startMs: 90, endMs: 200 }], [{ startMs: 90, endMs: 100 }]],
    ['covering everything', [{ startMs: -5, endMs: 200 }], [{ startMs: 0, endMs: 100 }]],
    ['before', [{ startMs: -50, endMs: -10 }], []],
    ['after', [{ startMs: 150, endMs: 160 }], []],
    ['empty', [{ startMs: 50, endMs: 50 }], []],
    ['inverted', [{ startMs: 60, endMs: 50 }], []],
  ])('a range %s', (_name, ranges, expected) => {
    const out = clipRanges(
      ranges.map((r) => ({ ...r, color: 'red' })),
      0,
      100,
    );
    expect(out.map(({ startMs, endMs }) => ({ startMs, endMs }))).toEqual(expected);
  });
});

describe('reduceBand', () => {
  const minutes = (n: number) => Array.from({ length: n }, (_, i) => i * MIN);

  it('keeps one row per point when points are wider apart than a pixel', () => {
    const t = minutes(5);
    const rows = reduceBand(
      { timestamps: t, lower: [1, 2, 3, 4, 5], upper: [2, 3, 4, 5, 6], label: '' },
      0,
      4 * MIN,
      100,
    );
    expect(rows).toEqual(t.map((ts, i) => ({ t: ts, range: [i + 1, i + 2] })));
  });

  it('spans the lowest lower and highest upper bound of each pixel column', () => {
    const t = minutes(100);
    const rows = reduceBand(
      { timestamps: t, lower: t.map((_, i) => -i), upper: t.map((_, i) => i), label: '' },
      0,
      100 * MIN,
      10,
    );
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({ t: 0, range: [-9, 9] });
    expect(rows[9]).toEqual({ t: 90 * MIN, range: [-99, 99] });
  });

  it.each<[string, number[], number[], number]>([
    ['a missing bound', minutes(6), [1, 1, Number.NaN, 1, 1, 1], 1],
    ['a gap in time', [0, MIN, 2 * MIN, 10 * MIN, 11 * MIN], [1, 1, 1, 1, 1], 1],
    ['nothing missing', minutes(6), [1, 1, 1, 1, 1, 1], 0],
  ])('breaks the band at %s', (_name, timestamps, lower, breaks) => {
    const rows = reduceBand({ timestamps, lower, upper: lower.map(() => 2), label: '' }, 0, 11 * MIN, 1000);
    expect(rows.filter((r) => r.range === undefined)).toHaveLength(breaks);
  });

  it('orders bounds given upside down, and skips points outside the range', () => {
    const rows = reduceBand(
      { timestamps: [0, MIN, 2 * MIN], lower: [5, 5, 5], upper: [1, 1, 1], label: '' },
      MIN,
      2 * MIN,
      10,
    );
    expect(rows).toEqual([
      { t: MIN, range: [1, 5] },
      { t: 2 * MIN, range: [1, 5] },
    ]);
  });
});

describe('annotationExtent', () => {
  it('covers thresholds and the band', () => {
    expect(
      annotationExtent(
        [{ t: 0, range: [-3, 4] }, { t: 1 }],
        [
          { value: 10, label: '' },
          { value: Number.NaN, label: '' },
        ],
      ),
    ).toEqual({ min: -3, max: 10 });
    expect(annotationExtent([], undefined)).toEqual({ min: Infinity, max: -Infinity });
  });
});
