import { describe, expect, it } from 'vitest';
import {
  GRID_GAP_PX,
  GRID_ROW_PX,
  columnWidthPx,
  nearestCell,
  nearestSpan,
  rectToPixels,
} from './grid-geometry';

// 1200 px: 24 columns of 38.5 px with 23 gaps of 12 px.
const COLUMN = columnWidthPx(1200);

describe('grid geometry', () => {
  it('splits the width into 24 columns and 23 gaps', () => {
    expect(COLUMN).toBe(38.5);
    expect(rectToPixels({ x: 0, y: 0, width: 24, height: 1 }, COLUMN)).toEqual({
      left: 0,
      top: 0,
      width: 1200,
      height: GRID_ROW_PX,
    });
  });

  it.each([
    // rect, box
    [
      { x: 6, y: 2, width: 6, height: 6 },
      { left: 303, top: 112, width: 291, height: 324 },
    ],
    [
      { x: 23, y: 0, width: 1, height: 2 },
      { left: 1162, top: 0, width: 39, height: 100 },
    ],
  ])('%j is drawn at %j', (rect, box) => {
    expect(rectToPixels(rect, COLUMN)).toEqual(box);
  });

  it.each([
    // left, top, cell
    [0, 0, { x: 0, y: 0 }],
    [303, 112, { x: 6, y: 2 }],
    [303 + 25, 112 + 27, { x: 6, y: 2 }],
    [303 + 26, 112 + 29, { x: 7, y: 3 }],
    [-40, -40, { x: -1, y: -1 }],
  ])('a corner at (%s, %s) snaps to %j', (left, top, cell) => {
    expect(nearestCell(left, top, COLUMN)).toEqual(cell);
  });

  it('a drawn box spans back to its cells, and never less than one', () => {
    const box = rectToPixels({ x: 0, y: 0, width: 7, height: 5 }, COLUMN);
    expect(nearestSpan(box.width, box.height, COLUMN)).toEqual({ width: 7, height: 5 });
    expect(nearestSpan(box.width + COLUMN / 3, box.height - GRID_GAP_PX, COLUMN)).toEqual({
      width: 7,
      height: 5,
    });
    expect(nearestSpan(2, 2, COLUMN)).toEqual({ width: 1, height: 1 });
  });
});
