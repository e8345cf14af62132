import { type ReactNode, useCallback, useEffect, useMemo, useRef } from 'react';
import { DashboardGrid, type LayoutChange } from '../../../components/dashboard-grid/dashboard-grid.tsx';
import { type GridRect, resolveLayout } from '../../../components/dashboard-grid/layout.ts';
import { DASHBOARD_READY_MARK, mark } from '../../../lib/perf-marks.ts';
import type { DashboardBody } from '../model/dashboard-body.ts';
import { WidgetView, widgetName } from './widgets/widget-view.tsx';

/** Props of {@link DashboardView}. */
export interface DashboardViewProps {
  /** The body to draw, variables already applied. */
  body: DashboardBody;
  startMs: number;
  endMs: number;
  nowMs: number;
  onZoom: (startMs: number, endMs: number) => void;
  /** Move and resize handles on every widget. */
  editing?: boolean;
  /** A move or resize ended: the whole new layout, in widget order. */
  onLayoutChange?: (layout: GridRect[], change: LayoutChange) => void;
  /** Buttons for a widget's title bar. */
  actions?: (index: number) => ReactNode;
}

/**
 * Draws a dashboard body on CloudWatch's 24-column grid and marks when every widget in view has drawn
 * the range (widgets out of view query only once scrolled to, so they do not hold the mark back).
 */
export function DashboardView({
  body,
  startMs,
  endMs,
  nowMs,
  onZoom,
  editing = false,
  onLayoutChange,
  actions,
}: DashboardViewProps) {
  const layout = useMemo(() => resolveLayout(body.widgets), [body.widgets]);
  const keys = useMemo(() => body.widgets.map((_, i) => String(i)), [body.widgets]);
  const count = body.widgets.length;
  const rangeKey = `${startMs}:${endMs}`;

  // Readiness: every widget said whether it is in view, and every one in view drew this range.
  const state = useRef({
    key: '',
    inView: new Map<number, boolean>(),
    drawn: new Set<number>(),
    marked: false,
  });
  useEffect(() => {
    state.current.key = rangeKey;
    state.current.drawn = new Set();
    state.current.marked = false;
  }, [rangeKey]);
  const check = useCallback(() => {
    const s = state.current;
    if (s.marked || s.inView.size < count) return;
    for (const [i, visible] of s.inView) if (visible && !s.drawn.has(i)) return;
    s.marked = true;
    mark(DASHBOARD_READY_MARK);
  }, [count]);
  const onDrawn = useCallback(
    (index: number, key: string) => {
      if (key !== state.current.key) return;
      state.current.drawn.add(index);
      check();
    },
    [check],
  );
  const onInView = useCallback(
    (index: number, visible: boolean) => {
      state.current.inView.set(index, visible);
      check();
    },
    [check],
  );

  // Stable between renders that change nothing it draws: the grid redraws an item only when this changes.
  const renderItem = useCallback(
    (index: number, size: { widthPx: number; heightPx: number }) => (
      <WidgetView
        widget={body.widgets[index]}
        startMs={startMs}
        endMs={endMs}
        nowMs={nowMs}
        widthPx={size.widthPx}
        heightPx={size.heightPx}
        periodOverride={body.periodOverride}
        onDrawn={(key: string) => onDrawn(index, key)}
        onInView={(visible: boolean) => onInView(index, visible)}
        onZoom={onZoom}
        actions={actions?.(index)}
      />
    ),
    [body, startMs, endMs, nowMs, onDrawn, onInView, onZoom, actions],
  );
  const itemLabel = useCallback((i: number) => widgetName(body.widgets[i], i), [body]);
  const layoutChange = useCallback(
    (next: GridRect[], change: LayoutChange) => onLayoutChange?.(next, change),
    [onLayoutChange],
  );

  return (
    <DashboardGrid
      layout={layout}
      itemKeys={keys}
      editing={editing}
      onLayoutChange={layoutChange}
      renderItem={renderItem}
      itemLabel={itemLabel}
    />
  );
}
