import { MathError } from './math-error.ts';

/**
 * Tokens of a metric math expression. `id` starts with a lowercase letter (a query Id), `word` with an
 * uppercase one (a function or a keyword such as REPEAT, ASC, AND), `op` is an operator.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html
 */
export type TokenKind = 'number' | 'string' | 'id' | 'word' | 'op' | '(' | ')' | '[' | ']' | ',' | 'end';

export interface Token {
  kind: TokenKind;
  /** The token as written (a string token without its quotes is in `value`). */
  text: string;
  /** 0-based position of the token's first character. */
  position: number;
  /** A number's value, or a string's content. */
  value?: number | string;
}

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '+', '-', '*', '/', '^', '<', '>'];
const PUNCTUATION = new Set(['(', ')', '[', ']', ',']);
/** Straight and typographic quotes: AWS's own page writes METRICS(“4xx”). */
const CLOSING_QUOTE: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’' };
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z][A-Za-z0-9_]*/;

/** Splits an expression into tokens; the last one is always `end`, at the expression's length. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', text: number[0], position: i, value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      const kind = c >= 'a' && c <= 'z' ? 'id' : 'word';
      tokens.push({ kind, text: name[0], position: i });
      i += name[0].length;
      continue;
    }
    const closing = CLOSING_QUOTE[c];
    if (closing !== undefined) {
      const end = text.indexOf(closing, i + 1);
      if (end < 0) throw new MathError('Unterminated string', i, c);
      tokens.push({
        kind: 'string',
        text: text.slice(i, end + 1),
        position: i,
        value: text.slice(i + 1, end),
      });
      i = end + 1;
      continue;
    }
    if (PUNCTUATION.has(c)) {
      tokens.push({ kind: c as TokenKind, text: c, position: i });
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (op) {
      tokens.push({ kind: 'op', text: op, position: i });
      i += op.length;
      continue;
    }
    throw new MathError(`Unexpected character '${c}'`, i, c);
  }
  tokens.push({ kind: 'end', text: '', position: text.length });
  return tokens;
}
