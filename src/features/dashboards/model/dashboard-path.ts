/** The path of a dashboard's page. */
export const dashboardPath = (name: string) => `/dashboards/${encodeURIComponent(name)}`;
