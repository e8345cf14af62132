import type { Engine } from '../../engine/index.ts';
import { checkDashboardName } from './dashboard-shapes.ts';
import { dashboardNotFound, invalidParameterValue } from './errors.ts';
import { type Json, listAt } from './input.ts';

const MAX_NAMES = 100;

/**
 * DeleteDashboards: up to 100 names. Following the current API reference ("If there is an error
 * during this call, the operation attempts to delete as many dashboards as possible"), the dashboards
 * that exist are deleted and, when any name does not, the call then fails with DashboardNotFoundError
 * naming those. (Older text said that nothing is deleted then.)
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DeleteDashboards.html
 */
export function deleteDashboards(input: Json, engine: Engine): Json {
  const list = listAt(input, 'DashboardNames', 'DashboardNames', true);
  if (list.length === 0) throw invalidParameterValue('The collection DashboardNames must not be empty.');
  if (list.length > MAX_NAMES)
    throw invalidParameterValue(
      `The collection DashboardNames must not have a size greater than ${MAX_NAMES}.`,
    );
  const names = list.map((n, i) => checkDashboardName(n, `DashboardNames.member.${i + 1}`));
  const { missing } = engine.dashboards.delete(names);
  if (missing.length > 0)
    throw dashboardNotFound(
      missing.length === 1
        ? `Dashboard ${missing[0]} does not exist`
        : `Dashboards ${missing.join(', ')} do not exist`,
    );
  return {};
}
