/**
 * Browsers cap an element's height (Firefox near 17.9 million px, Chrome near 33.5 million); past
 * this, the spacer stays at this height and scroll positions are scaled to rows.
 */
export const MAX_SCROLL_PX = 15_000_000;

/** Inputs of {@link virtualWindow}. */
export interface VirtualWindowInput {
  /** Rows in the whole selection. */
  total: number;
  rowHeight: number;
  /** The scroll container's scrollTop and visible height, px. */
  scrollTop: number;
  viewportHeight: number;
  /** Extra rows rendered above and below the visible ones. */
  overscan: number;
  maxScrollPx?: number;
}

/** Which rows to render and where. */
export interface VirtualWindow {
  /** The spacer's height, px. */
  spacerHeight: number;
  /** First and one-past-last row index to render. */
  start: number;
  end: number;
  /** Where row `start` goes, px from the top of the spacer. */
  offsetTop: number;
}

/**
 * The rows a fixed-height virtual list renders at a scroll position. Within the browser's height
 * limit each row sits at `index × rowHeight`; beyond it the scroll position maps linearly onto the
 * rows, so the last scroll position shows the last rows.
 */
export function virtualWindow(input: VirtualWindowInput): VirtualWindow {
  const { total, rowHeight, viewportHeight, overscan } = input;
  const max = input.maxScrollPx ?? MAX_SCROLL_PX;
  const fullHeight = total * rowHeight;
  const spacerHeight = Math.min(fullHeight, max);
  const scrollRange = Math.max(0, spacerHeight - viewportHeight);
  const scrollTop = Math.min(Math.max(0, input.scrollTop), scrollRange);
  const virtualRange = Math.max(0, fullHeight - viewportHeight);
  const virtualTop = scrollRange > 0 ? (scrollTop / scrollRange) * virtualRange : 0;
  const first = Math.floor(virtualTop / rowHeight);
  const visible = Math.ceil(viewportHeight / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(total, first + visible + overscan);
  // Row i sits at i*rowHeight - virtualTop on screen; the spacer has scrolled by scrollTop.
  const offsetTop = scrollTop + start * rowHeight - virtualTop;
  return { spacerHeight, start, end: Math.max(start, end), offsetTop };
}

/** The blocks of `blockSize` rows that hold rows [start, end). */
export function blocksFor(start: number, end: number, blockSize: number): number[] {
  if (end <= start) return [];
  const out: number[] = [];
  for (let b = Math.floor(start / blockSize); b * blockSize < end; b++) out.push(b);
  return out;
}
