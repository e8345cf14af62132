import {
  type EventSummary,
  type TrailField,
  type TrailQuery,
  type TrailSettings,
  type TrailTerm,
  TRAIL_FIELDS,
  TrailImportError,
} from '../../engine/index.ts';
import type { ApiContext } from './control.ts';

/**
 * The audit trail's control endpoints, under `/_watchtrail/trail/`: search with facets, one event,
 * export (CSV or a CloudTrail log file, whole or in slices), import of a log file, and the trail's
 * settings (access-key → user-name mapping, simulated events per day). Bodies and answers are JSON
 * except the export's text and the import's file.
 */
export const TRAIL_PREFIX = '/_watchtrail/trail/';

export const MAX_SEARCH_LIMIT = 1000;
export const MAX_FACET_TOP = 200;
export const MAX_EXPORT_CHUNK = 10_000;
/** Records per chunk when a whole export streams. */
export const EXPORT_STREAM_CHUNK = 2000;
/** Largest log file the import endpoint reads, after decompression. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
const MAX_TERMS = 100;
const MAX_TERM_LENGTH = 2000;
const MAX_IDENTITIES = 1000;

class TrailControlError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}
function fail(message: string, status = 400): never {
  throw new TrailControlError(message, status);
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => (JSON.stringify(v) ?? String(v)).slice(0, 200);
const FIELDS: ReadonlySet<string> = new Set(TRAIL_FIELDS);
const MATCHES: ReadonlySet<string> = new Set(['exact', 'prefix', 'contains', 'glob']);

async function readObject(request: Request): Promise<Json> {
  const text = await request.text();
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fail('The request body is not valid JSON.');
  }
  if (!isObject(body)) return fail('The request body must be a JSON object.');
  return body;
}

function integerAt(o: Json, key: string, min: number, max: number): number | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    fail(`"${key}" must be an integer from ${min} to ${max}; got ${show(v)}.`);
  return v as number;
}

function fieldAt(v: unknown, where: string): TrailField {
  if (typeof v !== 'string' || !FIELDS.has(v))
    fail(`${where} ${show(v)} is not a trail field: use one of ${TRAIL_FIELDS.join(', ')}.`);
  return v as TrailField;
}

/** Validates a TrailQuery: optional start/end (epoch ms, inclusive) and per-field term lists. */
export function queryAt(v: unknown): TrailQuery {
  if (v === undefined) return {};
  if (!isObject(v)) return fail(`"query" must be an object; got ${show(v)}.`);
  for (const key of Object.keys(v))
    if (key !== 'startMs' && key !== 'endMs' && key !== 'fields' && key !== 'exclude')
      fail(`"query.${key}" is not a query member: use startMs, endMs, fields and exclude.`);
  const query: TrailQuery = {};
  for (const key of ['startMs', 'endMs'] as const) {
    const t = v[key];
    if (t === undefined || t === null) continue;
    if (typeof t !== 'number' || !Number.isFinite(t))
      fail(`"query.${key}" must be a time in epoch milliseconds; got ${show(t)}.`);
    query[key] = t as number;
  }
  if (query.startMs !== undefined && query.endMs !== undefined && query.startMs > query.endMs)
    fail('"query.startMs" must not be after "query.endMs".');
  for (const member of ['fields', 'exclude'] as const) {
    const given = v[member];
    if (given === undefined) continue;
    if (!isObject(given)) fail(`"query.${member}" must be an object of field → terms; got ${show(given)}.`);
    const fields: NonNullable<TrailQuery['fields']> = {};
    for (const [name, terms] of Object.entries(given as Json)) {
      const field = fieldAt(name, `query.${member}:`);
      if (!Array.isArray(terms) || terms.length > MAX_TERMS)
        fail(`"query.${member}.${field}" must be a list of at most ${MAX_TERMS} terms; got ${show(terms)}.`);
      fields[field] = (terms as unknown[]).map((term, i): TrailTerm => {
        const at = `"query.${member}.${field}[${i}]"`;
        if (!isObject(term)) return fail(`${at} must be { match, value }; got ${show(term)}.`);
        if (typeof term.match !== 'string' || !MATCHES.has(term.match))
          fail(`${at}.match must be exact, prefix, contains or glob; got ${show(term.match)}.`);
        if (typeof term.value !== 'string' || term.value.length > MAX_TERM_LENGTH)
          fail(
            `${at}.value must be a string of at most ${MAX_TERM_LENGTH} characters; got ${show(term.value)}.`,
          );
        return { match: term.match as TrailTerm['match'], value: term.value as string };
      });
    }
    query[member] = fields;
  }
  return query;
}

// --- Export

const CSV_HEADER = [
  'Event ID',
  'Event time',
  'User name',
  'Event name',
  'Event source',
  'Resource type',
  'Resource name',
  'AWS access key',
  'Source IP address',
  'AWS region',
  'Read-only',
  'Error code',
  'Event category',
  'Identity type',
  'Origin',
];

