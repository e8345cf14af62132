import type { MetricId } from '../metrics/identity.ts';
import { MathError } from './math-error.ts';

/**
 * The query of a SEARCH expression: an optional metric schema `{Namespace, DimensionName, ...}` and an
 * optional search term of partial and "exact" matches, designators (`MetricName=`, `Namespace=`, a
 * dimension name) and the Boolean operators AND, OR, NOT with parentheses.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/search-expression-syntax.html
 */
export interface SearchQuery {
  schema?: { namespace: string; dimensionNames: string[] };
  term?: SearchTerm;
}

/** Where a match looks: any name of the metric, or only one property (MetricName=, Namespace=, Dim=). */
export type SearchTarget =
  { kind: 'any' } | { kind: 'metricName' } | { kind: 'namespace' } | { kind: 'dimension'; name: string };

export type SearchTerm =
  | { type: 'match'; target: SearchTarget; text: string; exact: boolean }
  | { type: 'and' | 'or'; left: SearchTerm; right: SearchTerm }
  | { type: 'not'; operand: SearchTerm };

/** "The maximum search expression query size is 1024 characters." */
export const MAX_SEARCH_QUERY_LENGTH = 1024;

// ---------------------------------------------------------------------------------------------------
// Tokens of names: "CloudWatch generates tokens distinguished by the camel-case capitalization in the
// original string. Numeric characters also serve as the start of new tokens, and non-alphanumeric
// characters serve as delimiters."

const PIECE = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;

/** The camel-case and digit pieces of one alphanumeric run, in their original case: `SDBFailure` → SDB, Failure. */
const piecesOf = (word: string): string[] => word.match(PIECE) ?? [];

/** The alphanumeric runs of a string: `Project2-trial333` → Project2, trial333. */
const wordsOf = (text: string): string[] => text.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');

/**
 * The tokens CloudWatch generates from a name, all lower case: the whole name without its delimiters, then
 * every piece (`CustomCount1` → customcount1, custom, count, 1; `Project2-trial333` → project2trial333,
 * project, 2, trial, 333).
 */
export function searchTokens(name: string): string[] {
  const pieces = wordsOf(name).flatMap(piecesOf);
  const whole = pieces.join('').toLowerCase();
  const out = pieces.length > 1 ? [whole] : [];
  for (const p of pieces) out.push(p.toLowerCase());
  return out;
}

/**
 * A partial match of one search word against one name. A word of one piece matches any token of the name,
 * whatever its case (`count`, `Count`, `COUNT` find `CustomCount1`). A word of several pieces is a composite
 * token: it matches the name's whole token (`customcount1`), or consecutive pieces of the name, case-sensitive
 * within a camel-case word (`CustomCount`, `Count1` yes; `customcount`, `count1`, `couNT` no) and
 * case-insensitive across delimiters (`network/errors` and `Network_Errors` find `Network-Errors-2`).
 */
export function partialMatch(word: string, name: string): boolean {
  const segments = wordsOf(word).map(piecesOf);
  const wanted = segments.flatMap((pieces) =>
    pieces.map((p) => ({ text: p, caseSensitive: pieces.length > 1 })),
  );
  if (wanted.length === 0) return false;
  const tokens = searchTokens(name);
  if (wanted.length === 1) return tokens.includes(wanted[0].text.toLowerCase());
  if (segments.length === 1 && tokens[0] === segments[0].join('').toLowerCase()) return true;
  const pieces = wordsOf(name).flatMap(piecesOf);
  const same = (p: string, w: { text: string; caseSensitive: boolean }) =>
    w.caseSensitive ? p === w.text : p.toLowerCase() === w.text.toLowerCase();
  for (let i = 0; i + wanted.length <= pieces.length; i++)
    if (wanted.every((w, k) => same(pieces[i + k], w))) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Parsing

type LexKind = 'word' | 'quoted' | '(' | ')' | '=' | '{' | '}' | ',' | 'end';
interface Lexeme {
  kind: LexKind;
  text: string;
  /** Offset in the query string. */
  at: number;
}

/** Characters that end a bare word; inside double quotes only `"` `\` `(` `)` are escaped with a backslash. */
const BARE_STOP = /[\s()"={},]/;

function lex(query: string, base: number): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if ('()={},'.includes(c)) {
      out.push({ kind: c as LexKind, text: c, at: i });
      i++;
      continue;
    }
    if (c === '"') {
      let text = '';
      let j = i + 1;
      for (; j < query.length && query[j] !== '"'; j++) {
        if (query[j] === '\\' && j + 1 < query.length) j++;
        text += query[j];
      }
      if (j >= query.length)
        throw new MathError('Invalid search expression', base + i, '"', 'unterminated double quote');
      out.push({ kind: 'quoted', text, at: i });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < query.length && !BARE_STOP.test(query[j])) j++;
    out.push({ kind: 'word', text: query.slice(i, j), at: i });
    i = j;
  }
  out.push({ kind: 'end', text: '', at: query.length });
  return out;
}

