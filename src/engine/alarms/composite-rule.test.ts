import { describe, expect, it } from 'vitest';
import {
  type ChildAlarmState,
  type RuleNode,
  MAX_RULE_LENGTH,
  evaluateAlarmRule,
  findCycle,
  formatAlarmRule,
  parseAlarmRule,
  refName,
  ruleTree,
} from './composite-rule.ts';

type State = ChildAlarmState | undefined;
const A = 'ALARM';
const O = 'OK';
const I = 'INSUFFICIENT_DATA';
const ARN_PREFIX = 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:';

function parsed(text: string): { rule: RuleNode; children: string[] } {
  const result = parseAlarmRule(text);
  if (!result.ok) throw new Error(`test bug: ${text} does not parse: ${result.error.message}`);
  return result;
}

/** Evaluates `text` with the children (in `children` order) in the given states. */
function evaluate(text: string, states: readonly State[]): boolean {
  const { rule, children } = parsed(text);
  const byRef = new Map(children.map((c, i) => [c, states[i]]));
  return evaluateAlarmRule(rule, (ref) => byRef.get(ref));
}

describe('the documented examples parse and evaluate (truth tables)', () => {
  const EXAMPLE_1 = 'ALARM(CPUUtilizationTooHigh) AND ALARM(DiskReadOpsTooHigh)';
  const EXAMPLE_2 = 'ALARM(CPUUtilizationTooHigh) AND NOT ALARM(DeploymentInProgress)';
  const EXAMPLE_3 = '(ALARM(CPUUtilizationTooHigh) OR ALARM(DiskReadOpsTooHigh)) AND OK(NetworkOutTooHigh)';
  const CONSOLE =
    '(ALARM("CPUUtilizationTooHigh") OR \nALARM("DiskReadOpsTooHigh")) AND \nOK("NetworkOutTooHigh")';

  it.each<[string, string[]]>([
    [EXAMPLE_1, ['CPUUtilizationTooHigh', 'DiskReadOpsTooHigh']],
    [EXAMPLE_2, ['CPUUtilizationTooHigh', 'DeploymentInProgress']],
    [EXAMPLE_3, ['CPUUtilizationTooHigh', 'DiskReadOpsTooHigh', 'NetworkOutTooHigh']],
    [CONSOLE, ['CPUUtilizationTooHigh', 'DiskReadOpsTooHigh', 'NetworkOutTooHigh']],
  ])('%s references %j', (text, children) => {
    expect(parsed(text).children).toEqual(children);
  });

  // CPUUtilizationTooHigh, DiskReadOpsTooHigh → composite; undefined = the child does not exist.
  it.each<[State, State, boolean]>([
    [A, A, true],
    [A, O, false],
    [O, A, false],
    [O, O, false],
    [I, A, false],
    [A, I, false],
    [A, undefined, false],
  ])(`${EXAMPLE_1}: %s, %s → %s`, (cpu, disk, expected) => {
    expect(evaluate(EXAMPLE_1, [cpu, disk])).toBe(expected);
  });

  // CPUUtilizationTooHigh, DeploymentInProgress → composite.
  it.each<[State, State, boolean]>([
    [A, O, true],
    [A, I, true],
    [A, undefined, true],
    [A, A, false],
    [O, O, false],
    [I, O, false],
    [undefined, O, false],
  ])(`${EXAMPLE_2}: %s, %s → %s`, (cpu, deploy, expected) => {
    expect(evaluate(EXAMPLE_2, [cpu, deploy])).toBe(expected);
  });

  // CPUUtilizationTooHigh, DiskReadOpsTooHigh, NetworkOutTooHigh → composite; same for the console form.
  it.each<[State, State, State, boolean]>([
    [A, O, O, true],
    [O, A, O, true],
    [A, A, O, true],
    [O, O, O, false],
    [I, I, O, false],
    [A, O, A, false],
    [A, A, I, false],
    [A, O, undefined, false],
  ])(`${EXAMPLE_3} and its console form: %s, %s, %s → %s`, (cpu, disk, net, expected) => {
    expect(evaluate(EXAMPLE_3, [cpu, disk, net])).toBe(expected);
    expect(evaluate(CONSOLE, [cpu, disk, net])).toBe(expected);
  });

  it('each example agrees with its meaning in every combination of child states', () => {
    const STATES: State[] = [A, O, I, undefined];
    const meanings: [string, (s: State[]) => boolean][] = [
      [EXAMPLE_1, ([cpu, disk]) => cpu === A && disk === A],
      [EXAMPLE_2, ([cpu, deploy]) => cpu === A && deploy !== A],
      [EXAMPLE_3, ([cpu, disk, net]) => (cpu === A || disk === A) && net === O],
    ];
    for (const [text, meaning] of meanings) {
      const n = parsed(text).children.length;
      for (let combo = 0; combo < STATES.length ** n; combo++) {
        const states = Array.from(
          { length: n },
          (_, i) => STATES[Math.floor(combo / STATES.length ** i) % 4],
        );
        expect(evaluate(text, states), `${text} with ${states.join(', ')}`).toBe(meaning(states));
      }
    }
  });
});

