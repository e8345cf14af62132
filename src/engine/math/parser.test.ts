import { describe, expect, it } from 'vitest';
import { MathError } from './math-error.ts';
import { type Node, parseExpression, referencesOf } from './parser.ts';

/** A parsed expression written back with every operation in parentheses, to show precedence. */
function show(n: Node): string {
  switch (n.type) {
    case 'number':
      return String(n.value);
    case 'string':
      return JSON.stringify(n.value);
    case 'keyword':
      return n.name;
    case 'ref':
      return n.id;
    case 'array':
      return `[${n.items.map(show).join(', ')}]`;
    case 'negate':
      return `-${show(n.operand)}`;
    case 'binary':
      return `(${show(n.left)} ${n.op} ${show(n.right)})`;
    case 'call':
      return `${n.name}(${n.args.map(show).join(', ')})`;
  }
}

function parseError(text: string): MathError {
  try {
    parseExpression(text);
  } catch (e) {
    if (e instanceof MathError) return e;
    throw e;
  }
  throw new Error(`parsed: ${text}`);
}

describe('parseExpression: precedence and forms', () => {
  it.each<[string, string]>([
    ['m1 + m2 * 2', '(m1 + (m2 * 2))'],
    ['(m1 + m2) * 2', '((m1 + m2) * 2)'],
    ['m1 - m2 - m3', '((m1 - m2) - m3)'],
    ['m1 / m2 / 2', '((m1 / m2) / 2)'],
    ['-2^2', '-(2 ^ 2)'],
    ['2^3^2', '(2 ^ (3 ^ 2))'],
    ['2^-1', '(2 ^ -1)'],
    ['m1 - -m2', '(m1 - -m2)'],
    ['-5*m1', '(-5 * m1)'],
    ['m1 + 1 > m2 * 2', '((m1 + 1) > (m2 * 2))'],
    ['m1 > 15 AND m2 > 15', '((m1 > 15) && (m2 > 15))'],
    ['m1 > 15 && m2 > 15', '((m1 > 15) && (m2 > 15))'],
    ['a OR b AND c', '(a || (b && c))'],
    ['a || b || c', '((a || b) || c)'],
    ['m1 == 1 != m2', '((m1 == 1) != m2)'],
    ['m1<=1', '(m1 <= 1)'],
    ['m1>=1', '(m1 >= 1)'],
    ['SUM(100/[m1, m2])', 'SUM((100 / [m1, m2]))'],
    ['SORT(METRICS(), AVG, DESC, 10)', 'SORT(METRICS(), AVG, DESC, 10)'],
    ['SUM([METRICS("4xx"), METRICS(\'5xx\')])', 'SUM([METRICS("4xx"), METRICS("5xx")])'],
    ['SUM([METRICS(“4xx”), METRICS(“5xx”)])', 'SUM([METRICS("4xx"), METRICS("5xx")])'],
    ['FILL(m1, REPEAT)', 'FILL(m1, REPEAT)'],
    [
      `SUM(SEARCH('{AWS/EC2,InstanceId} MetricName="CPUUtilization"', 'Average', 300))`,
      'SUM(SEARCH("{AWS/EC2,InstanceId} MetricName=\\"CPUUtilization\\"", "Average", 300))',
    ],
    ['FILL(m1, MIN(m1))', 'FILL(m1, MIN(m1))'],
    ['IF(DAY(m1)<6,m1)', 'IF((DAY(m1) < 6), m1)'],
    ['ANOMALY_DETECTION_BAND(m1, 1.5)', 'ANOMALY_DETECTION_BAND(m1, 1.5)'],
    ['1.5e3 + .5', '(1500 + 0.5)'],
    ['cpu_Avg2 * 100', '(cpu_Avg2 * 100)'],
    ['  m1  ', 'm1'],
  ])('%s → %s', (text, expected) => {
    expect(show(parseExpression(text))).toBe(expected);
  });

  it('lists references with their positions', () => {
    expect(referencesOf(parseExpression('m1 + FILL(e2, m1)'))).toEqual([
      { id: 'm1', position: 0 },
      { id: 'e2', position: 10 },
      { id: 'm1', position: 14 },
    ]);
  });
});

