import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** Where the app's AWS SDK clients send requests. */
export interface Connection {
  /** 'embedded' = the engine in this tab (MSW); otherwise an endpoint URL such as http://127.0.0.1:4566. */
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export const EMBEDDED = 'embedded';

export const DEFAULT_CONNECTION: Connection = {
  endpoint: EMBEDDED,
  region: 'us-east-1',
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'watchtrail-local',
};

interface ConnectionState extends Connection {
  setConnection: (c: Partial<Connection>) => void;
}

/** The connection settings, kept in localStorage. */
export const useConnectionStore = create<ConnectionState>()(
  persist(
    (set) => ({
      ...DEFAULT_CONNECTION,
      setConnection: (c) => set(c),
    }),
    { name: 'watchtrail.connection' },
  ),
);

/** Checks an endpoint typed by a user: 'embedded' or an http(s) URL. */
export function validateEndpoint(text: string): string | undefined {
  const t = text.trim();
  if (t === EMBEDDED) return undefined;
  try {
    const u = new URL(t);
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      return 'The endpoint must start with http:// or https://.';
    return undefined;
  } catch {
    return `"${t}" is not a URL. Use "embedded" or a URL such as http://127.0.0.1:4566.`;
  }
}

/** The base URL of the `/_watchtrail/` control endpoints, or undefined where there are none (real AWS). */
export function controlBase(c: Pick<Connection, 'endpoint'>): string | undefined {
  if (c.endpoint === EMBEDDED) return '';
  try {
    const u = new URL(c.endpoint);
    if (u.hostname.endsWith('amazonaws.com')) return undefined;
    return u.origin;
  } catch {
    return undefined;
  }
}