describe('precedence: NOT binds tighter than AND, AND tighter than OR', () => {
  it.each<[string, boolean, string]>([
    // rule, value, canonical form (shows the grouping the parser chose)
    ['TRUE OR TRUE AND FALSE', true, 'TRUE OR TRUE AND FALSE'],
    ['FALSE AND FALSE OR TRUE', true, 'FALSE AND FALSE OR TRUE'],
    ['(TRUE OR TRUE) AND FALSE', false, '(TRUE OR TRUE) AND FALSE'],
    ['FALSE AND (FALSE OR TRUE)', false, 'FALSE AND (FALSE OR TRUE)'],
    ['NOT FALSE AND FALSE', false, 'NOT FALSE AND FALSE'],
    ['NOT (FALSE AND FALSE)', true, 'NOT (FALSE AND FALSE)'],
    ['NOT TRUE OR TRUE', true, 'NOT TRUE OR TRUE'],
    ['NOT (TRUE OR TRUE)', false, 'NOT (TRUE OR TRUE)'],
    ['NOT NOT TRUE', true, 'NOT NOT TRUE'],
    ['NOT (NOT TRUE)', true, 'NOT NOT TRUE'],
    ['((TRUE))', true, 'TRUE'],
    ['TRUE AND (FALSE AND TRUE)', false, 'TRUE AND FALSE AND TRUE'],
    ['(FALSE OR FALSE) OR (TRUE)', true, 'FALSE OR FALSE OR TRUE'],
    ['TRUE AND NOT FALSE OR FALSE AND TRUE', true, 'TRUE AND NOT FALSE OR FALSE AND TRUE'],
  ])('%s is %s', (text, value, canonical) => {
    const { rule } = parsed(text);
    expect(evaluateAlarmRule(rule, () => undefined)).toBe(value);
    expect(formatAlarmRule(rule)).toBe(canonical);
  });

  it('builds n-ary AND/OR nodes under the right operator', () => {
    const { rule } = parsed('ALARM(a) OR ALARM(b) AND NOT OK(c) AND TRUE');
    expect(ruleTree(rule)).toEqual({
      kind: 'or',
      label: 'OR',
      children: [
        { kind: 'state', label: 'ALARM("a")', state: 'ALARM', ref: 'a', name: 'a', children: [] },
        {
          kind: 'and',
          label: 'AND',
          children: [
            { kind: 'state', label: 'ALARM("b")', state: 'ALARM', ref: 'b', name: 'b', children: [] },
            {
              kind: 'not',
              label: 'NOT',
              children: [{ kind: 'state', label: 'OK("c")', state: 'OK', ref: 'c', name: 'c', children: [] }],
            },
            { kind: 'const', label: 'TRUE', children: [] },
          ],
        },
      ],
    });
  });
});

describe('TRUE and FALSE are case-insensitive; operators and functions are upper case', () => {
  it.each<[string, boolean]>([
    ['TRUE', true],
    ['true', true],
    ['True', true],
    ['tRuE', true],
    ['FALSE', false],
    ['false', false],
    ['False', false],
    ['NOT false', true],
    ['ALARM(x) OR true', true],
  ])('%s is %s', (text, value) => {
    expect(evaluateAlarmRule(parsed(text).rule, () => undefined)).toBe(value);
  });
});

