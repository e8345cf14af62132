import { AwsError } from './aws-error.ts';

/** The AWS JSON protocols (awsJson1_0 for CloudWatch, awsJson1_1 for CloudTrail). */
export interface JsonService {
  /** The X-Amz-Target prefix, e.g. GraniteServiceVersion20100801. */
  target: string;
  contentType: 'application/x-amz-json-1.0' | 'application/x-amz-json-1.1';
  /** The Smithy namespace used in `__type`, e.g. com.amazonaws.cloudwatch. */
  namespace: string;
  /** Query-compatible services also send `x-amzn-query-error: Code;Sender`. */
  queryCompatible: boolean;
}

/** Largest request body accepted, after decompression (PutMetricData's documented 1 MB limit). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a request body as JSON, gunzipping `content-encoding: gzip` bodies (PutMetricData compresses). */
export async function readJsonBody(request: Request): Promise<unknown> {
  let bytes = new Uint8Array(await request.arrayBuffer());
  const encoding = (request.headers.get('content-encoding') ?? '').toLowerCase();
  if (encoding.includes('gzip')) {
    try {
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
      bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    } catch {
      throw new AwsError(
        'InvalidParameterValue',
        'InvalidParameterValueException',
        'The request body is not valid gzip data.',
      );
    }
  }
  if (bytes.length > MAX_BODY_BYTES) {
    throw new AwsError(
      'RequestEntityTooLarge',
      'RequestEntityTooLarge',
      `The request size of ${bytes.length} bytes exceeds the limit of ${MAX_BODY_BYTES} bytes.`,
      413,
    );
  }
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AwsError(
      'SerializationException',
      'SerializationException',
      'The request body is not valid JSON.',
    );
  }
}

const requestId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}`;

export function jsonResponse(service: JsonService, body: unknown): Response {
  return new Response(JSON.stringify(body ?? {}), {
    status: 200,
    headers: { 'content-type': service.contentType, 'x-amzn-requestid': requestId() },
  });
}

/** AWS's error encoding for the JSON protocols, so the SDK raises the typed exception. */
export function errorResponse(service: JsonService, error: AwsError): Response {
  const headers: Record<string, string> = {
    'content-type': service.contentType,
    'x-amzn-requestid': requestId(),
  };
  if (service.queryCompatible) headers['x-amzn-query-error'] = `${error.code};${error.fault}`;
  return new Response(
    JSON.stringify({ __type: `${service.namespace}#${error.shape}`, message: error.message }),
    {
      status: error.status,
      headers,
    },
  );
}

export type Operation<Ctx> = (input: Record<string, unknown>, ctx: Ctx) => unknown;

/** Decodes one JSON-RPC request, runs the operation named by X-Amz-Target, and encodes the answer. */
export async function serveJsonRpc<Ctx>(
  service: JsonService,
  operations: Record<string, Operation<Ctx>>,
  request: Request,
  ctx: Ctx,
): Promise<Response> {
  const target = request.headers.get('x-amz-target') ?? '';
  const [prefix, name] = target.split('.');
  try {
    if (prefix !== service.target || !name || !Object.hasOwn(operations, name)) {
      throw new AwsError(
        'UnknownOperationException',
        'UnknownOperationException',
        `Operation ${name ?? target} is not supported by ${service.target}.`,
      );
    }
    const body = await readJsonBody(request);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new AwsError(
        'SerializationException',
        'SerializationException',
        'The request body must be a JSON object.',
      );
    }
    return jsonResponse(service, await operations[name](body as Record<string, unknown>, ctx));
  } catch (e) {
    if (e instanceof AwsError) return errorResponse(service, e);
    console.error(e);
    return errorResponse(
      service,
      new AwsError(
        'InternalServiceError',
        'InternalServiceFault',
        'An internal error occurred.',
        500,
        'Receiver',
      ),
    );
  }
}
