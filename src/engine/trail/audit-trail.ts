import { DAY_MS } from '../time.ts';
import { SINGLE_FIELDS, type TrailBatch } from './batch.ts';
import { type AcceptedRecord, parseRecordText, recordBatch, validateLogFile } from './import.ts';
import type {
  CloudTrailRecord,
  EventSummary,
  Facet,
  ImportReport,
  TrailField,
  TrailOrigin,
  TrailPage,
  TrailQuery,
} from './model.ts';
import { type RowSet, evaluate, facetOf, newestAt, queryKey, resolveTerms, rowSetSize } from './query.ts';
import { TrailStore, upperBound } from './store.ts';

/** Event history covers 90 days, as CloudTrail's does; the simulation fills them (and one day more). */
export const SIMULATED_DAYS = 91;
export const DEFAULT_EVENTS_PER_DAY = 5000;
export const MIN_EVENTS_PER_DAY = 100;
export const MAX_EVENTS_PER_DAY = 50_000;

/** The access key the app's own SDK clients sign with, and the user name it maps to by default. */
export const APP_ACCESS_KEY_ID = 'AKIDEXAMPLE';
export const DEFAULT_APP_USER_NAME = 'watchtrail-admin';

export interface TrailIdentity {
  accessKeyId: string;
  userName: string;
}

export interface TrailSettings {
  identities: TrailIdentity[];
  eventsPerDay: number;
}

/** What the trail reads from its engine. */
export interface TrailHost {
  now(): number;
  seed(): number;
  simulation(): boolean;
}

/** Generates the simulated account's events of one UTC day (`day` = epoch ms / DAY_MS, floored). */
export type TrailDayGenerator = (seed: number, day: number, eventsPerDay: number) => TrailBatch;

/** The day (or its low 20 bits) a simulated event id belongs to, undefined when it is not simulated. */
export type SimulatedDayOf = (seed: number, eventId: string) => number | undefined;

/** What the trail tells its engine, so the host can persist what was imported or recorded. */
export type TrailEvent =
  | { type: 'trail-imported'; file: { fileId: string; name: string; records: string[] } }
  | { type: 'trail-recorded'; record: string };

export interface StoredEvent {
  summary: EventSummary;
  record: CloudTrailRecord;
  /** The original JSON text of an imported or API-recorded event. */
  raw?: string;
}

const CACHE_SIZE = 32;

/**
 * The audit trail: simulated events (regenerated from the seed, day by day, up to the clock's now),
 * imported log files and the calls our API served, in one append-only store with indexes.
 */
export class AuditTrail {
  private store = new TrailStore();
  private simDays = new Map<number, { batch: TrailBatch; appended: number }>();
  private syncedTo = -Infinity;
  /** Every simulated day from this one to today is generated and appended up to `syncedTo`. */
  private coveredFrom = Infinity;
  /** Event ids of imported and recorded events (simulated ones are found through their day). */
  private readonly storedIds = new Map<string, TrailBatch>();
  private readonly cache = new Map<string, RowSet>();
  private cacheVersion = -1;
  private identities = new Map<string, string>([[APP_ACCESS_KEY_ID, DEFAULT_APP_USER_NAME]]);
  private eventsPerDay = DEFAULT_EVENTS_PER_DAY;
  private fileCount = 0;

  constructor(
    private readonly host: TrailHost,
    private readonly generate: TrailDayGenerator | undefined,
    private readonly emit: (e: TrailEvent) => void = () => {},
    private readonly dayOf?: SimulatedDayOf,
  ) {}

  /** The simulated days that may hold an event id (all of them when ids can't be decoded). */
  private simCandidates(eventId: string): { batch: TrailBatch; appended: number }[] {
    if (!this.dayOf) return [...this.simDays.values()];
    const day = this.dayOf(this.host.seed(), eventId);
    if (day === undefined) return [];
    // The one day of the simulated window with these low bits: generated now if nothing looked at it yet.
    const now = this.host.now();
    const lastDay = Math.floor(now / DAY_MS);
    for (let d = lastDay - SIMULATED_DAYS + 1; d <= lastDay; d++)
      if ((d & 0xfffff) === day && this.host.simulation()) this.syncDay(d, now);
    const out: { batch: TrailBatch; appended: number }[] = [];
    for (const [d, entry] of this.simDays) if ((d & 0xfffff) === day) out.push(entry);
    return out;
  }

