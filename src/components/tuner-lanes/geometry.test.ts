import { describe, expect, it } from 'vitest';
import {
  COLUMN_BREACHING as B,
  COLUMN_MISSING as M,
  COLUMN_NONE as X,
  COLUMN_OK as K,
  type Domain,
  STATE_ALARM,
  STATE_INSUFFICIENT,
  STATE_NONE,
  STATE_OK,
  bandColumns,
  classifyColumns,
  countSlots,
  dragThreshold,
  forEachRun,
  keyboardThreshold,
  metricDomain,
  nearestIndex,
  niceStep,
  niceTicks,
  roundTo,
  spanAt,
  stateColumns,
  valueToY,
  xToTime,
  yToValue,
} from './geometry';
import { placeIncidents } from './incident-shading';

const extent = { top: 16, height: 200 };

describe('value ↔ y', () => {
  it.each([
    // value, domain, y
    [100, [0, 100], 16],
    [0, [0, 100], 216],
    [50, [0, 100], 116],
    [-5, [-10, 10], 166],
  ] as [number, Domain, number][])('%s over %j sits at y %s, and back', (v, domain, y) => {
    expect(valueToY(v, domain, extent)).toBeCloseTo(y);
    expect(yToValue(y, domain, extent)).toBeCloseTo(v);
  });

  it('clamps y outside the plot to the domain', () => {
    expect(yToValue(0, [0, 100], extent)).toBe(100);
    expect(yToValue(400, [0, 100], extent)).toBe(0);
  });

  it('maps x to time, clamped to the range', () => {
    expect(xToTime(50, 1000, 2000, 100)).toBe(1500);
    expect(xToTime(-5, 1000, 2000, 100)).toBe(1000);
    expect(xToTime(500, 1000, 2000, 100)).toBe(2000);
  });
});

describe('round numbers', () => {
  it.each([
    [0.07, 0.1],
    [1, 1],
    [1.2, 2],
    [3, 5],
    [7, 10],
    [420, 500],
  ])('niceStep(%s) = %s', (rough, step) => expect(niceStep(rough)).toBeCloseTo(step));

  it('rounds without float noise', () => {
    expect(roundTo(0.1 + 0.2, 0.1)).toBe(0.3);
    expect(roundTo(83.48, 0.5)).toBe(83.5);
    expect(roundTo(1234, 100)).toBe(1200);
  });

  it('puts round ticks inside the domain', () => {
    expect(niceTicks(63, 437, 5)).toEqual({ domain: [63, 437], ticks: [100, 200, 300, 400] });
    expect(niceTicks(0, 1, 5).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(5, 5, 4).domain).toEqual([4.5, 5.5]);
  });

  it('fits the data and the thresholds, and keeps non-negative data at 0 or above', () => {
    // 80–420 padded by 8 % of the range (27.2).
    const { domain } = metricDomain(80, 420, [undefined], 6);
    expect(domain[0]).toBeCloseTo(52.8);
    expect(domain[1]).toBeCloseTo(447.2);
    expect(metricDomain(5, 100, [], 6).domain[0]).toBe(0);
    expect(metricDomain(80, 420, [500], 6).domain[1]).toBeGreaterThan(500);
    expect(metricDomain(-20, 20, [], 6).domain[0]).toBeLessThan(-20);
    expect(metricDomain(Infinity, -Infinity, [], 6).domain).toEqual([0, 1]);
  });
});

describe('threshold steps', () => {
  it.each([
    // key, value, domain, next
    ['ArrowUp', 50, [0, 200], 52],
    ['ArrowRight', 50, [0, 200], 52],
    ['ArrowDown', 50, [0, 200], 48],
    ['ArrowLeft', 50, [0, 200], 48],
    ['PageUp', 50, [0, 200], 70],
    ['PageDown', 50, [0, 200], 30],
    ['Home', 50, [0, 200], 0],
    ['End', 50, [0, 200], 200],
    ['PageUp', 195, [0, 200], 200],
    ['ArrowDown', 1, [0, 200], 0],
    ['ArrowUp', 0.3, [0, 1], 0.31],
    ['ArrowUp', 83.48, [52.8, 447.2], 87.5],
    ['Enter', 50, [0, 200], undefined],
  ] as [string, number, Domain, number | undefined][])(
    '%s from %s over %j gives %s',
    (key, value, domain, next) => {
      const got = keyboardThreshold(key, value, domain);
      if (next === undefined) expect(got).toBeUndefined();
      else expect(got).toBeCloseTo(next, 6);
    },
  );

  it('rounds a dragged value to what a pixel tells apart', () => {
    // 0–200 over 200 px: 1 per pixel, rounded to halves.
    expect(dragThreshold(116, [0, 200], extent)).toBe(100);
    expect(dragThreshold(116.3, [0, 200], extent)).toBe(99.5);
    // 0–1 over 200 px: 0.005 per pixel, rounded to 0.005.
    expect(dragThreshold(16 + 33, [0, 1], extent)).toBe(0.835);
  });
});

