import type { TrailTerm } from './trail-types.ts';

/**
 * Reads what a person typed into a filter box: text without `*` matches exactly (case-sensitive, as
 * CloudTrail does); `abc*` is a prefix, `*abc*` a substring, any other `*` a wildcard pattern (those
 * three ignore case). `*` alone means "any value"; the empty text means "no value".
 */
export function patternToTerm(text: string): TrailTerm {
  if (!text.includes('*')) return { match: 'exact', value: text };
  const inner = text.slice(1, -1);
  if (text.length > 2 && text.startsWith('*') && text.endsWith('*') && !inner.includes('*')) {
    return { match: 'contains', value: inner };
  }
  const head = text.slice(0, -1);
  if (text.length > 1 && text.endsWith('*') && !head.includes('*')) return { match: 'prefix', value: head };
  return { match: 'glob', value: text };
}

/** The text that reads back as `term` (the inverse of {@link patternToTerm}). */
export function termToPattern(term: TrailTerm): string {
  switch (term.match) {
    case 'exact':
      return term.value;
    case 'prefix':
      return `${term.value}*`;
    case 'contains':
      return `*${term.value}*`;
    case 'glob':
      return term.value;
  }
}

/** How a term reads in a chip: `= alice`, `starts with deploy`, … */
export function describeTerm(term: TrailTerm): string {
  if (term.match === 'exact') return term.value === '' ? '(none)' : term.value;
  if (term.match === 'prefix') return `${term.value}…`;
  if (term.match === 'contains') return `…${term.value}…`;
  return term.value === '*' ? '(any)' : term.value;
}

export const sameTerm = (a: TrailTerm, b: TrailTerm): boolean => a.match === b.match && a.value === b.value;
