import { memo, useEffect, useRef, useState } from 'react';
import { COLUMNS, type Column, type ColumnId } from '../model/columns.ts';
import type { EventSummary } from '../model/trail-types.ts';
import { virtualWindow } from '../model/virtual-window.ts';

/** Row height, px: fixed, so a row's position is arithmetic. */
export const ROW_HEIGHT = 28;
const OVERSCAN = 8;

/** Props of {@link EventTable}. */
export interface EventTableProps {
  /** Rows in the whole selection. */
  total: number;
  /** The row at an index, or undefined while its block loads. */
  rowAt: (index: number) => EventSummary | undefined;
  /** The visible columns, in order. */
  columns: readonly ColumnId[];
  /** Called when the rendered rows change, with [start, end) (to fetch their blocks). */
  onWindow: (start: number, end: number) => void;
  /** Opens an event's detail. */
  onOpen: (eventId: string) => void;
  /** The event whose detail is open, highlighted. */
  selectedId?: string;
  /** The table's accessible name. */
  label: string;
}

function remOf(width: string): number {
  const m = /([\d.]+)rem/.exec(width);
  return m ? Number(m[1]) : 8;
}

interface RowProps {
  event: EventSummary | undefined;
  index: number;
  columns: Column[];
  template: string;
  selected: boolean;
  onOpen: (eventId: string) => void;
}

// Memoized: while scrolling only rows entering the window render.
const Row = memo(function Row({ event, index, columns, template, selected, onOpen }: RowProps) {
  if (!event) {
    return (
      <div
        role="row"
        aria-rowindex={index + 2}
        className="grid items-center border-b border-slate-100 px-2 text-sm text-slate-300"
        style={{ gridTemplateColumns: template, height: ROW_HEIGHT }}
      >
        <div role="cell">…</div>
      </div>
    );
  }
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={0}
      data-testid="event-row"
      data-event-id={event.eventId}
      onClick={() => onOpen(event.eventId)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onOpen(event.eventId);
      }}
      className={`grid cursor-pointer items-center gap-x-2 border-b border-slate-100 px-2 text-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-500 ${selected ? 'bg-blue-50' : 'hover:bg-slate-50'}`}
      style={{ gridTemplateColumns: template, height: ROW_HEIGHT }}
    >
      {columns.map((c) => {
        const text = c.text(event);
        return (
          <div
            key={c.id}
            role="cell"
            title={text}
            className={`truncate ${c.id === 'eventTime' ? 'font-mono text-xs text-slate-600 tabular-nums' : ''} ${c.id === 'errorCode' && text ? 'text-red-700' : ''} ${c.id === 'eventName' ? 'font-medium text-slate-900' : 'text-slate-700'}`}
          >
            {text}
          </div>
        );
      })}
    </div>
  );
});

/**
 * The events, newest first, virtualized: fixed-height rows, only those in view (plus a few) in the
 * DOM, a spacer for the full height. Scrolling re-renders at most once per animation frame.
 */
export function EventTable({ total, rowAt, columns, onWindow, onOpen, selectedId, label }: EventTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(600);
  const frame = useRef<number | undefined>(undefined);
  const lastWindow = useRef('');

  const cols = columns.map((id) => COLUMNS[id]);
  const template = cols.map((c) => c.width).join(' ');
  const minWidthRem = cols.reduce((s, c) => s + remOf(c.width) + 0.5, 1);
  const headerHeight = ROW_HEIGHT + 4;
  const win = virtualWindow({
    total,
    rowHeight: ROW_HEIGHT,
    scrollTop,
    viewportHeight: Math.max(0, viewportHeight - headerHeight),
    overscan: OVERSCAN,
  });

  useEffect(() => {
    const el = scrollRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const h = entries[entries.length - 1]?.contentRect.height;
      if (h) setViewportHeight(h);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Tell the parent which rows are rendered, so it fetches their blocks.
  useEffect(() => {
    const key = `${win.start}:${win.end}`;
    if (key === lastWindow.current) return;
    lastWindow.current = key;
    onWindow(win.start, win.end);
  }, [win.start, win.end, onWindow]);

  useEffect(() => () => cancelAnimationFrame(frame.current ?? 0), []);

  const onScroll = () => {
    if (frame.current !== undefined) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = undefined;
      setScrollTop(scrollRef.current?.scrollTop ?? 0);
    });
  };

  const rows = [];
  for (let i = win.start; i < win.end; i++) {
    const event = rowAt(i);
    rows.push(
      <Row
        key={event?.eventId ?? `loading-${i}`}
        event={event}
        index={i}
        columns={cols}
        template={template}
        selected={event !== undefined && event.eventId === selectedId}
        onOpen={onOpen}
      />,
    );
  }

  return (
    <div
      ref={scrollRef}
      onScroll={onScroll}
      role="table"
      aria-label={label}
      aria-rowcount={total + 1}
      data-testid="event-table"
      className="relative min-h-0 flex-1 overflow-auto rounded border border-slate-200 bg-white"
    >
      <div style={{ minWidth: `${minWidthRem}rem` }}>
        <div role="rowgroup" className="sticky top-0 z-10">
          <div
            role="row"
            aria-rowindex={1}
            className="grid items-center gap-x-2 border-b border-slate-300 bg-slate-50 px-2 text-xs font-semibold text-slate-600"
            style={{ gridTemplateColumns: template, height: headerHeight }}
          >
            {cols.map((c) => (
              <div key={c.id} role="columnheader" className="truncate">
                {c.label}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" style={{ height: win.spacerHeight, position: 'relative' }}>
          <div
            style={{
              position: 'absolute',
              left: 0,
              right: 0,
              top: 0,
              transform: `translateY(${win.offsetTop}px)`,
            }}
          >
            {rows}
          </div>
        </div>
      </div>
    </div>
  );
}
