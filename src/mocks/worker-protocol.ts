import type {
  AlarmSnapshot,
  ClockSnapshot,
  DashboardSnapshot,
  EngineEvent,
  ImportReport,
  PutMetricDataInput,
  TrailSettings,
} from '../engine/index.ts';

/** The engine's state a browser host keeps across reloads (besides what IndexedDB holds). */
export interface PersistedEngine {
  clock: ClockSnapshot;
  seed: number;
  simulation: boolean;
  /** The trail's settings: access-key → user-name mapping, simulated events per day. */
  trail?: TrailSettings;
}

/** The phases of a direct import, reported as they go (`done` of `total`: bytes, or records). */
export type ImportPhase = 'decompressing' | 'parsing' | 'indexing' | 'saving';

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

/** What an import reports: the engine's ImportReport without the persistence details. */
export type ImportResult = Pick<ImportReport, 'file' | 'imported' | 'rejected' | 'rejections' | 'warnings'>;

/** A request or response crossing to the engine worker: plain data, the body transferred. */
export interface WireMessage {
  status?: number;
  url?: string;
  method?: string;
  headers: [string, string][];
  body: ArrayBuffer | undefined;
}

export type ToWorker =
  | {
      type: 'init';
      saved: PersistedEngine | undefined;
      journal: PutMetricDataInput[];
      alarms: AlarmSnapshot | undefined;
      /** Undefined: never saved, so the engine keeps the simulated account's seeded dashboards. */
      dashboards: DashboardSnapshot | undefined;
    }
  | { type: 'request'; id: number; request: WireMessage }
  /** A log file from the file chooser, straight to the worker (bytes transferred, never through MSW). */
  | { type: 'import'; id: number; name: string; bytes: ArrayBuffer };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'response'; id: number; response: WireMessage }
  | { type: 'event'; event: EngineEvent }
  | { type: 'state'; state: PersistedEngine }
  | { type: 'alarms'; snapshot: AlarmSnapshot }
  /** The dashboards changed: the page saves this snapshot. */
  | { type: 'dashboards'; snapshot: DashboardSnapshot }
  | ({ type: 'import-progress'; id: number } & ImportProgress)
  | { type: 'import-done'; id: number; report: ImportResult }
  | { type: 'import-failed'; id: number; error: string };

export async function toWire(r: Request | Response): Promise<WireMessage> {
  const body = await r.arrayBuffer();
  const headers: [string, string][] = [];
  r.headers.forEach((v, k) => headers.push([k, v]));
  return r instanceof Request
    ? { url: r.url, method: r.method, headers, body: body.byteLength > 0 ? body : undefined }
    : { status: r.status, headers, body };
}

export const transferables = (m: WireMessage): Transferable[] => (m.body ? [m.body] : []);