  /**
   * Brings the simulated events up to the clock's now, from the day of `fromMs` (or from the days
   * already there) to today, and regenerates them after the clock went back. Days are generated
   * only once something looks at them: a 3-hour graph's markers make one or two days, not 91.
   */
  private sync(fromMs?: number): void {
    const now = this.host.now();
    if (!this.generate || !this.host.simulation()) {
      this.syncedTo = now;
      return;
    }
    const lastDay = Math.floor(now / DAY_MS);
    const oldest = lastDay - SIMULATED_DAYS + 1;
    const wanted =
      fromMs === undefined ? lastDay : Math.max(oldest, Math.min(lastDay, Math.floor(fromMs / DAY_MS)));
    if (now === this.syncedTo && wanted >= this.coveredFrom) return;
    if (now < this.syncedTo) this.dropSimulated();
    const from = Math.max(oldest, Math.min(wanted, this.coveredFrom));
    for (let day = from; day <= lastDay; day++) this.syncDay(day, now);
    this.coveredFrom = from;
    this.syncedTo = now;
  }

  /** Generates one simulated day (once) and appends its events up to `now`. */
  private syncDay(day: number, now: number): void {
    if (!this.generate) return;
    let entry = this.simDays.get(day);
    if (entry && entry.appended === entry.batch.length) return;
    if (!entry) {
      entry = { batch: this.generate(this.host.seed(), day, this.eventsPerDay), appended: 0 };
      this.simDays.set(day, entry);
    }
    const upTo = upperBound(entry.batch.time, entry.batch.length, now);
    this.store.append(entry.batch, entry.appended, upTo);
    entry.appended = upTo;
  }

  private dropSimulated(): void {
    this.store.retain((b) => b.origin !== 'simulated');
    this.simDays.clear();
    this.syncedTo = -Infinity;
    this.coveredFrom = Infinity;
  }

  /** Forgets everything: imports, recorded calls and the simulated events (regenerated on demand). */
  clear(): void {
    this.store = new TrailStore();
    this.simDays.clear();
    this.storedIds.clear();
    this.cache.clear();
    this.syncedTo = -Infinity;
    this.coveredFrom = Infinity;
    this.fileCount = 0;
  }

  /** Events stored, up to the clock's now. */
  get size(): number {
    this.sync(-Infinity);
    return this.store.length;
  }

  /** Bytes held by the store's columns and indexes (diagnostics). */
  bytes(): number {
    this.sync(-Infinity);
    return this.store.bytes();
  }

