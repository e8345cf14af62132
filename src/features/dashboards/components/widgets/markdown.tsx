// The Markdown of text widgets, rendered to React elements: never to an HTML string, so nothing a
// body holds (HTML, scripts, `javascript:` links) can become markup. What CloudWatch's text widget
// shows: headings, paragraphs, emphasis, code, lists, tables, quotes, rules, links and its buttons
// `[button:Label](url)` / `[button:primary:Label](url)`.
import type { ReactNode } from 'react';

/** A link target allowed in a text widget: http(s), relative or a fragment; undefined otherwise. */
export function safeHref(raw: string): string | undefined {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"): so does this check.
  const url = raw.trim();
  const squashed = [...url].filter((c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) !== 0x7f).join('');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squashed);
  if (scheme) return /^https?$/i.test(scheme[1]) ? url : undefined;
  if (squashed.startsWith('\\')) return undefined;
  return url;
}

const INLINE =
  /\\([\\`*_{}[\]()#+\-.!~|>])|(`+)([\s\S]*?[^`])\2(?!`)|\[button:(?:(primary):)?([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))*)\)|!?\[([^\]]*)\]\(((?:[^()\s]|\([^()\s]*\))*)(?:\s+"[^"]*")?\)|\*\*(.+?)\*\*|__(.+?)__|~~(.+?)~~|\*(?=\S)(.+?)\*|(?<![\w])_(?=\S)(.+?)_(?![\w])/g;

/** Inline Markdown of one block as React nodes. */
export function renderInline(text: string, keyPrefix = 'i'): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let n = 0;
  const key = () => `${keyPrefix}-${n++}`;
  for (const m of text.matchAll(INLINE)) {
    const index = m.index ?? 0;
    if (index > last) out.push(text.slice(last, index));
    last = index + m[0].length;
    const [
      whole,
      escaped,
      ,
      code,
      primary,
      buttonLabel,
      buttonHref,
      linkText,
      linkHref,
      bold1,
      bold2,
      strike,
      em1,
      em2,
    ] = m;
    if (escaped !== undefined) out.push(escaped);
    else if (code !== undefined)
      out.push(
        <code key={key()} className="rounded bg-slate-100 px-1 font-mono text-[0.9em]">
          {code.trim()}
        </code>,
      );
    else if (buttonLabel !== undefined) {
      const href = safeHref(buttonHref);
      const k = key();
      out.push(
        href === undefined ? (
          buttonLabel
        ) : (
          <a
            key={k}
            href={href}
            data-button={primary ? 'primary' : 'normal'}
            className={`mx-0.5 inline-block rounded border px-2 py-0.5 text-sm font-medium no-underline ${
              primary
                ? 'border-blue-700 bg-blue-700 text-white hover:bg-blue-800'
                : 'border-slate-400 bg-white text-slate-800 hover:bg-slate-50'
            }`}
            {...external(href)}
          >
            {buttonLabel}
          </a>
        ),
      );
    } else if (linkText !== undefined) {
      const k = key();
      if (whole.startsWith('!')) {
        // Images are not loaded from a dashboard body; their text stands in.
        out.push(linkText);
        continue;
      }
      const href = safeHref(linkHref);
      const inner = renderInline(linkText, k);
      out.push(
        href === undefined ? (
          <span key={k}>{inner}</span>
        ) : (
          <a key={k} href={href} className="text-blue-700 underline" {...external(href)}>
            {inner}
          </a>
        ),
      );
    } else if (bold1 !== undefined || bold2 !== undefined) {
      const k = key();
      out.push(<strong key={k}>{renderInline(bold1 ?? bold2, k)}</strong>);
    } else if (strike !== undefined) {
      const k = key();
      out.push(<del key={k}>{renderInline(strike, k)}</del>);
    } else {
      const k = key();
      out.push(<em key={k}>{renderInline(em1 ?? em2, k)}</em>);
    }
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function external(href: string) {
  return /^(https?:)?\/\//i.test(href) ? { target: '_blank', rel: 'noopener noreferrer' } : {};
}

/** Inline text where single line breaks stay breaks (as CloudWatch's descriptions expect). */
function withBreaks(lines: string[], keyPrefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push(<br key={`${keyPrefix}-br${i}`} />);
    out.push(...renderInline(line, `${keyPrefix}-${i}`));
  });
  return out;
}

