import { describe, expect, it } from 'vitest';
import {
  type ChildState,
  type RuleTree,
  alarmNameOf,
  childrenBySeverity,
  evaluateRule,
  normalizeRuleTree,
  ruleChildren,
  ruleNodeView,
  stateColors,
  stateOfRuleValue,
} from './rule-tree.ts';

const alarm = (ref: string): RuleTree => ({ kind: 'state', state: 'ALARM', ref });
const ok = (ref: string): RuleTree => ({ kind: 'state', state: 'OK', ref });
const and = (...children: RuleTree[]): RuleTree => ({ kind: 'and', children });
const or = (...children: RuleTree[]): RuleTree => ({ kind: 'or', children });
const not = (child: RuleTree): RuleTree => ({ kind: 'not', child });
const states = (o: Record<string, ChildState>) => new Map(Object.entries(o));

describe('alarmNameOf', () => {
  it.each([
    ['cpu-high', 'cpu-high'],
    ['arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu-high', 'cpu-high'],
    ['arn:aws:cloudwatch:us-east-1:123456789012:alarm:a:b', 'a:b'],
    ['arn:aws:sns:us-east-1:123456789012:topic', 'arn:aws:sns:us-east-1:123456789012:topic'],
  ])('%s → %s', (ref, name) => expect(alarmNameOf(ref)).toBe(name));
});

describe('evaluateRule', () => {
  // Kleene's three values: an unknown child only matters when it can change the result.
  const cases: { rule: RuleTree; states: Record<string, ChildState>; value: boolean | undefined }[] = [
    { rule: alarm('a'), states: { a: 'ALARM' }, value: true },
    { rule: alarm('a'), states: { a: 'OK' }, value: false },
    { rule: ok('a'), states: { a: 'OK' }, value: true },
    {
      rule: { kind: 'state', state: 'INSUFFICIENT_DATA', ref: 'a' },
      states: { a: 'INSUFFICIENT_DATA' },
      value: true,
    },
    { rule: alarm('a'), states: {}, value: undefined },
    { rule: alarm('a'), states: { a: 'MISSING' }, value: undefined },
    { rule: and(alarm('a'), alarm('b')), states: { a: 'ALARM', b: 'ALARM' }, value: true },
    { rule: and(alarm('a'), alarm('b')), states: { a: 'ALARM', b: 'OK' }, value: false },
    { rule: and(alarm('a'), alarm('b')), states: { a: 'OK' }, value: false },
    { rule: and(alarm('a'), alarm('b')), states: { a: 'ALARM' }, value: undefined },
    { rule: or(alarm('a'), alarm('b')), states: { b: 'ALARM' }, value: true },
    { rule: or(alarm('a'), alarm('b')), states: { a: 'OK', b: 'OK' }, value: false },
    { rule: or(alarm('a'), alarm('b')), states: { a: 'OK' }, value: undefined },
    { rule: and(alarm('cpu'), not(alarm('deploy'))), states: { cpu: 'ALARM', deploy: 'OK' }, value: true },
    {
      rule: and(alarm('cpu'), not(alarm('deploy'))),
      states: { cpu: 'ALARM', deploy: 'ALARM' },
      value: false,
    },
    { rule: not(alarm('a')), states: {}, value: undefined },
    { rule: { kind: 'const', value: false }, states: {}, value: false },
    { rule: or({ kind: 'const', value: true }, alarm('x')), states: {}, value: true },
    {
      rule: alarm('arn:aws:cloudwatch:us-east-1:123456789012:alarm:a'),
      states: { a: 'ALARM' },
      value: true,
    },
  ];
  it.each(cases)('%#', ({ rule, states: s, value }) => {
    expect(evaluateRule(rule, states(s))).toBe(value);
  });

  it('maps the value to the composite state', () => {
    expect(stateOfRuleValue(true)).toBe('ALARM');
    expect(stateOfRuleValue(false)).toBe('OK');
    expect(stateOfRuleValue(undefined)).toBeUndefined();
  });
});

describe('ruleChildren', () => {
  it('lists each alarm once, by name, in the order they appear', () => {
    const rule = or(
      and(alarm('b'), ok('arn:aws:cloudwatch:us-east-1:123456789012:alarm:a')),
      not(alarm('b')),
      alarm('c'),
    );
    expect(ruleChildren(rule)).toEqual(['b', 'a', 'c']);
  });
});

describe('ruleNodeView', () => {
  it('keeps rule order and gives each node its value and each alarm its live state', () => {
    const view = ruleNodeView(
      and(alarm('cpu'), not(alarm('deploy'))),
      states({ cpu: 'ALARM', deploy: 'INSUFFICIENT_DATA' }),
    );
    expect(view).toEqual({
      key: '0',
      label: 'AND',
      value: true,
      children: [
        {
          key: '0.0',
          label: 'ALARM(cpu)',
          alarm: { name: 'cpu', tested: 'ALARM', current: 'ALARM' },
          value: true,
          children: [],
        },
        {
          key: '0.1',
          label: 'NOT',
          value: true,
          children: [
            {
              key: '0.1.0',
              label: 'ALARM(deploy)',
              alarm: { name: 'deploy', tested: 'ALARM', current: 'INSUFFICIENT_DATA' },
              value: false,
              children: [],
            },
          ],
        },
      ],
    });
  });
});

describe('childrenBySeverity', () => {
  it('puts ALARM first, then INSUFFICIENT_DATA, OK, missing and unknown; by name within a state', () => {
    const s = states({
      ok1: 'OK',
      alarm2: 'ALARM',
      alarm1: 'ALARM',
      gray: 'INSUFFICIENT_DATA',
      gone: 'MISSING',
    });
    expect(childrenBySeverity(['ok1', 'later', 'gone', 'alarm2', 'gray', 'alarm1'], s)).toEqual([
      { name: 'alarm1', state: 'ALARM' },
      { name: 'alarm2', state: 'ALARM' },
      { name: 'gray', state: 'INSUFFICIENT_DATA' },
      { name: 'ok1', state: 'OK' },
      { name: 'gone', state: 'MISSING' },
      { name: 'later', state: undefined },
    ]);
  });
});

describe('stateColors', () => {
  it.each([
    ['ALARM', 'bg-red-600', 'In alarm'],
    ['OK', 'bg-green-600', 'OK'],
    ['INSUFFICIENT_DATA', 'bg-slate-400', 'Insufficient data'],
    ['MISSING', 'bg-amber-500', 'No such alarm'],
    [undefined, 'bg-slate-200', 'Loading…'],
  ] as const)('%s is %s', (state, dot, text) => {
    const c = stateColors(state);
    expect(c.dot).toBe(dot);
    expect(c.text).toBe(text);
  });
});

describe('normalizeRuleTree', () => {
  it('reads the documented shape and NOT written with children', () => {
    const raw = {
      kind: 'and',
      label: 'AND',
      children: [
        { kind: 'not', label: 'NOT', children: [{ kind: 'state', state: 'ALARM', ref: 'a', name: 'a' }] },
        { kind: 'not', child: { kind: 'const', value: true } },
      ],
    };
    expect(normalizeRuleTree(raw)).toEqual(and(not(alarm('a')), not({ kind: 'const', value: true })));
  });
  it('rejects what is not a tree', () => {
    expect(() => normalizeRuleTree({ kind: 'xor' })).toThrow(/unknown node kind/);
    expect(() => normalizeRuleTree({ kind: 'state', state: 'RED', ref: 'a' })).toThrow(/malformed/);
  });
});
