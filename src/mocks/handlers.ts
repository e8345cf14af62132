import { http } from 'msw';
import { type ApiContext, handleApiRequest } from '../api/router.ts';
import { CLOUDTRAIL_URL, CLOUDWATCH_URL, CONTROL_URL } from './endpoints.ts';

/** MSW handlers that route AWS calls (CloudWatch, CloudTrail) and `/_watchtrail/` control calls to the API. */
export function createHandlers(ctx: ApiContext) {
  return [
    http.post(CLOUDWATCH_URL, ({ request }) => handleApiRequest(request, ctx)),
    http.post(CLOUDTRAIL_URL, ({ request }) => handleApiRequest(request, ctx)),
    http.all(CONTROL_URL, ({ request }) => handleApiRequest(request, ctx)),
  ];
}