const OPERATORS = new Set(['AND', 'OR', 'NOT']);
const isOperator = (l: Lexeme, op?: string) =>
  l.kind === 'word' && (op === undefined ? OPERATORS.has(l.text) : l.text === op);

class SearchParser {
  private i = 0;

  constructor(
    private readonly lexemes: Lexeme[],
    private readonly base: number,
  ) {}

  private peek(offset = 0): Lexeme {
    return this.lexemes[Math.min(this.i + offset, this.lexemes.length - 1)];
  }

  private next(): Lexeme {
    const l = this.peek();
    if (l.kind !== 'end') this.i++;
    return l;
  }

  private fail(l: Lexeme, detail: string): MathError {
    const token = l.kind === 'end' ? undefined : l.kind === 'quoted' ? `"${l.text}"` : l.text;
    return new MathError('Invalid search expression', this.base + l.at, token, detail);
  }

  parse(): SearchQuery {
    const query: SearchQuery = {};
    if (this.peek().kind === '{') query.schema = this.parseSchema();
    // AWS's own examples put a comma after the schema: `{AWS/ECS, ClusterName}, MetricName="CPUUtilization"`.
    if (query.schema && this.peek().kind === ',') this.next();
    if (this.peek().kind !== 'end') query.term = this.parseOr();
    const rest = this.peek();
    if (rest.kind !== 'end') throw this.fail(rest, `unexpected '${rest.text}'`);
    if (!query.schema && !query.term)
      throw this.fail(rest, 'give a metric schema in braces, a search term, or both');
    return query;
  }

  private parseSchema(): NonNullable<SearchQuery['schema']> {
    const open = this.next();
    const names: string[] = [];
    for (;;) {
      const l = this.next();
      if (l.kind !== 'word' && l.kind !== 'quoted')
        throw this.fail(
          l,
          names.length === 0 ? 'the schema starts with a namespace' : 'expected a dimension name',
        );
      names.push(l.text);
      const sep = this.next();
      if (sep.kind === '}') break;
      if (sep.kind !== ',')
        throw this.fail(sep.kind === 'end' ? open : sep, "expected ',' or '}' in the schema");
    }
    return { namespace: names[0], dimensionNames: names.slice(1) };
  }

