import type { AlarmSnapshot, ClockSnapshot, EngineEvent, PutMetricDataInput } from '../engine/index.ts';

/** The engine's state a browser host keeps across reloads (besides the published-data journal). */
export interface PersistedEngine {
  clock: ClockSnapshot;
  seed: number;
  simulation: boolean;
}

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
    }
  | { type: 'request'; id: number; request: WireMessage };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'response'; id: number; response: WireMessage }
  | { type: 'event'; event: EngineEvent }
  | { type: 'state'; state: PersistedEngine }
  | { type: 'alarms'; snapshot: AlarmSnapshot };

export async function toWire(r: Request | Response): Promise<WireMessage> {
  const body = await r.arrayBuffer();
  const headers: [string, string][] = [];
  r.headers.forEach((v, k) => headers.push([k, v]));
  return r instanceof Request
    ? { url: r.url, method: r.method, headers, body: body.byteLength > 0 ? body : undefined }
    : { status: r.status, headers, body };
}

export const transferables = (m: WireMessage): Transferable[] => (m.body ? [m.body] : []);
