import { AwsError } from '../protocol/aws-error.ts';

/**
 * CloudTrail's LookupEvents errors (all client faults, HTTP 400). CloudTrail is not query-compatible,
 * so the wire code is the Smithy shape name itself. AWS publishes no message texts for these; ours name
 * the offending value.
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html#API_LookupEvents_Errors
 */
const cloudTrailError = (shape: string) => (message: string) => new AwsError(shape, shape, message);

export const invalidLookupAttributes = cloudTrailError('InvalidLookupAttributesException');
export const invalidTimeRange = cloudTrailError('InvalidTimeRangeException');
export const invalidMaxResults = cloudTrailError('InvalidMaxResultsException');
export const invalidNextToken = cloudTrailError('InvalidNextTokenException');
export const invalidEventCategory = cloudTrailError('InvalidEventCategoryException');
/** A member of the wrong JSON type: the JSON protocols answer SerializationException. */
export const serializationError = cloudTrailError('SerializationException');