describe('parseExpression: errors name the token and its 0-based position', () => {
  it.each<[string, string, string | undefined, number]>([
    // expression, message, token, position
    ['SUM(m1))', "Unexpected token ')' at position 7", ')', 7],
    ['m1 +', 'Unexpected end of expression at position 4', undefined, 4],
    ['', 'Unexpected end of expression at position 0', undefined, 0],
    ['(m1 + m2', 'Unexpected end of expression at position 8', undefined, 8],
    ['m1 + * m2', "Unexpected token '*' at position 5", '*', 5],
    ['m1 m2', "Unexpected token 'm2' at position 3", 'm2', 3],
    ['1m', "Unexpected token 'm' at position 1", 'm', 1],
    ['[]', "Unexpected token ']' at position 1", ']', 1],
    ['[m1, ]', "Unexpected token ']' at position 5", ']', 5],
    ['ABS(m1,)', "Unexpected token ')' at position 7", ')', 7],
    ['FOO(m1)', "Unknown function 'FOO' at position 0", 'FOO', 0],
    ['m1 + BAR(m2)', "Unknown function 'BAR' at position 5", 'BAR', 5],
    ['foo(m1)', "Unknown function 'foo' at position 0", 'foo', 0],
    [
      'abs(m1)',
      "Lowercase function name 'abs' at position 0: functions are written in UPPERCASE: ABS",
      'abs',
      0,
    ],
    ['Abs(m1)', "Unknown function 'Abs' at position 0: functions are written in UPPERCASE: ABS", 'Abs', 0],
    [
      'M1 * 2',
      "Unknown name 'M1' at position 0: Ids start with a lowercase letter and functions are written in UPPERCASE",
      'M1',
      0,
    ],
    ['ABS m1', "Unexpected token 'ABS' at position 0: a function takes its arguments in ()", 'ABS', 0],
    ['_m1', "Unexpected character '_' at position 0", '_', 0],
    ['m1 $ 2', "Unexpected character '$' at position 3", '$', 3],
    ['m1 = 2', "Unexpected character '=' at position 3", '=', 3],
    ['m1 ! m2', "Unexpected character '!' at position 3", '!', 3],
    ['METRICS("abc)', 'Unterminated string at position 8', '"', 8],
    ['FILL(m1)', 'Wrong number of arguments for FILL at position 7: expected 2, got 1', 'FILL', 7],
    ['ABS(m1, m2)', 'Wrong number of arguments for ABS at position 8: expected 1, got 2', 'ABS', 8],
    [
      'METRICS("a", "b")',
      'Wrong number of arguments for METRICS at position 13: expected 0 to 1, got 2',
      'METRICS',
      13,
    ],
    [
      'SORT(METRICS())',
      'Wrong number of arguments for SORT at position 14: expected 3 to 4, got 1',
      'SORT',
      14,
    ],
    [
      'SORT(METRICS(), ASC, DESC)',
      "Unexpected token 'ASC' at position 16: SORT expects AVG, MIN, MAX or SUM here",
      'ASC',
      16,
    ],
    [
      'SORT(METRICS(), AVG, SUM)',
      "Unexpected token 'SUM' at position 21: SORT expects ASC or DESC here",
      'SUM',
      21,
    ],
    [
      'SORT(METRICS(), m1, DESC)',
      'Unexpected expression for SORT at position 16: SORT expects AVG, MIN, MAX or SUM here',
      undefined,
      16,
    ],
    [
      'FILL(m1, ASC)',
      "Unexpected token 'ASC' at position 9: FILL expects a value, REPEAT or LINEAR here",
      'ASC',
      9,
    ],
    ['m1 + REPEAT', "Unexpected token 'REPEAT' at position 5", 'REPEAT', 5],
    ['ABS(LINEAR)', "Unexpected token 'LINEAR' at position 4", 'LINEAR', 4],
    ['m1 * "x"', 'Unexpected token \'"x"\' at position 5', '"x"', 5],
    [
      'METRICS(m1)',
      'Unexpected expression for METRICS at position 8: METRICS expects a string in quotes here',
      undefined,
      8,
    ],
    [
      'SERVICE_QUOTA(m1)',
      "Unsupported function 'SERVICE_QUOTA' at position 0: this engine does not simulate it",
      'SERVICE_QUOTA',
      0,
    ],
    [
      "SEARCH(m1, 'Average')",
      'Unexpected expression for SEARCH at position 7: SEARCH expects a string in quotes here',
      undefined,
      7,
    ],
    [
      "SEARCH('{AWS/EC2} CPUUtilization', Average)",
      "Unknown name 'Average' at position 35: Ids start with a lowercase letter and functions are written in UPPERCASE",
      'Average',
      35,
    ],
    [
      "SEARCH('{AWS/EC2} CPUUtilization')",
      'Wrong number of arguments for SEARCH at position 33: expected 2 to 3, got 1',
      'SEARCH',
      33,
    ],
    [
      'SELECT AVG(CPUUtilization) FROM SCHEMA("AWS/EC2")',
      "Unsupported query 'SELECT' at position 0: Metrics Insights queries are not supported, only metric math",
      'SELECT',
      0,
    ],
  ])('%s', (text, message, token, position) => {
    const err = parseError(text);
    expect(err.message).toBe(message);
    expect(err.token).toBe(token);
    expect(err.position).toBe(position);
  });
});
