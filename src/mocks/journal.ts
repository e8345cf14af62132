import type { PutMetricDataInput } from '../engine/index.ts';

const DB_NAME = 'watchtrail';
const STORE = 'metric-data';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { autoIncrement: true });
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
    const tx = this.db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).clear();
    await done(tx);
  }
}
