import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent as ReactPointerEvent, ReactNode } from 'react';
import { useElementWidth } from '../use-element-width.ts';
import {
  FALLBACK_GRID_WIDTH_PX,
  GRID_GAP_PX,
  GRID_ROW_PX,
  type PixelBox,
  columnWidthPx,
  nearestCell,
  nearestSpan,
  rectToPixels,
} from './grid-geometry.ts';
import { type GestureKind, GridItem, type ItemSize } from './grid-item.tsx';
import { type GridRect, layoutBottom, moveRect, resizeRect, sameLayout } from './layout.ts';

export { GRID_GAP_PX, GRID_ROW_PX } from './grid-geometry.ts';
export { GRID_COLUMNS } from './layout.ts';
export type { GestureKind, ItemSize } from './grid-item.tsx';

/** Which item an edit changed, and how. */
export interface LayoutChange {
  kind: GestureKind;
  index: number;
  /** A pointer gesture, or one arrow key press (a run of presses may count as one edit). */
  via: 'pointer' | 'keyboard';
}

/** Below this width (px) the grid stacks its widgets one per row. */
export const NARROW_GRID_PX = 640;

/** Full-width boxes, one per row, in reading order (top to bottom, then left to right). */
export function stackedBoxes(
  layout: readonly GridRect[],
  widthPx: number,
): { boxes: PixelBox[]; height: number } {
  const order = layout
    .map((_, i) => i)
    .sort((a, b) => layout[a].y - layout[b].y || layout[a].x - layout[b].x);
  const boxes: PixelBox[] = [];
  let top = 0;
  for (const i of order) {
    const height = layout[i].height * (GRID_ROW_PX + GRID_GAP_PX) - GRID_GAP_PX;
    boxes[i] = { left: 0, top, width: widthPx, height };
    top += height + GRID_GAP_PX;
  }
  return { boxes, height: Math.max(0, top - GRID_GAP_PX) };
}

/** Props of {@link DashboardGrid}. */
export interface DashboardGridProps {
  /** Each item's cell rect (see resolveLayout), in item order. */
  layout: readonly GridRect[];
  /** A stable key per item, in the same order. */
  itemKeys: readonly string[];
  /** Shows move and resize handles and lets items be dragged. */
  editing: boolean;
  /** Called once per finished gesture (a drop, an arrow key) with the whole new layout. */
  onLayoutChange: (layout: GridRect[], change: LayoutChange) => void;
  /** Draws item `index` at this size. Keep it stable (useCallback): a new function redraws every item. */
  renderItem: (index: number, size: ItemSize) => ReactNode;
  /** The item's name for the handles' labels ("Move <label>") and announcements. */
  itemLabel: (index: number) => string;
}

/** A pointer drag under way (mutable: it changes every frame without rendering). */
interface Gesture {
  index: number;
  kind: GestureKind;
  pointerId: number;
  /** The layout when the drag began; the preview is always computed from it. */
  base: readonly GridRect[];
  columnPx: number;
  /** The item's box when the drag began. */
  origin: PixelBox;
  startX: number;
  startY: number;
  startScrollY: number;
  clientX: number;
  clientY: number;
  /** Past the few pixels that still count as a click. */
  started: boolean;
  frame?: number;
  preview: GridRect[];
  element?: HTMLElement;
  /** Renders the drag's preview. */
  show: (view: DragView) => void;
  detach: () => void;
}

/** A drag's shown state: React renders only when the snapped cell changes. */
interface DragView {
  index: number;
  kind: GestureKind;
  preview: GridRect[];
}

const CLICK_SLOP_PX = 4;
const AUTOSCROLL_EDGE_PX = 48;
const AUTOSCROLL_STEP_PX = 14;

const ARROWS: Record<string, [number, number] | undefined> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

function describe(kind: GestureKind, label: string, rect: GridRect, pushed: number): string {
  const where =
    kind === 'move'
      ? `Moved ${label} to column ${rect.x + 1}, row ${rect.y + 1}`
      : `Resized ${label} to ${rect.width} columns by ${rect.height} rows`;
  return pushed === 0
    ? `${where}.`
    : `${where}; ${pushed} ${pushed === 1 ? 'widget' : 'widgets'} moved down.`;
}

function countPushed(before: readonly GridRect[], after: readonly GridRect[], index: number): number {
  return after.filter((r, i) => i !== index && r.y !== before[i].y).length;
}

/**
 * One animation frame of a drag: moves or sizes the element directly, and shows a new preview only
 * when the snapped cell changed.
 */
