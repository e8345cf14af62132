/** The Watchtrail control endpoints are missing on this backend (a real AWS account). */
export const NO_CONTROL_ENDPOINTS =
  'This backend has no Watchtrail control endpoints (it is a real AWS account or another service).';

/**
 * A JSON request to `/_watchtrail/<path>` on `base` (empty = this origin). Their errors are
 * `400 {error: "..."}`; the message is thrown as is.
 */
export async function controlRequest<T>(
  base: string | undefined,
  path: string,
  init?: { method: 'POST'; body: unknown; signal?: AbortSignal },
): Promise<T> {
  if (base === undefined) throw new Error(NO_CONTROL_ENDPOINTS);
  const res = await fetch(`${base}/_watchtrail/${path}`, {
    method: init?.method ?? 'GET',
    headers: init ? { 'content-type': 'application/json' } : undefined,
    body: init ? JSON.stringify(init.body) : undefined,
    signal: init?.signal,
  });
  const json = (await res.json().catch(() => ({}))) as T & { error?: unknown };
  if (!res.ok) {
    const message =
      typeof json.error === 'string' ? json.error : `The ${path} endpoint answered ${res.status}.`;
    throw new Error(message);
  }
  return json;
}
