/** The pages under `/alarms/composite`. */
export type CompositeRoute =
  | { kind: 'index' }
  | { kind: 'new' }
  | { kind: 'detail'; name: string }
  | { kind: 'edit'; name: string }
  | { kind: 'unknown' };

const PREFIX = '/alarms/composite';

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Reads the page from a path: `/alarms/composite/new`, `/alarms/composite/<name>[/edit]`. */
export function compositeRoute(pathname: string): CompositeRoute {
  const path = pathname.replace(/\/+$/, '');
  if (path === PREFIX) return { kind: 'index' };
  if (!path.startsWith(`${PREFIX}/`)) return { kind: 'unknown' };
  const parts = path.slice(PREFIX.length + 1).split('/');
  if (parts.length === 1 && parts[0] === 'new') return { kind: 'new' };
  const name = decode(parts[0]);
  if (name === undefined || name === '') return { kind: 'unknown' };
  if (parts.length === 1) return { kind: 'detail', name };
  if (parts.length === 2 && parts[1] === 'edit') return { kind: 'edit', name };
  return { kind: 'unknown' };
}

/** The path of a composite alarm's page (names may hold any character but control ones). */
export const compositePath = (name: string, edit = false): string =>
  `${PREFIX}/${encodeURIComponent(name)}${edit ? '/edit' : ''}`;

/** The path of a metric alarm's page, which the alarms feature serves. */
export const metricAlarmPath = (name: string): string => `/alarms/${encodeURIComponent(name)}`;
