import { memo, useCallback } from 'react';
import type { KeyboardEvent, PointerEvent, ReactNode } from 'react';

/** A widget's drawing size, px, as the grid gives it to `renderItem`. */
export interface ItemSize {
  widthPx: number;
  heightPx: number;
}

/** What a handle does: move the item or resize it. */
export type GestureKind = 'move' | 'resize';

/** Props of {@link GridItem}; numbers only (no objects), so memo's shallow compare holds between frames. */
export interface GridItemProps {
  index: number;
  /** The item's cell rect as shown (a drag's preview included). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where it is drawn, px. */
  leftPx: number;
  topPx: number;
  widthPx: number;
  heightPx: number;
  label: string;
  editing: boolean;
  /** This item is the one being dragged: no transition, drawn above the others. */
  dragging: boolean;
  renderItem: (index: number, size: ItemSize) => ReactNode;
  onHandlePointerDown: (event: PointerEvent<HTMLButtonElement>, index: number, kind: GestureKind) => void;
  onHandleKeyDown: (event: KeyboardEvent<HTMLButtonElement>, index: number, kind: GestureKind) => void;
  /** Receives the item's element (and undefined when it goes), so a drag can move it without React. */
  registerElement: (index: number, element: HTMLElement | undefined) => void;
}

interface ItemContentProps {
  index: number;
  widthPx: number;
  heightPx: number;
  renderItem: (index: number, size: ItemSize) => ReactNode;
}

/**
 * The widget itself. Memoized on its size alone, so an item that only moves (a drag's preview
 * pushing it down) does not draw its widget again.
 */
const ItemContent = memo(function ItemContent({ index, widthPx, heightPx, renderItem }: ItemContentProps) {
  return renderItem(index, { widthPx, heightPx });
});

const HANDLE =
  'absolute z-10 flex touch-none items-center justify-center rounded border border-slate-300 bg-white/90 ' +
  'text-slate-500 shadow-sm hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 ' +
  'focus-visible:outline-offset-1 focus-visible:outline-blue-600';

/** One widget on the grid, absolutely placed, with its move and resize handles while editing. */
export const GridItem = memo(function GridItem(props: GridItemProps) {
  const { index, editing, dragging, label, onHandlePointerDown, onHandleKeyDown, registerElement } = props;
  const ref = useCallback(
    (element: HTMLDivElement | null) => {
      registerElement(index, element ?? undefined);
      return () => registerElement(index, undefined);
    },
    [index, registerElement],
  );
  return (
    <div
      ref={ref}
      data-testid="grid-item"
      data-x={props.x}
      data-y={props.y}
      data-width={props.width}
      data-height={props.height}
      className={
        'absolute ' +
        (dragging
          ? 'z-20 opacity-90 shadow-lg will-change-transform'
          : editing
            ? 'transition-[left,top] duration-150 ease-out motion-reduce:transition-none'
            : '')
      }
      style={{ left: props.leftPx, top: props.topPx, width: props.widthPx, height: props.heightPx }}
    >
      <div className={'h-full w-full ' + (editing ? 'rounded-md ring-blue-300 hover:ring-2' : '')}>
        <ItemContent
          index={index}
          widthPx={props.widthPx}
          heightPx={props.heightPx}
          renderItem={props.renderItem}
        />
      </div>
      {editing && (
        <>
          <button
            type="button"
            aria-label={`Move ${label}`}
            title="Drag to move, or use the arrow keys"
            className={HANDLE + ' bottom-1 left-1 h-4 w-10 cursor-grab text-[10px] leading-none'}
            onPointerDown={(e) => onHandlePointerDown(e, index, 'move')}
            onKeyDown={(e) => onHandleKeyDown(e, index, 'move')}
          >
            <span aria-hidden="true">⋮⋮⋮</span>
          </button>
          <button
            type="button"
            aria-label={`Resize ${label}`}
            title="Drag to resize, or use the arrow keys"
            className={HANDLE + ' right-0.5 bottom-0.5 h-5 w-5 cursor-se-resize text-xs'}
            onPointerDown={(e) => onHandlePointerDown(e, index, 'resize')}
            onKeyDown={(e) => onHandleKeyDown(e, index, 'resize')}
          >
            <span aria-hidden="true">◢</span>
          </button>
        </>
      )}
    </div>
  );
});
