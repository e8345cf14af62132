import { Dialog } from '../../../../components/dialog.tsx';
import { useConnectionStore } from '../../../../lib/connection-store.ts';
import type { Widget } from '../../model/dashboard-body.ts';
import { WIDGET_CATALOG, newWidget } from '../../model/widget-defaults.ts';

/** Props of {@link WidgetCatalog}. */
export interface WidgetCatalogProps {
  /** Called with the new widget (no x/y: the grid places it) when a kind is chosen. */
  onAdd: (widget: Widget) => void;
  onClose: () => void;
}

/** "Add widget": the kinds of widget a dashboard can hold, each with what it shows. */
export function WidgetCatalog({ onAdd, onClose }: WidgetCatalogProps) {
  // New metric widgets name the Region the console is connected to, as CloudWatch's console does.
  const region = useConnectionStore((c) => c.region);
  return (
    <Dialog title="Add widget" onClose={onClose}>
      <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {WIDGET_CATALOG.map((entry) => (
          <li key={entry.kind}>
            <button
              type="button"
              aria-label={`Add ${entry.label}`}
              onClick={() => onAdd(newWidget(entry.kind, region))}
              className="flex h-full w-full flex-col items-start rounded border border-slate-200 px-3 py-2 text-left hover:border-blue-400 hover:bg-blue-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-500"
            >
              <span className="text-sm font-medium text-slate-900">{entry.label}</span>
              <span className="text-xs text-slate-600">{entry.description}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="flex justify-end">
        <button
          type="button"
          onClick={onClose}
          className="rounded border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:bg-slate-100"
        >
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
