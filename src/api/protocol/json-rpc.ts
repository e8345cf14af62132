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
  if (service.queryCompatible && error.sendQueryCode)
    headers['x-amzn-query-error'] = `${error.code};${error.fault}`;
  return new Response(
    JSON.stringify({
      ...error.members,
      __type: `${service.namespace}#${error.shape}`,
      message: error.message,
    }),
    {
      status: error.status,
      headers,
    },
  );
}

export type Operation<Ctx> = (input: Record<string, unknown>, ctx: Ctx) => unknown;

/** What a served call looked like, for the audit trail. */
export interface ServedCall {
  operation: string;
  /** The request body as sent (undefined when it was not a JSON object). */
  input: Record<string, unknown> | undefined;
  status: number;
  /** Set when the call failed. */
  error: AwsError | undefined;
  /** The `x-amzn-requestid` the response carries. */
  requestId: string;
}

/**
 * Splits X-Amz-Target into the service prefix and the operation (the part after the last '.'). Both the
 * short prefix (`CloudTrail_20131101`) and the namespaced one that botocore and other SDKs send
 * (`com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101`) name the service.
 */
export function parseTarget(service: JsonService, target: string): { ours: boolean; operation: string } {
  const dot = target.lastIndexOf('.');
  const prefix = dot < 0 ? target : target.slice(0, dot);
  const operation = dot < 0 ? '' : target.slice(dot + 1);
  return { ours: prefix === service.target || prefix.endsWith(`.${service.target}`), operation };
}

/**
 * Decodes one JSON-RPC request, runs the operation named by X-Amz-Target, and encodes the answer.
 * `onServed` hears about every call to an operation the service has, failed or not.
 */
export async function serveJsonRpc<Ctx>(
  service: JsonService,
  operations: Record<string, Operation<Ctx>>,
  request: Request,
  ctx: Ctx,
  onServed?: (call: ServedCall) => void,
): Promise<Response> {
  const target = request.headers.get('x-amz-target') ?? '';
  const { ours, operation: name } = parseTarget(service, target);
  if (!ours || !name || !Object.hasOwn(operations, name)) {
    return errorResponse(
      service,
      new AwsError(
        'UnknownOperationException',
        'UnknownOperationException',
        `Operation ${name || target} is not supported by ${service.target}.`,
      ),
    );
  }
  let input: Record<string, unknown> | undefined;
  let response: Response;
  let error: AwsError | undefined;
  try {
    const body = await readJsonBody(request);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new AwsError(
        'SerializationException',
        'SerializationException',
        'The request body must be a JSON object.',
      );
    }
    input = body as Record<string, unknown>;
    response = jsonResponse(service, await operations[name](input, ctx));
  } catch (e) {
    if (e instanceof AwsError) error = e;
    else {
      console.error(e);
      error = new AwsError(
        'InternalServiceError',
        'InternalServiceFault',
        'An internal error occurred.',
        500,
        'Receiver',
      );
    }
    response = errorResponse(service, error);
  }
  onServed?.({
    operation: name,
    input,
    status: response.status,
    error,
    requestId: response.headers.get('x-amzn-requestid') ?? '',
  });
  return response;
}
