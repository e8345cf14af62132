import { describe, expect, it } from 'vitest';
import { type RuleSnippet, insertSnippet } from './rule-insert.ts';

describe('insertSnippet', () => {
  // `|` marks the cursor (or the selection's ends) before and after.
  const cases: { before: string; snippet: RuleSnippet; after: string }[] = [
    { before: '|', snippet: { kind: 'function', fn: 'ALARM', name: 'cpu' }, after: 'ALARM("cpu")|' },
    { before: '|', snippet: { kind: 'function', fn: 'OK', name: '' }, after: 'OK("|")' },
    { before: 'ALARM("a")|', snippet: { kind: 'operator', op: 'AND' }, after: 'ALARM("a") AND |' },
    { before: 'ALARM("a") |', snippet: { kind: 'operator', op: 'OR' }, after: 'ALARM("a") OR |' },
    { before: 'ALARM("a") AND |', snippet: { kind: 'operator', op: 'NOT' }, after: 'ALARM("a") AND NOT |' },
    {
      before: 'ALARM("a") AND |',
      snippet: { kind: 'function', fn: 'INSUFFICIENT_DATA', name: 'db' },
      after: 'ALARM("a") AND INSUFFICIENT_DATA("db")|',
    },
    { before: '(|)', snippet: { kind: 'function', fn: 'ALARM', name: 'x' }, after: '(ALARM("x")|)' },
    {
      before: 'ALARM("a")|OK("b")',
      snippet: { kind: 'operator', op: 'AND' },
      after: 'ALARM("a") AND| OK("b")',
    },
    {
      before: '|ALARM("old")| OR OK("b")',
      snippet: { kind: 'function', fn: 'ALARM', name: 'new' },
      after: 'ALARM("new")| OR OK("b")',
    },
    { before: 'NOT |', snippet: { kind: 'group' }, after: 'NOT (|)' },
  ];
  it.each(cases)('$before + $snippet.kind → $after', ({ before, snippet, after }) => {
    const from = before.indexOf('|');
    const to = before.lastIndexOf('|') - (before.indexOf('|') === before.lastIndexOf('|') ? 0 : 1);
    const text = before.replaceAll('|', '');
    const out = insertSnippet(text, from, to, snippet);
    expect(out.rule.slice(0, out.cursor) + '|' + out.rule.slice(out.cursor)).toBe(after);
  });
});