function followPointer(g: Gesture): void {
  g.frame = undefined;
  const dx = g.clientX - g.startX;
  const dy = g.clientY - g.startY + (window.scrollY - g.startScrollY);
  let preview: GridRect[];
  if (g.kind === 'move') {
    if (g.element) g.element.style.transform = `translate(${dx}px, ${dy}px)`;
    const cell = nearestCell(g.origin.left + dx, g.origin.top + dy, g.columnPx);
    preview = moveRect(g.base, g.index, cell.x, cell.y);
  } else {
    const widthPx = Math.max(g.columnPx, g.origin.width + dx);
    const heightPx = Math.max(GRID_GAP_PX, g.origin.height + dy);
    if (g.element) {
      g.element.style.width = `${widthPx}px`;
      g.element.style.height = `${heightPx}px`;
    }
    const span = nearestSpan(widthPx, heightPx, g.columnPx);
    preview = resizeRect(g.base, g.index, span.width, span.height);
  }
  if (!sameLayout(preview, g.preview)) {
    g.preview = preview;
    g.show({ index: g.index, kind: g.kind, preview });
  }
  // Near the window's top or bottom edge the page scrolls, and the drag goes on with it.
  const scrollBy =
    g.clientY > window.innerHeight - AUTOSCROLL_EDGE_PX
      ? AUTOSCROLL_STEP_PX
      : g.clientY < AUTOSCROLL_EDGE_PX && window.scrollY > 0
        ? -AUTOSCROLL_STEP_PX
        : 0;
  if (scrollBy !== 0 && typeof window.scrollBy === 'function') {
    window.scrollBy(0, scrollBy);
    g.frame = requestAnimationFrame(() => followPointer(g));
  }
}

/**
 * Widgets on CloudWatch's 24-column grid. While `editing`, each item gets a move handle and a
 * resize handle: drag them (the item follows the pointer, a placeholder shows the cell it will snap
 * to and the others show where they will be pushed; Escape cancels) or focus them and use the arrow
 * keys. Each finished gesture calls `onLayoutChange` once.
 *
 * A drag frame renders nothing in React unless the snapped cell changed, and even then items
 * redraw their widget only when their size changes.
 */
