import type { DimensionDraft } from '../model/publish-request.ts';

/** Props of {@link DimensionRows}. */
export interface DimensionRowsProps {
  rows: readonly DimensionDraft[];
  onChange: (rows: DimensionDraft[]) => void;
  /** Disables every control (while publishing). */
  disabled?: boolean;
}

const fieldClass =
  'min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-500/30';

/** Name/value rows for a metric's dimensions, with buttons to add and remove rows. */
export function DimensionRows({ rows, onChange, disabled }: DimensionRowsProps) {
  const update = (index: number, patch: Partial<DimensionDraft>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="min-w-0 space-y-2" disabled={disabled}>
      <legend className="mb-1 text-xs font-medium text-slate-600">Dimensions</legend>
      {rows.map((row, i) => (
        <div key={i} className="flex items-center gap-2">
          <input
            type="text"
            aria-label={`Dimension ${i + 1} name`}
            placeholder="Name"
            value={row.name}
            onChange={(e) => update(i, { name: e.target.value })}
            className={fieldClass}
          />
          <input
            type="text"
            aria-label={`Dimension ${i + 1} value`}
            placeholder="Value"
            value={row.value}
            onChange={(e) => update(i, { value: e.target.value })}
            className={fieldClass}
          />
          <button
            type="button"
            aria-label={`Remove dimension ${i + 1}`}
            onClick={() => onChange(rows.filter((_, k) => k !== i))}
            className="rounded px-1.5 text-base leading-none text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-500"
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange([...rows, { name: '', value: '' }])}
        className="text-sm text-blue-700 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-500"
      >
        Add dimension
      </button>
    </fieldset>
  );
}
