import { GRID_COLUMNS, type GridRect } from './layout.ts';

/** Height of one grid row, px. */
export const GRID_ROW_PX = 44;
/** Space between columns and between rows, px. */
export const GRID_GAP_PX = 12;
/** The grid's width until it is measured (and in tests without layout). */
export const FALLBACK_GRID_WIDTH_PX = 1200;

/** Where a rect is drawn inside the grid, px. */
export interface PixelBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The width of one column of a grid `gridWidthPx` wide. */
export function columnWidthPx(gridWidthPx: number): number {
  return Math.max(1, (gridWidthPx - (GRID_COLUMNS - 1) * GRID_GAP_PX) / GRID_COLUMNS);
}

/** Where `rect` is drawn with columns `columnPx` wide. */
export function rectToPixels(rect: GridRect, columnPx: number): PixelBox {
  return {
    left: Math.round(rect.x * (columnPx + GRID_GAP_PX)),
    top: rect.y * (GRID_ROW_PX + GRID_GAP_PX),
    width: Math.round(rect.width * columnPx + (rect.width - 1) * GRID_GAP_PX),
    height: rect.height * GRID_ROW_PX + (rect.height - 1) * GRID_GAP_PX,
  };
}

/** The cell nearest to a top-left corner at (`leftPx`, `topPx`); may be outside the grid (clamp later). */
export function nearestCell(leftPx: number, topPx: number, columnPx: number): { x: number; y: number } {
  return {
    x: Math.round(leftPx / (columnPx + GRID_GAP_PX)),
    y: Math.round(topPx / (GRID_ROW_PX + GRID_GAP_PX)),
  };
}

/** The span in cells nearest to a box `widthPx` × `heightPx` (at least one cell each way). */
export function nearestSpan(
  widthPx: number,
  heightPx: number,
  columnPx: number,
): { width: number; height: number } {
  return {
    width: Math.max(1, Math.round((widthPx + GRID_GAP_PX) / (columnPx + GRID_GAP_PX))),
    height: Math.max(1, Math.round((heightPx + GRID_GAP_PX) / (GRID_ROW_PX + GRID_GAP_PX))),
  };
}
