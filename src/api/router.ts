import { CLOUDWATCH, CLOUDWATCH_OPERATIONS } from './cloudwatch/service.ts';
import { type ApiContext, CONTROL_PREFIX, serveControl } from './control/control.ts';
import { serveJsonRpc } from './protocol/json-rpc.ts';

export type { ApiContext } from './control/control.ts';

/** True when a request is for the AWS services this API implements or its control endpoints. */
export function isApiRequest(request: Request): boolean {
  if (new URL(request.url).pathname.startsWith(CONTROL_PREFIX)) return true;
  const target = request.headers.get('x-amz-target') ?? '';
  return request.method === 'POST' && target.startsWith(`${CLOUDWATCH.target}.`);
}

/**
 * The whole API behind one function from a fetch Request to a Response: the browser's MSW worker,
 * msw/node in tests and the headless HTTP server all call it.
 */
export async function handleApiRequest(request: Request, ctx: ApiContext): Promise<Response> {
  if (new URL(request.url).pathname.startsWith(CONTROL_PREFIX)) return serveControl(request, ctx);
  ctx.engine.tick();
  return serveJsonRpc(CLOUDWATCH, CLOUDWATCH_OPERATIONS, request, ctx.engine);
}
