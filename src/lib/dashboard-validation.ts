// The dashboard body validator's channel: the source editor and the import dialog check bodies as
// PutDashboard will. The app registers the engine's validator (src/main.tsx; vitest's setup too),
// which features may not import; until then only JSON syntax is checked. The type mirrors the
// engine's DashboardProblem (src/engine/dashboards/validate.ts): registering it checks they match.

/** One finding about a dashboard body, as PutDashboard's DashboardValidationMessages report it. */
export interface DashboardProblem {
  /** A JSON Pointer into the body, e.g. `/widgets/0/properties/metrics/1`; "" is the whole body. */
  dataPath: string;
  message: string;
  /** Errors keep PutDashboard from saving; warnings do not. */
  level: 'error' | 'warning';
}

export type DashboardValidator = (text: string) => DashboardProblem[];

let registered: DashboardValidator | undefined;

/** Installs the validator every later call uses. */
export function registerDashboardValidator(validator: DashboardValidator): void {
  registered = validator;
}

/** Checks a dashboard body's text: problems in document order, an empty list when it is clean. */
export function validateDashboardBody(text: string): DashboardProblem[] {
  if (registered) return registered(text);
  try {
    JSON.parse(text);
    return [];
  } catch (e) {
    return [
      {
        dataPath: '',
        message: `The dashboard body is not valid JSON: ${(e as Error).message}`,
        level: 'error',
      },
    ];
  }
}