describe('names: bare, quoted (spaces, parentheses, keywords) and ARNs', () => {
  it.each<[string, string[]]>([
    ['ALARM(CPUHigh)', ['CPUHigh']],
    ['ALARM("CPUHigh")', ['CPUHigh']],
    ['ALARM("CPU too high")', ['CPU too high']],
    ['ALARM("CPU too high (prod)")', ['CPU too high (prod)']],
    ['ALARM("a AND b") OR OK("NOT")', ['a AND b', 'NOT']],
    ['ALARM( "spaced" )', ['spaced']],
    ['ALARM(\tweb-1.latency_p99/eu\t)', ['web-1.latency_p99/eu']],
    ['ALARM(Ünïcødé-名前)', ['Ünïcødé-名前']],
    ['ALARM(a) OR OK("a") OR INSUFFICIENT_DATA(a)', ['a']],
    ['ALARM(b) OR ALARM(a) OR ALARM(b)', ['b', 'a']],
    [`ALARM(${ARN_PREFIX}CPUHigh)`, [`${ARN_PREFIX}CPUHigh`]],
    [`ALARM("${ARN_PREFIX}CPU too high")`, [`${ARN_PREFIX}CPU too high`]],
    [
      'OK(arn:aws-cn:cloudwatch:cn-north-1:123456789012:alarm:x)',
      ['arn:aws-cn:cloudwatch:cn-north-1:123456789012:alarm:x'],
    ],
    [`ALARM(CPUHigh) AND ALARM(${ARN_PREFIX}CPUHigh)`, ['CPUHigh', `${ARN_PREFIX}CPUHigh`]],
  ])('%s references %j', (text, children) => {
    expect(parsed(text).children).toEqual(children);
  });

  it('asks stateOf about each reference as written, ARN or name', () => {
    const { rule } = parsed(`ALARM("${ARN_PREFIX}CPU too high") AND OK("Network (eu)")`);
    const states: Record<string, ChildAlarmState> = {
      [`${ARN_PREFIX}CPU too high`]: 'ALARM',
      'Network (eu)': 'OK',
    };
    expect(evaluateAlarmRule(rule, (ref) => states[ref])).toBe(true);
    expect(evaluateAlarmRule(rule, (ref) => (ref === 'Network (eu)' ? 'OK' : undefined))).toBe(false);
  });

  it.each<[string, string]>([
    ['CPUHigh', 'CPUHigh'],
    [`${ARN_PREFIX}CPUHigh`, 'CPUHigh'],
    [`${ARN_PREFIX}CPU too high`, 'CPU too high'],
    [`${ARN_PREFIX}name:with:colons`, 'name:with:colons'],
    ['arn:aws-us-gov:cloudwatch:us-gov-west-1:123456789012:alarm:gov', 'gov'],
    ['arn:aws:sns:us-east-1:123456789012:topic', 'arn:aws:sns:us-east-1:123456789012:topic'],
  ])('refName(%s) is %s', (ref, name) => {
    expect(refName(ref)).toBe(name);
  });
});

