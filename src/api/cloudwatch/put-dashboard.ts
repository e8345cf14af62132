import { type Engine, validateDashboardBody } from '../../engine/index.ts';
import { dashboardNameAt } from './dashboard-shapes.ts';
import { dashboardInvalidInput, invalidParameterValue } from './errors.ts';
import { type Json, listAt, stringAt } from './input.ts';

/**
 * PutDashboard: creates or replaces a dashboard. The body is validated first; with errors nothing is
 * saved and the call fails with DashboardInvalidInputError, its message listing the errors as AWS
 * words it; with warnings only, the dashboard is saved and the warnings come back. The body is stored
 * as the exact string sent. Tags are checked and not kept (Watchtrail has no TagResource yet).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html
 */
export function putDashboard(input: Json, engine: Engine): Json {
  const name = dashboardNameAt(input, 'DashboardName');
  const body = stringAt(input, 'DashboardBody', 'DashboardBody', true);
  const tags = listAt(input, 'Tags', 'Tags');
  if (tags && tags.length > 50)
    throw invalidParameterValue('The collection Tags must not have a size greater than 50.');
  const problems = validateDashboardBody(body);
  const errors = problems.filter((p) => p.level === 'error');
  if (errors.length > 0) {
    const listed = errors.map((e) => ({ dataPath: e.dataPath, message: e.message }));
    throw dashboardInvalidInput(
      `The dashboard body is invalid, there are ${errors.length} validation errors:\n${JSON.stringify(listed, null, 2)}`,
      listed,
    );
  }
  engine.dashboards.put(name, body);
  return {
    DashboardValidationMessages: problems.map((p) => ({ DataPath: p.dataPath, Message: p.message })),
  };
}
