import type { Engine, EventSummary, TrailField, TrailQuery } from '../../engine/index.ts';
import {
  invalidEventCategory,
  invalidLookupAttributes,
  invalidMaxResults,
  invalidNextToken,
  invalidTimeRange,
  serializationError,
} from './errors.ts';

type Json = Record<string, unknown>;

const DAY_MS = 86_400_000;
/** "You can look up events that occurred in a Region within the last 90 days." */
export const LOOKUP_WINDOW_MS = 90 * DAY_MS;
export const MAX_RESULTS = 50;
const MAX_VALUE_LENGTH = 2000;

/** The lookup attribute keys (case-sensitive) and the indexed field each one matches. */
const ATTRIBUTE_FIELDS: Record<string, TrailField | 'eventId'> = {
  EventId: 'eventId',
  EventName: 'eventName',
  ReadOnly: 'readOnly',
  Username: 'username',
  ResourceType: 'resourceType',
  ResourceName: 'resourceName',
  EventSource: 'eventSource',
  AccessKeyId: 'accessKeyId',
};
const ATTRIBUTE_KEYS = Object.keys(ATTRIBUTE_FIELDS);
/** "Insights lookups support only EventId, EventName and EventSource." */
const INSIGHT_KEYS = ['EventId', 'EventName', 'EventSource'];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** "The characters '_', ' ', ',' and '\n' count as two characters towards the 2000 character limit." */
export function weightedLength(value: string): number {
  let n = 0;
  for (const ch of value) n += ch === '_' || ch === ' ' || ch === ',' || ch === '\n' ? 2 : 1;
  return n;
}

interface Attribute {
  key: string;
  value: string;
}

/**
 * Reads LookupAttributes. Every item is checked, but only the FIRST is honoured: AWS documents "the list
 * can contain only one item", and live AWS accepts more without an error and silently uses the first
 * (observed by third parties; no AWS source shows an error). We follow the live behaviour.
 */
function attributesAt(input: Json, insight: boolean): Attribute | undefined {
  const list = input.LookupAttributes;
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) throw serializationError(`LookupAttributes must be a list; got ${show(list)}.`);
  const attributes = list.map((item, i): Attribute => {
    const at = `LookupAttributes[${i}]`;
    if (!isObject(item)) throw serializationError(`${at} must be a structure; got ${show(item)}.`);
    const { AttributeKey: key, AttributeValue: value } = item;
    if (typeof key !== 'string' || !Object.hasOwn(ATTRIBUTE_FIELDS, key)) {
      throw invalidLookupAttributes(
        `${at}.AttributeKey ${show(key)} is not valid: use one of ${ATTRIBUTE_KEYS.join(', ')} (case-sensitive).`,
      );
    }
    if (insight && !INSIGHT_KEYS.includes(key)) {
      throw invalidLookupAttributes(
        `${at}.AttributeKey ${key} is not valid with EventCategory insight: use one of ${INSIGHT_KEYS.join(', ')}.`,
      );
    }
    if (typeof value !== 'string' || value.length === 0) {
      throw invalidLookupAttributes(
        `${at}.AttributeValue for ${key} must be a non-empty string; got ${show(value)}.`,
      );
    }
    const length = weightedLength(value);
    if (length > MAX_VALUE_LENGTH) {
      throw invalidLookupAttributes(
        `${at}.AttributeValue for ${key} is ${length} characters long (underscores, spaces, commas and newlines count twice); the limit is ${MAX_VALUE_LENGTH}.`,
      );
    }
    return { key, value };
  });
  return attributes[0];
}

/** A timestamp member: epoch seconds (fractions allowed) on the wire; returns epoch ms. */
function timeAt(input: Json, key: 'StartTime' | 'EndTime'): number | undefined {
  const v = input[key];
  if (v === undefined || v === null) return undefined;
  const seconds = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds))
    throw serializationError(`${key} must be a timestamp in epoch seconds; got ${show(v)}.`);
  return Math.round(seconds * 1000);
}

function maxResultsAt(input: Json): number {
  const v = input.MaxResults;
  if (v === undefined || v === null) return MAX_RESULTS;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_RESULTS)
    throw invalidMaxResults(
      `MaxResults ${show(v)} is not valid: use an integer from 1 through ${MAX_RESULTS}.`,
    );
  return v;
}

function categoryAt(input: Json): 'insight' | undefined {
  const v = input.EventCategory;
  if (v === undefined || v === null) return undefined;
  if (v !== 'insight')
    throw invalidEventCategory(
      `EventCategory ${show(v)} is not valid: the only event category is "insight".`,
    );
  return v;
}

// --- NextToken: opaque, bound to the parameters it continues, and pinned to the first page's window.

interface Position {
  /** Offset into the selection, newest first. */
  offset: number;
  /** The window resolved by the first page (epoch ms), so paging is stable while new events arrive. */
  startMs: number;
  endMs: number;
}

