/**
 * Where a rule error points, laid out to draw: the line it is on, split around the marked
 * characters, and a caret line (`    ^^^`) that lines up under them in a monospace font.
 */
export interface RuleCaret {
  /** 1-based line and column of the error's first character. */
  line: number;
  column: number;
  /** The text of that line, split around the marked characters. */
  before: string;
  marked: string;
  after: string;
  /** Spaces (tabs kept, so it aligns under tabs too) then one `^` per marked character, at least one. */
  caret: string;
}

/**
 * Lays out an error at `position` (0-based offset into the rule, in characters) spanning `length`
 * characters. Positions past the end mark the end (a missing `)` is reported there); a span is
 * cut at the end of its line.
 */
export function ruleCaret(rule: string, position: number, length: number): RuleCaret {
  const at = Math.max(0, Math.min(Number.isFinite(position) ? Math.floor(position) : 0, rule.length));
  const lineStart = rule.lastIndexOf('\n', at - 1) + 1;
  const newline = rule.indexOf('\n', at);
  const lineEnd = newline === -1 ? rule.length : newline;
  const span = Math.max(0, Math.min(Number.isFinite(length) ? Math.floor(length) : 0, lineEnd - at));
  const before = rule.slice(lineStart, at);
  const line = rule.slice(0, lineStart).split('\n').length;
  return {
    line,
    column: at - lineStart + 1,
    before,
    marked: rule.slice(at, at + span),
    after: rule.slice(at + span, lineEnd),
    caret: before.replace(/[^\t]/g, ' ') + '^'.repeat(Math.max(1, span)),
  };
}
