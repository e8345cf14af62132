import type { Engine } from '../../engine/index.ts';
import { dashboardArn, dashboardNameAt } from './dashboard-shapes.ts';
import { dashboardNotFound } from './errors.ts';
import type { Json } from './input.ts';

/**
 * GetDashboard: the body exactly as it was put, with the dashboard's ARN.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetDashboard.html
 */
export function getDashboard(input: Json, engine: Engine): Json {
  const name = dashboardNameAt(input, 'DashboardName');
  const d = engine.dashboards.get(name);
  if (!d) throw dashboardNotFound(`Dashboard ${name} does not exist`);
  return { DashboardArn: dashboardArn(d.name), DashboardBody: d.body, DashboardName: d.name };
}
