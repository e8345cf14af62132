// Turns series into the data a chart library draws, reduced by M4 to what the pixels can show: at
// most four points per pixel column per series, with explicit breaks where data is missing.
import { m4Indices } from './m4';
import { seriesColor } from './palette';
import type { SeriesData } from './series';

/** One point of a series as drawn: epoch ms and value; no value marks a break in the line. */
export interface SeriesRow {
  t: number;
  v?: number;
}

/** One row of stacked data: `t` is epoch ms, and each series' value sits under its `key`. */
export type ChartRow = { t: number } & Record<string, number | undefined>;

/** A series as drawn. */
export interface DrawnSeries {
  id: string;
  label: string;
  unit?: string;
  color: string;
  /** Where this series' value sits in stacked {@link ChartRow}s. */
  key: string;
  /** The real points kept by M4 (epoch ms ascending); what tooltips read. */
  timestamps: number[];
  values: number[];
  /** The kept points with a valueless row in every gap, for drawing this series on its own. */
  rows: SeriesRow[];
  /** Consecutive points further apart than this (ms) have missing data between them. */
  gapMs: number;
}

/** Series reduced for drawing, and how many real points they hold together. */
export interface ReducedSeries {
  series: DrawnSeries[];
  pointCount: number;
}

/** Stacked series: one row per timestamp shared by all of them. */
export interface StackedRows extends ReducedSeries {
  rows: ChartRow[];
}

/**
 * The usual spacing of a series: the median of up to 1024 evenly sampled gaps between consecutive
 * timestamps, so the estimate costs the same for 100 points or 657,000.
 */
export function typicalStepMs(timestamps: ArrayLike<number>): number | undefined {
  const n = timestamps.length;
  if (n < 2) return undefined;
  const samples = Math.min(n - 1, 1024);
  const stride = (n - 1) / samples;
  const gaps: number[] = [];
  for (let s = 0; s < samples; s++) {
    const i = Math.floor(s * stride);
    const gap = timestamps[i + 1] - timestamps[i];
    if (gap > 0) gaps.push(gap);
  }
  if (gaps.length === 0) return undefined;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)];
}

/**
 * Missing data shows as a gap when two kept points are more than 1.5 usual steps apart, and more
 * than 1.5 pixel columns (closer than that, M4 itself spaces points up to a column apart).
 */
function gapThresholdMs(
  timestamps: ArrayLike<number>,
  startMs: number,
  endMs: number,
  columns: number,
): number {
  const columnMs = (endMs - startMs) / Math.max(1, Math.floor(columns));
  return 1.5 * Math.max(typicalStepMs(timestamps) ?? Infinity, columnMs);
}

function identity(s: SeriesData, index: number, gapMs: number) {
  return {
    id: s.id,
    label: s.label,
    ...(s.unit !== undefined ? { unit: s.unit } : {}),
    color: s.color ?? seriesColor(index),
    key: `s${index}`,
    gapMs,
  };
}

/**
 * Reduces each series with M4 for a plot `columns` pixels wide over [startMs, endMs], each drawn on
 * its own: series never share rows, so nothing is interpolated and a line's points are its own.
 */
export function reduceSeries(
  series: readonly SeriesData[],
  startMs: number,
  endMs: number,
  columns: number,
): ReducedSeries {
  let pointCount = 0;
  const drawn = series.map((s, index): DrawnSeries => {
    const kept = m4Indices(s.timestamps, s.values, startMs, endMs, columns);
    const gapMs = gapThresholdMs(s.timestamps, startMs, endMs, columns);
    const timestamps = new Array<number>(kept.length);
    const values = new Array<number>(kept.length);
    const rows: SeriesRow[] = [];
    for (let k = 0; k < kept.length; k++) {
      timestamps[k] = s.timestamps[kept[k]];
      values[k] = s.values[kept[k]];
      if (k > 0 && timestamps[k] - timestamps[k - 1] > gapMs) {
        rows.push({ t: Math.round((timestamps[k] + timestamps[k - 1]) / 2) });
      }
      rows.push({ t: timestamps[k], v: values[k] });
    }
    pointCount += kept.length;
    return { ...identity(s, index, gapMs), timestamps, values, rows };
  });
  return { series: drawn, pointCount };
}