describe('errors point at the position', () => {
  it.each<[string, string, number, number]>([
    // rule, message, position, length
    [
      '(ALARM(CPUHigh) OR ALARM(Disks)',
      "Expected ')' to close '(' at position 0, found end of rule at position 31",
      31,
      0,
    ],
    [
      'ALARM(a) AND (OK(b) OR OK(c) ALARM(d))',
      "Expected ')' to close '(' at position 13, found 'ALARM' at position 29",
      29,
      5,
    ],
    ['NOT ALRM(x)', "Unknown function 'ALRM' at position 4 (use ALARM, OK or INSUFFICIENT_DATA)", 4, 4],
    ['alarm(x)', "Unknown function 'alarm' at position 0 (use ALARM, OK or INSUFFICIENT_DATA)", 0, 5],
    ['Ok (x)', "Unknown function 'Ok' at position 0 (use ALARM, OK or INSUFFICIENT_DATA)", 0, 2],
    ['ALARM()', 'Missing alarm name in ALARM() at position 6', 6, 0],
    ['OK(  )', 'Missing alarm name in OK() at position 5', 5, 0],
    ['INSUFFICIENT_DATA("")', 'Missing alarm name in INSUFFICIENT_DATA() at position 18', 18, 0],
    ['ALARM(', 'Missing alarm name in ALARM() at position 6', 6, 0],
    ['AND ALARM(x)', "Unexpected 'AND' at position 0", 0, 3],
    ['ALARM(x) OR OR OK(y)', "Unexpected 'OR' at position 12", 12, 2],
    [
      'ALARM(x) AND',
      "Unexpected end of rule at position 12 (expected ALARM(name), OK(name), INSUFFICIENT_DATA(name), TRUE, FALSE, NOT or '(')",
      12,
      0,
    ],
    [
      '   ',
      "Unexpected end of rule at position 3 (expected ALARM(name), OK(name), INSUFFICIENT_DATA(name), TRUE, FALSE, NOT or '(')",
      3,
      0,
    ],
    [
      'NOT',
      "Unexpected end of rule at position 3 (expected ALARM(name), OK(name), INSUFFICIENT_DATA(name), TRUE, FALSE, NOT or '(')",
      3,
      0,
    ],
    [
      '()',
      "Unexpected ')' at position 1 (expected ALARM(name), OK(name), INSUFFICIENT_DATA(name), TRUE, FALSE, NOT or '(')",
      1,
      1,
    ],
    [
      'CPUHigh',
      "Unexpected 'CPUHigh' at position 0 (expected ALARM(name), OK(name), INSUFFICIENT_DATA(name), TRUE, FALSE, NOT or '(')",
      0,
      7,
    ],
    [
      'ALARM(a) OR "b"',
      `Unexpected '"b"' at position 12 (alarm names go inside ALARM(), OK() or INSUFFICIENT_DATA())`,
      12,
      3,
    ],
    ['ALARM(a))', "Unexpected ')' at position 8 (no '(' to close)", 8, 1],
    ['ALARM(a) OK(b)', "Unexpected 'OK' at position 9 (expected AND or OR)", 9, 2],
    ['TRUE FALSE', "Unexpected 'FALSE' at position 5 (expected AND or OR)", 5, 5],
    ['ALARM(a) NOT OK(b)', "Unexpected 'NOT' at position 9 (expected AND or OR; write AND NOT)", 9, 3],
    ['ALARM(a) and OK(b)', "Unexpected 'and' at position 9 (operators are upper case: AND)", 9, 3],
    ['not ALARM(a)', "Unexpected 'not' at position 0 (operators are upper case: NOT)", 0, 3],
    ['ALARM(a) AND or', "Unexpected 'or' at position 13 (operators are upper case: OR)", 13, 2],
    ['ALARM x', "Expected '(' after ALARM at position 0, found 'x' at position 6", 6, 1],
    ['OK', "Expected '(' after OK at position 0, found end of rule at position 2", 2, 0],
    [
      'ALARM(CPU too high)',
      "Expected ')' to close 'ALARM(' at position 0, found 'too' at position 10 (quote alarm names that contain spaces or parentheses)",
      10,
      3,
    ],
    [
      'OK(web(eu))',
      "Expected ')' to close 'OK(' at position 0, found '(' at position 6 (quote alarm names that contain spaces or parentheses)",
      6,
      1,
    ],
    ['ALARM("a" b)', "Expected ')' to close 'ALARM(' at position 0, found 'b' at position 10", 10, 1],
    ['ALARM(x', "Expected ')' to close 'ALARM(' at position 0, found end of rule at position 7", 7, 0],
    ['ALARM((x))', "Unexpected '(' at position 6 (quote alarm names that contain parentheses)", 6, 1],
    ['ALARM("CPU high', `Unterminated quoted alarm name at position 6 (missing closing '"')`, 6, 9],
    [
      'ALARM(arn:aws:cloudwatch:us-east-1:12345:alarm:x)',
      'Malformed alarm ARN at position 6 (expected arn:aws:cloudwatch:<region>:<account>:alarm:<name>)',
      6,
      42,
    ],
    [
      'OK(arn:aws:sns:us-east-1:123456789012:topic)',
      'Malformed alarm ARN at position 3 (expected arn:aws:cloudwatch:<region>:<account>:alarm:<name>)',
      3,
      40,
    ],
    ['ALARM("tab\there")', 'Alarm name at position 6 contains an ASCII control character', 6, 10],
  ])('%j', (text, message, position, length) => {
    expect(parseAlarmRule(text)).toEqual({ ok: false, error: { message, position, length } });
  });
});

