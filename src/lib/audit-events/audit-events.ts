// Audit events on metric graphs and "What changed before this?": the markers' filter (UI state), the
// queries that read them (the trail's control endpoint, or CloudTrail LookupEvents on a real account),
// the link that opens one in Event history, and the ranking of changes before an instant.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { useShallow } from 'zustand/react/shallow';
import type { ChartMarker } from '../../components/charts/chart-markers.tsx';
import { type Connection, controlBase, useConnectionStore } from '../connection-store.ts';
import { rangeToSearchParams } from '../time-range.ts';
import {
  type AuditMarker,
  type AuditMarkerFilter,
  type AuditMarkerPage,
  DEFAULT_MARKER_FILTER,
  type ValueCount,
  ceilMinute,
  filterMarkers,
  floorMinute,
} from './audit-marker.ts';
import { afterOtherQueries } from './after-other-queries.ts';
import { searchTrailChanges, searchTrailMarkers } from './trail-markers.ts';

export type { AuditMarker, AuditMarkerFilter, ValueCount } from './audit-marker.ts';
export { type RankedChange, RANKING_HELP, formatBefore, rankChanges } from './rank-changes.ts';

// --- The filter

interface FilterState extends AuditMarkerFilter {
  update: (f: Partial<AuditMarkerFilter>) => void;
}

const useFilterStore = create<FilterState>()(
  persist(
    (set) => ({
      ...DEFAULT_MARKER_FILTER,
      update: (f) => set(f),
    }),
    {
      name: 'watchtrail.audit-markers',
      partialize: ({ writesOnly, services, identities, enabled, hideCheckIns }) => ({
        writesOnly,
        services,
        identities,
        enabled,
        hideCheckIns,
      }),
    },
  ),
);

/** Which audit events the graphs mark (writes only by default), and a way to change it; remembered. */
export function useAuditMarkerFilter(): [AuditMarkerFilter, (f: Partial<AuditMarkerFilter>) => void] {
  const { writesOnly, services, identities, enabled, hideCheckIns, update } = useFilterStore(
    useShallow((s) => ({
      writesOnly: s.writesOnly,
      services: s.services,
      identities: s.identities,
      enabled: s.enabled,
      hideCheckIns: s.hideCheckIns,
      update: s.update,
    })),
  );
  const filter = useMemo(
    () => ({ writesOnly, services, identities, enabled, hideCheckIns }),
    [writesOnly, services, identities, enabled, hideCheckIns],
  );
  return [filter, update];
}

/** Resets the remembered filter (tests). */
export function resetAuditMarkerFilter(): void {
  useFilterStore.setState({ ...DEFAULT_MARKER_FILTER });
}

// --- The markers of a range

/** What {@link useAuditMarkers} gives. */
export interface AuditMarkersResult {
  /** The events the filter selects, newest first (none while disabled). */
  markers: AuditMarker[];
  /** More events matched than were read (the newest are kept). */
  truncated: boolean;
  /** How many events matched, when the source counts them. */
  total?: number;
  /** Services and identities seen in the range, to choose filters from. */
  options: { services: ValueCount[]; identities: ValueCount[] };
  /** Where the events come from: the trail's control endpoint, or CloudTrail LookupEvents. */
  source: 'trail' | 'cloudtrail';
  /** Why there are no markers: the events could not be read. */
  error?: Error;
  isPending: boolean;
}

const NO_MARKERS: AuditMarker[] = [];
const NO_OPTIONS: AuditMarkersResult['options'] = { services: [], identities: [] };

/** Every audit-marker query of a backend, to refresh after an import. */
export const auditMarkersQueryPrefix = (c: Pick<Connection, 'endpoint' | 'region'>) =>
  ['watchtrail', 'audit-markers', c.endpoint, c.region] as const;

const isMarkerQuery = (key: readonly unknown[]) => key[0] === 'watchtrail' && key[1] === 'audit-markers';
/** Markers are asked for once the page's other queries have been idle this long. */
const QUIET_MS = 300;

/**
 * The audit events of [startMs, endMs] that `filter` selects. Fetched on whole minutes (so graphs of
 * one page share one request and a live range refetches once a minute), after the page's other
 * queries (the graphs' data goes first), at most 500 from the trail (newest first) or 250 from
 * LookupEvents; `truncated` says when more matched.
 */
