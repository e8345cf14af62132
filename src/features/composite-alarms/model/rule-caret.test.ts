import { describe, expect, it } from 'vitest';
import { ruleCaret } from './rule-caret.ts';

describe('ruleCaret', () => {
  // One row per case: the rule, the error's position and length, and how it is laid out.
  const cases: {
    name: string;
    rule: string;
    position: number;
    length: number;
    line: number;
    column: number;
    before: string;
    marked: string;
    after: string;
    caret: string;
  }[] = [
    {
      name: 'a word in the middle',
      rule: 'ALARM(a) ANDD ALARM(b)',
      position: 9,
      length: 4,
      line: 1,
      column: 10,
      before: 'ALARM(a) ',
      marked: 'ANDD',
      after: ' ALARM(b)',
      caret: '         ^^^^',
    },
    {
      name: 'the first character',
      rule: ')ALARM(a)',
      position: 0,
      length: 1,
      line: 1,
      column: 1,
      before: '',
      marked: ')',
      after: 'ALARM(a)',
      caret: '^',
    },
    {
      name: 'something missing at the end (length 0)',
      rule: 'ALARM(a) AND',
      position: 12,
      length: 0,
      line: 1,
      column: 13,
      before: 'ALARM(a) AND',
      marked: '',
      after: '',
      caret: '            ^',
    },
    {
      name: 'a position past the end is the end',
      rule: 'ALARM(a',
      position: 40,
      length: 3,
      line: 1,
      column: 8,
      before: 'ALARM(a',
      marked: '',
      after: '',
      caret: '       ^',
    },
    {
      name: 'a negative position is the start',
      rule: 'x',
      position: -2,
      length: 1,
      line: 1,
      column: 1,
      before: '',
      marked: 'x',
      after: '',
      caret: '^',
    },
    {
      name: 'the second line, span cut at its end',
      rule: 'ALARM(a) OR\n  FOO(b)\nOR TRUE',
      position: 14,
      length: 40,
      line: 2,
      column: 3,
      before: '  ',
      marked: 'FOO(b)',
      after: '',
      caret: '  ^^^^^^',
    },
    {
      name: 'tabs stay tabs so the caret lines up',
      rule: '\tALARM(a) XOR OK(b)',
      position: 10,
      length: 3,
      line: 1,
      column: 11,
      before: '\tALARM(a) ',
      marked: 'XOR',
      after: ' OK(b)',
      caret: '\t         ^^^',
    },
  ];
  it.each(cases)('$name', ({ name: _name, rule, position, length, ...expected }) => {
    expect(ruleCaret(rule, position, length)).toEqual(expected);
  });
});
