import type { Engine } from '../../engine/index.ts';
import { DASHBOARD_PAGE_SIZE } from '../../engine/index.ts';
import { dashboardArn, dashboardPrefixAt } from './dashboard-shapes.ts';
import { invalidNextToken } from './errors.ts';
import { type Json, decodeToken, encodeToken, stringAt } from './input.ts';

/**
 * ListDashboards: the dashboards whose names start with DashboardNamePrefix, in name order, 1000 per
 * page. The NextToken remembers the last name returned, so a dashboard deleted or added between pages
 * neither shifts nor repeats the rest.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_ListDashboards.html
 */
export function listDashboards(input: Json, engine: Engine): Json {
  const prefix = dashboardPrefixAt(input, 'DashboardNamePrefix');
  const token = stringAt(input, 'NextToken', 'NextToken');
  const request = { op: 'ListDashboards', prefix };
  let after: string | undefined;
  if (token !== undefined) {
    after = decodeToken<string>(token, request);
    if (typeof after !== 'string') throw invalidNextToken();
  }
  const page = engine.dashboards.list({ prefix, after, limit: DASHBOARD_PAGE_SIZE });
  const out: Json = {
    DashboardEntries: page.entries.map((d) => ({
      DashboardName: d.name,
      DashboardArn: dashboardArn(d.name),
      LastModified: d.lastModifiedMs / 1000,
      Size: d.size,
    })),
  };
  const last = page.entries.at(-1);
  if (page.more && last) out.NextToken = encodeToken(request, last.name);
  return out;
}
