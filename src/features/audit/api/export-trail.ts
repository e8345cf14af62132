import { EXPORT_CHUNK_ROWS, type ExportFormat, exportBlobParts } from '../model/export-assembly.ts';
import type { TrailQuery } from '../model/trail-types.ts';

/** `POST /_watchtrail/trail/export` progress: rows written of the selection's total. */
export interface ExportProgress {
  done: number;
  total: number;
}

async function exportChunk(
  base: string,
  query: TrailQuery,
  format: ExportFormat,
  offset: number,
  signal: AbortSignal,
): Promise<{ text: string; total: number }> {
  const res = await fetch(`${base}/_watchtrail/trail/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, format, offset, limit: EXPORT_CHUNK_ROWS }),
    signal,
  });
  const text = await res.text();
  if (!res.ok) {
    let message = `The export endpoint answered ${res.status}.`;
    try {
      const json = JSON.parse(text) as { error?: unknown };
      if (typeof json.error === 'string') message = json.error;
    } catch {
      // not JSON: keep the status message
    }
    throw new Error(message);
  }
  return { text, total: Number(res.headers.get('x-watchtrail-total') ?? '0') };
}

/**
 * Exports the selection as one Blob, `EXPORT_CHUNK_ROWS` rows per request. The query must have a
 * fixed end (pinned by the caller) so the selection does not shift while it streams.
 */
export async function exportTrail(
  base: string,
  query: TrailQuery,
  format: ExportFormat,
  onProgress: (p: ExportProgress) => void,
  signal: AbortSignal,
): Promise<Blob> {
  const chunks: string[] = [];
  let total = Infinity;
  for (let offset = 0; offset < total; offset += EXPORT_CHUNK_ROWS) {
    const chunk = await exportChunk(base, query, format, offset, signal);
    total = chunk.total;
    chunks.push(chunk.text);
    onProgress({ done: Math.min(total, offset + EXPORT_CHUNK_ROWS), total });
  }
  return new Blob(exportBlobParts(format, chunks), {
    type: format === 'csv' ? 'text/csv' : 'application/json',
  });
}
