/** One entry of a chart legend. */
export interface ChartLegendItem {
  id: string;
  label: string;
  color: string;
}

/** Props of {@link ChartLegend}. */
export interface ChartLegendProps {
  /** The series, in drawing order. */
  items: ChartLegendItem[];
  /** Ids of the series currently hidden. */
  hidden: ReadonlySet<string>;
  /** Called with the id of the series a person clicked, to hide or show it. */
  onToggle: (id: string) => void;
}

/** Colour swatch and name of each series; clicking one hides or shows it (`aria-pressed` says which). */
export function ChartLegend({ items, hidden, onToggle }: ChartLegendProps) {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 px-1 text-xs text-slate-700" aria-label="Legend">
      {items.map((item) => {
        const shown = !hidden.has(item.id);
        return (
          <li key={item.id}>
            <button
              type="button"
              aria-pressed={shown}
              title={shown ? `Hide ${item.label}` : `Show ${item.label}`}
              onClick={() => onToggle(item.id)}
              className={`flex items-center gap-1.5 rounded px-1 py-0.5 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-500 ${shown ? '' : 'text-slate-400 line-through'}`}
            >
              <span
                aria-hidden="true"
                className="inline-block h-2.5 w-2.5 rounded-sm"
                style={{ backgroundColor: shown ? item.color : '#cbd5e1' }}
              />
              {item.label}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
