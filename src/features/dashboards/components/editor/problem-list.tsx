import type { SourceProblem } from './source-problems.ts';

/** Props of {@link ProblemList}. */
export interface ProblemListProps {
  problems: readonly SourceProblem[];
  /** Jumps to a problem's line, when the list is beside the text. */
  onJump?: (line: number) => void;
}

/** The body's errors and warnings, each with its data path and line; a click jumps to the line. */
export function ProblemList({ problems, onJump }: ProblemListProps) {
  if (problems.length === 0) {
    return <p className="text-sm text-green-700">No problems found.</p>;
  }
  const errors = problems.filter((p) => p.level === 'error').length;
  const warnings = problems.length - errors;
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium text-slate-800">
        {errors} error{errors === 1 ? '' : 's'}, {warnings} warning{warnings === 1 ? '' : 's'}
      </p>
      <ul aria-label="Problems" className="max-h-48 space-y-1 overflow-y-auto text-sm">
        {problems.map((p, i) => {
          const where = (
            <>
              <code className="text-xs">{p.dataPath || '/'}</code>
              {p.line !== undefined && <span className="text-xs text-slate-500"> line {p.line}</span>}
            </>
          );
          return (
            <li
              key={i}
              className={`rounded px-2 py-1 ${p.level === 'error' ? 'bg-red-50 text-red-800' : 'bg-amber-50 text-amber-800'}`}
            >
              <span className="mr-1 text-xs font-semibold uppercase">{p.level}</span>
              {onJump && p.line !== undefined ? (
                <button
                  type="button"
                  className="underline decoration-dotted hover:decoration-solid"
                  onClick={() => onJump(p.line ?? 1)}
                >
                  {where}
                </button>
              ) : (
                where
              )}{' '}
              {p.message}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
