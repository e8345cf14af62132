/** What the editor's buttons add to the rule: a function of an alarm, or an operator. */
export type RuleSnippet =
  | { kind: 'function'; fn: 'ALARM' | 'OK' | 'INSUFFICIENT_DATA'; name: string }
  | { kind: 'operator'; op: 'AND' | 'OR' | 'NOT' }
  | { kind: 'group' };

/** The snippet's text: names are quoted (AWS accepts quoted or bare names; quotes keep spaces safe). */
export function snippetText(s: RuleSnippet): string {
  if (s.kind === 'operator') return s.op;
  if (s.kind === 'group') return '()';
  return `${s.fn}("${s.name}")`;
}

/**
 * Puts a snippet in place of the selection `[from, to)`, with a space on each side where it would
 * touch a word, and says where the cursor goes: after the snippet, inside the quotes when the
 * alarm name is still to be typed, inside `()` for a group.
 */
export function insertSnippet(
  rule: string,
  from: number,
  to: number,
  snippet: RuleSnippet,
): { rule: string; cursor: number } {
  const start = Math.max(0, Math.min(from, rule.length));
  const end = Math.max(start, Math.min(to, rule.length));
  const text = snippetText(snippet);
  const left = rule.slice(0, start);
  const right = rule.slice(end);
  const padLeft = left.length > 0 && !/[\s(]$/.test(left) ? ' ' : '';
  const padRight = right.length === 0 || /^[\s)]/.test(right) ? '' : ' ';
  const trailing = snippet.kind === 'operator' && right.length === 0 ? ' ' : '';
  const next = `${left}${padLeft}${text}${padRight}${trailing}${right}`;
  let cursor = left.length + padLeft.length + text.length + trailing.length;
  if (snippet.kind === 'function' && snippet.name === '')
    cursor = left.length + padLeft.length + text.length - 2;
  if (snippet.kind === 'group') cursor = left.length + padLeft.length + 1;
  return { rule: next, cursor };
}
