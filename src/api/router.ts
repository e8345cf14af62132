import { auditor, CLOUDWATCH_AUDIT, callerOf } from './audit/record-call.ts';
import { CLOUDTRAIL, CLOUDTRAIL_OPERATIONS } from './cloudtrail/service.ts';
import { CLOUDWATCH, CLOUDWATCH_OPERATIONS } from './cloudwatch/service.ts';
import { type ApiContext, CONTROL_PREFIX, serveControl } from './control/control.ts';
import { parseTarget, serveJsonRpc } from './protocol/json-rpc.ts';

export type { ApiContext } from './control/control.ts';

const targetOf = (request: Request) => request.headers.get('x-amz-target') ?? '';

/** True when a request is for the AWS services this API implements or its control endpoints. */
export function isApiRequest(request: Request): boolean {
  if (new URL(request.url).pathname.startsWith(CONTROL_PREFIX)) return true;
  const target = targetOf(request);
  return (
    request.method === 'POST' &&
    (parseTarget(CLOUDWATCH, target).ours || parseTarget(CLOUDTRAIL, target).ours)
  );
}

/**
 * The whole API behind one function from a fetch Request to a Response: the browser's MSW worker,
 * msw/node in tests and the headless HTTP server all call it. Every mutating call is recorded in the
 * audit trail with the caller's identity.
 */
export async function handleApiRequest(request: Request, ctx: ApiContext): Promise<Response> {
  if (new URL(request.url).pathname.startsWith(CONTROL_PREFIX)) return serveControl(request, ctx);
  const { engine } = ctx;
  engine.tick();
  if (parseTarget(CLOUDTRAIL, targetOf(request)).ours)
    return serveJsonRpc(CLOUDTRAIL, CLOUDTRAIL_OPERATIONS, request, engine);
  const caller = callerOf(request, ctx.sourceIp);
  return serveJsonRpc(
    CLOUDWATCH,
    CLOUDWATCH_OPERATIONS,
    request,
    engine,
    auditor(engine, CLOUDWATCH_AUDIT, caller),
  );
}
