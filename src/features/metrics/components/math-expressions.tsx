import { useEffect, useId, useRef, useState } from 'react';
import { type ExpressionChange, type MathExpression, idNumber } from '../model/graph-queries.ts';
import type { QueryProblem } from '../model/graph-results.ts';
import { QueryProblemText } from './query-problem-text.tsx';

/** What is typed is sent this long after the last keystroke (or at once on Enter or leaving the field). */
const TYPING_DELAY_MS = 400;

const fieldClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-500/30';

/** Props of {@link MathExpressions}. */
export interface MathExpressionsProps {
  /** The graph's expressions, in the order they were added. */
  expressions: readonly MathExpression[];
  /** The API's error for an expression, or why it was not drawn, by expression Id. */
  problems: Readonly<Record<string, QueryProblem>>;
  /** The colour of each expression's first line, by expression Id. */
  colors: Readonly<Record<string, string>>;
  /** Adds an empty expression and returns its Id. */
  onAdd: () => string;
  onChange: (id: string, change: ExpressionChange) => void;
  onRemove: (id: string) => void;
}

/** A text field that keeps what is typed and reports it after a pause, on Enter or when left. */
function useTypedValue(value: string, commit: (text: string) => void) {
  const [draft, setDraft] = useState(value);
  // A value set from outside (a link, back/forward) replaces what the field shows.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setDraft(value);
  }
  // The latest callback, so a re-render while typing does not restart the pause.
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });
  useEffect(() => {
    if (draft === value) return;
    const id = setTimeout(() => commitRef.current(draft), TYPING_DELAY_MS);
    return () => clearTimeout(id);
  }, [draft, value]);
  const flush = () => {
    if (draft !== value) commit(draft);
  };
  return {
    value: draft,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: flush,
    onKeyDown: (e: { key: string }) => {
      if (e.key === 'Enter') flush();
    },
  };
}

/** Props of {@link ExpressionRow}. */
interface ExpressionRowProps {
  expression: MathExpression;
  problem?: QueryProblem;
  color?: string;
  /** Focus the expression field when the row appears (it was just added). */
  autoFocus: boolean;
  onChange: (id: string, change: ExpressionChange) => void;
  onRemove: (id: string) => void;
}

function ExpressionRow({ expression: e, problem, color, autoFocus, onChange, onRemove }: ExpressionRowProps) {
  const problemId = useId();
  const n = idNumber(e.id);
  const text = useTypedValue(e.expression, (expression) => onChange(e.id, { expression }));
  const label = useTypedValue(e.label, (value) => onChange(e.id, { label: value }));
  return (
    <li className="py-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="w-8 font-mono text-xs text-slate-600">{e.id}</span>
        <input
          type="checkbox"
          aria-label={`Show ${e.id}`}
          title={e.visible ? 'Drawn' : 'Not drawn: only an input of other expressions'}
          checked={e.visible}
          onChange={(ev) => onChange(e.id, { visible: ev.target.checked })}
          className="h-3.5 w-3.5 rounded border-slate-300 accent-blue-600"
        />
        <span
          aria-hidden="true"
          className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm border border-slate-200"
          style={color && e.visible ? { backgroundColor: color } : undefined}
        />
        <input
          type="text"
          aria-label={`Expression ${n}`}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
          placeholder="m1 * 100 / m2"
          spellCheck={false}
          autoComplete="off"
          // Only the row a person just added takes the focus.
          autoFocus={autoFocus}
          maxLength={2048}
          className={`${fieldClass} min-w-48 flex-1 font-mono ${problem ? 'border-red-400' : ''}`}
          {...text}
        />
        <input
          type="text"
          aria-label={`Expression ${n} label`}
          placeholder="Label (optional)"
          autoComplete="off"
          className={`${fieldClass} w-44`}
          {...label}
        />
        <button
          type="button"
          aria-label={`Remove expression ${n}`}
          title={`Remove ${e.id} from the graph`}
          onClick={() => onRemove(e.id)}
          className="rounded px-1.5 text-base leading-none text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-500"
        >
          ×
        </button>
      </div>
      {problem && (
        <div className="pl-10">
          <QueryProblemText id={problemId} problem={problem} />
        </div>
      )}
    </li>
  );
}

/**
 * The graph's metric math: one row per expression (its Id, a Show toggle for ReturnData, the
 * expression, an optional label, the API's error when it refused it) and "Add math expression".
 */
export function MathExpressions({
  expressions,
  problems,
  colors,
  onAdd,
  onChange,
  onRemove,
}: MathExpressionsProps) {
  const [added, setAdded] = useState<string | undefined>(undefined);
  return (
    <div className="space-y-1">
      {expressions.length > 0 && (
        <ul aria-label="Math expressions" className="divide-y divide-slate-100 px-3">
          {expressions.map((e) => (
            <ExpressionRow
              key={e.id}
              expression={e}
              problem={problems[e.id]}
              color={colors[e.id]}
              autoFocus={e.id === added}
              onChange={onChange}
              onRemove={onRemove}
            />
          ))}
        </ul>
      )}
      <div className="flex flex-wrap items-center gap-3 px-3">
        <button
          type="button"
          onClick={() => setAdded(onAdd())}
          className="rounded border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100"
        >
          Add math expression
        </button>
        <span className="text-xs text-slate-500">
          Refer to metrics and expressions by Id, functions in UPPERCASE:{' '}
          <code className="font-mono">m1 * 100 / m2</code>, <code className="font-mono">SUM(METRICS())</code>,{' '}
          <code className="font-mono">RATE(m1)</code>, <code className="font-mono">IF(m1 &gt; 50, m1)</code>.
        </span>
      </div>
    </div>
  );
}
