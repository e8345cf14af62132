import { patternToTerm, termToPattern } from './filter-pattern.ts';
import { TRAIL_FIELDS, type TrailField, type TrailFilters, type TrailTerm } from './trail-types.ts';

/** LookupEvents' attribute keys, in the console's order. */
export const LOOKUP_KEYS = [
  'Username',
  'EventName',
  'EventSource',
  'ResourceType',
  'ResourceName',
  'ReadOnly',
  'AccessKeyId',
  'EventId',
] as const;
export type LookupKey = (typeof LOOKUP_KEYS)[number];

export const LOOKUP_LABELS: Record<LookupKey, string> = {
  Username: 'User name',
  EventName: 'Event name',
  EventSource: 'Event source',
  ResourceType: 'Resource type',
  ResourceName: 'Resource name',
  ReadOnly: 'Read-only',
  AccessKeyId: 'AWS access key',
  EventId: 'Event ID',
};

/** The trail field whose facet suggests values for a lookup key (EventId has none). */
export const LOOKUP_FIELD: Record<LookupKey, TrailField | undefined> = {
  Username: 'username',
  EventName: 'eventName',
  EventSource: 'eventSource',
  ResourceType: 'resourceType',
  ResourceName: 'resourceName',
  ReadOnly: 'readOnly',
  AccessKeyId: 'accessKeyId',
  EventId: undefined,
};

/** What the event history shows, apart from the time range (which the shared time state holds). */
export interface AuditView {
  /** `filter`: our combinable filters. `lookup`: exactly what LookupEvents can do. */
  mode: 'filter' | 'lookup';
  filters: TrailFilters;
  lookup: { key: LookupKey; value: string };
  /** The event whose detail is open. */
  eventId?: string;
}

/**
 * The view a bare link opens: management events, reads and writes. (The AWS console hides reads by
 * default; reads outnumber writes, but hiding them makes "who looked at this?" come back empty.)
 */
export const DEFAULT_FILTERS: TrailFilters = { category: [{ match: 'exact', value: 'Management' }] };

export const DEFAULT_VIEW: AuditView = {
  mode: 'filter',
  filters: DEFAULT_FILTERS,
  lookup: { key: 'Username', value: '' },
};

/** The search params the view owns (time params belong to the shared time state). */
export const VIEW_PARAMS: readonly string[] = [...TRAIL_FIELDS, 'filters', 'mode', 'attr', 'value', 'event'];

const isLookupKey = (k: string | null): k is LookupKey =>
  (LOOKUP_KEYS as readonly (string | null)[]).includes(k);

/**
 * Reads the view from search params. Each field is a repeated param of filter texts
 * (`username=alice&username=deploy*`); without any, the default filters apply unless `filters=none`.
 */
export function viewFromSearchParams(params: URLSearchParams): AuditView {
  const filters: TrailFilters = {};
  let any = false;
  for (const field of TRAIL_FIELDS) {
    const texts = params.getAll(field);
    if (texts.length === 0) continue;
    const terms: TrailTerm[] = [];
    for (const t of texts) {
      const term = patternToTerm(t);
      if (!terms.some((x) => x.match === term.match && x.value === term.value)) terms.push(term);
    }
    filters[field] = terms;
    any = true;
  }
  const attr = params.get('attr');
  const eventId = params.get('event') ?? undefined;
  return {
    mode: params.get('mode') === 'lookup' ? 'lookup' : 'filter',
    filters: any || params.get('filters') === 'none' ? filters : DEFAULT_FILTERS,
    lookup: { key: isLookupKey(attr) ? attr : 'Username', value: params.get('value') ?? '' },
    ...(eventId ? { eventId } : {}),
  };
}

/** Writes the view into `params` (replacing what the view owns, keeping everything else). */
export function viewToSearchParams(view: AuditView, params = new URLSearchParams()): URLSearchParams {
  for (const k of VIEW_PARAMS) params.delete(k);
  let any = false;
  for (const field of TRAIL_FIELDS) {
    for (const term of view.filters[field] ?? []) {
      params.append(field, termToPattern(term));
      any = true;
    }
  }
  if (!any) params.set('filters', 'none');
  if (view.mode === 'lookup') {
    params.set('mode', 'lookup');
    params.set('attr', view.lookup.key);
    if (view.lookup.value !== '') params.set('value', view.lookup.value);
  }
  if (view.eventId) params.set('event', view.eventId);
  return params;
}

/** Adds a term to a field (OR), unless it is there already. */
export function addTerm(filters: TrailFilters, field: TrailField, term: TrailTerm): TrailFilters {
  const terms = filters[field] ?? [];
  if (terms.some((t) => t.match === term.match && t.value === term.value)) return filters;
  return { ...filters, [field]: [...terms, term] };
}

/** Removes a term from a field; the field goes when its last term does. */
export function removeTerm(filters: TrailFilters, field: TrailField, term: TrailTerm): TrailFilters {
  const terms = (filters[field] ?? []).filter((t) => !(t.match === term.match && t.value === term.value));
  return setTerms(filters, field, terms);
}

/** Replaces a field's terms (none = no filter on the field). */
export function setTerms(filters: TrailFilters, field: TrailField, terms: TrailTerm[]): TrailFilters {
  const entries = Object.entries(filters).filter(([f]) => f !== field);
  if (terms.length > 0) entries.push([field, terms]);
  return Object.fromEntries(entries) as TrailFilters;
}

/** The filters as a list of (field, term), in field order, for chips. */
export function activeTerms(filters: TrailFilters): { field: TrailField; term: TrailTerm }[] {
  return TRAIL_FIELDS.flatMap((field) => (filters[field] ?? []).map((term) => ({ field, term })));
}