describe('limits', () => {
  const orOf = (parts: string[]) => parts.join(' OR ');
  const names = (n: number) => Array.from({ length: n }, (_, i) => `ALARM(c${i})`);

  it.each<[string, string, { ok: true } | { message: string; position: number; length: number }]>([
    [
      'empty',
      '',
      { message: 'AlarmRule is empty; it must be 1 to 10240 characters', position: 0, length: 0 },
    ],
    [
      '1 character',
      'X',
      { message: expect.stringContaining("Unexpected 'X'") as string, position: 0, length: 1 },
    ],
    ['10240 characters', 'TRUE'.padEnd(MAX_RULE_LENGTH), { ok: true }],
    [
      '10241 characters',
      'TRUE'.padEnd(MAX_RULE_LENGTH + 1),
      { message: 'AlarmRule is 10241 characters long; the maximum is 10240', position: 10240, length: 1 },
    ],
    [
      '10241 characters, counted as code points',
      'TRUE OR OK("😀")'.padEnd(MAX_RULE_LENGTH + 2),
      { message: 'AlarmRule is 10241 characters long; the maximum is 10240', position: 10241, length: 1 },
    ],
    ['100 children', orOf(names(100)), { ok: true }],
    ['one child 300 times', orOf(Array<string>(300).fill('ALARM(same)')), { ok: true }],
    [
      '101 children',
      orOf(names(101)),
      {
        message: 'AlarmRule references more than 100 child alarms; child 101 is at position 1396',
        position: 1396,
        length: 4,
      },
    ],
    ['500 elements', orOf(Array<string>(500).fill('TRUE')), { ok: true }],
    [
      '500 elements, a pair of parentheses counting one',
      `(${orOf(Array<string>(499).fill('TRUE'))})`,
      { ok: true },
    ],
    [
      '501 elements',
      orOf(Array<string>(501).fill('TRUE')),
      {
        message:
          'AlarmRule has more than 500 elements (child alarms, TRUE/FALSE and pairs of parentheses each count one); element 501 is at position 4000',
        position: 4000,
        length: 4,
      },
    ],
    [
      '501 elements with parentheses',
      `(${orOf(Array<string>(500).fill('OK(x)'))})`,
      {
        message: expect.stringContaining('element 501 is at position 4492') as string,
        position: 4492,
        length: 5,
      },
    ],
    [`alarm name of 255 characters`, `ALARM(${'n'.repeat(255)})`, { ok: true }],
    [
      'alarm name of 256 characters',
      `ALARM(${'n'.repeat(256)})`,
      { message: 'Alarm name at position 6 is longer than 255 characters', position: 6, length: 256 },
    ],
    [
      'ARN whose name has 256 characters',
      `ALARM(${ARN_PREFIX}${'n'.repeat(256)})`,
      { message: 'Alarm name at position 6 is longer than 255 characters', position: 6, length: 304 },
    ],
  ])('%s', (_, text, expected) => {
    const result = parseAlarmRule(text);
    if ('ok' in expected) expect(result.ok ? true : result.error).toBe(true);
    else expect(result).toEqual({ ok: false, error: expected });
  });

  it('a deeply nested rule within the element limit parses without exhausting the stack', () => {
    const text = `${'NOT '.repeat(2000)}${'('.repeat(499)}TRUE${')'.repeat(499)}`;
    expect(evaluateAlarmRule(parsed(text).rule, () => undefined)).toBe(true);
  });
});

describe('formatAlarmRule prints canonically and round-trips', () => {
  it.each<[string, string, string]>([
    // input, canonical (quoted names, as the console writes them), as-needed quoting
    ['ALARM(CPUUtilizationTooHigh)', 'ALARM("CPUUtilizationTooHigh")', 'ALARM(CPUUtilizationTooHigh)'],
    [
      '(ALARM("CPUUtilizationTooHigh") OR \nALARM("DiskReadOpsTooHigh")) AND \nOK("NetworkOutTooHigh")',
      '(ALARM("CPUUtilizationTooHigh") OR ALARM("DiskReadOpsTooHigh")) AND OK("NetworkOutTooHigh")',
      '(ALARM(CPUUtilizationTooHigh) OR ALARM(DiskReadOpsTooHigh)) AND OK(NetworkOutTooHigh)',
    ],
    ['ALARM( "CPU too high" )', 'ALARM("CPU too high")', 'ALARM("CPU too high")'],
    ['OK("web(eu)")', 'OK("web(eu)")', 'OK("web(eu)")'],
    ['ALARM(a"b)', 'ALARM(a"b)', 'ALARM(a"b)'],
    [`ALARM(${ARN_PREFIX}x)`, `ALARM("${ARN_PREFIX}x")`, `ALARM(${ARN_PREFIX}x)`],
    ['false   OR\ttrue', 'FALSE OR TRUE', 'FALSE OR TRUE'],
    [
      'NOT (ALARM(a) AND (OK(b) OR OK(c)))',
      'NOT (ALARM("a") AND (OK("b") OR OK("c")))',
      'NOT (ALARM(a) AND (OK(b) OR OK(c)))',
    ],
  ])('%j', (input, canonical, asNeeded) => {
    const { rule } = parsed(input);
    expect(formatAlarmRule(rule)).toBe(canonical);
    expect(formatAlarmRule(rule, { quoteNames: 'as-needed' })).toBe(asNeeded);
    for (const printed of [canonical, asNeeded]) {
      expect(formatAlarmRule(parsed(printed).rule)).toBe(canonical);
      expect(parsed(printed).children).toEqual(parsed(input).children);
    }
  });
});

