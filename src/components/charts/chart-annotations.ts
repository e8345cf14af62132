// What a time-series chart draws besides its series: threshold lines, shaded time ranges and an
// anomaly band, prepared for the pixels the plot has.
import { typicalStepMs } from '../../lib/chart-rows';
import type { ChartAnnotations } from './time-series-chart';

/** Threshold lines without a colour of their own are red, as CloudWatch draws an alarm's line. */
export const THRESHOLD_COLOR = '#d62728';
/** The anomaly band is grey, as in the CloudWatch console. */
export const BAND_COLOR = '#94a3b8';

/** One drawn row of a band: epoch ms and [lower, upper]; no range marks a break. */
export interface BandRow {
  t: number;
  range?: [number, number];
}

/** A shaded time range clipped to the x domain. */
export interface ClippedRange {
  startMs: number;
  endMs: number;
  color: string;
  label?: string;
}

/** The ranges that overlap [startMs, endMs], clipped to it; empty and inverted ranges are dropped. */
export function clipRanges(
  ranges: ChartAnnotations['ranges'],
  startMs: number,
  endMs: number,
): ClippedRange[] {
  const out: ClippedRange[] = [];
  for (const r of ranges ?? []) {
    const from = Math.max(startMs, r.startMs);
    const to = Math.min(endMs, r.endMs);
    if (!(to > from)) continue;
    out.push({
      startMs: from,
      endMs: to,
      color: r.color,
      ...(r.label !== undefined ? { label: r.label } : {}),
    });
  }
  return out;
}

/**
 * The band reduced for a plot `columns` pixels wide: per pixel column one row spanning the lowest
 * lower and the highest upper bound (so the band never looks narrower than it is), with a break
 * where bounds are missing or points are further apart than 1.5 usual steps.
 */
export function reduceBand(
  band: NonNullable<ChartAnnotations['band']>,
  startMs: number,
  endMs: number,
  columns: number,
): BandRow[] {
  const n = Math.min(band.timestamps.length, band.lower.length, band.upper.length);
  const rows: BandRow[] = [];
  if (n === 0 || !(endMs > startMs)) return rows;
  const columnCount = Math.max(1, Math.floor(columns));
  const columnMs = (endMs - startMs) / columnCount;
  const gapMs = 1.5 * Math.max(typicalStepMs(band.timestamps) ?? Infinity, columnMs);
  let column = -1;
  let current: BandRow | undefined;
  let lastT: number | undefined;
  const flush = () => {
    if (current) rows.push(current);
    current = undefined;
  };
  for (let i = 0; i < n; i++) {
    const t = band.timestamps[i];
    const lo = band.lower[i];
    const hi = band.upper[i];
    if (t < startMs || t > endMs) continue;
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
      flush();
      if (rows.length > 0 && rows[rows.length - 1].range) rows.push({ t });
      column = -1;
      lastT = undefined;
      continue;
    }
    const c = Math.min(columnCount - 1, Math.floor((t - startMs) / columnMs));
    if (lastT !== undefined && t - lastT > gapMs) {
      flush();
      rows.push({ t: Math.round((t + lastT) / 2) });
      column = -1;
    }
    lastT = t;
    const low = Math.min(lo, hi);
    const high = Math.max(lo, hi);
    if (c === column && current?.range) {
      current.range = [Math.min(current.range[0], low), Math.max(current.range[1], high)];
    } else {
      flush();
      column = c;
      current = { t, range: [low, high] };
    }
  }
  flush();
  return rows;
}

/** The lowest and highest value annotations need on the y axis (thresholds and the band's bounds). */
export function annotationExtent(rows: readonly BandRow[], thresholds: ChartAnnotations['thresholds']) {
  let min = Infinity;
  let max = -Infinity;
  for (const t of thresholds ?? []) {
    if (!Number.isFinite(t.value)) continue;
    min = Math.min(min, t.value);
    max = Math.max(max, t.value);
  }
  for (const r of rows) {
    if (!r.range) continue;
    min = Math.min(min, r.range[0]);
    max = Math.max(max, r.range[1]);
  }
  return { min, max };
}