export function DashboardGrid({
  layout,
  itemKeys,
  editing,
  onLayoutChange,
  renderItem,
  itemLabel,
}: DashboardGridProps) {
  const [gridRef, measuredWidth] = useElementWidth<HTMLDivElement>();
  const columnPx = columnWidthPx(measuredWidth || FALLBACK_GRID_WIDTH_PX);
  const [drag, setDrag] = useState<DragView>();
  const [announcement, setAnnouncement] = useState('');

  // The latest props for the stable callbacks the memoized items hold.
  const latest = useRef({ layout, onLayoutChange, itemLabel, columnPx });
  useEffect(() => {
    latest.current = { layout, onLayoutChange, itemLabel, columnPx };
  });
  const elements = useRef(new Map<number, HTMLElement>());
  const gesture = useRef<Gesture>(undefined);

  const registerElement = useCallback((index: number, element: HTMLElement | undefined) => {
    if (element) elements.current.set(index, element);
    else elements.current.delete(index);
  }, []);

  /** Puts the dragged element back where React drew it and forgets the drag. */
  const endGesture = useCallback(() => {
    const g = gesture.current;
    if (!g) return;
    gesture.current = undefined;
    g.detach();
    if (g.frame !== undefined) cancelAnimationFrame(g.frame);
    const element = g.element;
    if (element) {
      // Back to where React drew it, at once: no transition from the pointer back to the origin.
      element.style.transition = 'none';
      element.style.transform = '';
      element.style.width = `${g.origin.width}px`;
      element.style.height = `${g.origin.height}px`;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          element.style.transition = '';
        }),
      );
    }
    setDrag(undefined);
  }, []);

  const onHandlePointerDown = useCallback(
    (event: ReactPointerEvent<HTMLButtonElement>, index: number, kind: GestureKind) => {
      if (event.button !== 0 || gesture.current) return;
      event.preventDefault();
      const { layout: base, columnPx: colPx } = latest.current;
      const rect = base[index];
      if (!rect) return;
      const handle = event.currentTarget;
      const pointerId = event.pointerId;
      const onMove = (e: PointerEvent) => {
        const g = gesture.current;
        if (!g || e.pointerId !== g.pointerId) return;
        g.clientX = e.clientX;
        g.clientY = e.clientY;
        if (!g.started) {
          if (Math.hypot(e.clientX - g.startX, e.clientY - g.startY) < CLICK_SLOP_PX) return;
          g.started = true;
          setDrag({ index, kind, preview: g.preview });
        }
        if (g.frame === undefined) g.frame = requestAnimationFrame(() => followPointer(g));
      };
      const onUp = (e: PointerEvent) => {
        const g = gesture.current;
        if (!g || e.pointerId !== g.pointerId) return;
        if (e.type === 'pointercancel' || !g.started) {
          endGesture();
          return;
        }
        g.clientX = e.clientX;
        g.clientY = e.clientY;
        if (g.frame !== undefined) cancelAnimationFrame(g.frame);
        followPointer(g); // the drop lands where the pointer is, whether or not a frame has run since
        const next = g.preview;
        endGesture();
        if (!sameLayout(next, g.base)) {
          latest.current.onLayoutChange(next, { kind, index, via: 'pointer' });
          setAnnouncement(
            describe(kind, latest.current.itemLabel(index), next[index], countPushed(g.base, next, index)),
          );
        }
      };
      const onKey = (e: globalThis.KeyboardEvent) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        const started = gesture.current?.started;
        endGesture();
        if (started) setAnnouncement(kind === 'move' ? 'Move cancelled.' : 'Resize cancelled.');
      };
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
      window.addEventListener('pointercancel', onUp);
      window.addEventListener('keydown', onKey, true);
      try {
        handle.setPointerCapture?.(pointerId);
      } catch {
        // No capture (a synthetic pointer): the window listeners still see every move.
      }
      const element = elements.current.get(index);
      gesture.current = {
        index,
        kind,
        pointerId,
        base,
        columnPx: colPx,
        origin: rectToPixels(rect, colPx),
        startX: event.clientX,
        startY: event.clientY,
        startScrollY: window.scrollY,
        clientX: event.clientX,
        clientY: event.clientY,
        started: false,
        preview: base.slice(),
        element,
        show: setDrag,
        detach: () => {
          window.removeEventListener('pointermove', onMove);
          window.removeEventListener('pointerup', onUp);
          window.removeEventListener('pointercancel', onUp);
          window.removeEventListener('keydown', onKey, true);
          if (handle.hasPointerCapture?.(pointerId)) handle.releasePointerCapture(pointerId);
        },
      };
    },
    [endGesture],
  );

  const onHandleKeyDown = useCallback(
    (event: KeyboardEvent<HTMLButtonElement>, index: number, kind: GestureKind) => {
      const arrow = ARROWS[event.key];
      if (!arrow || event.altKey || event.ctrlKey || event.metaKey || gesture.current) return;
      event.preventDefault();
      const { layout: base, onLayoutChange: notify, itemLabel: label } = latest.current;
      const rect = base[index];
      if (!rect) return;
      const [dx, dy] = arrow;
      const next =
        kind === 'move'
          ? moveRect(base, index, rect.x + dx, rect.y + dy)
          : resizeRect(base, index, rect.width + dx, rect.height + dy);
      if (sameLayout(next, base)) {
        setAnnouncement(
          kind === 'move'
            ? `${label(index)} cannot move further that way.`
            : `${label(index)} cannot change size that way.`,
        );
        return;
      }
      notify(next, { kind, index, via: 'keyboard' });
      setAnnouncement(describe(kind, label(index), next[index], countPushed(base, next, index)));
    },
    [],
  );

  // A drag does not outlive the grid, a change of mode, or a widget added or removed under it.
  useEffect(() => endGesture, [editing, layout.length, endGesture]);

  // A drag whose layout no longer matches (a widget came or went) is shown no more; it ends after this render.
  const live = drag && drag.preview.length === layout.length ? drag : undefined;
  const shown = live?.preview ?? layout;
  const placeholder = live ? rectToPixels(live.preview[live.index], columnPx) : undefined;
  const rows = Math.max(layoutBottom(shown), live ? layoutBottom(layout) + layout[live.index].height : 0);
  // On a narrow screen (a phone) the widgets stack one per row at full width, top to bottom and left
  // to right, as CloudWatch's console does; moving and resizing wait for a wider window.
  const stacked =
    measuredWidth > 0 && measuredWidth < NARROW_GRID_PX ? stackedBoxes(layout, measuredWidth) : undefined;
  const canEdit = editing && !stacked;
  return (
    <>
      {editing && stacked && (
        <p className="mb-2 text-xs text-slate-500">Moving and resizing widgets needs a wider window.</p>
      )}
      <div
        ref={gridRef}
        className="relative"
        style={{
          height: stacked ? stacked.height : Math.max(0, rows * (GRID_ROW_PX + GRID_GAP_PX) - GRID_GAP_PX),
        }}
        data-testid="dashboard-grid"
        data-editing={canEdit || undefined}
        data-stacked={stacked ? true : undefined}
      >
        {placeholder && (
          <div
            aria-hidden="true"
            data-testid="grid-placeholder"
            className="absolute rounded-md border-2 border-dashed border-blue-400 bg-blue-50/60"
            style={{
              left: placeholder.left,
              top: placeholder.top,
              width: placeholder.width,
              height: placeholder.height,
            }}
          />
        )}
        {layout.map((committed, i) => {
          const dragged = live?.index === i;
          // The dragged item stays drawn where it was (the pointer moves it by transform); the others
          // are drawn where the preview pushes them.
          const rect = shown[i] ?? committed;
          const box = stacked?.boxes[i] ?? rectToPixels(dragged ? committed : rect, columnPx);
          return (
            <GridItem
              key={itemKeys[i] ?? i}
              index={i}
              x={rect.x}
              y={rect.y}
              width={rect.width}
              height={rect.height}
              leftPx={box.left}
              topPx={box.top}
              widthPx={box.width}
              heightPx={box.height}
              label={itemLabel(i)}
              editing={canEdit}
              dragging={dragged}
              renderItem={renderItem}
              onHandlePointerDown={onHandlePointerDown}
              onHandleKeyDown={onHandleKeyDown}
              registerElement={registerElement}
            />
          );
        })}
        <div aria-live="polite" role="status" className="sr-only">
          {announcement}
        </div>
      </div>
    </>
  );
}
