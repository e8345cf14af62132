import type { Widget } from '../../model/dashboard-body.ts';

/** Why a widget is not drawn here, in a sentence naming its type (and view or function). */
export function unsupportedReason(widget: Widget): string {
  const p = (widget.properties ?? {}) as Record<string, unknown>;
  const type = typeof widget.type === 'string' ? widget.type : String(widget.type);
  switch (type) {
    case 'log':
      return `Logs Insights widgets (type "log"${typeof p.view === 'string' ? `, view "${p.view}"` : ''}) are not supported here.`;
    case 'explorer':
      return 'Metrics explorer widgets (type "explorer") are not supported here.';
    case 'custom':
      return typeof p.endpoint === 'string'
        ? `Custom widgets backed by a Lambda function (endpoint "${p.endpoint}") are not supported here; only Watchtrail's audit-events widget is.`
        : 'This custom widget names no endpoint, so it cannot be drawn.';
    case 'metric':
      return `Metric widgets with the view "${String(p.view)}" are not supported here.`;
    case 'text':
      return 'This text widget has no markdown to show.';
    case 'alarm':
      return 'This alarm status widget lists no alarms (its "alarms" is not a list).';
    default:
      return `Widgets of type "${type}" are not supported here.`;
  }
}

/** Props of {@link UnsupportedWidgetView}. */
export interface UnsupportedWidgetViewProps {
  widget: Widget;
}

/** A tile for a widget this console cannot draw, saying so and that its JSON is kept as it is. */
export function UnsupportedWidgetView({ widget }: UnsupportedWidgetViewProps) {
  return (
    <div
      data-testid="unsupported-widget"
      className="flex h-full flex-col items-center justify-center gap-1 bg-slate-50 p-3 text-center text-sm text-slate-600"
    >
      <p className="font-medium text-slate-700">{unsupportedReason(widget)}</p>
      <p className="text-xs text-slate-500">
        It is kept unchanged in the dashboard's body: saving, the source view and export keep it as it is.
      </p>
    </div>
  );
}
