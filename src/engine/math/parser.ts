import { FUNCTIONS, KEYWORDS, UNSUPPORTED_FUNCTIONS } from './function-table.ts';
import { MathError } from './math-error.ts';
import { type Token, tokenize } from './tokenizer.ts';

export type ArithmeticOp = '+' | '-' | '*' | '/' | '^';
export type ComparisonOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type LogicalOp = '&&' | '||';
export type BinaryOp = ArithmeticOp | ComparisonOp | LogicalOp;

/** A node of a parsed expression; `position` is where it starts (`opPosition`: where its operator is). */
export type Node =
  | { type: 'number'; value: number; position: number }
  | { type: 'string'; value: string; text: string; position: number }
  | { type: 'keyword'; name: string; position: number }
  | { type: 'ref'; id: string; position: number }
  | { type: 'array'; items: Node[]; position: number }
  | { type: 'negate'; operand: Node; position: number }
  | { type: 'binary'; op: BinaryOp; left: Node; right: Node; position: number; opPosition: number }
  | { type: 'call'; name: string; args: Node[]; position: number };

export type CallNode = Extract<Node, { type: 'call' }>;

const COMPARISONS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** Where a token is quoted in an error: the end of the expression has no text. */
function unexpected(t: Token): MathError {
  if (t.kind === 'end') return new MathError('Unexpected end of expression', t.position);
  return new MathError(`Unexpected token '${t.text}'`, t.position, t.text);
}

const binary = (op: Token, left: Node, right: Node): Node => ({
  type: 'binary',
  op: op.text as BinaryOp,
  left,
  right,
  position: left.position,
  opPosition: op.position,
});

class Parser {
  private i = 0;
  private readonly tokens: Token[];

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'end') this.i++;
    return t;
  }

  private expect(kind: Token['kind']): Token {
    const t = this.peek();
    if (t.kind !== kind) throw unexpected(t);
    return this.next();
  }

  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t.kind === 'op' && ops.includes(t.text);
  }

  /** Logical operators accept AWS's two spellings: `AND` / `&&`, `OR` / `||`. */
  private isLogical(op: LogicalOp): boolean {
    const t = this.peek();
    return (
      (t.kind === 'op' && t.text === op) || (t.kind === 'word' && t.text === (op === '&&' ? 'AND' : 'OR'))
    );
  }

  parseAll(): Node {
    const first = this.peek();
    if (first.kind === 'word' && first.text === 'SELECT')
      throw new MathError(
        "Unsupported query 'SELECT'",
        first.position,
        first.text,
        'Metrics Insights queries are not supported, only metric math',
      );
    const node = this.parseOr();
    if (this.peek().kind !== 'end') throw unexpected(this.peek());
    return node;
  }

  private parseOr(): Node {
    let left = this.parseAnd();
    while (this.isLogical('||')) {
      const opPosition = this.next().position;
      left = { type: 'binary', op: '||', left, right: this.parseAnd(), position: left.position, opPosition };
    }
    return left;
  }

  private parseAnd(): Node {
    let left = this.parseComparison();
    while (this.isLogical('&&')) {
      const opPosition = this.next().position;
      left = {
        type: 'binary',
        op: '&&',
        left,
        right: this.parseComparison(),
        position: left.position,
        opPosition,
      };
    }
    return left;
  }

  private parseComparison(): Node {
    let left = this.parseAdditive();
    while (this.peek().kind === 'op' && COMPARISONS.has(this.peek().text)) {
      const t = this.next();
      left = binary(t, left, this.parseAdditive());
    }
    return left;
  }

  private parseAdditive(): Node {
    let left = this.parseMultiplicative();
    while (this.isOp('+', '-')) {
      const t = this.next();
      left = binary(t, left, this.parseMultiplicative());
    }
    return left;
  }

  private parseMultiplicative(): Node {
    let left = this.parseUnary();
    while (this.isOp('*', '/')) {
      const t = this.next();
      left = binary(t, left, this.parseUnary());
    }
    return left;
  }

  /** Unary minus binds looser than `^`, as in mathematics: -2^2 is -4. */
  private parseUnary(): Node {
    if (this.isOp('-')) {
      const position = this.next().position;
      return { type: 'negate', operand: this.parseUnary(), position };
    }
    return this.parsePower();
  }

  /** `^` is right-associative: 2^3^2 is 2^9. */
  private parsePower(): Node {
    const base = this.parsePrimary();
    if (!this.isOp('^')) return base;
    return binary(this.next(), base, this.parseUnary());
  }

  private parsePrimary(): Node {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return { type: 'number', value: t.value as number, position: t.position };
      case 'string':
        return { type: 'string', value: t.value as string, text: t.text, position: t.position };
      case 'id':
        if (this.peek().kind === '(') {
          const upper = t.text.toUpperCase();
          if (upper in FUNCTIONS)
            throw new MathError(
              `Lowercase function name '${t.text}'`,
              t.position,
              t.text,
              `functions are written in UPPERCASE: ${upper}`,
            );
          throw new MathError(`Unknown function '${t.text}'`, t.position, t.text);
        }
        return { type: 'ref', id: t.text, position: t.position };
      case 'word':
        return this.parseWord(t);
      case '(': {
        const inner = this.parseOr();
        this.expect(')');
        return inner;
      }
      case '[': {
        const items = [this.parseOr()];
        while (this.peek().kind === ',') {
          this.next();
          items.push(this.parseOr());
        }
        this.expect(']');
        return { type: 'array', items, position: t.position };
      }
      default:
        throw unexpected(t);
    }
  }

  private parseWord(t: Token): Node {
    const name = t.text;
    if (this.peek().kind !== '(') {
      if (KEYWORDS.has(name)) return { type: 'keyword', name, position: t.position };
      if (name in FUNCTIONS)
        throw new MathError(
          `Unexpected token '${name}'`,
          t.position,
          name,
          'a function takes its arguments in ()',
        );
      throw new MathError(
        `Unknown name '${name}'`,
        t.position,
        name,
        'Ids start with a lowercase letter and functions are written in UPPERCASE',
      );
    }
    if (UNSUPPORTED_FUNCTIONS.has(name))
      throw new MathError(
        `Unsupported function '${name}'`,
        t.position,
        name,
        'this engine does not simulate it',
      );
    const signature = FUNCTIONS[name] as (typeof FUNCTIONS)[string] | undefined;
    if (!signature) {
      const upper = name.toUpperCase();
      const hint = upper in FUNCTIONS ? `functions are written in UPPERCASE: ${upper}` : undefined;
      throw new MathError(`Unknown function '${name}'`, t.position, name, hint);
    }
    this.expect('(');
    const args: Node[] = [];
    if (this.peek().kind !== ')') {
      args.push(this.parseOr());
      while (this.peek().kind === ',') {
        this.next();
        args.push(this.parseOr());
      }
    }
    const close = this.expect(')');
    if (args.length < signature.min || args.length > signature.max) {
      const expected =
        signature.min === signature.max ? `${signature.min}` : `${signature.min} to ${signature.max}`;
      throw new MathError(
        `Wrong number of arguments for ${name}`,
        args.length > signature.max ? args[signature.max].position : close.position,
        name,
        `expected ${expected}, got ${args.length}`,
      );
    }
    return { type: 'call', name, args, position: t.position };
  }
}

