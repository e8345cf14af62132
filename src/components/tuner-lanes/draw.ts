// Drawing the tuner's lanes on canvases: pixel-aligned columns, sized for the device's pixel ratio.
// Every function draws a whole lane from prepared columns, in a few milliseconds at any history length.
import {
  COLUMN_BREACHING,
  COLUMN_MISSING,
  COLUMN_OK,
  type Domain,
  type Extent,
  STATE_ALARM,
  STATE_INSUFFICIENT,
  STATE_OK,
  forEachRun,
  timeToX,
  valueToY,
} from './geometry';

/** The lanes' colours: the app's chart palette (slate axes, d3 category10 series, CloudWatch's red line). */
export const LANE_COLORS = {
  metric: '#1f77b4',
  threshold: '#d62728',
  compareThreshold: '#7c3aed',
  band: '#94a3b8',
  grid: '#e2e8f0',
  timeGrid: '#f1f5f9',
  breachingSide: 'rgba(214, 39, 40, 0.05)',
  breaching: '#d62728',
  notBreaching: '#86c98a',
  missing: '#cbd5e1',
  ok: '#2ca02c',
  alarm: '#d62728',
  insufficient: '#94a3b8',
  empty: '#f8fafc',
} as const;

const COLUMN_FILL: Record<number, string> = {
  [COLUMN_MISSING]: LANE_COLORS.missing,
  [COLUMN_OK]: LANE_COLORS.notBreaching,
  [COLUMN_BREACHING]: LANE_COLORS.breaching,
};

const STATE_FILL: Record<number, string> = {
  [STATE_OK]: LANE_COLORS.ok,
  [STATE_ALARM]: LANE_COLORS.alarm,
  [STATE_INSUFFICIENT]: LANE_COLORS.insufficient,
};

/**
 * The canvas's 2D context scaled to CSS px for the device's pixel ratio, its backing store resized
 * to `width` × `height` CSS px and cleared; undefined where canvases have no 2D context (jsdom).
 */