describe('datapoint columns', () => {
  const P = 60_000;
  it.each([
    // More slots than columns: any breaching slot makes a column red, else any datapoint green.
    ['4 slots per column', [0, 0, 0, 0, 1, 0, 0, 0, 1, 2, 1, 1, 0, 0, 0, 1], 0, 16 * P, 4, [M, K, B, K]],
    // Fewer slots than columns: each column shows the slot it lies in.
    ['2 columns per slot', [1, 2], 0, 2 * P, 4, [K, K, B, B]],
    // The history starts a slot before the range (lookback): slot 0 is not drawn.
    ['lookback', [2, 1, 1, 0], -P, 3 * P, 3, [K, K, M]],
    // The history ends before the range: the rest has no slot.
    ['short history', [1, 1], 0, 4 * P, 4, [K, K, X, X]],
  ])('%s', (_, slots, firstSlotMs, endMs, columns, expected) => {
    expect([...classifyColumns(Uint8Array.from(slots), firstSlotMs, P, 0, endMs, columns)]).toEqual(expected);
  });

  it('counts the slots in the range by class, lookback left out', () => {
    expect(countSlots(Uint8Array.from([2, 2, 1, 0, 1, 2]), -2 * P, P, 0, 4 * P)).toEqual([1, 2, 1]);
  });

  it('draws runs of equal columns', () => {
    const runs: [number, number, number][] = [];
    forEachRun(Uint8Array.from([1, 1, 2, 2, 2, 0]), (from, to, v) => runs.push([from, to, v]));
    expect(runs).toEqual([
      [0, 2, 1],
      [2, 5, 2],
      [5, 6, 0],
    ]);
    forEachRun(new Uint8Array(0), () => {
      throw new Error('no runs in no columns');
    });
  });
});

describe('state columns', () => {
  it('marks a column ALARM if any ALARM touches it, then INSUFFICIENT_DATA, then OK', () => {
    const timeline = [
      { startMs: 0, endMs: 250, state: 'INSUFFICIENT_DATA' as const },
      { startMs: 250, endMs: 420, state: 'OK' as const },
      { startMs: 420, endMs: 430, state: 'ALARM' as const },
      { startMs: 430, endMs: 800, state: 'OK' as const },
    ];
    expect([...stateColumns(timeline, 0, 1000, 10)]).toEqual([
      STATE_INSUFFICIENT,
      STATE_INSUFFICIENT,
      STATE_INSUFFICIENT,
      STATE_OK,
      STATE_ALARM,
      STATE_OK,
      STATE_OK,
      STATE_OK,
      STATE_NONE,
      STATE_NONE,
    ]);
  });

  it('finds the span holding an instant', () => {
    const timeline = [
      { startMs: 0, endMs: 10, state: 'OK' },
      { startMs: 10, endMs: 20, state: 'ALARM' },
    ];
    expect(spanAt(timeline, 10)?.state).toBe('ALARM');
    expect(spanAt(timeline, 9.99)?.state).toBe('OK');
    expect(spanAt(timeline, 20)).toBeUndefined();
  });
});

describe('lookups', () => {
  it.each([
    [5, 0],
    [14, 0],
    [16, 1],
    [35, 2],
    [-3, 0],
  ])('the timestamp nearest %s is at index %s', (t, i) => expect(nearestIndex([10, 20, 30], t)).toBe(i));

  it('has no nearest timestamp among none', () => expect(nearestIndex([], 5)).toBe(-1));

  it('reduces a band to its envelope per column', () => {
    const { lower, upper } = bandColumns(
      { timestamps: [0, 10, 20, 30], lower: [1, 0, 5, NaN], upper: [3, 4, 8, NaN] },
      0,
      40,
      2,
    );
    expect([...lower]).toEqual([0, 5]);
    expect([...upper]).toEqual([4, 8]);
  });
});

describe('incident labels', () => {
  it('labels incidents from the left, skipping a label that would cover the previous one', () => {
    const placed = placeIncidents(
      [
        { id: 'b', startMs: 52, endMs: 53, label: 'second' },
        { id: 'a', startMs: 50, endMs: 51, label: 'first' },
        { id: 'c', startMs: 90, endMs: 100, label: 'the third incident' },
        { id: 'out', startMs: 200, endMs: 300, label: 'outside' },
      ],
      0,
      100,
      1000,
    );
    expect(placed.map((p) => [p.key, p.left, p.width, p.labelLeft])).toEqual([
      ['a', 500, 10, 502],
      ['b', 520, 10, undefined],
      // Kept inside the plot.
      ['c', 900, 100, 1000 - (18 * 5.6 + 8)],
    ]);
    expect(placeIncidents([{ startMs: 0, endMs: 0.001, label: 'blip' }], 0, 100, 100)[0].width).toBe(3);
    // A sentence-long label takes at most LABEL_MAX_PX (cut with an ellipsis), so the next one fits.
    const long = 'A deploy of orders-api slows responses and raises errors';
    const twoLong = placeIncidents(
      [
        { startMs: 0, endMs: 1, label: long },
        { startMs: 21, endMs: 22, label: long },
      ],
      0,
      100,
      1000,
    );
    expect(twoLong.map((p) => p.labelLeft)).toEqual([2, 212]);
  });
});
