import { useRef, useState } from 'react';
import { type ExportProgress, exportTrail } from '../api/export-trail.ts';
import { type ExportFormat, exportFileName } from '../model/export-assembly.ts';
import type { TrailQuery } from '../model/trail-types.ts';
import { buttonClass, formatCount } from './styles.ts';

/** Props of {@link ExportMenu}. */
export interface ExportMenuProps {
  base: string;
  /** The selection, with its end already pinned. */
  query: TrailQuery;
  /** Events in the selection (to warn before very large downloads). */
  total: number | undefined;
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "Download events": the current selection as CSV or as a CloudTrail log file, with progress and Cancel. */
export function ExportMenu({ base, query, total }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [progress, setProgress] = useState<(ExportProgress & { format: ExportFormat }) | undefined>(
    undefined,
  );
  const [error, setError] = useState<string | undefined>(undefined);
  const abort = useRef<AbortController | undefined>(undefined);

  const start = async (format: ExportFormat) => {
    setOpen(false);
    setError(undefined);
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ done: 0, total: total ?? 0, format });
    try {
      const blob = await exportTrail(
        base,
        query,
        format,
        (p) => setProgress({ ...p, format }),
        controller.signal,
      );
      download(blob, exportFileName(format, query.endMs ?? 0));
    } catch (e) {
      if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
    } finally {
      abort.current = undefined;
      setProgress(undefined);
    }
  };

  return (
    <div className="relative">
      {progress ? (
        <div className="flex items-center gap-2 text-sm" role="status">
          <span>
            {`Exporting ${progress.format === 'csv' ? 'CSV' : 'log file'}: ${formatCount(progress.done)} of ${formatCount(progress.total)} events`}
          </span>
          <progress max={Math.max(1, progress.total)} value={progress.done} className="w-24" />
          <button type="button" className={buttonClass} onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          className={buttonClass}
          aria-haspopup="menu"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          Download events ▾
        </button>
      )}
      {open && (
        <div
          role="menu"
          className="absolute right-0 z-20 mt-1 w-72 rounded border border-slate-200 bg-white p-1 shadow-lg"
        >
          <button
            type="button"
            role="menuitem"
            className="block w-full rounded px-2 py-1 text-left text-sm hover:bg-slate-100"
            onClick={() => void start('csv')}
          >
            Download as CSV
          </button>
          <button
            type="button"
            role="menuitem"
            className="block w-full rounded px-2 py-1 text-left text-sm hover:bg-slate-100"
            onClick={() => void start('json')}
          >
            Download as CloudTrail log file (JSON)
          </button>
          <p className="px-2 py-1 text-xs text-slate-500">
            {`${total === undefined ? 'The' : formatCount(total)} events of the current filters and time range. Opening a CSV in a spreadsheet? Keep macros and links off: a cell starting with = + - @ can run as a formula.`}
          </p>
        </div>
      )}
      {error && (
        <p
          role="alert"
          className="absolute right-0 mt-1 w-72 rounded bg-red-50 px-2 py-1 text-xs text-red-700"
        >
          {`The export failed: ${error}`}
        </p>
      )}
    </div>
  );
}
