import { SINGLE_FIELDS, type TrailBatch, TrailBatchBuilder } from './batch.ts';
import {
  deriveResources,
  eventCategory,
  lookupUsername,
  parseEventTime,
  readOnlyText,
  roleName,
} from './derive.ts';
import type { CloudTrailRecord, EventSummary, ImportRejection, TrailOrigin } from './model.ts';

/** The file given to an import is not a CloudTrail log file at all. */
export class TrailImportError extends Error {}

/** A record that passed validation, with its time and its original JSON text. */
export interface AcceptedRecord {
  record: CloudTrailRecord;
  time: number;
  text: string;
  eventId: string;
}

const MAX_REJECTIONS = 100;

/** eventSource and eventName; Insights records keep them in `insightDetails`. */
function sourceAndName(record: CloudTrailRecord): [string, string] {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const details = record.insightDetails as { eventSource?: unknown; eventName?: unknown } | undefined;
  return [
    str(record.eventSource) || str(details?.eventSource),
    str(record.eventName) || str(details?.eventName),
  ];
}

/** The event fields the store indexes, read from a record. */
export function summarize(
  record: CloudTrailRecord,
  time: number,
  eventId: string,
  origin: TrailOrigin,
): EventSummary {
  const id = record.userIdentity && typeof record.userIdentity === 'object' ? record.userIdentity : undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const [eventSource, eventName] = sourceAndName(record);
  return {
    eventId,
    eventTime: time,
    eventName,
    eventSource,
    username: lookupUsername(id),
    identityType: str(id?.type),
    accessKeyId: str(id?.accessKeyId),
    role: roleName(id),
    resources: deriveResources(record),
    sourceIp: str(record.sourceIPAddress),
    region: str(record.awsRegion),
    readOnly: readOnlyText(record),
    errorCode: str(record.errorCode),
    category: eventCategory(record),
    origin,
  };
}

/** A deterministic UUID-shaped id for a record that came without an eventID (FNV-1a over its text). */
export function derivedEventId(text: string): string {
  const h = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    for (let k = 0; k < 4; k++) h[k] = Math.imul(h[k] ^ (c + k), 16777619) >>> 0;
  }
  const hex = h.map((x) => x.toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface ValidationResult {
  accepted: AcceptedRecord[];
  rejected: number;
  rejections: ImportRejection[];
  warnings: string[];
}

/**
 * Checks the records of a log file (`{"Records":[…]}`): each must be an object with eventSource,
 * eventName and a readable eventTime. A record without eventTime but with the `@timestamp` some log
 * shippers write is accepted with a warning; one without eventID gets a deterministic id derived from
 * its content. Records whose eventID is already stored (`known`) or repeats within the file are rejected.
 */
export function validateLogFile(
  doc: unknown,
  known: (eventId: string) => boolean,
  texts?: readonly string[],
): ValidationResult {
  if (Array.isArray(doc)) doc = { Records: doc };
  if (!doc || typeof doc !== 'object' || !Array.isArray((doc as { Records?: unknown }).Records)) {
    throw new TrailImportError(
      'This is not a CloudTrail log file: expected a JSON object with a "Records" array, as CloudTrail delivers to S3.',
    );
  }
  const records = (doc as { Records: unknown[] }).Records;
  const accepted: AcceptedRecord[] = [];
  const rejections: ImportRejection[] = [];
  let rejected = 0;
  let assignedIds = 0;
  let fromTimestamp = 0;
  const inFile = new Set<string>();
  const reject = (index: number, reason: string) => {
    rejected++;
    if (rejections.length < MAX_REJECTIONS) rejections.push({ index, reason });
  };
  records.forEach((value, index) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      reject(index, 'The record is not a JSON object.');
      return;
    }
    const record = value as CloudTrailRecord;
    const [eventSource, eventName] = sourceAndName(record);
    if (eventSource === '') {
      reject(index, 'eventSource is missing.');
      return;
    }
    if (eventName === '') {
      reject(index, 'eventName is missing.');
      return;
    }
    let time = parseEventTime(record.eventTime);
    if (Number.isNaN(time)) {
      const stamp = parseEventTime(record['@timestamp']);
      if (record.eventTime === undefined && !Number.isNaN(stamp)) {
        time = stamp;
        fromTimestamp++;
      } else {
        reject(
          index,
          record.eventTime === undefined
            ? 'eventTime is missing.'
            : `eventTime ${JSON.stringify(record.eventTime)} is not a time (expected YYYY-MM-DDTHH:MM:SSZ).`,
        );
        return;
      }
    }
    if (
      record.userIdentity !== undefined &&
      record.userIdentity !== null &&
      typeof record.userIdentity !== 'object'
    ) {
      reject(index, 'userIdentity is not an object.');
      return;
    }
    const text = texts?.[index] ?? JSON.stringify(record);
    let eventId = typeof record.eventID === 'string' && record.eventID !== '' ? record.eventID : '';
    if (!eventId) {
      eventId = derivedEventId(text);
      assignedIds++;
    }
    if (inFile.has(eventId) || known(eventId)) {
      reject(index, `Event ${eventId} is already in the trail.`);
      return;
    }
    inFile.add(eventId);
    accepted.push({ record, time, text, eventId });
  });
  const warnings: string[] = [];
  if (assignedIds > 0)
    warnings.push(
      `${assignedIds} record${assignedIds === 1 ? ' has' : 's have'} no eventID; each got an id derived from its content.`,
    );
  if (fromTimestamp > 0)
    warnings.push(
      `${fromTimestamp} record${fromTimestamp === 1 ? ' has' : 's have'} no eventTime; the time was read from "@timestamp".`,
    );
  return { accepted, rejected, rejections, warnings };
}

/**
 * A batch of stored records (imported or recorded by our API), sorted by time. The original JSON text
 * is kept, so details and exports give back exactly what was imported.
 */
export function recordBatch(items: readonly AcceptedRecord[], origin: TrailOrigin): TrailBatch {
  const sorted = [...items].sort((a, b) => a.time - b.time);
  const builder = new TrailBatchBuilder();
  const dicts = SINGLE_FIELDS.map((f) => builder.dict(f));
  const types = builder.dict('resourceType');
  const names = builder.dict('resourceName');
  const codes = new Int32Array(SINGLE_FIELDS.length);
  const ids = new Map<string, number>();
  sorted.forEach((item, i) => {
    const s = summarize(item.record, item.time, item.eventId, origin);
    SINGLE_FIELDS.forEach((f, k) => (codes[k] = dicts[k].code(s[f])));
    builder.add(
      item.time,
      codes,
      s.resources.map((r) => types.code(r.type)),
      s.resources.map((r) => names.code(r.name)),
    );
    ids.set(item.eventId, i);
  });
  return {
    origin,
    ...builder.columns(),
    eventId: (i) => sorted[i].eventId,
    record: (i) => sorted[i].record,
    text: (i) => sorted[i].text,
    findEventId: (id) => ids.get(id) ?? -1,
  };
}

/** A stored record's JSON text back as an accepted record (restoring, or recording one of our calls). */
export function parseRecordText(text: string, fallbackTime: number): AcceptedRecord {
  const record = JSON.parse(text) as CloudTrailRecord;
  const time = parseEventTime(record.eventTime);
  const eventId =
    typeof record.eventID === 'string' && record.eventID ? record.eventID : derivedEventId(text);
  return { record, time: Number.isNaN(time) ? fallbackTime : time, text, eventId };
}
