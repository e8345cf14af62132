import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { buttonClass, primaryButtonClass } from '../../../../components/button-styles.ts';
import type { DashboardBody } from '../../model/dashboard-body.ts';
import { prettyBody } from '../../model/source.ts';
import { ProblemList } from './problem-list.tsx';
import { hasErrors, sourceProblems } from './source-problems.ts';

/** Props of {@link SourceEditor}. */
export interface SourceEditorProps {
  /** The body to edit (the draft). */
  body: DashboardBody;
  /** Called with the edited body when Apply is pressed (only when it has no errors). */
  onApply: (body: DashboardBody) => void;
  onClose: () => void;
  /** Names the downloaded file (`<name>.json`); default `dashboard`. */
  name?: string;
}

const LINE_HEIGHT_PX = 20;

/** Moves the caret to the start of a line, selects it and scrolls it into view. */
function jumpToLine(textarea: HTMLTextAreaElement, line: number) {
  const lines = textarea.value.split('\n');
  let start = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
  const end = start + (lines[line - 1]?.length ?? 0);
  textarea.focus();
  textarea.setSelectionRange(start, end);
  textarea.scrollTop = Math.max(0, (line - 3) * LINE_HEIGHT_PX);
}

/**
 * The dashboard's source: its JSON, validated as you type with the same rules PutDashboard uses
 * (errors and warnings by data path and line, a click jumps there). Apply is off while there are
 * errors; warnings do not stop it. Copy and download take the text as it is.
 */
export function SourceEditor({ body, onApply, onClose, name = 'dashboard' }: SourceEditorProps) {
  const titleId = useId();
  const textId = useId();
  const [text, setText] = useState(() => prettyBody(body));
  const [copied, setCopied] = useState(false);
  const deferred = useDeferredValue(text);
  const problems = useMemo(() => sourceProblems(deferred), [deferred]);
  const stale = deferred !== text;
  const blocked = stale || hasErrors(problems);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCloseRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const apply = () => {
    if (hasErrors(sourceProblems(text))) return;
    onApply(JSON.parse(text) as DashboardBody);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${name}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  return (
    <div className="fixed inset-0 z-40 flex items-start justify-center bg-slate-900/30 p-4 pt-12">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="flex max-h-[calc(100vh-4rem)] w-full max-w-5xl flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-lg"
      >
        <div className="flex items-center justify-between gap-2">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            Dashboard source
          </h2>
          <div className="flex gap-2">
            <button type="button" className={buttonClass} onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy to clipboard'}
            </button>
            <button type="button" className={buttonClass} onClick={download}>
              Download .json
            </button>
          </div>
        </div>
        <label htmlFor={textId} className="sr-only">
          Dashboard body JSON
        </label>
        <textarea
          id={textId}
          ref={textarea}
          spellCheck={false}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setCopied(false);
          }}
          style={{ lineHeight: `${LINE_HEIGHT_PX}px` }}
          className="min-h-[20rem] flex-1 resize-none rounded border border-slate-300 p-2 font-mono text-xs text-slate-900 focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-500/30"
        />
        <ProblemList
          problems={problems}
          onJump={(line) => {
            if (textarea.current) jumpToLine(textarea.current, line);
          }}
        />
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass} onClick={onClose}>
            Cancel
          </button>
          <button type="button" className={primaryButtonClass} disabled={blocked} onClick={apply}>
            Apply
          </button>
        </div>
      </div>
    </div>
  );
}