  private select(q: TrailQuery, ignore?: TrailField): RowSet {
    this.sync(q.startMs ?? -Infinity);
    if (this.cacheVersion !== this.store.version) {
      this.cache.clear();
      this.cacheVersion = this.store.version;
    }
    const key = queryKey(q, ignore);
    let set = this.cache.get(key);
    if (set) {
      this.cache.delete(key);
    } else {
      set = evaluate(this.store, q, ignore);
      const oldest = this.cache.keys().next();
      if (this.cache.size >= CACHE_SIZE && !oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(key, set);
    return set;
  }

  /** A page of the selection, newest first. */
  search(q: TrailQuery, offset: number, limit: number): TrailPage {
    const set = this.select(q);
    const total = rowSetSize(set);
    const rows: EventSummary[] = [];
    for (let k = Math.max(0, offset); k < Math.min(total, offset + limit); k++)
      rows.push(this.summaryAt(newestAt(set, k)));
    return { total, rows };
  }

  /** Counts per value of each field, each over the selection made by the other fields' filters. */
  facets(
    q: TrailQuery,
    fields: readonly TrailField[],
    top = 10,
    contains: Partial<Record<TrailField, string>> = {},
  ): Facet[] {
    return fields.map((field) => {
      const set = this.select(q, field);
      const selected = q.fields?.[field] ? resolveTerms(this.store, field, q.fields[field]) : [];
      return facetOf(this.store, field, set, selected, top, contains[field] || undefined);
    });
  }

  /** Full records of a page of the selection, newest first (exports). */
  records(q: TrailQuery, offset: number, limit: number): StoredEvent[] {
    const set = this.select(q);
    const total = rowSetSize(set);
    const out: StoredEvent[] = [];
    for (let k = Math.max(0, offset); k < Math.min(total, offset + limit); k++)
      out.push(this.eventAt(newestAt(set, k)));
    return out;
  }

  /** One event by its eventID. */
  event(eventId: string): StoredEvent | undefined {
    this.sync();
    const stored = this.storedIds.get(eventId);
    const candidates = stored ? [stored] : this.simCandidates(eventId).map((d) => d.batch);
    for (const batch of candidates) {
      const local = batch.findEventId(eventId);
      if (local < 0) continue;
      const p = this.store.positionOf(this.store.segmentIdOf(batch), local);
      if (p >= 0) return this.eventAt(p);
    }
    return undefined;
  }

  private has(eventId: string): boolean {
    if (this.storedIds.has(eventId)) return true;
    for (const { batch, appended } of this.simCandidates(eventId)) {
      const local = batch.findEventId(eventId);
      if (local >= 0 && local < appended) return true;
    }
    return false;
  }

  private batchAt(p: number): TrailBatch {
    const batch = this.store.segments[this.store.seg[p]];
    if (!batch) throw new Error(`Row ${p} belongs to a dropped segment.`);
    return batch;
  }

  private summaryAt(p: number): EventSummary {
    const s = this.store;
    const batch = this.batchAt(p);
    const summary = { eventId: batch.eventId(s.local[p]), eventTime: s.time[p] } as EventSummary;
    for (const f of SINGLE_FIELDS) (summary as unknown as Record<string, string>)[f] = s.valueAt(f, p);
    const types = s.dict('resourceType').values;
    const names = s.dict('resourceName').values;
    summary.resources = [];
    for (let r = s.resStart[p]; r < s.resStart[p + 1]; r++)
      summary.resources.push({ type: types[s.resType[r]], name: names[s.resName[r]] });
    return summary;
  }

  private eventAt(p: number): StoredEvent {
    const batch = this.batchAt(p);
    const local = this.store.local[p];
    return { summary: this.summaryAt(p), record: batch.record(local), raw: batch.text?.(local) };
  }

  private addBatch(items: AcceptedRecord[], origin: TrailOrigin): TrailBatch {
    this.sync();
    const batch = recordBatch(items, origin);
    for (let i = 0; i < batch.length; i++) this.storedIds.set(batch.eventId(i), batch);
    this.store.append(batch);
    return batch;
  }

  /**
   * Imports a CloudTrail log file (`{"Records":[…]}`, already parsed). Valid records keep their own
   * eventID and eventTime; the others are reported. Throws TrailImportError when `doc` is not a log file.
   */
  importFile(
    name: string,
    doc: unknown,
    options: { texts?: readonly string[]; emit?: boolean; fileId?: string } = {},
  ): ImportReport & { fileId: string; accepted: string[] } {
    this.sync();
    const result = validateLogFile(doc, (id) => this.has(id), options.texts);
    const fileId = options.fileId ?? `file-${this.host.now()}-${++this.fileCount}`;
    if (result.accepted.length > 0) this.addBatch(result.accepted, 'imported');
    const accepted = result.accepted.map((a) => a.text);
    if (options.emit !== false && accepted.length > 0)
      this.emit({ type: 'trail-imported', file: { fileId, name, records: accepted } });
    return {
      file: name,
      fileId,
      imported: result.accepted.length,
      rejected: result.rejected,
      rejections: result.rejections,
      warnings: result.warnings,
      accepted,
    };
  }

  /** Appends the record of a call our API served (its eventTime is the engine's now). */
  appendApiRecord(record: CloudTrailRecord): EventSummary {
    const text = JSON.stringify(record);
    const item = parseRecordText(text, this.host.now());
    const batch = this.addBatch([item], 'api');
    this.emit({ type: 'trail-recorded', record: text });
    return this.summaryAt(this.store.positionOf(this.store.segmentIdOf(batch), 0));
  }

  /** Puts back what a host persisted (imported files and recorded calls), without emitting events. */
  restore(saved: {
    files: { fileId: string; name: string; records: string[] }[];
    apiRecords: string[];
  }): void {
    for (const file of saved.files) {
      const records = file.records.map((t) => JSON.parse(t) as unknown);
      this.importFile(
        file.name,
        { Records: records },
        { texts: file.records, emit: false, fileId: file.fileId },
      );
    }
    const items = saved.apiRecords.map((t) => parseRecordText(t, this.host.now()));
    if (items.length > 0) this.addBatch(items, 'api');
  }

  settings(): TrailSettings {
    return {
      identities: [...this.identities].map(([accessKeyId, userName]) => ({ accessKeyId, userName })),
      eventsPerDay: this.eventsPerDay,
    };
  }

  /** Identities, when given, replace the whole mapping; a new volume regenerates the simulated events. */
  applySettings(s: Partial<TrailSettings>): void {
    if (s.identities) {
      this.identities = new Map(s.identities.map((i) => [i.accessKeyId, i.userName]));
    }
    if (s.eventsPerDay !== undefined && s.eventsPerDay !== this.eventsPerDay) {
      this.eventsPerDay = Math.min(
        MAX_EVENTS_PER_DAY,
        Math.max(MIN_EVENTS_PER_DAY, Math.round(s.eventsPerDay)),
      );
      this.dropSimulated();
    }
  }

  /** The user name an access key maps to; an unknown key is its own user name. */
  userNameFor(accessKeyId: string): string {
    return this.identities.get(accessKeyId) ?? accessKeyId;
  }

  /** The time of the newest and oldest stored events (undefined when empty). */
  span(): { oldest: number; newest: number } | undefined {
    this.sync(-Infinity);
    const n = this.store.length;
    return n === 0 ? undefined : { oldest: this.store.time[0], newest: this.store.time[n - 1] };
  }
}
