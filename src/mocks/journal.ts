import type { AlarmSnapshot, DashboardSnapshot, PutMetricDataInput } from '../engine/index.ts';

const DB_NAME = 'watchtrail';
/**
 * Version 3 adds the audit trail's stores; version 4 the dashboards'. The page (metric journal, alarms) and the engine worker
 * (trail files, API records) open the same database through `openDatabase`, so both agree on it.
 */
const DB_VERSION = 4;
const STORE = 'metric-data';
/** One record: the alarm registry's snapshot (alarms, history, topics, notifications, detectors). */
const ALARMS = 'alarms';
/** One record per imported log file: `{ fileId, name, records: string[] }` (each record's JSON text). */
const TRAIL_FILES = 'trail-files';
/** The records of calls our API served, as JSON text, in order (auto-increment keys). */
const TRAIL_API_RECORDS = 'trail-api-records';
/**
 * One record: the dashboards' snapshot. Absent until the engine first reports its dashboards (then the
 * simulated account's are seeded); an empty snapshot means the user deleted them all.
 */
const DASHBOARDS = 'dashboards';

/** Opens (and creates or upgrades) the app's IndexedDB database; works in the page and in workers. */
export function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { autoIncrement: true });
      if (!db.objectStoreNames.contains(ALARMS)) db.createObjectStore(ALARMS);
      if (!db.objectStoreNames.contains(TRAIL_FILES))
        db.createObjectStore(TRAIL_FILES, { keyPath: 'fileId' });
      if (!db.objectStoreNames.contains(TRAIL_API_RECORDS))
        db.createObjectStore(TRAIL_API_RECORDS, { autoIncrement: true });
      if (!db.objectStoreNames.contains(DASHBOARDS)) db.createObjectStore(DASHBOARDS);
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading the schema: step aside instead of blocking it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB did not open.'));
    req.onblocked = () => console.warn('IndexedDB upgrade waits for another Watchtrail tab to close.');
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed.'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted.'));
  });
}

/** An imported log file as the trail store keeps it. */
export interface SavedTrailFile {
  fileId: string;
  name: string;
  records: string[];
}

/**
 * The audit trail's persistent part, written from the engine worker so large imports never cross to
 * the page: each imported file in ONE transaction (a reload mid-import leaves no half file), and each
 * record of a call our API served. Simulated events are recomputed, not stored.
 */
export class TrailStore {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(): Promise<TrailStore | undefined> {
    if (typeof indexedDB === 'undefined') return undefined;
    try {
      return new TrailStore(await openDatabase());
    } catch {
      return undefined;
    }
  }

  async saveFile(file: SavedTrailFile): Promise<void> {
    const tx = this.db.transaction(TRAIL_FILES, 'readwrite');
    tx.objectStore(TRAIL_FILES).put({ fileId: file.fileId, name: file.name, records: file.records });
    await done(tx);
  }

  async appendApiRecord(record: string): Promise<void> {
    const tx = this.db.transaction(TRAIL_API_RECORDS, 'readwrite');
    tx.objectStore(TRAIL_API_RECORDS).add(record);
    await done(tx);
  }

  async readAll(): Promise<{ files: SavedTrailFile[]; apiRecords: string[] }> {
    const tx = this.db.transaction([TRAIL_FILES, TRAIL_API_RECORDS], 'readonly');
    const files = tx.objectStore(TRAIL_FILES).getAll();
    const apiRecords = tx.objectStore(TRAIL_API_RECORDS).getAll();
    await done(tx);
    return { files: files.result as SavedTrailFile[], apiRecords: apiRecords.result as string[] };
  }

  async clear(): Promise<void> {
    const tx = this.db.transaction([TRAIL_FILES, TRAIL_API_RECORDS], 'readwrite');
    tx.objectStore(TRAIL_FILES).clear();
    tx.objectStore(TRAIL_API_RECORDS).clear();
    await done(tx);
  }
}

/**
 * What users published, kept in IndexedDB so it survives a reload: each accepted PutMetricData, in
 * order, replayed into the engine when the page starts. What the simulation recomputes is not kept.
 */
export class MetricJournal {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(): Promise<MetricJournal | undefined> {
    if (typeof indexedDB === 'undefined') return undefined;
    try {
      return new MetricJournal(await openDatabase());
    } catch {
      return undefined;
    }
  }

  async append(input: PutMetricDataInput): Promise<void> {
    const tx = this.db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).add(input);
    await done(tx);
  }

  async readAll(): Promise<PutMetricDataInput[]> {
    const tx = this.db.transaction(STORE, 'readonly');
    const req = tx.objectStore(STORE).getAll();
    await done(tx);
    return req.result as PutMetricDataInput[];
  }

  async clear(): Promise<void> {
    const tx = this.db.transaction([STORE, ALARMS], 'readwrite');
    tx.objectStore(STORE).clear();
    tx.objectStore(ALARMS).clear();
    await done(tx);
  }

  async saveAlarms(snapshot: AlarmSnapshot): Promise<void> {
    const tx = this.db.transaction(ALARMS, 'readwrite');
    tx.objectStore(ALARMS).put(snapshot, 'snapshot');
    await done(tx);
  }

  async loadAlarms(): Promise<AlarmSnapshot | undefined> {
    const tx = this.db.transaction(ALARMS, 'readonly');
    const req = tx.objectStore(ALARMS).get('snapshot');
    await done(tx);
    return req.result as AlarmSnapshot | undefined;
  }

  async saveDashboards(snapshot: DashboardSnapshot): Promise<void> {
    const tx = this.db.transaction(DASHBOARDS, 'readwrite');
    tx.objectStore(DASHBOARDS).put(snapshot, 'snapshot');
    await done(tx);
  }

  /** The saved dashboards; undefined when none were ever saved (not when all were deleted). */
  async loadDashboards(): Promise<DashboardSnapshot | undefined> {
    const tx = this.db.transaction(DASHBOARDS, 'readonly');
    const req = tx.objectStore(DASHBOARDS).get('snapshot');
    await done(tx);
    return req.result as DashboardSnapshot | undefined;
  }
}
