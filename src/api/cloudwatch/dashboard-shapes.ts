import { ACCOUNT_ID } from '../../engine/index.ts';
import { invalidParameterValue } from './errors.ts';
import { type Json, stringAt } from './input.ts';

/** Dashboard names: 1–255 characters, letters, digits, `-` and `_` ([MODEL] PutDashboard). */
const NAME = /^[A-Za-z0-9_-]+$/;
/** ListDashboards' prefix also allows `.` ([MODEL]). */
const PREFIX = /^[A-Za-z0-9._-]*$/;
export const MAX_DASHBOARD_NAME = 255;

/** Dashboards are global: the ARN has no Region. */
export const dashboardArn = (name: string): string => `arn:aws:cloudwatch::${ACCOUNT_ID}:dashboard/${name}`;

/** Checks a dashboard name; AWS's wording for bad characters (as CloudWatch answers PutDashboard). */
export function checkDashboardName(name: unknown, field: string): string {
  if (typeof name !== 'string')
    throw invalidParameterValue(
      `The value ${JSON.stringify(name)} for parameter ${field} is invalid: expected a string.`,
    );
  if (!NAME.test(name))
    throw invalidParameterValue(
      `The value for field ${field} contains invalid characters. It can only contain alphanumerics, dash (-) and underscore (_).`,
    );
  if (name.length > MAX_DASHBOARD_NAME)
    throw invalidParameterValue(
      `The value for field ${field} is too long: dashboard names have at most ${MAX_DASHBOARD_NAME} characters.`,
    );
  return name;
}

/** A required DashboardName member. */
export function dashboardNameAt(input: Json, key: string): string {
  return checkDashboardName(stringAt(input, key, key, true), key);
}

/** ListDashboards' DashboardNamePrefix, when given. */
export function dashboardPrefixAt(input: Json, key: string): string | undefined {
  const prefix = stringAt(input, key, key);
  if (prefix === undefined) return undefined;
  if (!PREFIX.test(prefix))
    throw invalidParameterValue(
      `The value for field ${key} contains invalid characters. It can only contain alphanumerics, period (.), dash (-) and underscore (_).`,
    );
  if (prefix.length > MAX_DASHBOARD_NAME)
    throw invalidParameterValue(
      `The value for field ${key} must be at most ${MAX_DASHBOARD_NAME} characters long.`,
    );
  return prefix;
}