/**
 * One CSV cell (RFC 4180: quoted when it holds a quote, comma or line break; quotes doubled). A cell
 * starting with = + - @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet never
 * runs attacker-controlled text from a log (user names, resource names) as a formula: CSV injection.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (cells: readonly string[]) => `${cells.map(csvCell).join(',')}\r\n`;

function csvRow(s: EventSummary): string {
  return csvLine([
    s.eventId,
    Number.isFinite(s.eventTime) ? new Date(s.eventTime).toISOString() : '',
    s.username,
    s.eventName,
    s.eventSource,
    s.resources.map((r) => r.type).join('; '),
    s.resources.map((r) => r.name).join('; '),
    s.accessKeyId,
    s.sourceIp,
    s.region,
    s.readOnly,
    s.errorCode,
    s.category,
    s.identityType,
    s.origin,
  ]);
}

function exportSlice(
  ctx: ApiContext,
  query: TrailQuery,
  format: 'csv' | 'json',
  offset: number,
  limit: number,
) {
  const { trail } = ctx.engine;
  if (format === 'csv') return trail.search(query, offset, limit).rows.map(csvRow).join('');
  return trail
    .records(query, offset, limit)
    .map((r) => r.raw ?? JSON.stringify(r.record))
    .join(',\n');
}

function exportResponse(ctx: ApiContext, body: Json): Response {
  const query = queryAt(body.query);
  const format = body.format;
  if (format !== 'csv' && format !== 'json')
    return fail(`"format" must be "csv" or "json"; got ${show(format)}.`);
  const offset = integerAt(body, 'offset', 0, Number.MAX_SAFE_INTEGER);
  const limit = integerAt(body, 'limit', 0, MAX_EXPORT_CHUNK);
  const { trail } = ctx.engine;
  const first = trail.search(query, 0, 1);
  const total = first.total;
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json';
  const headers = { 'content-type': type, 'x-watchtrail-total': String(total) };

  if (offset !== undefined || limit !== undefined) {
    const from = offset ?? 0;
    const slice = exportSlice(ctx, query, format, from, limit ?? MAX_EXPORT_CHUNK);
    const text = format === 'csv' && from === 0 ? csvLine(CSV_HEADER) + slice : slice;
    return new Response(text, {
      headers: format === 'json' ? { ...headers, 'content-type': 'text/plain; charset=utf-8' } : headers,
    });
  }

  // The whole selection, streamed a chunk at a time. The end is pinned to the newest event selected
  // now, so events that arrive meanwhile do not shift the offsets.
  const pinned: TrailQuery = { ...query, endMs: query.endMs ?? first.rows[0]?.eventTime };
  const encoder = new TextEncoder();
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === 'csv' ? csvLine(CSV_HEADER) : '{"Records":[\n'));
      if (total === 0) {
        if (format === 'json') controller.enqueue(encoder.encode(']}\n'));
        controller.close();
      }
    },
    pull(controller) {
      const text = exportSlice(ctx, pinned, format, next, EXPORT_STREAM_CHUNK);
      const separator = format === 'json' && next > 0 && text !== '' ? ',\n' : '';
      next += EXPORT_STREAM_CHUNK;
      if (text !== '') controller.enqueue(encoder.encode(separator + text));
      if (next >= total || text === '') {
        if (format === 'json') controller.enqueue(encoder.encode('\n]}\n'));
        controller.close();
      }
    },
  });
  const fileName = format === 'csv' ? 'event-history.csv' : 'event-history.json';
  return new Response(stream, {
    headers: { ...headers, 'content-disposition': `attachment; filename="${fileName}"` },
  });
}

// --- Import

async function readLimited(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      fail(`The file is larger than ${max / 1024 / 1024} MB.`, 413);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

/** True for gzip data (magic bytes 1f 8b), as CloudTrail delivers its log files. */
export const isGzip = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

export async function gunzip(bytes: Uint8Array, max: number): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  try {
    return await readLimited(stream, max);
  } catch (e) {
    if (e instanceof TrailControlError) throw e;
    return fail('The file starts like gzip data but does not decompress.');
  }
}

/** Parses a log file's text, naming the position of a JSON syntax error. */
export function parseLogFile(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    return fail(`The file is not JSON: ${(e as Error).message}`);
  }
}

async function importResponse(request: Request, url: URL, ctx: ApiContext): Promise<Response> {
  const name = url.searchParams.get('name') ?? 'imported.json';
  if (name.length === 0 || name.length > 1024) fail('"name" must be a file name of 1 to 1024 characters.');
  let bytes = await readLimited(request.body, MAX_IMPORT_BYTES);
  const encoding = (request.headers.get('content-encoding') ?? '').toLowerCase();
  if (isGzip(bytes) || encoding.includes('gzip')) bytes = await gunzip(bytes, MAX_IMPORT_BYTES);
  if (bytes.length === 0) fail('The file is empty.');
  const doc = parseLogFile(new TextDecoder().decode(bytes));
  try {
    const { file, imported, rejected, rejections, warnings } = ctx.engine.trail.importFile(name, doc);
    return json({ file, imported, rejected, rejections, warnings });
  } catch (e) {
    if (e instanceof TrailImportError) fail(e.message);
    throw e;
  }
}

