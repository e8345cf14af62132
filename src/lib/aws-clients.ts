import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { type Connection, EMBEDDED } from './connection-store.ts';

let cached: { key: string; client: CloudWatchClient } | undefined;

/**
 * The app's one CloudWatch client for the current connection. With the embedded engine it uses the
 * SDK's default endpoint, which the service worker answers; otherwise the configured URL.
 */
export function cloudWatchClient(c: Connection): CloudWatchClient {
  const key = JSON.stringify(c);
  if (cached?.key === key) return cached.client;
  const client = new CloudWatchClient({
    region: c.region,
    endpoint: c.endpoint === EMBEDDED ? undefined : c.endpoint,
    credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
    maxAttempts: 2,
  });
  cached = { key, client };
  return client;
}

let cachedTrail: { key: string; client: CloudTrailClient } | undefined;

/** The app's one CloudTrail client for the current connection (see {@link cloudWatchClient}). */
export function cloudTrailClient(c: Connection): CloudTrailClient {
  const key = JSON.stringify(c);
  if (cachedTrail?.key === key) return cachedTrail.client;
  const client = new CloudTrailClient({
    region: c.region,
    endpoint: c.endpoint === EMBEDDED ? undefined : c.endpoint,
    credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
    maxAttempts: 2,
  });
  cachedTrail = { key, client };
  return client;
}
