import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
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

// The CloudTrail client lives in ./cloudtrail/cloudtrail-client.ts, so that only the pages that use it
// load it (the landing page imports this module).