const HEADING_CLASS = ['text-xl', 'text-lg', 'text-base', 'text-sm', 'text-sm', 'text-xs'];
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;
const FENCE = /^\s*(```|~~~)(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;

function splitRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

interface ListItem {
  text: string[];
  children: string[];
}

function renderList(lines: string[], key: string): ReactNode {
  const first = LIST_ITEM.exec(lines[0]);
  const baseIndent = first?.[1].length ?? 0;
  const ordered = /\d/.test(first?.[2] ?? '');
  const start = ordered ? Number.parseInt(first?.[2] ?? '1', 10) : undefined;
  const items: ListItem[] = [];
  for (const line of lines) {
    const m = LIST_ITEM.exec(line);
    if (m && m[1].length <= baseIndent) items.push({ text: [m[3]], children: [] });
    else if (items.length > 0) {
      const current = items[items.length - 1];
      if (m || current.children.length > 0) current.children.push(line);
      else current.text.push(line.trim());
    }
  }
  const children = items.map((item, i) => (
    <li key={i}>
      {withBreaks(item.text, `${key}-${i}`)}
      {item.children.length > 0 && renderList(item.children, `${key}-${i}-sub`)}
    </li>
  ));
  return ordered ? (
    <ol key={key} start={start !== 1 ? start : undefined} className="list-decimal pl-5">
      {children}
    </ol>
  ) : (
    <ul key={key} className="list-disc pl-5">
      {children}
    </ul>
  );
}

/** Markdown blocks as React elements, safely (see the module comment). */
export function renderMarkdown(markdown: string): ReactNode[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: ReactNode[] = [];
  let i = 0;
  const key = () => `b${out.length}`;
  const isBlank = (l: string | undefined) => l === undefined || l.trim() === '';
  const startsBlock = (l: string, next: string | undefined) =>
    /^\s{0,3}#{1,6}(\s|$)/.test(l) ||
    FENCE.test(l) ||
    RULE.test(l) ||
    /^\s{0,3}>/.test(l) ||
    LIST_ITEM.test(l) ||
    (l.includes('|') && next !== undefined && TABLE_SEPARATOR.test(next) && next.includes('-'));

  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trim().startsWith(fence[1])) body.push(lines[i++]);
      i++;
      out.push(
        <pre key={key()} className="overflow-auto rounded bg-slate-100 p-2 font-mono text-xs text-slate-800">
          <code>{body.join('\n')}</code>
        </pre>,
      );
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line) ?? /^\s{0,3}(#{1,6})()\s*$/.exec(line);
    if (heading) {
      const level = heading[1].length;
      const k = key();
      out.push(
        <p
          key={k}
          role="heading"
          aria-level={level}
          className={`${HEADING_CLASS[level - 1]} font-semibold text-slate-900`}
        >
          {renderInline(heading[2], k)}
        </p>,
      );
      i++;
      continue;
    }
    if (RULE.test(line)) {
      out.push(<hr key={key()} className="my-2 border-slate-200" />);
      i++;
      continue;
    }
    if (/^\s{0,3}>/.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && /^\s{0,3}>/.test(lines[i]))
        quoted.push(lines[i++].replace(/^\s{0,3}>\s?/, ''));
      out.push(
        <blockquote key={key()} className="border-l-4 border-slate-300 pl-3 text-slate-600">
          {renderMarkdown(quoted.join('\n'))}
        </blockquote>,
      );
      continue;
    }
    if (
      line.includes('|') &&
      i + 1 < lines.length &&
      TABLE_SEPARATOR.test(lines[i + 1]) &&
      lines[i + 1].includes('-')
    ) {
      const header = splitRow(line);
      const align = splitRow(lines[i + 1]).map((c) =>
        c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : undefined,
      );
      i += 2;
      const rows: string[][] = [];
      while (i < lines.length && !isBlank(lines[i]) && lines[i].includes('|'))
        rows.push(splitRow(lines[i++]));
      const k = key();
      out.push(
        <table key={k} className="my-1 border-collapse text-left text-sm">
          <thead>
            <tr>
              {header.map((cell, c) => (
                <th
                  key={c}
                  className="border border-slate-200 bg-slate-50 px-2 py-1"
                  style={{ textAlign: align[c] }}
                >
                  {renderInline(cell, `${k}-h${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {header.map((_, c) => (
                  <td key={c} className="border border-slate-200 px-2 py-1" style={{ textAlign: align[c] }}>
                    {renderInline(row[c] ?? '', `${k}-${r}-${c}`)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>,
      );
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const items: string[] = [];
      const indent = LIST_ITEM.exec(line)?.[1].length ?? 0;
      const ordered = /\d/.test(LIST_ITEM.exec(line)?.[2] ?? '');
      // Another item of this list: same kind, or any item indented below it.
      const continues = (l: string) => {
        const m = LIST_ITEM.exec(l);
        return m !== null && (m[1].length > indent || /\d/.test(m[2]) === ordered);
      };
      while (i < lines.length) {
        const l = lines[i];
        if (LIST_ITEM.test(l) && !continues(l)) break;
        if (isBlank(l)) {
          // A blank line inside a list continues it only when the list goes on after it.
          if (i + 1 < lines.length && (continues(lines[i + 1]) || /^\s{2,}\S/.test(lines[i + 1]))) {
            i++;
            continue;
          }
          break;
        }
        if (!LIST_ITEM.test(l) && !/^\s/.test(l) && startsBlock(l, lines[i + 1])) break;
        items.push(l);
        i++;
      }
      out.push(renderList(items, key()));
      continue;
    }
    const paragraph: string[] = [];
    while (
      i < lines.length &&
      !isBlank(lines[i]) &&
      (paragraph.length === 0 || !startsBlock(lines[i], lines[i + 1]))
    )
      paragraph.push(lines[i++].trim());
    const k = key();
    out.push(<p key={k}>{withBreaks(paragraph, k)}</p>);
  }
  return out;
}