describe('ruleTree', () => {
  it('carries results and actual child states when given stateOf', () => {
    const { rule } = parsed(`ALARM(${ARN_PREFIX}cpu) AND NOT OK(gone)`);
    expect(ruleTree(rule, (ref) => (ref === `${ARN_PREFIX}cpu` ? 'ALARM' : undefined))).toEqual({
      kind: 'and',
      label: 'AND',
      result: true,
      children: [
        {
          kind: 'state',
          label: `ALARM("${ARN_PREFIX}cpu")`,
          state: 'ALARM',
          ref: `${ARN_PREFIX}cpu`,
          name: 'cpu',
          children: [],
          result: true,
          actual: 'ALARM',
        },
        {
          kind: 'not',
          label: 'NOT',
          result: true,
          children: [
            {
              kind: 'state',
              label: 'OK("gone")',
              state: 'OK',
              ref: 'gone',
              name: 'gone',
              children: [],
              result: false,
            },
          ],
        },
      ],
    });
  });

  it('is plain JSON', () => {
    const tree = ruleTree(parsed('(ALARM(a) OR FALSE) AND NOT TRUE').rule, () => 'OK');
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
  });
});

describe('findCycle', () => {
  it.each<[string, Record<string, string[]>, string, string[] | undefined]>([
    ['self', { A: ['A'] }, 'A', ['A', 'A']],
    ['self by ARN', { A: [`${ARN_PREFIX}A`] }, 'A', ['A', 'A']],
    ['direct', { A: ['B'], B: ['A'] }, 'A', ['A', 'B', 'A']],
    ['direct, seen from the other end', { A: ['B'], B: ['A'] }, 'B', ['B', 'A', 'B']],
    ['indirect', { A: ['m1', 'B'], B: ['C', 'm2'], C: ['m3', 'A'] }, 'A', ['A', 'B', 'C', 'A']],
    ['indirect through an ARN', { A: ['B'], B: [`${ARN_PREFIX}A`] }, 'A', ['A', 'B', 'A']],
    ['the shortest of two', { A: ['B', 'C'], B: ['C'], C: ['A'] }, 'A', ['A', 'C', 'A']],
    ['none: a diamond', { A: ['B', 'C'], B: ['D'], C: ['D'] }, 'A', undefined],
    ['none: metric alarms only', { A: ['m1', 'm2'] }, 'A', undefined],
    ['none: a cycle elsewhere', { A: ['B'], B: ['C'], C: ['B'] }, 'A', undefined],
    ['none: start not in the graph', { B: ['C'] }, 'A', undefined],
  ])('%s', (_, graph, start, cycle) => {
    expect(findCycle(new Map(Object.entries(graph)), start)).toEqual(cycle);
  });

  it('finds the cycle a rule change closes, from the parsed children', () => {
    const graph = new Map([
      ['Service', parsed('ALARM(Database) OR ALARM(Frontend)').children],
      ['Database', parsed('ALARM(db-cpu) AND ALARM(db-disk)').children],
    ]);
    expect(findCycle(graph, 'Database')).toBeUndefined();
    graph.set('Database', parsed('ALARM(db-cpu) AND NOT ALARM(Service)').children);
    expect(findCycle(graph, 'Database')).toEqual(['Database', 'Service', 'Database']);
    graph.set('Database', parsed('false').children);
    expect(findCycle(graph, 'Database')).toBeUndefined();
  });
});
