import { useQueries } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';
import { BLOCK_ROWS, trailBlockQueryOptions } from '../api/search-trail.ts';
import type { ColumnId } from '../model/columns.ts';
import type { EventSummary, TrailQuery } from '../model/trail-types.ts';
import { blocksFor } from '../model/virtual-window.ts';
import { EventTable } from './event-table.tsx';

/** Props of {@link FilterResults}. */
export interface FilterResultsProps {
  base: string;
  /** The selection with resolved times (a new query starts at the top). */
  query: TrailQuery;
  columns: readonly ColumnId[];
  selectedId?: string;
  onOpen: (eventId: string) => void;
  /** Shown instead of the table when nothing matches. */
  empty: React.ReactNode;
  /** Reports the selection's total once known. */
  children?: (total: number | undefined, fetching: boolean) => React.ReactNode;
}

/** The selection's rows, fetched in blocks of {@link BLOCK_ROWS} as they scroll into view. */
export function FilterResults({
  base,
  query,
  columns,
  selectedId,
  onOpen,
  empty,
  children,
}: FilterResultsProps) {
  const [blocks, setBlocks] = useState<number[]>([0]);
  const onWindow = useCallback((start: number, end: number) => {
    const next = blocksFor(start, end, BLOCK_ROWS);
    setBlocks((prev) => (prev.join() === next.join() ? prev : next));
  }, []);
  const wanted = blocks.includes(0) ? blocks : [0, ...blocks];
  const results = useQueries({ queries: wanted.map((b) => trailBlockQueryOptions(base, query, b)) });
  const byBlock = new Map<number, EventSummary[]>();
  wanted.forEach((b, i) => {
    const rows = results[i].data?.rows;
    if (rows) byBlock.set(b, rows);
  });
  const first = results[0];
  const total = first.data?.total;
  const error = results.find((r) => r.error)?.error;
  const rowAt = (i: number) => byBlock.get(Math.floor(i / BLOCK_ROWS))?.[i % BLOCK_ROWS];

  return (
    <>
      {children?.(
        total,
        results.some((r) => r.isFetching),
      )}
      {error && <AwsErrorAlert error={error} title="The events could not be loaded" />}
      {first.isPending && !error && <p className="text-sm text-slate-500">Loading events…</p>}
      {total === 0 && empty}
      {total !== undefined && total > 0 && (
        <EventTable
          label="Events"
          total={total}
          rowAt={rowAt}
          columns={columns}
          onWindow={onWindow}
          onOpen={onOpen}
          selectedId={selectedId}
        />
      )}
    </>
  );
}
