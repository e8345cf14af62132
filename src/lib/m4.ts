// M4 aggregation (Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation", VLDB 2014):
// per pixel column keep the first, last, minimum and maximum point. A line drawn through those is
// pixel-identical to the line through all points, and no spike is lost.

/** Points kept by {@link m4}: epoch ms ascending, index-aligned with values. */
export interface M4Result {
  timestamps: number[];
  values: number[];
}

/** Index of the first timestamp ≥ `t` in an ascending array (binary search). */
function lowerBound(timestamps: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = timestamps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timestamps[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The indices M4 keeps of a series over [startMs, endMs] drawn `columns` pixels wide: per column the
 * first, last, minimum and maximum point, in time order and without duplicates. Timestamps must be
 * ascending; NaN values and points outside the range are skipped. O(n), no allocation per point.
 */
export function m4Indices(
  timestamps: ArrayLike<number>,
  values: ArrayLike<number>,
  startMs: number,
  endMs: number,
  columns: number,
): number[] {
  const out: number[] = [];
  const n = Math.min(timestamps.length, values.length);
  if (n === 0 || !(endMs >= startMs)) return out;
  const columnCount = Number.isFinite(columns) ? Math.max(1, Math.floor(columns)) : 1;
  const span = endMs - startMs;
  const scale = span > 0 ? columnCount / span : 0;

  let column = -1;
  let first = -1;
  let last = -1;
  let min = -1;
  let max = -1;

  const emit = (i: number) => {
    if (out.length === 0 || out[out.length - 1] !== i) out.push(i);
  };
  // first ≤ min, max ≤ last by index, so only the middle two need ordering.
  const flush = () => {
    if (first < 0) return;
    emit(first);
    emit(Math.min(min, max));
    emit(Math.max(min, max));
    emit(last);
  };

  for (let i = lowerBound(timestamps, startMs); i < n; i++) {
    const t = timestamps[i];
    if (t > endMs) break;
    const v = values[i];
    if (v !== v) continue; // NaN: a missing value
    let c = Math.floor((t - startMs) * scale);
    if (c >= columnCount) c = columnCount - 1;
    if (c !== column) {
      flush();
      column = c;
      first = last = min = max = i;
      continue;
    }
    last = i;
    if (v < values[min]) min = i;
    if (v > values[max]) max = i;
  }
  flush();
  return out;
}

/**
 * Reduces a series to at most four points per pixel column over [startMs, endMs]: the first, last,
 * minimum and maximum of each column, in time order and without duplicates. Timestamps must be
 * ascending; NaN values and points outside the range are skipped. O(n) with no allocation per point.
 */
export function m4(
  timestamps: ArrayLike<number>,
  values: ArrayLike<number>,
  startMs: number,
  endMs: number,
  columns: number,
): M4Result {
  const kept = m4Indices(timestamps, values, startMs, endMs, columns);
  const outT = new Array<number>(kept.length);
  const outV = new Array<number>(kept.length);
  for (let k = 0; k < kept.length; k++) {
    outT[k] = timestamps[kept[k]];
    outV[k] = values[kept[k]];
  }
  return { timestamps: outT, values: outV };
}
