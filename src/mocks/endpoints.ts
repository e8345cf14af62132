/** CloudWatch's default endpoint for any Region, as the SDK addresses it (an MSW URL pattern). */
export const CLOUDWATCH_URL = 'https://monitoring.:region.amazonaws.com/*';

/** CloudTrail's default endpoint for any Region (awsJson1_1, `X-Amz-Target: CloudTrail_20131101.<Op>`). */
export const CLOUDTRAIL_URL = 'https://cloudtrail.:region.amazonaws.com/*';

/** The control endpoints, on whatever origin serves the API. */
export const CONTROL_URL = '*/_watchtrail/*';
