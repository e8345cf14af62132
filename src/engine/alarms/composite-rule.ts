/**
 * The AlarmRule language of composite alarms: parse, evaluate, print, and check for cycles.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Composite_Alarm.html
 *
 * AWS publishes no grammar. This one follows the spec (§b):
 *   rule    := orExpr
 *   orExpr  := andExpr ( "OR" andExpr )*
 *   andExpr := notExpr ( "AND" notExpr )*
 *   notExpr := "NOT" notExpr | primary
 *   primary := "(" rule ")" | "TRUE" | "FALSE" | fn "(" ref ")"
 *   fn      := "ALARM" | "OK" | "INSUFFICIENT_DATA"
 *   ref     := '"' chars '"' | bare-name | alarm-ARN
 * TRUE and FALSE are case-insensitive (AWS's own advice writes `false`). Operators and functions
 * are only documented in upper case, so lower case ones are rejected with a hint rather than guessed.
 * A bare name runs to the next space or parenthesis; a quoted name may hold both (no escapes).
 */

/** The state an alarm state function tests. Same values as a metric alarm's StateValue. */
export type ChildAlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/** Where a node sits in the rule text: 0-based offset and length, in UTF-16 code units. */
export interface RuleSpan {
  position: number;
  length: number;
}

/** A parsed AlarmRule. AND and OR are n-ary: `a AND b AND c` is one node with three operands. */
export type RuleNode =
  | { kind: 'or' | 'and'; operands: RuleNode[]; span: RuleSpan }
  | { kind: 'not'; operand: RuleNode; span: RuleSpan }
  | { kind: 'const'; value: boolean; span: RuleSpan }
  | { kind: 'state'; state: ChildAlarmState; ref: string; span: RuleSpan };

export interface RuleError {
  message: string;
  /** 0-based offset in the rule text. */
  position: number;
  /** How many characters the error covers; 0 when something is missing at `position`. */
  length: number;
}

export type ParseRuleResult =
  { ok: true; rule: RuleNode; children: string[] } | { ok: false; error: RuleError };

export const MAX_RULE_LENGTH = 10240;
export const MAX_RULE_CHILDREN = 100;
export const MAX_RULE_ELEMENTS = 500;
/** Alarm names: 1–255 characters, no ASCII control characters (spec §a.10). */
export const MAX_ALARM_NAME_LENGTH = 255;

const FUNCTIONS: readonly ChildAlarmState[] = ['ALARM', 'OK', 'INSUFFICIENT_DATA'];
const PRIMARY_EXPECTED = "expected ALARM(name), OK(name), INSUFFICIENT_DATA(name), TRUE, FALSE, NOT or '('";
const ARN = /^arn:(aws[a-z-]*):cloudwatch:([a-z0-9-]+):(\d{12}):alarm:(.+)$/s;
const hasControlCharacter = (name: string): boolean =>
  [...name].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

/** The parts of an alarm ARN `arn:aws:cloudwatch:<region>:<account>:alarm:<name>`; undefined if it is not one. */
export function parseAlarmArn(
  ref: string,
): { partition: string; region: string; account: string; name: string } | undefined {
  const m = ARN.exec(ref);
  return m ? { partition: m[1], region: m[2], account: m[3], name: m[4] } : undefined;
}

/** The alarm name a rule reference points at: the name inside an alarm ARN, or the reference itself. */
export const refName = (ref: string): string => parseAlarmArn(ref)?.name ?? ref;

interface TokenAt {
  position: number;
  length: number;
}
type Token =
  | (TokenAt & { kind: '(' })
  | (TokenAt & { kind: ')' })
  | (TokenAt & { kind: 'end' })
  | (TokenAt & { kind: 'word'; text: string })
  | (TokenAt & { kind: 'quoted'; text: string });

class RuleSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
    readonly length: number,
  ) {
    super(message);
  }
}

const isSpace = (ch: string): boolean => /\s/.test(ch);
const isDelimiter = (ch: string): boolean => ch === '(' || ch === ')' || isSpace(ch);

/** How an error message names what it found. */
function describe(t: Token): string {
  if (t.kind === 'end') return 'end of rule';
  if (t.kind === '(' || t.kind === ')') return `'${t.kind}'`;
  const text = t.kind === 'quoted' ? `"${t.text}"` : t.text;
  return `'${text.length > 40 ? `${text.slice(0, 39)}…` : text}'`;
}

