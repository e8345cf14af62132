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
