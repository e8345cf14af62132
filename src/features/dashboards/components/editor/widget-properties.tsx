import { useId } from 'react';
import {
  type Widget,
  isAlarmWidget,
  isAuditEventsWidget,
  isMetricWidget,
  isTextWidget,
} from '../../model/dashboard-body.ts';
import { AlarmProperties } from './alarm-properties.tsx';
import { AuditEventsProperties } from './audit-events-properties.tsx';
import { TextInput, smallButtonClass } from './fields.tsx';
import { MetricProperties } from './metric-properties.tsx';
import { withProperties } from './widget-patch.ts';

/** Props of {@link WidgetPropertiesEditor}. */
export interface WidgetPropertiesEditorProps {
  /** The widget as it is in the draft. */
  widget: Widget;
  /**
   * Called with the changed widget on every change. `coalesceKey` names the field typed in, so
   * the edit store can merge one field's keystrokes into one undo step.
   */
  onChange: (widget: Widget, coalesceKey?: string) => void;
  onClose: () => void;
}

/**
 * The side panel that edits one widget's properties, live. Only the properties a field changes are
 * written; every other key (unknown ones too) stays as it was.
 */
export function WidgetPropertiesEditor({ widget, onChange, onClose }: WidgetPropertiesEditorProps) {
  const headingId = useId();
  let content;
  if (isMetricWidget(widget)) content = <MetricProperties widget={widget} onChange={onChange} />;
  else if (isTextWidget(widget)) {
    content = (
      <TextInput
        label="Markdown"
        multiline
        value={widget.properties.markdown}
        onValue={(markdown) => onChange(withProperties(widget, { markdown: markdown ?? '' }), 'markdown')}
        hint="Headings, lists, tables, code, links; a button: [button:Label](https://…)."
      />
    );
  } else if (isAlarmWidget(widget)) content = <AlarmProperties widget={widget} onChange={onChange} />;
  else if (isAuditEventsWidget(widget))
    content = <AuditEventsProperties widget={widget} onChange={onChange} />;
  else {
    content = (
      <p className="text-sm text-slate-600">
        Watchtrail cannot edit a widget of type “{widget.type}”. It is kept unchanged; edit it in the
        dashboard’s source.
      </p>
    );
  }
  return (
    <aside
      aria-labelledby={headingId}
      className="w-96 max-w-full shrink-0 space-y-3 self-start overflow-y-auto rounded-lg border border-slate-200 bg-white p-3 lg:max-h-[calc(100vh-8rem)]"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id={headingId} className="text-sm font-semibold text-slate-900">
          Edit widget
        </h2>
        <button type="button" className={smallButtonClass} onClick={onClose}>
          Close
        </button>
      </div>
      {content}
    </aside>
  );
}
