import type { Series, Value } from './series.ts';

/**
 * Datapoints for metric math tests, written as CloudWatch's documentation writes them: one value per
 * period from T0 (Monday 16 November 2026, 00:00 UTC), `null` where the series has no datapoint ("-").
 */
export const T0 = Date.parse('2026-11-16T00:00:00Z');
export const PERIOD_MS = 60_000;

export function series(values: readonly (number | null)[], label = 'metric', periodMs = PERIOD_MS): Series {
  const timestamps: number[] = [];
  const out: number[] = [];
  values.forEach((v, i) => {
    if (v === null) return;
    timestamps.push(T0 + i * periodMs);
    out.push(v);
  });
  return { timestamps, values: out, periodMs, label };
}

/** A series back on the table's grid of `length` periods: its value per period, `null` where none. */
export function onGrid(s: Series, length: number): (number | null)[] {
  const out: (number | null)[] = Array.from({ length }, () => null);
  s.timestamps.forEach((t, i) => {
    const k = (t - T0) / s.periodMs;
    if (!Number.isInteger(k) || k < 0 || k >= length) throw new Error(`datapoint off the grid at ${t}`);
    out[k] = s.values[i];
  });
  return out;
}

/** A value as a table cell: a scalar, one series on the grid, or every series of an array. */
export function cells(v: Value, length: number): number | (number | null)[] | (number | null)[][] {
  if (v.type === 'S') return v.value;
  if (v.type === 'TS') return onGrid(v.series, length);
  return v.series.map((s) => onGrid(s, length));
}
