// "What changed before this?": the audit events in a window before an instant (an ALARM transition),
// ranked. AWS defines no such ranking; this one is ours, and RANKING_HELP says it in the UI.
import type { AuditMarker } from './audit-marker.ts';

/** Calls by one identity on one resource this close together count as one change. */
export const BURST_GAP_MS = 5 * 60_000;

/** Score parts: touching the resource outweighs everything else, a successful write outweighs time. */
export const TOUCH_SCORE = 1000;
export const WRITE_SCORE = 100;
/** The closest possible event scores this much for time; an event at the window's start scores 0. */
export const CLOSENESS_SCORE = 100;

/** The ranking, in words for the UI's help. */
export const RANKING_HELP =
  'Ranked by Watchtrail (AWS defines no ranking): first the events that touched this alarm’s ' +
  'resources — a resource name, an ARN ending in one, or a request parameter equal to one of its ' +
  'metrics’ dimension values, ignoring case; then successful writes before reads and failed calls ' +
  '(they changed nothing); then the closer to the transition, the higher. Calls by one identity on ' +
  'one resource less than 5 minutes apart count as one change, shown by its first write.';

/** One entry of a "what changed" list. */
export interface RankedChange {
  /** The change: the first successful write of its burst (else its first write, else its first call). */
  marker: AuditMarker;
  /** Higher ranks first: {@link TOUCH_SCORE} + {@link WRITE_SCORE} + up to {@link CLOSENESS_SCORE}. */
  score: number;
  /** The change (any call of its burst) touched one of the resource names. */
  touchesResource: boolean;
  /** How long before the instant the change was made, ms (≥ 0). */
  beforeMs: number;
  /** The other calls of the burst (same identity, same resource, < 5 min apart), oldest first. */
  related: AuditMarker[];
}

/** A name and, for an ARN, its last `/` or `:` segment (the resource's name), lower case. */
function nameKeys(value: string): string[] {
  const v = value.trim().toLowerCase();
  if (v === '') return [];
  if (!v.startsWith('arn:')) return [v];
  const tail = v.slice(Math.max(v.lastIndexOf('/'), v.lastIndexOf(':')) + 1);
  return tail && tail !== v ? [v, tail] : [v];
}

/** The lower-case keys of resource names, for {@link touches}. */
export function resourceKeys(resourceNames: readonly string[]): ReadonlySet<string> {
  return new Set(resourceNames.flatMap(nameKeys));
}

/**
 * True when the event names one of the resources: a resource name or ARN, or a request-parameter
 * value, equal to one of `keys` (see {@link resourceKeys}), ignoring case.
 */
export function touches(m: AuditMarker, keys: ReadonlySet<string>): boolean {
  if (keys.size === 0) return false;
  for (const r of m.resources) for (const k of nameKeys(r.name)) if (keys.has(k)) return true;
  for (const p of m.params ?? []) for (const k of nameKeys(p)) if (keys.has(k)) return true;
  return false;
}

const isChange = (m: AuditMarker) => !m.readOnly && !m.errorCode;

/** What makes calls one burst: the identity and the first resource (or the service, without one). */
const burstKey = (m: AuditMarker) =>
  `${m.userName.toLowerCase()}\u0000${(m.resources[0]?.name ?? m.eventSource).toLowerCase()}`;

/**
 * The events in [atMs − windowMs, atMs], ranked: those touching `resourceNames` first; within each
 * group, successful writes before reads and failed calls, then the closer to `atMs` the better. Calls
 * by one identity on one resource less than {@link BURST_GAP_MS} apart are one entry (a deploy's
 * update, publish and alias calls), represented by its first successful write. Ties go to the later
 * event, then the event id.
 */
export function rankChanges(
  markers: readonly AuditMarker[],
  atMs: number,
  windowMs: number,
  resourceNames: readonly string[],
): RankedChange[] {
  const fromMs = atMs - windowMs;
  const keys = resourceKeys(resourceNames);
  const inWindow = markers
    .filter((m) => m.timeMs >= fromMs && m.timeMs <= atMs)
    .sort((a, b) => a.timeMs - b.timeMs || a.eventId.localeCompare(b.eventId));

  const bursts: AuditMarker[][] = [];
  const open = new Map<string, AuditMarker[]>();
  for (const m of inWindow) {
    const key = burstKey(m);
    const burst = open.get(key);
    if (burst && m.timeMs - burst[burst.length - 1].timeMs < BURST_GAP_MS) {
      burst.push(m);
    } else {
      const fresh = [m];
      bursts.push(fresh);
      open.set(key, fresh);
    }
  }

  const span = Math.max(1, windowMs);
  const ranked = bursts.map((burst): RankedChange => {
    const marker = burst.find(isChange) ?? burst.find((m) => !m.readOnly) ?? burst[0];
    const touchesResource = burst.some((m) => touches(m, keys));
    const beforeMs = Math.max(0, atMs - marker.timeMs);
    const closeness = CLOSENESS_SCORE * Math.max(0, 1 - beforeMs / span);
    const score = (touchesResource ? TOUCH_SCORE : 0) + (isChange(marker) ? WRITE_SCORE : 0) + closeness;
    return { marker, score, touchesResource, beforeMs, related: burst.filter((m) => m !== marker) };
  });
  return ranked.sort(
    (a, b) =>
      b.score - a.score || a.beforeMs - b.beforeMs || a.marker.eventId.localeCompare(b.marker.eventId),
  );
}

/** How long before: "at the same time", "40 s before", "4 min before", "1 h 5 min before". */
export function formatBefore(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  if (s === 0) return 'at the same time';
  if (s < 60) return `${s} s before`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min before`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h${min % 60 ? ` ${min % 60} min` : ''} before`;
  const d = Math.floor(h / 24);
  return `${d} d${h % 24 ? ` ${h % 24} h` : ''} before`;
}