/** Lower-case operators are not documented; say so instead of a bare "unexpected". */
function operatorCaseHint(t: Token): string {
  if (t.kind !== 'word') return '';
  const upper = t.text.toUpperCase();
  return (upper === 'AND' || upper === 'OR' || upper === 'NOT') && t.text !== upper
    ? ` (operators are upper case: ${upper})`
    : '';
}

function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

class Parser {
  private pos = 0;
  private elements = 0;
  private readonly children: string[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly text: string) {}

  parse(): { rule: RuleNode; children: string[] } {
    const rule = this.orExpr();
    const t = this.peek();
    if (t.kind !== 'end') {
      if (t.kind === ')') this.fail(`Unexpected ')' at position ${t.position} (no '(' to close)`, t);
      if (t.kind === 'word' && t.text === 'NOT')
        this.fail(`Unexpected 'NOT' at position ${t.position} (expected AND or OR; write AND NOT)`, t);
      const hint = operatorCaseHint(t) || ' (expected AND or OR)';
      this.fail(`Unexpected ${describe(t)} at position ${t.position}${hint}`, t);
    }
    return { rule, children: this.children };
  }

  private fail(message: string, at: { position: number; length: number }): never {
    throw new RuleSyntaxError(message, at.position, at.length);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && isSpace(this.text[this.pos])) this.pos++;
  }

  /** The next token outside a function's parentheses, without consuming it. */
  private peek(): Token {
    this.skipSpace();
    const start = this.pos;
    const text = this.text;
    if (start >= text.length) return { kind: 'end', position: start, length: 0 };
    const ch = text[start];
    if (ch === '(' || ch === ')') return { kind: ch, position: start, length: 1 };
    if (ch === '"') {
      const close = text.indexOf('"', start + 1);
      const end = close < 0 ? text.length : close + 1;
      return {
        kind: 'quoted',
        text: text.slice(start + 1, close < 0 ? end : close),
        position: start,
        length: end - start,
      };
    }
    let end = start;
    while (end < text.length && !isDelimiter(text[end]) && text[end] !== '"') end++;
    return { kind: 'word', text: text.slice(start, end), position: start, length: end - start };
  }

  private take(t: Token): void {
    this.pos = t.position + t.length;
  }

  private isKeyword(t: Token, keyword: string): boolean {
    return t.kind === 'word' && t.text === keyword;
  }

  private orExpr(): RuleNode {
    return this.chain('or', 'OR', () => this.andExpr());
  }

  private andExpr(): RuleNode {
    return this.chain('and', 'AND', () => this.notExpr());
  }

  private chain(kind: 'or' | 'and', keyword: string, operand: () => RuleNode): RuleNode {
    const operands = [operand()];
    for (let t = this.peek(); this.isKeyword(t, keyword); t = this.peek()) {
      this.take(t);
      operands.push(operand());
    }
    if (operands.length === 1) return operands[0];
    // Grouping does not change the meaning of an associative operator, so flatten it.
    const flat = operands.flatMap((o) => (o.kind === kind ? o.operands : [o]));
    const first = operands[0].span;
    const last = operands[operands.length - 1].span;
    return {
      kind,
      operands: flat,
      span: { position: first.position, length: last.position + last.length - first.position },
    };
  }

  private notExpr(): RuleNode {
    // Iterative, so a long run of NOTs cannot exhaust the stack.
    const nots: number[] = [];
    for (let t = this.peek(); this.isKeyword(t, 'NOT'); t = this.peek()) {
      nots.push(t.position);
      this.take(t);
    }
    let node = this.primary();
    for (let i = nots.length - 1; i >= 0; i--) {
      const end = node.span.position + node.span.length;
      node = { kind: 'not', operand: node, span: { position: nots[i], length: end - nots[i] } };
    }
    return node;
  }

  private countElement(at: { position: number; length: number }): void {
    this.elements++;
    if (this.elements > MAX_RULE_ELEMENTS)
      this.fail(
        `AlarmRule has more than ${MAX_RULE_ELEMENTS} elements (child alarms, TRUE/FALSE and pairs of parentheses each count one); element ${this.elements} is at position ${at.position}`,
        at,
      );
  }

  private primary(): RuleNode {
    const t = this.peek();
    if (t.kind === '(') {
      this.countElement(t);
      this.take(t);
      const inner = this.orExpr();
      const close = this.peek();
      if (close.kind !== ')')
        this.fail(
          `Expected ')' to close '(' at position ${t.position}, found ${describe(close)} at position ${close.position}${operatorCaseHint(close)}`,
          close,
        );
      this.take(close);
      return inner;
    }
    if (t.kind === ')') this.fail(`Unexpected ')' at position ${t.position} (${PRIMARY_EXPECTED})`, t);
    if (t.kind === 'end')
      this.fail(`Unexpected end of rule at position ${t.position} (${PRIMARY_EXPECTED})`, t);
    if (t.kind === 'quoted')
      this.fail(
        `Unexpected ${describe(t)} at position ${t.position} (alarm names go inside ALARM(), OK() or INSUFFICIENT_DATA())`,
        t,
      );
    const upper = t.text.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') {
      this.countElement(t);
      this.take(t);
      return { kind: 'const', value: upper === 'TRUE', span: { position: t.position, length: t.length } };
    }
    if ((FUNCTIONS as readonly string[]).includes(t.text)) return this.stateFunction(t);
    if (t.text === 'AND' || t.text === 'OR') this.fail(`Unexpected '${t.text}' at position ${t.position}`, t);
    const caseHint = operatorCaseHint(t);
    if (caseHint) this.fail(`Unexpected ${describe(t)} at position ${t.position}${caseHint}`, t);
    this.take(t);
    const next = this.peek();
    this.pos = t.position;
    if (next.kind === '(')
      this.fail(
        `Unknown function ${describe(t)} at position ${t.position} (use ALARM, OK or INSUFFICIENT_DATA)`,
        t,
      );
    this.fail(`Unexpected ${describe(t)} at position ${t.position} (${PRIMARY_EXPECTED})`, t);
  }

  private stateFunction(fn: Token & { kind: 'word' }): RuleNode {
    const state = fn.text as ChildAlarmState;
    this.take(fn);
    const open = this.peek();
    if (open.kind !== '(')
      this.fail(
        `Expected '(' after ${state} at position ${fn.position}, found ${describe(open)} at position ${open.position}`,
        open,
      );
    this.take(open);
    this.skipSpace();
    const refStart = this.pos;
    const { ref, quoted } = this.reference(state);
    const refEnd = this.pos;
    const close = this.peek();
    if (close.kind !== ')') {
      const hint =
        !quoted && (close.kind === 'word' || close.kind === '(')
          ? ' (quote alarm names that contain spaces or parentheses)'
          : '';
      this.fail(
        `Expected ')' to close '${state}(' at position ${fn.position}, found ${describe(close)} at position ${close.position}${hint}`,
        close,
      );
    }
    this.take(close);
    const span = { position: fn.position, length: this.pos - fn.position };
    this.countElement(span);
    if (!this.seen.has(ref)) {
      if (this.seen.size === MAX_RULE_CHILDREN)
        this.fail(
          `AlarmRule references more than ${MAX_RULE_CHILDREN} child alarms; child ${MAX_RULE_CHILDREN + 1} is at position ${refStart}`,
          { position: refStart, length: refEnd - refStart },
        );
      this.seen.add(ref);
      this.children.push(ref);
    }
    return { kind: 'state', state, ref, span };
  }

  /** The alarm name or ARN inside `STATE(...)`, quoted or bare. */
  private reference(state: ChildAlarmState): { ref: string; quoted: boolean } {
    const text = this.text;
    const start = this.pos;
    const missing = (): never =>
      this.fail(`Missing alarm name in ${state}() at position ${start}`, { position: start, length: 0 });
    if (start >= text.length || text[start] === ')') return missing();
    if (text[start] === '(')
      this.fail(`Unexpected '(' at position ${start} (quote alarm names that contain parentheses)`, {
        position: start,
        length: 1,
      });
    let ref: string;
    const quoted = text[start] === '"';
    if (quoted) {
      const close = text.indexOf('"', start + 1);
      if (close < 0)
        this.fail(`Unterminated quoted alarm name at position ${start} (missing closing '"')`, {
          position: start,
          length: text.length - start,
        });
      ref = text.slice(start + 1, close);
      this.pos = close + 1;
      if (ref === '') return missing();
    } else {
      let end = start;
      while (end < text.length && !isDelimiter(text[end])) end++;
      ref = text.slice(start, end);
      this.pos = end;
    }
    const at = { position: start, length: this.pos - start };
    if (ref.startsWith('arn:')) {
      const arn = parseAlarmArn(ref);
      if (!arn)
        this.fail(
          `Malformed alarm ARN at position ${start} (expected arn:aws:cloudwatch:<region>:<account>:alarm:<name>)`,
          at,
        );
      this.checkName(arn.name, at);
    } else {
      this.checkName(ref, at);
    }
    return { ref, quoted };
  }

  private checkName(name: string, at: RuleSpan): void {
    if (hasControlCharacter(name))
      this.fail(`Alarm name at position ${at.position} contains an ASCII control character`, at);
    if (codePointLength(name) > MAX_ALARM_NAME_LENGTH)
      this.fail(
        `Alarm name at position ${at.position} is longer than ${MAX_ALARM_NAME_LENGTH} characters`,
        at,
      );
  }
}