function hash(s: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
const digest = (s: string) => hash(s, 2166136261) + hash(s, 0x9e3779b9);

/** What a token must have been minted for: the same attributes, times and category (not MaxResults). */
const parameterHash = (input: Json) =>
  digest(
    JSON.stringify([
      input.LookupAttributes ?? null,
      input.StartTime ?? null,
      input.EndTime ?? null,
      input.EventCategory ?? null,
    ]),
  );

function encodeToken(params: string, p: Position): string {
  const body = `${params}.${p.offset}.${p.startMs}.${p.endMs}`;
  return btoa(`${body}.${digest(body)}`);
}

function decodeToken(token: unknown, params: string): Position {
  if (typeof token !== 'string') throw invalidNextToken(`NextToken must be a string; got ${show(token)}.`);
  let text: string;
  try {
    text = atob(token);
  } catch {
    throw invalidNextToken(`NextToken ${show(token.slice(0, 64))} is not a token this service issued.`);
  }
  const parts = text.split('.');
  const [h, offset, startMs, endMs, check] = parts;
  const numbers = [offset, startMs, endMs].map(Number);
  if (
    parts.length !== 5 ||
    check !== digest(parts.slice(0, 4).join('.')) ||
    !numbers.every(Number.isSafeInteger) ||
    numbers[0] < 0
  ) {
    throw invalidNextToken(`NextToken ${show(token.slice(0, 64))} is not a token this service issued.`);
  }
  if (h !== params) {
    throw invalidNextToken(
      'NextToken was issued for a request with other parameters: pass the same LookupAttributes, StartTime, EndTime and EventCategory as the original call.',
    );
  }
  return { offset: numbers[0], startMs: numbers[1], endMs: numbers[2] };
}

// --- The response

function eventOut(summary: EventSummary, cloudTrailEvent: string) {
  return {
    EventId: summary.eventId,
    EventName: summary.eventName,
    ...(summary.readOnly ? { ReadOnly: summary.readOnly } : {}),
    ...(summary.accessKeyId ? { AccessKeyId: summary.accessKeyId } : {}),
    EventTime: summary.eventTime / 1000,
    EventSource: summary.eventSource,
    ...(summary.username ? { Username: summary.username } : {}),
    Resources: summary.resources.map((r) => ({ ResourceType: r.type, ResourceName: r.name })),
    CloudTrailEvent: cloudTrailEvent,
  };
}

/**
 * LookupEvents: management events (or, with EventCategory insight, Insights events) of the last 90 days
 * by the engine's clock, newest first, matched on one attribute by exact, case-sensitive equality.
 * Times outside the window are clamped to it (AWS does not document whether it clamps or fails; the
 * default start is documented as "the earliest date that data is available within the last 90 days").
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
 */
export function lookupEvents(input: Json, engine: Engine) {
  const category = categoryAt(input);
  const attribute = attributesAt(input, category === 'insight');
  const startTime = timeAt(input, 'StartTime');
  const endTime = timeAt(input, 'EndTime');
  if (startTime !== undefined && endTime !== undefined && startTime > endTime) {
    throw invalidTimeRange(
      `StartTime ${new Date(startTime).toISOString()} is after EndTime ${new Date(endTime).toISOString()}.`,
    );
  }
  const limit = maxResultsAt(input);
  const params = parameterHash(input);

  let position: Position;
  if (input.NextToken !== undefined && input.NextToken !== null) {
    position = decodeToken(input.NextToken, params);
  } else {
    const now = engine.now();
    position = {
      offset: 0,
      startMs: Math.max(startTime ?? -Infinity, now - LOOKUP_WINDOW_MS),
      endMs: Math.min(endTime ?? Infinity, now),
    };
  }
  const { offset, startMs, endMs } = position;
  const categoryValue = category === 'insight' ? 'Insight' : 'Management';
  if (startMs > endMs) return { Events: [] };

  if (attribute?.key === 'EventId') {
    const found = offset === 0 ? engine.trail.event(attribute.value) : undefined;
    const s = found?.summary;
    if (!found || !s || s.category !== categoryValue || s.eventTime < startMs || s.eventTime > endMs)
      return { Events: [] };
    return { Events: [eventOut(s, found.raw ?? JSON.stringify(found.record))] };
  }

  const fields: TrailQuery['fields'] = { category: [{ match: 'exact', value: categoryValue }] };
  if (attribute)
    fields[ATTRIBUTE_FIELDS[attribute.key] as TrailField] = [{ match: 'exact', value: attribute.value }];
  // One row more than asked tells whether another page follows.
  const rows = engine.trail.records({ startMs, endMs, fields }, offset, limit + 1);
  const page = rows.slice(0, limit);
  return {
    Events: page.map((r) => eventOut(r.summary, r.raw ?? JSON.stringify(r.record))),
    ...(rows.length > limit
      ? { NextToken: encodeToken(params, { offset: offset + limit, startMs, endMs }) }
      : {}),
  };
}
