// Which alarm page a path shows. Alarm names may hold any character, so they travel URL-encoded
// as one path segment: `/alarms/cpu%2Fhigh`.

export type AlarmRoute =
  | { page: 'list' }
  | { page: 'create' }
  | { page: 'detail'; name: string }
  | { page: 'edit'; name: string }
  | { page: 'not-found' };

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The page of `/alarms`, `/alarms/new`, `/alarms/<name>` and `/alarms/<name>/edit`. */
export function alarmRoute(pathname: string): AlarmRoute {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/alarms') return { page: 'list' };
  if (path === '/alarms/new') return { page: 'create' };
  const m = /^\/alarms\/([^/]+)(\/edit)?$/.exec(path);
  const name = m ? decode(m[1]) : undefined;
  if (!m || name === undefined || name === '') return { page: 'not-found' };
  return m[2] ? { page: 'edit', name } : { page: 'detail', name };
}

/** The path of an alarm's detail page. */
export const alarmPath = (name: string) => `/alarms/${encodeURIComponent(name)}`;
/** The path of an alarm's edit page. */
export const alarmEditPath = (name: string) => `${alarmPath(name)}/edit`;
/** The path of a composite alarm's page (another feature's). */
export const compositeAlarmPath = (name: string) => `/alarms/composite/${encodeURIComponent(name)}`;