/**
 * Parses a composite alarm's AlarmRule (PutCompositeAlarm). `children` lists each referenced name or
 * ARN once, in order of first appearance; a name and the ARN of the same alarm count as two.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutCompositeAlarm.html
 */
export function parseAlarmRule(text: string): ParseRuleResult {
  const length = codePointLength(text);
  if (length === 0)
    return {
      ok: false,
      error: {
        message: `AlarmRule is empty; it must be 1 to ${MAX_RULE_LENGTH} characters`,
        position: 0,
        length: 0,
      },
    };
  if (length > MAX_RULE_LENGTH) {
    let position = 0;
    for (let i = 0; i < MAX_RULE_LENGTH; i++) position += (text.codePointAt(position) ?? 0) > 0xffff ? 2 : 1;
    return {
      ok: false,
      error: {
        message: `AlarmRule is ${length} characters long; the maximum is ${MAX_RULE_LENGTH}`,
        position,
        length: text.length - position,
      },
    };
  }
  try {
    const { rule, children } = new Parser(text).parse();
    return { ok: true, rule, children };
  } catch (e) {
    if (e instanceof RuleSyntaxError)
      return { ok: false, error: { message: e.message, position: e.position, length: e.length } };
    throw e;
  }
}

/**
 * Evaluates a rule against the children's current states. `stateOf` receives each reference as
 * written (name or ARN); an alarm it does not know (undefined) is in no state, so its functions are FALSE.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Composite_Alarm.html
 */