export function useAuditMarkers(
  startMs: number,
  endMs: number,
  filter: AuditMarkerFilter,
): AuditMarkersResult {
  const connection = useConnectionStore();
  const client = useQueryClient();
  const base = controlBase(connection);
  const from = floorMinute(startMs);
  const to = ceilMinute(endMs);
  const trail = base !== undefined;
  const query = useQuery({
    queryKey: [
      ...auditMarkersQueryPrefix(connection),
      'markers',
      from,
      to,
      filter.writesOnly,
      trail && filter.hideCheckIns,
      // LookupEvents filters one attribute only: services and identities are applied here instead.
      trail ? filter.services : [],
      trail ? filter.identities : [],
    ],
    queryFn: async ({ signal }): Promise<AuditMarkerPage> => {
      await afterOtherQueries(client, isMarkerQuery, QUIET_MS, signal);
      if (base !== undefined) return searchTrailMarkers(base, from, to, filter, signal);
      const { lookupMarkers } = await import('./lookup-markers.ts');
      return lookupMarkers(connection, from, to, filter.writesOnly, signal);
    },
    enabled: filter.enabled && to > from,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
  const page = query.data;
  const markers = useMemo(() => {
    if (!filter.enabled || !page) return NO_MARKERS;
    return page.source === 'trail' ? page.markers : filterMarkers(page.markers, filter);
  }, [page, filter]);
  return {
    markers,
    truncated: filter.enabled && (page?.truncated ?? false),
    ...(page?.total !== undefined ? { total: page.total } : {}),
    options: page?.options ?? NO_OPTIONS,
    source: trail ? 'trail' : 'cloudtrail',
    ...(query.error ? { error: query.error } : {}),
    isPending: filter.enabled && query.isPending,
  };
}

/** A marker as a chart draws it: who · what, the sentence, and the link to the event. */
export function chartMarker(m: AuditMarker): ChartMarker {
  return {
    id: m.eventId,
    timeMs: m.timeMs,
    label: `${m.userName || 'unknown'} · ${m.eventName}`,
    detail: m.summary,
    href: eventHref(m),
    kind: m.errorCode ? 'failed' : m.readOnly ? 'read' : 'change',
  };
}

/**
 * The markers a graph over [startMs, endMs] draws, as the shared filter selects them; undefined when
 * there are none (the chart then draws no marker layer) or when `enabled` is false.
 */
export function useChartMarkers(startMs: number, endMs: number, enabled = true): ChartMarker[] | undefined {
  const [shared] = useAuditMarkerFilter();
  const filter = useMemo(() => (enabled ? shared : { ...shared, enabled: false }), [shared, enabled]);
  const { markers } = useAuditMarkers(startMs, endMs, filter);
  return useMemo(() => (markers.length > 0 ? markers.map(chartMarker) : undefined), [markers]);
}

// --- Links

/** Event history shows this much either side of an event opened from a marker. */
export const EVENT_CONTEXT_MS = 30 * 60_000;

/** `/events` with the event's detail open and a range around it, so the table lists it too. */
export function eventHref(m: Pick<AuditMarker, 'eventId' | 'timeMs'>): string {
  const start = floorMinute(m.timeMs - EVENT_CONTEXT_MS);
  const end = ceilMinute(m.timeMs + EVENT_CONTEXT_MS);
  const params = rangeToSearchParams({ kind: 'absolute', start, end }, 'off');
  params.set('event', m.eventId);
  return `/events?${params.toString()}`;
}

// --- The changes before an instant

/** What {@link useAuditChanges} gives. */
export interface AuditChangesResult {
  /** The events of the window, newest first (unranked: see rankChanges). */
  markers: AuditMarker[];
  truncated: boolean;
  source: 'trail' | 'cloudtrail';
  error?: Error;
  isPending: boolean;
}

/**
 * The audit events of [startMs, endMs] for a "what changed" list: every event naming one of
 * `resourceNames`, and the newest writes (all events with `includeReads`).
 */
export function useAuditChanges(
  startMs: number,
  endMs: number,
  resourceNames: readonly string[],
  includeReads: boolean,
): AuditChangesResult {
  const connection = useConnectionStore();
  const client = useQueryClient();
  const base = controlBase(connection);
  const from = Math.floor(startMs / 1000) * 1000;
  const to = Math.ceil(endMs / 1000) * 1000;
  const names = useMemo(() => [...new Set(resourceNames)].sort(), [resourceNames]);
  const query = useQuery({
    queryKey: [...auditMarkersQueryPrefix(connection), 'changes', from, to, names, includeReads],
    queryFn: async ({ signal }) => {
      await afterOtherQueries(client, isMarkerQuery, QUIET_MS, signal);
      if (base !== undefined) return searchTrailChanges(base, from, to, names, includeReads, signal);
      const { lookupChanges } = await import('./lookup-markers.ts');
      return lookupChanges(connection, from, to, names, includeReads, signal);
    },
    enabled: to > from,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  return {
    markers: query.data?.markers ?? NO_MARKERS,
    truncated: query.data?.truncated ?? false,
    source: base !== undefined ? 'trail' : 'cloudtrail',
    ...(query.error ? { error: query.error } : {}),
    isPending: query.isPending,
  };
}
