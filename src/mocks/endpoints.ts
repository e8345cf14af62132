/** CloudWatch's default endpoint for any Region, as the SDK addresses it (an MSW URL pattern). */
export const CLOUDWATCH_URL = 'https://monitoring.:region.amazonaws.com/*';

/** The control endpoints, on whatever origin serves the API. */
export const CONTROL_URL = '*/_watchtrail/*';
