/**
 * The layout model of CloudWatch's dashboard grid: 24 columns, rows of one height, each widget a
 * rectangle of whole cells (`x`, `y`, `width`, `height` in the dashboard body).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 *
 * Pure functions, no React. Reading a body ({@link resolveLayout}) never rearranges what the body
 * says: explicit positions stay where they are, even when two of them overlap (CloudWatch draws
 * them overlapping too). Only edits ({@link moveRect}, {@link resizeRect}) push other widgets, and
 * only down, and only the ones the edit runs into.
 */

/** Columns of the grid. */
export const GRID_COLUMNS = 24;
/** Size a widget gets when the body leaves it out (CloudWatch's and the CDK's default). */
export const DEFAULT_WIDTH = 6;
export const DEFAULT_HEIGHT = 6;

/** A widget's place on the grid, in cells. */
export interface GridRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a body says about a widget's place; any of it may be missing or out of range. */
export interface WidgetPosition {
  x?: unknown;
  y?: unknown;
  width?: unknown;
  height?: unknown;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/** Whether two rects share at least one cell. */
export function collides(a: GridRect, b: GridRect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The pairs of indexes whose rects overlap, each pair once (lower index first). */
export function overlaps(layout: readonly GridRect[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < layout.length; i++) {
    for (let j = i + 1; j < layout.length; j++) {
      if (collides(layout[i], layout[j])) pairs.push([i, j]);
    }
  }
  return pairs;
}

/** The first row below every rect (0 for an empty layout). */
export function layoutBottom(layout: readonly GridRect[]): number {
  return layout.reduce((bottom, r) => Math.max(bottom, r.y + r.height), 0);
}

/** A size in whole cells that fits the grid: width 1–24, height at least 1. */
function fitSize(width: unknown, height: unknown): { width: number; height: number } {
  return {
    width: clamp(Math.round(isNumber(width) ? width : DEFAULT_WIDTH), 1, GRID_COLUMNS),
    height: Math.max(1, Math.round(isNumber(height) ? height : DEFAULT_HEIGHT)),
  };
}

/** `rect` with x and y made whole cells inside the grid (x moves left when the widget would stick out). */
function clampRect(rect: GridRect): GridRect {
  const { width, height } = fitSize(rect.width, rect.height);
  return {
    x: clamp(Math.round(rect.x), 0, GRID_COLUMNS - width),
    y: Math.max(0, Math.round(rect.y)),
    width,
    height,
  };
}

/**
 * The first free place for a `width` × `height` rect, scanning rows top to bottom and each row left
 * to right, starting at row `fromY` (and in that row at column `fromX`).
 */
function firstFree(
  layout: readonly GridRect[],
  width: number,
  height: number,
  fromY = 0,
  fromX = 0,
): { x: number; y: number } {
  // Every row from `last` down is empty, so the scan ends there at the latest.
  const last = Math.max(layoutBottom(layout), fromY);
  for (let y = fromY; y <= last; y++) {
    for (let x = y === fromY ? fromX : 0; x + width <= GRID_COLUMNS; x++) {
      const candidate = { x, y, width, height };
      if (!layout.some((r) => collides(r, candidate))) return { x, y };
    }
  }
  return { x: 0, y: last + 1 };
}

/**
 * Where each widget of a body sits. Width defaults to 6 and height to 6; sizes and positions are
 * rounded to whole cells and kept inside the 24 columns (a widget sticking out on the right moves
 * left). Widgets with both `x` and `y` stay exactly there, overlapping or not. The others take the
 * next free place after the previous flowed one, left to right, top to bottom, around the placed
 * ones (CloudWatch: "the default is the next available position"). Idempotent.
 */
export function resolveLayout(widgets: readonly WidgetPosition[]): GridRect[] {
  const layout: (GridRect | undefined)[] = widgets.map((w) =>
    isNumber(w.x) && isNumber(w.y) ? clampRect({ x: w.x, y: w.y, ...fitSize(w.width, w.height) }) : undefined,
  );
  const placed = layout.filter((r): r is GridRect => r !== undefined);
  let cursor = { x: 0, y: 0 };
  widgets.forEach((w, i) => {
    if (layout[i]) return;
    const { width, height } = fitSize(w.width, w.height);
    const spot = firstFree(placed, width, height, cursor.y, cursor.x);
    const rect = { ...spot, width, height };
    layout[i] = rect;
    placed.push(rect);
    cursor = { x: rect.x + width, y: rect.y };
  });
  return layout as GridRect[];
}

/**
 * `layout` with the rect at `index` replaced by `target`, and every rect it runs into pushed down
 * just far enough, and every rect those run into, and so on. A rect moves only when a moved rect
 * lands on it, and only down; overlaps that were there before the edit (an imported body's) are
 * left alone.
 */
function pushDown(layout: readonly GridRect[], index: number, target: GridRect): GridRect[] {
  const result = layout.slice();
  result[index] = target;
  const moved = new Set<number>([index]);
  // Top to bottom, so a rect is settled before the ones under it are looked at.
  const order = layout
    .map((_, i) => i)
    .filter((i) => i !== index)
    .sort((a, b) => layout[a].y - layout[b].y || layout[a].x - layout[b].x || a - b);
  for (const i of order) {
    const original = layout[i];
    // Only moved rects push. A rect that did not move and is settled before this one starts no
    // lower, so this one, moving down, cannot land on it unless it overlapped it already.
    let rect = original;
    for (;;) {
      const hit = [...moved].filter((j) => collides(rect, result[j]));
      if (hit.length === 0) break;
      rect = { ...rect, y: Math.max(...hit.map((j) => result[j].y + result[j].height)) };
    }
    if (rect !== original) {
      result[i] = rect;
      moved.add(i);
    }
  }
  return result;
}

/**
 * Moves the rect at `index` to column `x`, row `y` (clamped into the grid) and pushes whatever it
 * lands on down. Returns a new layout; the given one is not changed.
 */
export function moveRect(layout: readonly GridRect[], index: number, x: number, y: number): GridRect[] {
  const rect = layout[index];
  return pushDown(layout, index, clampRect({ ...rect, x, y }));
}

/**
 * Resizes the rect at `index` to `width` × `height` (at least one cell, no wider than the columns
 * right of its x) and pushes whatever it now covers down.
 */
export function resizeRect(
  layout: readonly GridRect[],
  index: number,
  width: number,
  height: number,
): GridRect[] {
  const rect = layout[index];
  const target = {
    ...rect,
    width: clamp(Math.round(width), 1, GRID_COLUMNS - rect.x),
    height: Math.max(1, Math.round(height)),
  };
  return pushDown(layout, index, target);
}

/** The first free place for a new `width` × `height` widget: top to bottom, left to right. */
export function placeNew(
  layout: readonly GridRect[],
  width: number,
  height: number,
): { x: number; y: number } {
  const size = fitSize(width, height);
  return firstFree(layout, size.width, size.height);
}

/**
 * `layout` with every rect floated up as far as it goes without overlapping the ones above it
 * (rows keep their order; nothing moves sideways). For an explicit "tidy up": reading and editing
 * never compact on their own.
 */
export function compactLayout(layout: readonly GridRect[]): GridRect[] {
  const result = layout.slice();
  const order = layout
    .map((_, i) => i)
    .sort((a, b) => layout[a].y - layout[b].y || layout[a].x - layout[b].x || a - b);
  const done: GridRect[] = [];
  for (const i of order) {
    let rect = { ...layout[i] };
    // Below whatever it overlaps first (an imported body's overlaps), then up as far as it goes.
    for (
      let hit = done.filter((r) => collides(r, rect));
      hit.length > 0;
      hit = done.filter((r) => collides(r, rect))
    ) {
      rect = { ...rect, y: Math.max(...hit.map((r) => r.y + r.height)) };
    }
    while (rect.y > 0 && !done.some((r) => collides(r, { ...rect, y: rect.y - 1 }))) {
      rect = { ...rect, y: rect.y - 1 };
    }
    result[i] = rect;
    done.push(rect);
  }
  return result;
}

/** Whether two layouts put every rect in the same place. */
export function sameLayout(a: readonly GridRect[], b: readonly GridRect[]): boolean {
  return (
    a.length === b.length &&
    a.every((r, i) => r.x === b[i].x && r.y === b[i].y && r.width === b[i].width && r.height === b[i].height)
  );
}

/**
 * Writes an edit's layout back into the widgets: a widget whose rect changed is copied with the new
 * `x`, `y`, `width` and `height` (every other key kept); the others are returned as they are, so an
 * edit leaves the body's untouched widgets exactly as they were written (no x/y added to flowed ones).
 */
export function applyLayout<W extends WidgetPosition>(
  widgets: readonly W[],
  before: readonly GridRect[],
  after: readonly GridRect[],
): W[] {
  return widgets.map((w, i) => {
    const a = after[i];
    const b = before[i];
    if (!a || (b && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height)) return w;
    return { ...w, x: a.x, y: a.y, width: a.width, height: a.height };
  });
}
