import { type DashboardProblem, validateDashboardBody } from '../../../../lib/dashboard-validation.ts';
import { lineOfPath, parseSource } from '../../model/source.ts';

/** A problem of the source text, with the line it is on. */
export interface SourceProblem extends DashboardProblem {
  /** 1-based; undefined when the path cannot be placed. */
  line?: number;
  column?: number;
}

/**
 * Every problem of a body's JSON text: a syntax error (with its line and column), or what the
 * validator PutDashboard uses finds, each placed on the line its data path is on.
 */
export function sourceProblems(text: string): SourceProblem[] {
  const parsed = parseSource(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return [
      { dataPath: '', level: 'error', message: `${message} (line ${line}, column ${column})`, line, column },
    ];
  }
  return validateDashboardBody(text).map((p) => ({ ...p, line: lineOfPath(text, p.dataPath) }));
}

/** Whether the problems stop the text from being applied or imported. */
export const hasErrors = (problems: readonly SourceProblem[]) => problems.some((p) => p.level === 'error');
