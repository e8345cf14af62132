import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { type Connection, EMBEDDED } from '../connection-store.ts';

let cached: { key: string; client: CloudTrailClient } | undefined;

/**
 * The app's one CloudTrail client for the current connection, as `cloudWatchClient` in
 * ../aws-clients.ts. Kept apart from that module so the landing page's bundle does not carry it.
 */
export function cloudTrailClient(c: Connection): CloudTrailClient {
  const key = JSON.stringify(c);
  if (cached?.key === key) return cached.client;
  const client = new CloudTrailClient({
    region: c.region,
    endpoint: c.endpoint === EMBEDDED ? undefined : c.endpoint,
    credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
    maxAttempts: 2,
  });
  cached = { key, client };
  return client;
}