export function prepareCanvas(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
): CanvasRenderingContext2D | undefined {
  const ctx = canvas.getContext('2d');
  if (!ctx) return undefined;
  const dpr = typeof window !== 'undefined' && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/** What the metric lane draws. */
export interface MetricScene {
  width: number;
  height: number;
  startMs: number;
  endMs: number;
  /** The y range, and where it sits in the lane. */
  domain: Domain;
  extent: Extent;
  yTicks: readonly number[];
  timeTicks: readonly number[];
  timestamps: ArrayLike<number>;
  values: ArrayLike<number>;
  /** Indices of the points M4 keeps for this width (ascending). */
  kept: readonly number[];
  /** Longest step between two consecutive points that is not a gap in the data, ms. */
  gapMs: number;
  band?: { lower: Float64Array; upper: Float64Array };
  threshold?: number;
  /** The side of the threshold where datapoints breach, tinted. */
  thresholdSide?: 'above' | 'below';
  compareThreshold?: number;
}

/** Draws the metric lane: grid, band, the metric's line, the compared threshold and the threshold. */
export function drawMetricLane(canvas: HTMLCanvasElement, s: MetricScene): void {
  const ctx = prepareCanvas(canvas, s.width, s.height);
  if (!ctx) return;
  const y = (v: number) => valueToY(v, s.domain, s.extent);
  const x = (t: number) => timeToX(t, s.startMs, s.endMs, s.width);

  ctx.lineWidth = 1;
  ctx.strokeStyle = LANE_COLORS.timeGrid;
  ctx.beginPath();
  for (const t of s.timeTicks) {
    const px = Math.round(x(t)) + 0.5;
    ctx.moveTo(px, s.extent.top);
    ctx.lineTo(px, s.extent.top + s.extent.height);
  }
  ctx.stroke();
  ctx.strokeStyle = LANE_COLORS.grid;
  ctx.beginPath();
  for (const v of s.yTicks) {
    const py = Math.round(y(v)) + 0.5;
    ctx.moveTo(0, py);
    ctx.lineTo(s.width, py);
  }
  ctx.stroke();

  if (s.threshold !== undefined && s.thresholdSide && Number.isFinite(s.threshold)) {
    const ty = Math.min(s.extent.top + s.extent.height, Math.max(s.extent.top, y(s.threshold)));
    ctx.fillStyle = LANE_COLORS.breachingSide;
    if (s.thresholdSide === 'above') ctx.fillRect(0, s.extent.top, s.width, ty - s.extent.top);
    else ctx.fillRect(0, ty, s.width, s.extent.top + s.extent.height - ty);
  }

  if (s.band) drawBand(ctx, s.band, y);

  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, s.width, s.height);
  ctx.clip();
  drawLine(ctx, s, x, y);
  ctx.restore();

  if (s.compareThreshold !== undefined && Number.isFinite(s.compareThreshold)) {
    ctx.strokeStyle = LANE_COLORS.compareThreshold;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([6, 4]);
    const py = Math.round(y(s.compareThreshold)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(0, py);
    ctx.lineTo(s.width, py);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (s.threshold !== undefined && Number.isFinite(s.threshold)) {
    ctx.strokeStyle = LANE_COLORS.threshold;
    ctx.lineWidth = 1.5;
    const py = Math.round(y(s.threshold)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(0, py);
    ctx.lineTo(s.width, py);
    ctx.stroke();
  }
}

/** The metric through its kept points; a gap in the data breaks the line, a lone point is a dot. */
function drawLine(
  ctx: CanvasRenderingContext2D,
  s: MetricScene,
  x: (t: number) => number,
  y: (v: number) => number,
): void {
  ctx.strokeStyle = LANE_COLORS.metric;
  ctx.fillStyle = LANE_COLORS.metric;
  ctx.lineWidth = 1.25;
  ctx.lineJoin = 'round';
  ctx.beginPath();
  let runLength = 0;
  let prevT = NaN;
  let prevI = -2;
  const dot = (i: number) => ctx.fillRect(x(s.timestamps[i]) - 1, y(s.values[i]) - 1, 2, 2);
  for (const i of s.kept) {
    const t = s.timestamps[i];
    const px = x(t);
    const py = y(s.values[i]);
    // Consecutive points more than a period apart: datapoints are missing between them.
    const gap = i === prevI + 1 && t - prevT > s.gapMs;
    if (runLength === 0 || gap) {
      if (runLength === 1) dot(prevI);
      ctx.moveTo(px, py);
      runLength = 1;
    } else {
      ctx.lineTo(px, py);
      runLength++;
    }
    prevT = t;
    prevI = i;
  }
  if (runLength === 1) dot(prevI);
  ctx.stroke();
}

/** The band as a filled envelope per column; columns without a band break it. */
function drawBand(
  ctx: CanvasRenderingContext2D,
  band: { lower: Float64Array; upper: Float64Array },
  y: (v: number) => number,
): void {
  ctx.fillStyle = LANE_COLORS.band;
  ctx.globalAlpha = 0.3;
  const n = band.lower.length;
  let c = 0;
  while (c < n) {
    while (c < n && Number.isNaN(band.lower[c])) c++;
    const from = c;
    while (c < n && !Number.isNaN(band.lower[c])) c++;
    if (c === from) continue;
    // Through the columns' middles: out along the upper bound, back along the lower one.
    ctx.beginPath();
    ctx.moveTo(from, y(band.upper[from]));
    for (let k = from; k < c; k++) ctx.lineTo(k + 0.5, y(band.upper[k]));
    ctx.lineTo(c, y(band.upper[c - 1]));
    ctx.lineTo(c, y(band.lower[c - 1]));
    for (let k = c - 1; k >= from; k--) ctx.lineTo(k + 0.5, y(band.lower[k]));
    ctx.lineTo(from, y(band.lower[from]));
    ctx.closePath();
    ctx.fill();
  }
  ctx.globalAlpha = 1;
}

/** Draws one row of classified columns (datapoints or states) at `top`, `rowHeight` tall. */
function drawColumns(
  ctx: CanvasRenderingContext2D,
  columns: Uint8Array,
  fills: Record<number, string>,
  top: number,
  rowHeight: number,
  width: number,
): void {
  ctx.fillStyle = LANE_COLORS.empty;
  ctx.fillRect(0, top, width, rowHeight);
  forEachRun(columns, (from, to, value) => {
    const fill = fills[value];
    if (!fill) return;
    ctx.fillStyle = fill;
    ctx.fillRect(from, top, to - from, rowHeight);
  });
}

/** Draws the datapoints lane: per column breaching (red), not breaching (green), missing (grey). */
export function drawDatapointsLane(
  canvas: HTMLCanvasElement,
  columns: Uint8Array | undefined,
  width: number,
  height: number,
): void {
  const ctx = prepareCanvas(canvas, width, height);
  if (!ctx) return;
  drawColumns(ctx, columns ?? new Uint8Array(0), COLUMN_FILL, 0, height, width);
}

/** Draws the state lane: one row per timeline (OK green, ALARM red, INSUFFICIENT_DATA grey). */
export function drawStateLane(
  canvas: HTMLCanvasElement,
  rows: readonly (Uint8Array | undefined)[],
  width: number,
  rowHeight: number,
  rowGap: number,
): void {
  const height = rows.length * rowHeight + Math.max(0, rows.length - 1) * rowGap;
  const ctx = prepareCanvas(canvas, width, height);
  if (!ctx) return;
  rows.forEach((columns, i) =>
    drawColumns(ctx, columns ?? new Uint8Array(0), STATE_FILL, i * (rowHeight + rowGap), rowHeight, width),
  );
}
