/**
 * Performance marks the benchmark reads in Chromium: `range-change` when the user picks a new range,
 * `dashboard-ready` each time every widget of the dashboard has drawn the current range.
 */
export const RANGE_CHANGE_MARK = 'range-change';
export const DASHBOARD_READY_MARK = 'dashboard-ready';

export function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}
