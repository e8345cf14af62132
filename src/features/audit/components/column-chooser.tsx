import { useEffect, useRef, useState } from 'react';
import { COLUMNS, COLUMN_IDS } from '../model/columns.ts';
import { useAuditColumns } from '../stores/audit-columns-store.ts';
import { buttonClass } from './styles.ts';

/** "Columns": which columns the table shows, remembered in this browser. */
export function ColumnChooser() {
  const [open, setOpen] = useState(false);
  const visible = useAuditColumns((s) => s.visible);
  const toggle = useAuditColumns((s) => s.toggle);
  const reset = useAuditColumns((s) => s.reset);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  return (
    <div ref={root} className="relative">
      <button type="button" className={buttonClass} aria-expanded={open} onClick={() => setOpen(!open)}>
        Columns ▾
      </button>
      {open && (
        <fieldset className="absolute right-0 z-20 mt-1 w-56 rounded border border-slate-200 bg-white p-2 shadow-lg">
          <legend className="sr-only">Visible columns</legend>
          {COLUMN_IDS.map((id) => (
            <label key={id} className="flex items-center gap-2 py-0.5 text-sm">
              <input type="checkbox" checked={visible.includes(id)} onChange={() => toggle(id)} />
              {COLUMNS[id].label}
            </label>
          ))}
          <button type="button" className="mt-1 text-xs text-blue-700 hover:underline" onClick={reset}>
            Default columns
          </button>
        </fieldset>
      )}
    </div>
  );
}