  private parseOr(): SearchTerm {
    let left = this.parseAnd();
    while (isOperator(this.peek(), 'OR')) {
      this.next();
      left = { type: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  /** "Not using any Boolean operator between search terms implicitly searches them as if there were an AND." */
  private parseAnd(): SearchTerm {
    let left = this.parseNot();
    for (;;) {
      const l = this.peek();
      if (isOperator(l, 'AND')) this.next();
      else if (l.kind === 'end' || l.kind === ')' || isOperator(l, 'OR')) return left;
      left = { type: 'and', left, right: this.parseNot() };
    }
  }

  private parseNot(): SearchTerm {
    if (isOperator(this.peek(), 'NOT')) {
      this.next();
      return { type: 'not', operand: this.parseNot() };
    }
    return this.parsePrimary({ kind: 'any' });
  }

  private parsePrimary(target: SearchTarget): SearchTerm {
    const l = this.next();
    if (l.kind === '(') {
      const inner = target.kind === 'any' ? this.parseOr() : this.parseGroup(target);
      const close = this.next();
      if (close.kind !== ')') throw this.fail(close, "expected ')'");
      return inner;
    }
    if (l.kind === 'quoted' || (l.kind === 'word' && !OPERATORS.has(l.text))) {
      if (target.kind === 'any' && this.peek().kind === '=') {
        this.next();
        return this.parsePrimary(designator(l.text));
      }
      return { type: 'match', target, text: l.text, exact: l.kind === 'quoted' };
    }
    throw this.fail(l, l.kind === 'end' ? 'a search term is missing' : `unexpected '${l.text}'`);
  }

  /** `"InstanceId"=("i-1" OR "i-2")`: the designator applies to every value of the group. */
  private parseGroup(target: SearchTarget): SearchTerm {
    const value = (): SearchTerm => {
      if (isOperator(this.peek(), 'NOT')) {
        this.next();
        return { type: 'not', operand: value() };
      }
      return this.parsePrimary(target);
    };
    const and = (): SearchTerm => {
      let left = value();
      for (;;) {
        const l = this.peek();
        if (isOperator(l, 'AND')) this.next();
        else if (l.kind === 'end' || l.kind === ')' || isOperator(l, 'OR')) return left;
        left = { type: 'and', left, right: value() };
      }
    };
    let left = and();
    while (isOperator(this.peek(), 'OR')) {
      this.next();
      left = { type: 'or', left, right: and() };
    }
    return left;
  }
}

function designator(name: string): SearchTarget {
  if (name === 'MetricName') return { kind: 'metricName' };
  if (name === 'Namespace') return { kind: 'namespace' };
  return { kind: 'dimension', name };
}

/**
 * Parses a SEARCH query string. `offset` is where the string starts in the whole expression, so that
 * errors point at the offending character of the expression: `Invalid search expression at position 12`.
 */
export function parseSearchQuery(text: string, offset = 0): SearchQuery {
  if (text.length > MAX_SEARCH_QUERY_LENGTH)
    throw new MathError(
      'Invalid search expression',
      offset,
      undefined,
      `the query is ${text.length} characters long, at most ${MAX_SEARCH_QUERY_LENGTH} are allowed`,
    );
  return new SearchParser(lex(text, offset), offset).parse();
}

// ---------------------------------------------------------------------------------------------------
// Matching

function valuesOf(m: MetricId, target: SearchTarget): string[] {
  switch (target.kind) {
    case 'any':
      return [m.metricName, m.namespace, ...m.dimensions.flatMap((d) => [d.name, d.value])];
    case 'metricName':
      return [m.metricName];
    case 'namespace':
      return [m.namespace];
    case 'dimension':
      return m.dimensions.filter((d) => d.name === target.name).map((d) => d.value);
  }
}

function termMatches(term: SearchTerm, m: MetricId): boolean {
  switch (term.type) {
    case 'and':
      return termMatches(term.left, m) && termMatches(term.right, m);
    case 'or':
      return termMatches(term.left, m) || termMatches(term.right, m);
    case 'not':
      return !termMatches(term.operand, m);
    case 'match': {
      const values = valuesOf(m, term.target);
      return term.exact ? values.includes(term.text) : values.some((v) => partialMatch(term.text, v));
    }
  }
}

/**
 * Whether a metric is found by a search: in the schema's namespace with exactly the schema's dimension
 * names (`{AWS/EC2}` alone finds the metrics without dimensions), and matching the search term.
 */
export function matchesSearch(query: SearchQuery, m: MetricId): boolean {
  const schema = query.schema;
  if (schema) {
    if (m.namespace !== schema.namespace) return false;
    if (m.dimensions.length !== schema.dimensionNames.length) return false;
    if (!schema.dimensionNames.every((n) => m.dimensions.some((d) => d.name === n))) return false;
  }
  return query.term === undefined || termMatches(query.term, m);
}
