import type { ReactNode } from 'react';

/** Props of {@link TextWidgetView}. */
export interface TextWidgetViewProps {
  /** The widget's markdown: headings, paragraphs, lists, **bold**, `code` and [links](https://…). */
  markdown: string;
}

function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /\*\*([^*]+)\*\*|`([^`]+)`|\[([^\]]+)\]\((https?:[^)\s]+|\/[^)\s]*|#[^)\s]*)\)/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1] !== undefined) out.push(<strong key={m.index}>{m[1]}</strong>);
    else if (m[2] !== undefined)
      out.push(
        <code key={m.index} className="rounded bg-slate-100 px-1">
          {m[2]}
        </code>,
      );
    else
      out.push(
        <a
          key={m.index}
          href={m[4]}
          className="text-blue-700 underline"
          target={m[4].startsWith('http') ? '_blank' : undefined}
          rel="noreferrer"
        >
          {m[3]}
        </a>,
      );
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** A CloudWatch text widget: a small, safe subset of markdown (no HTML is ever injected). */
export function TextWidgetView({ markdown }: TextWidgetViewProps) {
  const blocks = markdown.split(/\n{2,}|\n(?=#)/);
  return (
    <div className="space-y-1 px-3 py-2 text-sm text-slate-700">
      {blocks.map((block, i) => {
        const lines = block.split('\n');
        const h = /^(#{1,3})\s+(.*)$/.exec(lines[0]);
        if (h) {
          const size = h[1].length === 1 ? 'text-xl' : h[1].length === 2 ? 'text-lg' : 'text-base';
          return (
            <div key={i}>
              <p
                role="heading"
                aria-level={h[1].length + 1}
                className={`${size} font-semibold text-slate-900`}
              >
                {inline(h[2])}
              </p>
              {lines.slice(1).map((l, k) => (
                <p key={k}>{inline(l)}</p>
              ))}
            </div>
          );
        }
        if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
          return (
            <ul key={i} className="list-disc pl-5">
              {lines.map((l, k) => (
                <li key={k}>{inline(l.replace(/^\s*[-*]\s+/, ''))}</li>
              ))}
            </ul>
          );
        }
        return <p key={i}>{inline(lines.join(' '))}</p>;
      })}
    </div>
  );
}
