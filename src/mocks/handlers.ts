import { http } from 'msw';
import { type ApiContext, handleApiRequest } from '../api/router.ts';

/** CloudWatch's default endpoint for any Region, as the SDK addresses it. */
export const CLOUDWATCH_URL = 'https://monitoring.:region.amazonaws.com/*';

/** MSW handlers that route AWS calls and `/_watchtrail/` control calls to the API. */
export function createHandlers(ctx: ApiContext) {
  return [
    http.post(CLOUDWATCH_URL, ({ request }) => handleApiRequest(request, ctx)),
    http.all('*/_watchtrail/*', ({ request }) => handleApiRequest(request, ctx)),
  ];
}
