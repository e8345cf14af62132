import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';
import { controlRequest } from '../../../lib/control-request.ts';
import type { TrailField, TrailQuery, TrailSearchResult } from '../model/trail-types.ts';

/** Rows per table request. */
export const BLOCK_ROWS = 200;

/** `POST /_watchtrail/trail/search`. */
export interface TrailSearchRequest {
  query: TrailQuery;
  offset?: number;
  limit?: number;
  facets?: TrailField[];
  facetTop?: number;
  facetContains?: Partial<Record<TrailField, string>>;
}

/** Searches the trail: total, a page of rows newest first, and value counts per field. */
export function searchTrail(
  base: string | undefined,
  body: TrailSearchRequest,
  signal?: AbortSignal,
): Promise<TrailSearchResult> {
  return controlRequest<TrailSearchResult>(base, 'trail/search', { method: 'POST', body, signal });
}

/** Every trail query of a backend, to refresh after an import. */
export const trailQueryPrefix = (base: string | undefined) => ['watchtrail', 'trail', base] as const;

/** One block of rows: the query carries resolved, absolute times, so a block never shifts. */
export const trailBlockQueryOptions = (base: string | undefined, query: TrailQuery, block: number) =>
  queryOptions({
    queryKey: [...trailQueryPrefix(base), 'rows', query, block],
    queryFn: ({ signal }) =>
      searchTrail(base, { query, offset: block * BLOCK_ROWS, limit: BLOCK_ROWS }, signal),
    staleTime: 30_000,
    enabled: base !== undefined,
  });

/** The value counts of `fields` for the selection (and the total). */
export const trailFacetsQueryOptions = (
  base: string | undefined,
  query: TrailQuery,
  fields: TrailField[],
  facetTop: number,
  facetContains: Partial<Record<TrailField, string>>,
) =>
  queryOptions({
    queryKey: [...trailQueryPrefix(base), 'facets', query, fields, facetTop, facetContains],
    queryFn: ({ signal }) =>
      searchTrail(base, { query, offset: 0, limit: 1, facets: fields, facetTop, facetContains }, signal),
    staleTime: 30_000,
    enabled: base !== undefined && fields.length > 0,
    placeholderData: keepPreviousData,
  });

/** Facet counts, keeping the previous counts on screen while new ones load. */
export function useTrailFacets(
  query: TrailQuery,
  fields: TrailField[],
  facetTop: number,
  facetContains: Partial<Record<TrailField, string>>,
) {
  const base = controlBase(useConnectionStore());
  return useQuery(trailFacetsQueryOptions(base, query, fields, facetTop, facetContains));
}
