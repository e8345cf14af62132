/**
 * An error the API answers with AWS's own code. `code` is the wire code (CloudWatch's query-compatible
 * `x-amzn-query-error` code, e.g. InvalidParameterValue); `shape` is the Smithy shape name that the SDK
 * turns into a typed exception (e.g. InvalidParameterValueException).
 */
export class AwsError extends Error {
  readonly code: string;
  readonly shape: string;
  readonly status: number;
  readonly fault: 'Sender' | 'Receiver';
  /** Members of the error shape besides the message (e.g. DashboardInvalidInputError's `dashboardValidationMessages`). */
  members: Record<string, unknown> = {};
  /**
   * False leaves out the `x-amzn-query-error` header: the SDK resolves that code to the first shape
   * declaring it, so DashboardNotFoundError (code ResourceNotFound, like the ResourceNotFound shape) is
   * only raised from `__type` alone.
   */
  sendQueryCode = true;

  constructor(
    code: string,
    shape: string,
    message: string,
    status = 400,
    fault: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
    this.name = shape;
    this.code = code;
    this.shape = shape;
    this.status = status;
    this.fault = fault;
  }
}