export function evaluateAlarmRule(
  rule: RuleNode,
  stateOf: (ref: string) => ChildAlarmState | undefined,
): boolean {
  switch (rule.kind) {
    case 'or':
      return rule.operands.some((o) => evaluateAlarmRule(o, stateOf));
    case 'and':
      return rule.operands.every((o) => evaluateAlarmRule(o, stateOf));
    case 'not':
      return !evaluateAlarmRule(rule.operand, stateOf);
    case 'const':
      return rule.value;
    case 'state':
      return stateOf(rule.ref) === rule.state;
  }
}

export interface FormatRuleOptions {
  /**
   * 'always' (default) quotes every name, as the CloudWatch console writes rules;
   * 'as-needed' quotes only names with spaces or parentheses, as the documentation's examples do.
   */
  quoteNames?: 'always' | 'as-needed';
}

function formatRef(ref: string, quoteNames: 'always' | 'as-needed'): string {
  // A name holding a double quote cannot be quoted (the language has no escapes); it parses bare.
  if (ref.includes('"')) return ref;
  const needsQuotes = ref === '' || [...ref].some(isDelimiter);
  return quoteNames === 'always' || needsQuotes ? `"${ref}"` : ref;
}

/**
 * Prints a rule canonically: upper-case keywords, single spaces, parentheses only where precedence
 * (NOT > AND > OR) needs them. Parsing the output gives the same rule.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Composite_Alarm.html
 */