/** Checks that keywords and strings appear only where a function takes them (SORT(…, AVG, DESC)). */
function checkPlacement(node: Node, allowed: boolean): void {
  switch (node.type) {
    case 'keyword':
    case 'string':
      if (!allowed) throw unexpectedNode(node);
      return;
    case 'array':
      for (const item of node.items) checkPlacement(item, false);
      return;
    case 'negate':
      checkPlacement(node.operand, false);
      return;
    case 'binary':
      checkPlacement(node.left, false);
      checkPlacement(node.right, false);
      return;
    case 'call':
      checkCall(node);
      return;
    default:
      return;
  }
}

function unexpectedNode(node: Extract<Node, { type: 'keyword' | 'string' }>, detail?: string): MathError {
  const text = node.type === 'keyword' ? node.name : node.text;
  return new MathError(`Unexpected token '${text}'`, node.position, text, detail);
}

function checkCall(call: CallNode): void {
  const signature = FUNCTIONS[call.name];
  call.args.forEach((arg, i) => {
    const slot = signature.keywords?.[i];
    if (slot) {
      const list = `${slot.words.slice(0, -1).join(', ')} or ${slot.words[slot.words.length - 1]}`;
      const expected = `${call.name} expects ${slot.only ? '' : 'a value, '}${list} here`;
      if (arg.type === 'keyword' && !slot.words.includes(arg.name)) throw unexpectedNode(arg, expected);
      if (arg.type === 'string') throw unexpectedNode(arg, expected);
      if (slot.only && arg.type !== 'keyword') {
        throw new MathError(`Unexpected expression for ${call.name}`, arg.position, undefined, expected);
      }
      if (arg.type !== 'keyword') checkPlacement(arg, false);
      return;
    }
    if (signature.strings?.includes(i)) {
      if (arg.type !== 'string')
        throw new MathError(
          `Unexpected expression for ${call.name}`,
          arg.position,
          undefined,
          `${call.name} expects a string in quotes here`,
        );
      return;
    }
    checkPlacement(arg, false);
  });
}

/**
 * Parses a metric math expression. Errors carry the offending token and its 0-based position:
 * `Unexpected token ')' at position 7`, `Unknown function 'FOO' at position 0`.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html
 */
export function parseExpression(text: string): Node {
  const node = new Parser(tokenize(text)).parseAll();
  checkPlacement(node, false);
  return node;
}

/** Every query Id an expression refers to, with the position of each reference, in order. */
export function referencesOf(node: Node): { id: string; position: number }[] {
  const out: { id: string; position: number }[] = [];
  const walk = (n: Node): void => {
    if (n.type === 'ref') out.push({ id: n.id, position: n.position });
    else if (n.type === 'array') n.items.forEach(walk);
    else if (n.type === 'negate') walk(n.operand);
    else if (n.type === 'binary') {
      walk(n.left);
      walk(n.right);
    } else if (n.type === 'call') n.args.forEach(walk);
  };
  walk(node);
  return out;
}
