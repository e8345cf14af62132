import { describe, expect, it } from 'vitest';
import { patternToTerm, termToPattern } from './filter-pattern.ts';
import type { TrailTerm } from './trail-types.ts';

const cases: [string, TrailTerm][] = [
  ['alice', { match: 'exact', value: 'alice' }],
  ['Alice Smith', { match: 'exact', value: 'Alice Smith' }],
  ['', { match: 'exact', value: '' }],
  ['deploy*', { match: 'prefix', value: 'deploy' }],
  ['*bot*', { match: 'contains', value: 'bot' }],
  ['*', { match: 'glob', value: '*' }],
  ['**', { match: 'glob', value: '**' }],
  ['***', { match: 'glob', value: '***' }],
  ['*bot', { match: 'glob', value: '*bot' }],
  ['arn:aws:iam::*:role/admin*', { match: 'glob', value: 'arn:aws:iam::*:role/admin*' }],
  ['*a*b*', { match: 'glob', value: '*a*b*' }],
  ['a*b', { match: 'glob', value: 'a*b' }],
];

describe('patternToTerm', () => {
  it.each(cases)('%j → %j', (text, term) => {
    expect(patternToTerm(text)).toEqual(term);
  });

  it.each(cases)('%j reads back from its term', (text, term) => {
    expect(patternToTerm(termToPattern(term))).toEqual(term);
    expect(termToPattern(term)).toBe(text);
  });
});
