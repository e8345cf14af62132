import type { Engine } from '../../engine/index.ts';
import type { JsonService, Operation } from '../protocol/json-rpc.ts';
import { lookupEvents } from './lookup-events.ts';

/**
 * CloudTrail speaks awsJson1_1. The JS SDK v3 sends `X-Amz-Target: CloudTrail_20131101.<Op>`; botocore,
 * the JS SDK v2 and generated clients send `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.<Op>`.
 */
export const CLOUDTRAIL: JsonService = {
  target: 'CloudTrail_20131101',
  contentType: 'application/x-amz-json-1.1',
  namespace: 'com.amazonaws.cloudtrail.v20131101',
  queryCompatible: false,
};

export const CLOUDTRAIL_OPERATIONS: Record<string, Operation<Engine>> = {
  LookupEvents: lookupEvents,
};
