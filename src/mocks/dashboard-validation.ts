// The engine's dashboard body validator for the page (src/main.tsx) and vitest's setup to register
// with src/lib/dashboard-validation.ts. It imports the validator's module only, not the engine's
// entry point, so the page's bundle stays small when the engine runs in its worker or elsewhere.
export { validateDashboardBody as engineDashboardValidator } from '../engine/dashboards/validate.ts';
