import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type ApiContext, handleApiRequest, isApiRequest } from '../api/router.ts';

/**
 * The headers the AWS SDKs send from a browser. Listed by name because the `*` wildcard of
 * Access-Control-Allow-Headers does not cover Authorization (Fetch standard); a preflight echoes what
 * the browser asks for besides.
 */
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'content-encoding',
  'x-amz-target',
  'x-amz-date',
  'x-amz-content-sha256',
  'x-amz-security-token',
  'x-amz-user-agent',
  'x-amzn-query-mode',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
  '*',
].join(', ');

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': ALLOWED_HEADERS,
  'access-control-expose-headers':
    'x-amzn-requestid, x-amzn-query-error, x-amz-id-2, x-watchtrail-total, content-disposition',
  'access-control-max-age': '86400',
};

/** The caller's address as audit records show it (IPv4-mapped IPv6 addresses in their IPv4 form). */
const remoteAddress = (req: IncomingMessage): string | undefined =>
  req.socket.remoteAddress?.replace(/^::ffff:/, '');

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  const body =
    chunks.length > 0 && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? '/', origin), { method: req.method, headers, body });
}

/** Writes a Response, streaming its body (a whole-trail export arrives in chunks). */
async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = { ...CORS };
  response.headers.forEach((v, k) => (headers[k] = v));
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (!res.write(chunk)) await new Promise<void>((resolve) => res.once('drain', resolve));
  }
  res.end();
}

/**
 * The headless API: the same handlers as the browser's mock, over HTTP, so the AWS CLI, SDKs in any
 * language or another dashboard can use the engine as their backend. CORS is open so a browser app on
 * another origin (Watchtrail's own settings, Grafana) can call it.
 */
export function createHttpServer(ctx: ApiContext): Server {
  return createServer((req, res) => {
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    if (req.method === 'OPTIONS') {
      const asked = req.headers['access-control-request-headers'];
      res.writeHead(
        204,
        asked ? { ...CORS, 'access-control-allow-headers': `${ALLOWED_HEADERS}, ${asked}` } : CORS,
      );
      res.end();
      return;
    }
    toRequest(req, origin)
      .then(async (request) => {
        if (!isApiRequest(request)) {
          await send(
            res,
            new Response(
              JSON.stringify({
                __type: 'UnknownOperationException',
                message:
                  'Send AWS JSON requests with an X-Amz-Target header (CloudWatch or CloudTrail), or use /_watchtrail/.',
              }),
              {
                status: 400,
                headers: { 'content-type': 'application/x-amz-json-1.0' },
              },
            ),
          );
          return;
        }
        await send(res, await handleApiRequest(request, { ...ctx, sourceIp: remoteAddress(req) }));
      })
      .catch((e: unknown) => {
        console.error(e);
        res.writeHead(500, { 'content-type': 'application/json', ...CORS });
        res.end(JSON.stringify({ message: 'Internal error' }));
      });
  });
}
