// Point events over a time-series plot (audit events): a small triangle at the top edge with a
// vertical hairline; hover or focus shows who did what, a click opens the event. Markers closer than a
// few pixels share one triangle, so a busy hour stays readable and the layer stays a few elements.
import { memo, useEffect, useMemo, useState } from 'react';
import type { MouseEvent as ReactMouseEvent } from 'react';
import { formatDateTime } from '../../lib/format';

/** A point event drawn at the top edge of a chart's plot (an audit event). */
export interface ChartMarker {
  id: string;
  /** When it happened, epoch ms. */
  timeMs: number;
  /** Who did what, short: "deploy-bot · UpdateFunctionCode20150331v2" (names the triangle). */
  label: string;
  /** The whole sentence the tooltip shows instead of the label: "deploy-bot called … on orders-api from …". */
  detail?: string;
  /** The in-app link a click opens. */
  href?: string;
  /** A change (violet), a read (slate) or a failed call (amber). */
  kind?: 'change' | 'read' | 'failed';
}

/** Markers sharing one triangle: those within {@link CLUSTER_PX} of the cluster's first. */
export interface MarkerCluster {
  /** Position from the chart's left edge, px. */
  x: number;
  /** Oldest first. */
  markers: ChartMarker[];
}

/** Markers closer than this share a triangle. */
export const CLUSTER_PX = 8;
/** Entries a tooltip lists before "and N more". */
const TOOLTIP_ROWS = 8;

const COLORS: Record<NonNullable<ChartMarker['kind']>, string> = {
  change: '#7c3aed',
  read: '#64748b',
  failed: '#d97706',
};

/**
 * The markers inside [startMs, endMs] as clusters at pixel positions: `plotLeft` + the time's share
 * of `plotWidth`. A cluster takes markers up to {@link CLUSTER_PX} right of its first and sits at
 * their middle.
 */
export function clusterMarkers(
  markers: readonly ChartMarker[],
  startMs: number,
  endMs: number,
  plotLeft: number,
  plotWidth: number,
): MarkerCluster[] {
  const span = endMs - startMs;
  if (!(span > 0) || plotWidth <= 0) return [];
  const inRange = markers
    .filter((m) => m.timeMs >= startMs && m.timeMs <= endMs)
    .sort((a, b) => a.timeMs - b.timeMs);
  const clusters: { first: number; last: number; markers: ChartMarker[] }[] = [];
  for (const m of inRange) {
    const x = plotLeft + ((m.timeMs - startMs) / span) * plotWidth;
    const current = clusters[clusters.length - 1];
    if (current && x - current.first < CLUSTER_PX) {
      current.last = x;
      current.markers.push(m);
    } else {
      clusters.push({ first: x, last: x, markers: [m] });
    }
  }
  return clusters.map((c) => ({ x: (c.first + c.last) / 2, markers: c.markers }));
}

/** The colour of a cluster: a change if any, else a failed call if any, else a read. */
function clusterColor(c: MarkerCluster): string {
  const kinds = new Set(c.markers.map((m) => m.kind ?? 'change'));
  return COLORS[kinds.has('change') ? 'change' : kinds.has('failed') ? 'failed' : 'read'];
}

function clusterName(c: MarkerCluster): string {
  const newest = c.markers[c.markers.length - 1];
  if (c.markers.length === 1) return `Audit event: ${newest.label}, ${formatDateTime(newest.timeMs)}`;
  return `${c.markers.length} audit events, the last ${newest.label}, ${formatDateTime(newest.timeMs)}`;
}

/** Props of {@link ChartMarkerLayer}. */
export interface ChartMarkerLayerProps {
  markers: readonly ChartMarker[];
  /** The chart's x domain, epoch ms. */
  startMs: number;
  endMs: number;
  /** Left edge and width of the plot area, px. */
  plotLeft: number;
  plotWidth: number;
  /** Top of the plot area and its height, px (the hairlines span it). */
  top: number;
  plotHeight: number;
  /** A marker was chosen (a click on a lone marker, or on an entry of a cluster's list). */
  onOpen: (m: ChartMarker) => void;
  /** Called with true while a marker's tooltip shows, so the chart hides its own. */
  onActiveChange: (active: boolean) => void;
}