export function formatAlarmRule(rule: RuleNode, options: FormatRuleOptions = {}): string {
  const quoteNames = options.quoteNames ?? 'always';
  const print = (node: RuleNode, parent: 'top' | 'or' | 'and' | 'not'): string => {
    switch (node.kind) {
      case 'const':
        return node.value ? 'TRUE' : 'FALSE';
      case 'state':
        return `${node.state}(${formatRef(node.ref, quoteNames)})`;
      case 'not':
        return `NOT ${print(node.operand, 'not')}`;
      case 'and':
      case 'or': {
        const text = node.operands
          .map((o) => print(o, node.kind))
          .join(node.kind === 'and' ? ' AND ' : ' OR ');
        const bindsTighter = parent === 'top' || (parent === 'or' && node.kind === 'and');
        return bindsTighter ? text : `(${text})`;
      }
    }
  };
  return print(rule, 'top');
}

/** A rule as a plain tree for a UI; `result` (and `actual` for state functions) only when evaluated. */
export type RuleTreeNode =
  | { kind: 'or' | 'and'; label: 'OR' | 'AND'; children: RuleTreeNode[]; result?: boolean }
  | { kind: 'not'; label: 'NOT'; children: [RuleTreeNode]; result?: boolean }
  | { kind: 'const'; label: 'TRUE' | 'FALSE'; children: []; result?: boolean }
  | {
      kind: 'state';
      /** As printed, e.g. `ALARM("CPUHigh")`. */
      label: string;
      state: ChildAlarmState;
      ref: string;
      /** The alarm name, also when `ref` is an ARN. */
      name: string;
      children: [];
      result?: boolean;
      /** The child's current state; absent when the child is unknown. */
      actual?: ChildAlarmState;
    };

/**
 * A JSON-friendly tree of the rule, for a UI. With `stateOf`, each node also carries its `result`,
 * so a view can show which branch made the composite go into ALARM.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Composite_Alarm.html
 */
export function ruleTree(
  rule: RuleNode,
  stateOf?: (ref: string) => ChildAlarmState | undefined,
): RuleTreeNode {
  const withResult = <T extends RuleTreeNode>(node: T, result: () => boolean): T =>
    stateOf ? { ...node, result: result() } : node;
  switch (rule.kind) {
    case 'or':
    case 'and': {
      const children = rule.operands.map((o) => ruleTree(o, stateOf));
      const label = rule.kind === 'or' ? 'OR' : 'AND';
      return withResult({ kind: rule.kind, label, children }, () =>
        rule.kind === 'or' ? children.some((c) => c.result) : children.every((c) => c.result),
      );
    }
    case 'not': {
      const child = ruleTree(rule.operand, stateOf);
      return withResult({ kind: 'not', label: 'NOT', children: [child] }, () => !child.result);
    }
    case 'const':
      return withResult(
        { kind: 'const', label: rule.value ? 'TRUE' : 'FALSE', children: [] },
        () => rule.value,
      );
    case 'state': {
      const node: RuleTreeNode = {
        kind: 'state',
        label: formatAlarmRule(rule),
        state: rule.state,
        ref: rule.ref,
        name: refName(rule.ref),
        children: [],
      };
      if (!stateOf) return node;
      const actual = stateOf(rule.ref);
      return { ...node, result: actual === rule.state, ...(actual === undefined ? {} : { actual }) };
    }
  }
}

/**
 * The cycle that `start`'s rule closes, as a path from `start` back to itself (`['A', 'B', 'A']`;
 * `['A', 'A']` when a rule names its own alarm), or undefined. `graph` maps each composite alarm,
 * including `start` with its new rule, to its children (names or ARNs); the shortest cycle is reported.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutCompositeAlarm.html
 */
export function findCycle(graph: Map<string, string[]>, start: string): string[] | undefined {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    for (const child of (graph.get(node) ?? []).map(refName)) {
      if (child === start) {
        const path = [start];
        for (let at = node; at !== start; at = cameFrom.get(at) ?? start) path.push(at);
        path.push(start);
        return path.reverse();
      }
      if (!cameFrom.has(child)) {
        cameFrom.set(child, node);
        queue.push(child);
      }
    }
  }
  return undefined;
}
