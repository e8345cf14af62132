import type { AlarmSnapshot, PutMetricDataInput } from '../engine/index.ts';

const DB_NAME = 'watchtrail';
const STORE = 'metric-data';
/** One record: the alarm registry's snapshot (alarms, history, topics, notifications, detectors). */
const ALARMS = 'alarms';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 2);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { autoIncrement: true });
      if (!db.objectStoreNames.contains(ALARMS)) db.createObjectStore(ALARMS);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB did not open.'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed.'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted.'));
  });
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
      return new MetricJournal(await open());
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
}
