// Audit markers from the trail's control endpoint, `POST /_watchtrail/trail/search` (documented in
// the README with the other trail control endpoints).
import { controlRequest } from '../control-request.ts';
import {
  type AuditMarker,
  type AuditMarkerFilter,
  type AuditMarkerPage,
  CHECK_IN_EVENTS,
  markerSummary,
} from './audit-marker.ts';

/** Markers per graph at most: the newest are kept, so a 90-day range stays light. */
export const MAX_MARKERS = 500;
/** Events touching the alarm's resources read for a "what changed" list, besides the newest writes. */
export const MAX_TOUCHING = 200;
/** Services and identities offered as filters. */
const FACET_TOP = 50;
/** The search endpoint accepts at most 100 terms per field. */
const MAX_TERMS = 100;

/** One filter term of the trail search: `exact` is case-sensitive; `contains` ignores case. */
interface Term {
  match: 'exact' | 'contains';
  value: string;
}

/** The body of `POST /_watchtrail/trail/search`, as far as markers need it. */
export interface TrailSearchBody {
  query: {
    startMs: number;
    endMs: number;
    fields: Partial<Record<string, Term[]>>;
    exclude?: Partial<Record<string, Term[]>>;
  };
  offset?: number;
  limit: number;
  facets?: string[];
  facetTop?: number;
}

/** A row of the search answer (the trail's event summary; a missing value is ''). */
export interface TrailRow {
  eventId: string;
  eventTime: number;
  eventName: string;
  eventSource: string;
  username: string;
  identityType: string;
  resources: { type: string; name: string }[];
  sourceIp: string;
  readOnly: string;
  errorCode: string;
}

/** The search answer, as far as markers read it. */
export interface TrailSearchAnswer {
  total: number;
  rows: TrailRow[];
  facets?: { field: string; values: { value: string; count: number }[] }[];
}

const exact = (value: string): Term => ({ match: 'exact', value });
const NO_CHECK_INS = { eventName: CHECK_IN_EVENTS.map(exact) };

/**
 * The search for a graph's markers over [startMs, endMs] (inclusive, epoch ms): management events
 * (data events such as S3 PutObject are a flood, not changes), writes only unless asked otherwise,
 * the filter's services and identities; the newest {@link MAX_MARKERS}, with the range's services and
 * identities counted for the filter's choices.
 */
export function markerSearchBody(startMs: number, endMs: number, filter: AuditMarkerFilter): TrailSearchBody {
  const fields: TrailSearchBody['query']['fields'] = { category: [exact('Management')] };
  if (filter.writesOnly) fields.readOnly = [exact('false')];
  if (filter.services.length > 0) fields.eventSource = filter.services.slice(0, MAX_TERMS).map(exact);
  if (filter.identities.length > 0) fields.username = filter.identities.slice(0, MAX_TERMS).map(exact);
  return {
    query: { startMs, endMs, fields, ...(filter.hideCheckIns ? { exclude: NO_CHECK_INS } : {}) },
    limit: MAX_MARKERS,
    facets: ['eventSource', 'username'],
    facetTop: FACET_TOP,
  };
}

/**
 * The searches for a "what changed" list over [startMs, endMs]: every management event naming one of
 * `resourceNames` (ignoring case, reads included: they are ranked, not dropped), and the newest
 * writes (or all events, with `includeReads`) other than agents' check-ins. Two searches, so the cap on the second never hides an
 * event on the alarm's own resource.
 */
export function changeSearchBodies(
  startMs: number,
  endMs: number,
  resourceNames: readonly string[],
  includeReads: boolean,
): TrailSearchBody[] {
  const management = { category: [exact('Management')] };
  const names = [...new Set(resourceNames.map((n) => n.trim()).filter(Boolean))].slice(0, MAX_TERMS);
  const bodies: TrailSearchBody[] = [];
  if (names.length > 0)
    bodies.push({
      query: {
        startMs,
        endMs,
        fields: { ...management, resourceName: names.map((value) => ({ match: 'contains', value })) },
      },
      limit: MAX_TOUCHING,
    });
  bodies.push({
    query: {
      startMs,
      endMs,
      fields: includeReads ? management : { ...management, readOnly: [exact('false')] },
      // Agents' check-ins change nothing; on the alarm's own resources the first search keeps them.
      exclude: NO_CHECK_INS,
    },
    limit: MAX_MARKERS,
  });
  return bodies;
}

/** A search row as a marker. */
export function markerFromRow(r: TrailRow): AuditMarker {
  const resources = r.resources.map((x) => (x.type ? { type: x.type, name: x.name } : { name: x.name }));
  return {
    eventId: r.eventId,
    timeMs: r.eventTime,
    eventName: r.eventName,
    eventSource: r.eventSource,
    userName: r.username,
    resources,
    readOnly: r.readOnly === 'true',
    ...(r.errorCode ? { errorCode: r.errorCode } : {}),
    ...(r.sourceIp ? { sourceIp: r.sourceIp } : {}),
    summary: markerSummary({
      userName: r.username,
      identityType: r.identityType,
      eventName: r.eventName,
      resources,
      sourceIp: r.sourceIp,
      errorCode: r.errorCode,
    }),
  };
}

/** Markers merged by event id, newest first. */
export function mergeMarkers(lists: readonly (readonly AuditMarker[])[]): AuditMarker[] {
  const byId = new Map<string, AuditMarker>();
  for (const list of lists) for (const m of list) if (!byId.has(m.eventId)) byId.set(m.eventId, m);
  return [...byId.values()].sort((a, b) => b.timeMs - a.timeMs || a.eventId.localeCompare(b.eventId));
}

function search(base: string, body: TrailSearchBody, signal?: AbortSignal): Promise<TrailSearchAnswer> {
  return controlRequest<TrailSearchAnswer>(base, 'trail/search', { method: 'POST', body, signal });
}

/** A graph's markers from the trail (see {@link markerSearchBody}). */
export async function searchTrailMarkers(
  base: string,
  startMs: number,
  endMs: number,
  filter: AuditMarkerFilter,
  signal?: AbortSignal,
): Promise<AuditMarkerPage> {
  const answer = await search(base, markerSearchBody(startMs, endMs, filter), signal);
  const facet = (field: string) => answer.facets?.find((f) => f.field === field)?.values ?? [];
  return {
    markers: answer.rows.map(markerFromRow),
    truncated: answer.total > answer.rows.length,
    total: answer.total,
    options: { services: facet('eventSource'), identities: facet('username') },
    source: 'trail',
  };
}

/** The events of a "what changed" window from the trail (see {@link changeSearchBodies}). */
export async function searchTrailChanges(
  base: string,
  startMs: number,
  endMs: number,
  resourceNames: readonly string[],
  includeReads: boolean,
  signal?: AbortSignal,
): Promise<{ markers: AuditMarker[]; truncated: boolean }> {
  const bodies = changeSearchBodies(startMs, endMs, resourceNames, includeReads);
  const answers = await Promise.all(bodies.map((b) => search(base, b, signal)));
  return {
    markers: mergeMarkers(answers.map((a) => a.rows.map(markerFromRow))),
    truncated: answers.some((a) => a.total > a.rows.length),
  };
}