function sameTimestamps(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Rows for stacking series on each other, one per shared timestamp. When the series share their
 * timestamps (as series from one query do), M4 runs on their total, so every series keeps at most
 * four points per column and the top of the stack is exact. Otherwise each series is reduced on its
 * own, the rows are the union of their timestamps, and a series gets the value on its straight
 * segment where it has no point of its own (stacking needs a value in every row).
 */
export function stackSeries(
  series: readonly SeriesData[],
  startMs: number,
  endMs: number,
  columns: number,
): StackedRows {
  if (series.length === 0) return { rows: [], series: [], pointCount: 0 };
  const shared = series[0].timestamps;
  if (!series.every((s) => sameTimestamps(s.timestamps, shared)))
    return stackUnaligned(series, startMs, endMs, columns);

  const total = new Float64Array(shared.length);
  for (let i = 0; i < shared.length; i++) {
    let sum = Number.NaN;
    for (const s of series) {
      const v = s.values[i];
      if (!Number.isNaN(v)) sum = Number.isNaN(sum) ? v : sum + v;
    }
    total[i] = sum;
  }
  const kept = m4Indices(shared, total, startMs, endMs, columns);
  const gapMs = gapThresholdMs(shared, startMs, endMs, columns);
  const rows: ChartRow[] = [];
  const drawn = series.map((s, index): DrawnSeries => ({
    ...identity(s, index, gapMs),
    timestamps: [],
    values: [],
    rows: [],
  }));
  let pointCount = 0;
  for (let k = 0; k < kept.length; k++) {
    const i = kept[k];
    const t = shared[i];
    if (k > 0 && t - shared[kept[k - 1]] > gapMs)
      rows.push({ t: Math.round((t + shared[kept[k - 1]]) / 2) } as ChartRow);
    const row = { t } as ChartRow;
    series.forEach((s, index) => {
      const v = s.values[i];
      if (Number.isNaN(v)) return;
      row[drawn[index].key] = v;
      drawn[index].timestamps.push(t);
      drawn[index].values.push(v);
      pointCount++;
    });
    rows.push(row);
  }
  return { rows, series: drawn, pointCount };
}

function stackUnaligned(
  series: readonly SeriesData[],
  startMs: number,
  endMs: number,
  columns: number,
): StackedRows {
  const reduced = reduceSeries(series, startMs, endMs, columns);
  const times = mergeTimes(reduced.series.map((s) => s.rows.map((r) => r.t)));
  const rows: ChartRow[] = times.map((t) => ({ t }) as ChartRow);
  for (const s of reduced.series) {
    const own = s.rows;
    let p = 0;
    for (const row of rows) {
      while (p < own.length && own[p].t < row.t) p++;
      if (p < own.length && own[p].t === row.t) {
        if (own[p].v !== undefined) row[s.key] = own[p].v;
      } else if (p > 0 && p < own.length) {
        const before = own[p - 1];
        const after = own[p];
        if (before.v !== undefined && after.v !== undefined) {
          row[s.key] = before.v + ((row.t - before.t) / (after.t - before.t)) * (after.v - before.v);
        }
      }
    }
  }
  return { rows, ...reduced };
}

/** The sorted union of ascending arrays, without duplicates (a k-way merge). */
function mergeTimes(lists: number[][]): number[] {
  const out: number[] = [];
  const heads = lists.map(() => 0);
  for (;;) {
    let next = Infinity;
    for (let i = 0; i < lists.length; i++) {
      if (heads[i] < lists[i].length && lists[i][heads[i]] < next) next = lists[i][heads[i]];
    }
    if (next === Infinity) return out;
    out.push(next);
    for (let i = 0; i < lists.length; i++) {
      if (heads[i] < lists[i].length && lists[i][heads[i]] === next) heads[i]++;
    }
  }
}

/** The real point of `series` nearest to `t`, if one lies within half its gap distance; for tooltips. */
export function nearestPoint(series: DrawnSeries, t: number): { t: number; value: number } | undefined {
  const ts = series.timestamps;
  if (ts.length === 0) return undefined;
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ts[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  let best = lo;
  if (lo === ts.length || (lo > 0 && t - ts[lo - 1] <= ts[lo] - t)) best = lo - 1;
  if (Math.abs(ts[best] - t) > series.gapMs / 2) return undefined;
  return { t: ts[best], value: series.values[best] };
}
