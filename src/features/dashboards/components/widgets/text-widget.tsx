import { useMemo } from 'react';
import { renderMarkdown } from './markdown.tsx';

/** Props of {@link TextWidgetView}. */
export interface TextWidgetViewProps {
  /** The widget's Markdown (see ./markdown.tsx for what is drawn). */
  markdown: string;
}

/** A CloudWatch text widget: its Markdown drawn safely (no HTML is ever injected). */
export function TextWidgetView({ markdown }: TextWidgetViewProps) {
  const blocks = useMemo(() => renderMarkdown(markdown), [markdown]);
  return <div className="space-y-1 overflow-auto px-3 py-2 text-sm text-slate-700">{blocks}</div>;
}
