import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MetricIdentity } from '../../../lib/cloudwatch/metric-identity.ts';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';
import { NO_CONTROL_ENDPOINTS } from '../../../lib/control-request.ts';
import type { Incident } from '../model/tuner-config.ts';

/** Which incidents: those overlapping [startMs, endMs) whose effect shows in one of `metrics`. */
export interface IncidentsRequest {
  startMs: number;
  endMs: number;
  metrics: MetricIdentity[];
}

const isIncident = (x: unknown): x is Incident => {
  const i = x as Partial<Incident> | undefined;
  return (
    typeof i?.id === 'string' &&
    typeof i.startMs === 'number' &&
    typeof i.endMs === 'number' &&
    typeof i.summary === 'string'
  );
};

/**
 * `GET /_watchtrail/incidents?start&end&metric=…`: the simulation's labeled incidents, the tuner's
 * ground truth. With `metric` (repeated per metric), the backend keeps those whose effect shows in
 * that metric, from the simulation's own catalog. Backends without control endpoints (a real AWS
 * account) have no labeled incidents.
 */
export async function getIncidents(
  base: string | undefined,
  req: IncidentsRequest,
  signal?: AbortSignal,
): Promise<Incident[]> {
  if (base === undefined) throw new Error(NO_CONTROL_ENDPOINTS);
  const params = new URLSearchParams({ start: String(req.startMs), end: String(req.endMs) });
  for (const m of req.metrics) {
    params.append(
      'metric',
      JSON.stringify({ namespace: m.namespace, metricName: m.metricName, dimensions: m.dimensions }),
    );
  }
  const res = await fetch(`${base}/_watchtrail/incidents?${params.toString()}`, { signal });
  const json = (await res.json().catch(() => undefined)) as
    { incidents?: unknown; error?: unknown } | undefined;
  if (!res.ok) {
    throw new Error(
      typeof json?.error === 'string' ? json.error : `The incidents endpoint answered ${res.status}.`,
    );
  }
  const list = Array.isArray(json?.incidents) ? json.incidents : [];
  return list.filter(isIncident).sort((a, b) => a.startMs - b.startMs);
}

export const incidentsQueryOptions = (base: string | undefined, req: IncidentsRequest) =>
  queryOptions({
    queryKey: ['watchtrail', 'incidents', base, req],
    queryFn: ({ signal }) => getIncidents(base, req, signal),
    // The simulation's past does not change.
    staleTime: Infinity,
  });

/**
 * The incidents for the tuner's history, or `available: false` where the backend has no control
 * endpoints (then there is no ground truth to judge the alarm by).
 */
export function useIncidents(req: IncidentsRequest | undefined) {
  const base = controlBase(useConnectionStore());
  const { data, error, isFetching } = useQuery({
    ...incidentsQueryOptions(base, req ?? { startMs: 0, endMs: 0, metrics: [] }),
    enabled: base !== undefined && req !== undefined && req.metrics.length > 0,
  });
  return { incidents: data, error, isFetching, available: base !== undefined };
}
