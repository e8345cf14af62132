import { AwsError } from '../protocol/aws-error.ts';

/** CloudWatch's error codes and the SDK exception shapes they map to (query-compatible JSON 1.0). */
export const invalidParameterValue = (message: string) =>
  new AwsError('InvalidParameterValue', 'InvalidParameterValueException', message);
export const missingParameter = (parameter: string) =>
  new AwsError(
    'MissingParameter',
    'MissingRequiredParameterException',
    `The parameter ${parameter} is required.`,
  );
export const invalidParameterCombination = (message: string) =>
  new AwsError('InvalidParameterCombination', 'InvalidParameterCombinationException', message);
export const invalidNextToken = (
  message = 'The NextToken is invalid or was issued for a different request.',
) => new AwsError('InvalidNextToken', 'InvalidNextToken', message);
export const resourceNotFound = (message: string) =>
  new AwsError('ResourceNotFound', 'ResourceNotFound', message, 404);
export const resourceNotFoundException = (message: string) =>
  new AwsError('ResourceNotFoundException', 'ResourceNotFoundException', message, 404);
export const invalidFormat = (message: string) =>
  new AwsError('InvalidFormat', 'InvalidFormatFault', message);
export const limitExceeded = (message: string) =>
  new AwsError('LimitExceeded', 'LimitExceededFault', message);

/** PutDashboard's invalid body: the SDK's DashboardInvalidInputError, with the errors as its member. */
export function dashboardInvalidInput(
  message: string,
  messages: readonly { dataPath: string; message: string }[],
): AwsError {
  const e = new AwsError('InvalidParameterInput', 'DashboardInvalidInputError', message);
  e.members = {
    dashboardValidationMessages: messages.map((m) => ({ DataPath: m.dataPath, Message: m.message })),
  };
  return e;
}

/**
 * A dashboard that does not exist: DashboardNotFoundError (wire code ResourceNotFound, 404). Sent
 * without `x-amzn-query-error`, or the SDK would raise the ResourceNotFound shape instead (which
 * shares the code).
 */
export function dashboardNotFound(message: string): AwsError {
  const e = new AwsError('ResourceNotFound', 'DashboardNotFoundError', message, 404);
  e.sendQueryCode = false;
  return e;
}
