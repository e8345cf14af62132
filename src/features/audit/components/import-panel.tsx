import type { ImportItem, ImportedSpan } from '../api/import-trail-files.ts';
import { formatEventTime } from '../model/columns.ts';
import { buttonClass, formatCount, primaryButtonClass } from './styles.ts';

/** Props of {@link ImportPanel}. */
export interface ImportPanelProps {
  items: ImportItem[];
  running: boolean;
  /** Where the imported events lie in time, once known. */
  span: ImportedSpan | undefined;
  onShowImported: (span: ImportedSpan) => void;
  onDismiss: () => void;
}

const SHOWN_REJECTIONS = 5;

function Progress({ item }: { item: ImportItem }) {
  const p = item.progress;
  const pct = p && p.total > 0 ? Math.round((100 * p.done) / p.total) : 0;
  return (
    <span className="flex items-center gap-2 text-xs text-slate-600">
      <progress max={100} value={pct} className="w-32" aria-label={`Import of ${item.name}`} />
      {p ? `${p.phase} ${pct}%` : 'waiting'}
    </span>
  );
}

/** Each imported file: progress, then what was imported, what was rejected and why, and warnings. */
export function ImportPanel({ items, running, span, onShowImported, onDismiss }: ImportPanelProps) {
  if (items.length === 0) return null;
  return (
    <section
      aria-label="Import report"
      className="rounded border border-slate-200 bg-white p-3 text-sm"
      data-testid="import-report"
    >
      <div className="mb-2 flex items-center gap-2">
        <h2 className="flex-1 font-semibold">{running ? 'Importing log files…' : 'Import report'}</h2>
        {span && !running && (
          <button type="button" className={primaryButtonClass} onClick={() => onShowImported(span)}>
            Show imported events
          </button>
        )}
        <button type="button" className={buttonClass} disabled={running} onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      {span && !running && (
        <p className="mb-2 text-xs text-slate-600">
          {`Imported events keep their own times: ${formatEventTime(span.startMs)} – ${formatEventTime(span.endMs)} UTC.`}
        </p>
      )}
      <ul className="space-y-2">
        {items.map((item) => (
          <li key={item.key} data-testid="import-item">
            <div className="flex flex-wrap items-center gap-x-3">
              <span className="font-mono text-xs">{item.name}</span>
              <span className="text-xs text-slate-500">{`${formatCount(Math.ceil(item.size / 1024))} KB`}</span>
              {(item.status === 'waiting' || item.status === 'importing') && <Progress item={item} />}
              {item.status === 'done' && item.report && (
                <span className={item.report.rejected > 0 ? 'text-amber-700' : 'text-green-700'}>
                  {`${formatCount(item.report.imported)} imported, ${formatCount(item.report.rejected)} rejected`}
                </span>
              )}
              {item.status === 'failed' && (
                <span role="alert" className="text-red-700">
                  {`Not imported: ${item.error ?? 'unknown error'}`}
                </span>
              )}
            </div>
            {item.report && item.report.rejections.length > 0 && (
              <ul className="mt-1 ml-4 list-disc text-xs text-slate-700">
                {item.report.rejections.slice(0, SHOWN_REJECTIONS).map((r) => (
                  <li key={r.index}>{`Record ${r.index}: ${r.reason}`}</li>
                ))}
                {item.report.rejected > SHOWN_REJECTIONS && (
                  <li>{`…and ${formatCount(item.report.rejected - SHOWN_REJECTIONS)} more`}</li>
                )}
              </ul>
            )}
            {item.report && item.report.warnings.length > 0 && (
              <ul className="mt-1 ml-4 list-disc text-xs text-amber-700">
                {item.report.warnings.slice(0, SHOWN_REJECTIONS).map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
