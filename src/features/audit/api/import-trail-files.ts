import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type TrailImportProgress,
  type TrailImportReport,
  importTrailFile,
} from '../../../lib/cloudtrail/trail-import.ts';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';
import { controlRequest } from '../../../lib/control-request.ts';
import type { TrailSearchResult } from '../model/trail-types.ts';
import { trailQueryPrefix } from './search-trail.ts';

/** One file of an import, as the import panel shows it. */
export interface ImportItem {
  key: string;
  name: string;
  size: number;
  status: 'waiting' | 'importing' | 'done' | 'failed';
  progress?: TrailImportProgress;
  report?: TrailImportReport;
  error?: string;
}

/** The time span of the imported events, to show them (they are often years old). */
export interface ImportedSpan {
  startMs: number;
  endMs: number;
}

async function importedSpan(base: string | undefined): Promise<ImportedSpan | undefined> {
  const query = { fields: { origin: [{ match: 'exact' as const, value: 'imported' }] } };
  const newest = await controlRequest<TrailSearchResult>(base, 'trail/search', {
    method: 'POST',
    body: { query, offset: 0, limit: 1 },
  });
  if (newest.total === 0 || newest.rows.length === 0) return undefined;
  const oldest = await controlRequest<TrailSearchResult>(base, 'trail/search', {
    method: 'POST',
    body: { query, offset: newest.total - 1, limit: 1 },
  });
  return {
    startMs: oldest.rows[0]?.eventTime ?? newest.rows[0].eventTime,
    endMs: newest.rows[0].eventTime,
  };
}

let nextKey = 0;

/**
 * Imports CloudTrail log files one after the other, with per-file progress and reports; then the
 * history refreshes and the span of imported events is known.
 */
export function useImportTrailFiles() {
  const base = controlBase(useConnectionStore());
  const qc = useQueryClient();
  const [items, setItems] = useState<ImportItem[]>([]);
  const [span, setSpan] = useState<ImportedSpan | undefined>(undefined);
  const [running, setRunning] = useState(false);

  const update = (key: string, patch: Partial<ImportItem>) =>
    setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  const start = async (files: File[]) => {
    const added = files.map((f) => ({
      key: `import-${nextKey++}`,
      name: f.name,
      size: f.size,
      status: 'waiting' as const,
      file: f,
    }));
    setItems((all) => [...all, ...added.map(({ file: _file, ...item }) => item)]);
    setRunning(true);
    let anyImported = false;
    for (const item of added) {
      update(item.key, { status: 'importing' });
      try {
        const report = await importTrailFile(item.file, base, (progress) => update(item.key, { progress }));
        if (report.imported > 0) anyImported = true;
        update(item.key, { status: 'done', report });
      } catch (e) {
        update(item.key, { status: 'failed', error: e instanceof Error ? e.message : String(e) });
      }
    }
    setRunning(false);
    if (anyImported) {
      await qc.invalidateQueries({ queryKey: trailQueryPrefix(base) });
      setSpan(await importedSpan(base).catch(() => undefined));
    }
  };

  const clear = () => {
    setItems([]);
    setSpan(undefined);
  };

  return { items, span, running, start, clear };
}
