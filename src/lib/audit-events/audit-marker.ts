// The shapes of audit markers: audit events drawn on metric graphs and ranked under "What changed
// before this?". They are read from the trail's control endpoint or from CloudTrail LookupEvents and
// restated here as plain types (lib does not import the engine or a feature).

/** One audit event, as a graph marks it and a "what changed" list ranks it. */
export interface AuditMarker {
  eventId: string;
  /** When the call was made, epoch ms. */
  timeMs: number;
  eventName: string;
  /** The service called, e.g. `lambda.amazonaws.com`. */
  eventSource: string;
  /** The caller as Event history names it: an IAM user, a role session, a service; '' when unknown. */
  userName: string;
  /** The resources the event touched, as Event history lists them. */
  resources: { type?: string; name: string }[];
  /** True for calls that only read; a call whose record does not say counts as a write. */
  readOnly: boolean;
  /** The error code of a call that failed (it changed nothing). */
  errorCode?: string;
  /** Who did what on which resource from where, in one line. */
  summary: string;
  /** The caller's source IP address, or the AWS service that called on its behalf. */
  sourceIp?: string;
  /**
   * String values of the request parameters. Only CloudTrail records carry them; the trail's search
   * answers name the resources the parameters designate instead.
   */
  params?: string[];
}

/** Which audit events the graphs mark. UI state, remembered in localStorage. */
export interface AuditMarkerFilter {
  /** Only calls that may change something (ReadOnly = false). */
  writesOnly: boolean;
  /** Only these event sources (e.g. `lambda.amazonaws.com`); none = every service. */
  services: string[];
  /** Only these user names; none = everyone. */
  identities: string[];
  /** Markers drawn at all. */
  enabled: boolean;
  /**
   * Leave out agents' routine check-ins ({@link CHECK_IN_EVENTS}): writes by their API's definition,
   * but thousands a day that change nothing a person would look for.
   */
  hideCheckIns: boolean;
}

/**
 * Calls that agents make on a timer: the SSM agent reports to Systems Manager every few minutes from
 * every managed instance (UpdateInstanceInformation), which is most of an account's writes.
 */
export const CHECK_IN_EVENTS: readonly string[] = ['UpdateInstanceInformation'];
const CHECK_INS = new Set(CHECK_IN_EVENTS);
export const isCheckIn = (m: Pick<AuditMarker, 'eventName'>): boolean => CHECK_INS.has(m.eventName);

export const DEFAULT_MARKER_FILTER: AuditMarkerFilter = {
  writesOnly: true,
  services: [],
  identities: [],
  enabled: true,
  hideCheckIns: true,
};

/** A value of a field and how many events in the range have it. */
export interface ValueCount {
  value: string;
  count: number;
}

/** The audit events of a range, newest first, capped. */
export interface AuditMarkerPage {
  markers: AuditMarker[];
  /** More events matched than `markers` holds (the newest are kept). */
  truncated: boolean;
  /** How many events matched, when the source can count them (the trail can, LookupEvents cannot). */
  total?: number;
  /** Services and identities seen in the range, most frequent first, to choose filters from. */
  options: { services: ValueCount[]; identities: ValueCount[] };
  /** Where the events came from. */
  source: 'trail' | 'cloudtrail';
}

const MINUTE_MS = 60_000;

/** The minute `ms` falls in: ranges are fetched (and cached) on whole minutes. */
export const floorMinute = (ms: number) => Math.floor(ms / MINUTE_MS) * MINUTE_MS;
export const ceilMinute = (ms: number) => Math.ceil(ms / MINUTE_MS) * MINUTE_MS;

/** The fields of a marker's one-line summary. */
export interface SummaryParts {
  userName: string;
  identityType?: string;
  eventName: string;
  resources: readonly { name: string }[];
  sourceIp?: string;
  errorCode?: string;
}

/**
 * Who did what on which resource from where:
 * "deploy-bot called UpdateFunctionCode20150331v2 on orders-api from 192.0.2.11", with
 * "— failed: AccessDenied" when the call failed.
 */
export function markerSummary(p: SummaryParts): string {
  const who = p.userName || (p.identityType === 'Root' ? 'root' : 'An unknown identity');
  const parts = [who, `called ${p.eventName || 'an unnamed operation'}`];
  const names = p.resources.map((r) => r.name).filter(Boolean);
  if (names.length === 1) parts.push(`on ${names[0]}`);
  else if (names.length > 1) parts.push(`on ${names[0]} and ${names.length - 1} more`);
  if (p.sourceIp) parts.push(`from ${p.sourceIp}`);
  const sentence = parts.join(' ');
  return p.errorCode ? `${sentence} — failed: ${p.errorCode}` : sentence;
}

/** Counts of `pick(marker)` over markers, most frequent first (then by name); '' is left out. */
export function countValues(markers: readonly AuditMarker[], pick: (m: AuditMarker) => string): ValueCount[] {
  const counts = new Map<string, number>();
  for (const m of markers) {
    const v = pick(m);
    if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** The markers that pass the filter's service and identity lists (empty lists pass everything). */
export function filterMarkers(markers: readonly AuditMarker[], filter: AuditMarkerFilter): AuditMarker[] {
  const services = new Set(filter.services);
  const identities = new Set(filter.identities);
  return markers.filter(
    (m) =>
      (!filter.writesOnly || !m.readOnly) &&
      (!filter.hideCheckIns || !isCheckIn(m)) &&
      (services.size === 0 || services.has(m.eventSource)) &&
      (identities.size === 0 || identities.has(m.userName)),
  );
}
