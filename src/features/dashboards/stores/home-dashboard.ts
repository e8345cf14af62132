import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface HomeDashboardState {
  /** The dashboard chosen as home; undefined until a person picks one. */
  home: string | undefined;
  setHome: (name: string | undefined) => void;
}

/** Storage key of the home dashboard's name. */
export const HOME_DASHBOARD_STORAGE_KEY = 'watchtrail.dashboards.home';

/**
 * The home dashboard, the one "/" opens: a preference of this browser, not of the account
 * (CloudWatch has no API for it), so it is kept in localStorage.
 */
export const useHomeDashboard = create<HomeDashboardState>()(
  persist((set) => ({ home: undefined, setHome: (home) => set({ home }) }), {
    name: HOME_DASHBOARD_STORAGE_KEY,
  }),
);

/** The name CloudWatch's console shows on its overview page, when an account has it. */
export const CLOUDWATCH_DEFAULT = 'CloudWatch-Default';

/**
 * Which dashboard "/" opens: the chosen one while it exists, else CloudWatch-Default, else the first
 * by name; undefined when the account has none.
 */
export function homeDashboardName(chosen: string | undefined, names: readonly string[]): string | undefined {
  if (chosen !== undefined && names.includes(chosen)) return chosen;
  if (names.includes(CLOUDWATCH_DEFAULT)) return CLOUDWATCH_DEFAULT;
  return [...names].sort()[0];
}
