/** The two download formats: CSV, or a CloudTrail log file (`{"Records":[…]}`). */
export type ExportFormat = 'csv' | 'json';

/** Rows per export request (the endpoint's maximum). */
export const EXPORT_CHUNK_ROWS = 10_000;

/**
 * The parts of the download, in order, from the chunks the export endpoint sent: CSV chunks follow
 * each other line by line; JSON chunks are record texts joined by ",\n", wrapped as a log file.
 * The parts go to a Blob as they are, so the file is never one giant string.
 */
export function exportBlobParts(format: ExportFormat, chunks: readonly string[]): string[] {
  const filled = chunks.filter((c) => c !== '');
  if (format === 'csv') return filled.map((c) => (c.endsWith('\n') ? c : `${c}\n`));
  const parts = ['{"Records":['];
  filled.forEach((c, i) => {
    if (i > 0) parts.push(',\n');
    parts.push(c);
  });
  parts.push(']}');
  return parts;
}

/** The offsets to request for `total` rows, `EXPORT_CHUNK_ROWS` at a time (one request when empty). */
export function exportOffsets(total: number, chunkRows = EXPORT_CHUNK_ROWS): number[] {
  const out = [0];
  for (let o = chunkRows; o < total; o += chunkRows) out.push(o);
  return out;
}

/** The download's file name: `event-history-20261119T1600Z.csv`. */
export function exportFileName(format: ExportFormat, atMs: number): string {
  const stamp = new Date(atMs).toISOString().slice(0, 16).replace(/[-:]/g, '');
  return `event-history-${stamp}Z.${format}`;
}