// --- Settings

const ACCESS_KEY = /^[A-Za-z0-9_-]{1,128}$/;
/** IAM user names: letters, digits and + = , . @ _ - (1 to 64). */
const USER_NAME = /^[\w+=,.@-]{1,64}$/;

function settingsAt(body: Json): Partial<TrailSettings> {
  for (const key of Object.keys(body))
    if (key !== 'identities' && key !== 'eventsPerDay')
      fail(`"${key}" is not a trail setting: use identities and eventsPerDay.`);
  const out: Partial<TrailSettings> = {};
  const eventsPerDay = integerAt(body, 'eventsPerDay', 100, 50_000);
  if (eventsPerDay !== undefined) out.eventsPerDay = eventsPerDay;
  if (body.identities !== undefined) {
    if (!Array.isArray(body.identities) || body.identities.length > MAX_IDENTITIES)
      fail(`"identities" must be a list of at most ${MAX_IDENTITIES} { accessKeyId, userName }.`);
    const seen = new Set<string>();
    out.identities = (body.identities as unknown[]).map((item, i) => {
      const at = `"identities[${i}]"`;
      if (!isObject(item)) return fail(`${at} must be { accessKeyId, userName }; got ${show(item)}.`);
      const { accessKeyId, userName } = item;
      if (typeof accessKeyId !== 'string' || !ACCESS_KEY.test(accessKeyId))
        fail(`${at}.accessKeyId must be 1 to 128 letters, digits, _ or -; got ${show(accessKeyId)}.`);
      if (typeof userName !== 'string' || !USER_NAME.test(userName))
        fail(
          `${at}.userName must be 1 to 64 characters: letters, digits and + = , . @ _ - (IAM user names); got ${show(userName)}.`,
        );
      if (seen.has(accessKeyId as string)) fail(`${at}.accessKeyId ${accessKeyId as string} appears twice.`);
      seen.add(accessKeyId as string);
      return { accessKeyId: accessKeyId as string, userName: userName as string };
    });
  }
  return out;
}

const settingsOut = (ctx: ApiContext) => ({ ...ctx.engine.trail.settings(), size: ctx.engine.trail.size });

/** Routes `/_watchtrail/trail/…`; answers 400 `{ error }` for a bad request, 404 for an unknown route. */
export async function serveTrailControl(request: Request, ctx: ApiContext): Promise<Response> {
  const url = new URL(request.url);
  const route = `${request.method} ${url.pathname.slice(TRAIL_PREFIX.length)}`;
  const { engine } = ctx;
  try {
    switch (route) {
      case 'POST search': {
        const body = await readObject(request);
        const query = queryAt(body.query);
        const offset = integerAt(body, 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0;
        const limit = integerAt(body, 'limit', 0, MAX_SEARCH_LIMIT) ?? 100;
        let facets: TrailField[] | undefined;
        if (body.facets !== undefined) {
          if (!Array.isArray(body.facets))
            fail(`"facets" must be a list of trail fields; got ${show(body.facets)}.`);
          facets = (body.facets as unknown[]).map((f) => fieldAt(f, '"facets":'));
        }
        const top = integerAt(body, 'facetTop', 1, MAX_FACET_TOP) ?? 10;
        let contains: Partial<Record<TrailField, string>> | undefined;
        if (body.facetContains !== undefined) {
          if (!isObject(body.facetContains)) fail('"facetContains" must be an object of field → text.');
          contains = {};
          for (const [k, v] of Object.entries(body.facetContains as Json)) {
            const field = fieldAt(k, '"facetContains":');
            if (typeof v !== 'string' || v.length > MAX_TERM_LENGTH)
              fail(`"facetContains.${field}" must be a string of at most ${MAX_TERM_LENGTH} characters.`);
            contains[field] = v as string;
          }
        }
        engine.tick();
        const page = engine.trail.search(query, offset, limit);
        return json({
          total: page.total,
          rows: page.rows,
          ...(facets ? { facets: engine.trail.facets(query, facets, top, contains) } : {}),
          now: engine.now(),
        });
      }
      case 'GET event': {
        const id = url.searchParams.get('id');
        if (!id) fail('Give the event id: /_watchtrail/trail/event?id=<eventId>.');
        const found = engine.trail.event(id);
        if (!found) fail(`No event ${show(id)}.`, 404);
        return json({ summary: found.summary, record: found.record });
      }
      case 'POST export':
        return exportResponse(ctx, await readObject(request));
      case 'POST import':
        return await importResponse(request, url, ctx);
      case 'GET settings':
        return json(settingsOut(ctx));
      case 'POST settings': {
        const settings = settingsAt(await readObject(request));
        engine.trail.applySettings(settings);
        ctx.onStateChange?.();
        return json(settingsOut(ctx));
      }
      default:
        return json({ error: `No control endpoint ${request.method} ${url.pathname}.` }, 404);
    }
  } catch (e) {
    if (e instanceof TrailControlError) return json({ error: e.message }, e.status);
    throw e;
  }
}