/** The markers' triangles, hairlines and tooltip, over the plot. */
export const ChartMarkerLayer = memo(function ChartMarkerLayer({
  markers,
  startMs,
  endMs,
  plotLeft,
  plotWidth,
  top,
  plotHeight,
  onOpen,
  onActiveChange,
}: ChartMarkerLayerProps) {
  const clusters = useMemo(
    () => clusterMarkers(markers, startMs, endMs, plotLeft, plotWidth),
    [markers, startMs, endMs, plotLeft, plotWidth],
  );
  // Hover and pin remember the clusters they were made on: new clusters drop them.
  const [hover, setHover] = useState<{ on: MarkerCluster[]; index: number } | undefined>(undefined);
  const [pin, setPin] = useState<{ on: MarkerCluster[]; index: number } | undefined>(undefined);
  const hovered = hover?.on === clusters ? hover.index : undefined;
  const pinned = pin?.on === clusters ? pin.index : undefined;
  const setHovered = (index: number | undefined) =>
    setHover(index === undefined ? undefined : { on: clusters, index });
  const unhover = (index: number) => setHover((h) => (h?.index === index ? undefined : h));
  const setPinned = (index: number | undefined) =>
    setPin(index === undefined ? undefined : { on: clusters, index });
  const active = pinned ?? hovered;
  const shown = active !== undefined ? clusters[active] : undefined;

  useEffect(() => {
    onActiveChange(shown !== undefined);
  }, [shown, onActiveChange]);

  useEffect(() => {
    if (pinned === undefined) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      if (e instanceof MouseEvent && (e.target as Element | null)?.closest?.('[data-chart-marker-ui]'))
        return;
      setPin(undefined);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [pinned]);

  if (clusters.length === 0) return null;
  const stop = (e: ReactMouseEvent) => e.stopPropagation();
  const flip = shown !== undefined && shown.x > plotLeft + plotWidth / 2;
  const listed = shown ? shown.markers.slice(-TOOLTIP_ROWS).reverse() : [];
  return (
    <div aria-label="Audit events" role="group" data-testid="chart-markers">
      {clusters.map((c, i) => (
        <div
          key={`line-${c.markers[0].id}`}
          aria-hidden="true"
          className="pointer-events-none absolute w-px"
          style={{
            left: Math.round(c.x),
            top,
            height: plotHeight,
            backgroundColor: clusterColor(c),
            opacity: i === active ? 0.8 : 0.2,
          }}
        />
      ))}
      {clusters.map((c, i) => (
        <button
          key={c.markers[0].id}
          type="button"
          data-testid="chart-marker"
          data-chart-marker-ui=""
          data-count={c.markers.length}
          data-time={c.markers[c.markers.length - 1].timeMs}
          aria-label={clusterName(c)}
          aria-expanded={c.markers.length > 1 ? pinned === i : undefined}
          className="absolute flex h-3 w-3 -translate-x-1/2 cursor-pointer items-start justify-center focus:outline-none focus-visible:ring-2 focus-visible:ring-violet-400"
          style={{ left: Math.round(c.x) + 0.5, top: Math.max(0, top - 8) }}
          onMouseDown={stop}
          onMouseMove={stop}
          onMouseEnter={() => setHovered(i)}
          onMouseLeave={() => unhover(i)}
          onFocus={() => setHovered(i)}
          onBlur={() => unhover(i)}
          onClick={() => {
            if (c.markers.length === 1) onOpen(c.markers[0]);
            else setPinned(pinned === i ? undefined : i);
          }}
        >
          <svg width="10" height="8" viewBox="0 0 10 8" aria-hidden="true">
            <path d="M0 0 H10 L5 8 Z" fill={clusterColor(c)} />
          </svg>
        </button>
      ))}
      {shown && (
        <div
          role={pinned !== undefined ? 'dialog' : 'tooltip'}
          aria-label={pinned !== undefined ? 'Audit events at this point' : undefined}
          data-testid="chart-marker-tooltip"
          data-chart-marker-ui=""
          className={`absolute z-20 w-80 max-w-[80vw] rounded border border-slate-200 bg-white/95 px-2 py-1.5 text-xs shadow-md ${
            pinned !== undefined ? '' : 'pointer-events-none'
          }`}
          style={{
            top: top + 6,
            ...(flip
              ? { right: `calc(100% - ${Math.round(shown.x) - 8}px)` }
              : { left: Math.round(shown.x) + 8 }),
          }}
          onMouseDown={stop}
          onMouseMove={stop}
        >
          <div className="mb-1 font-medium text-slate-900">
            {shown.markers.length === 1 ? 'Audit event' : `${shown.markers.length} audit events`}
          </div>
          <ul className="space-y-1">
            {listed.map((m) => (
              <li key={m.id} className="text-slate-700">
                <div className="flex items-baseline gap-2">
                  <span className="font-mono whitespace-nowrap text-slate-500 tabular-nums">
                    {formatDateTime(m.timeMs).slice(11, 19)}
                  </span>
                  {pinned !== undefined && m.href ? (
                    <a
                      href={m.href}
                      className="min-w-0 break-words text-blue-700 hover:underline"
                      onClick={(e) => {
                        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                        e.preventDefault();
                        setPinned(undefined);
                        onOpen(m);
                      }}
                    >
                      {m.detail ?? m.label}
                    </a>
                  ) : (
                    <span className="min-w-0 break-words text-slate-900">{m.detail ?? m.label}</span>
                  )}
                  {m.kind && m.kind !== 'change' && (
                    <span className="ml-auto shrink-0 rounded bg-slate-100 px-1 text-slate-600">
                      {m.kind}
                    </span>
                  )}
                </div>
              </li>
            ))}
          </ul>
          {shown.markers.length > listed.length && (
            <div className="mt-1 text-slate-500">and {shown.markers.length - listed.length} earlier</div>
          )}
          <div className="mt-1 text-slate-400">
            {shown.markers.length === 1 || pinned !== undefined
              ? 'Click to open the event in Event history.'
              : 'Click to list them with links.'}
          </div>
        </div>
      )}
    </div>
  );
});
