// The dashboard body as JSON text, for the source editor: pretty printing, where in the text a
// data path (`/widgets/3/properties/metrics/0`, as PutDashboard's DashboardValidationMessages
// write them) is, and JSON syntax errors with their line and column.
import type { DashboardBody } from './dashboard-body.ts';

/** The body as the source editor shows it: JSON with 2-space indentation. */
export function prettyBody(body: DashboardBody): string {
  return JSON.stringify(body, null, 2);
}

/** A place in a text: 1-based line and column. */
export interface TextPosition {
  line: number;
  column: number;
}

/** The 1-based line and column of a character offset. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** A JSON syntax error, where it is. */
export interface JsonSyntaxError extends TextPosition {
  message: string;
  offset: number;
}

class JsonScanError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Walks JSON text (strictly, as JSON.parse reads it) and records where every value starts, by
 * JSON pointer ("" for the root). Throws {@link JsonScanError} at the first syntax error.
 */
function scanJson(text: string): Map<string, number> {
  const starts = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (message: string): never => {
    throw new JsonScanError(message, i);
  };
  const describe = () => (i >= text.length ? 'end of text' : `'${text[i]}'`);
  const str = (): string => {
    let out = '';
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('Unterminated string');
      const c = text[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          i++;
          fail('Bad escape in string');
        }
      } else if (c.charCodeAt(0) < 0x20) {
        fail('Bad control character in string (a line break must be written \\n)');
      } else {
        out += c;
        i++;
      }
    }
  };
  const value = (path: string): void => {
    ws();
    starts.set(path, i);
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`Expected a property name in double quotes, found ${describe()}`);
        const keyStart = i;
        const key = str();
        const childPath = `${path}/${escapePointer(key)}`;
        ws();
        if (text[i] !== ':') fail(`Expected ':' after property name, found ${describe()}`);
        i++;
        value(childPath);
        // Point a member's path at its key, where a person looks for it.
        starts.set(childPath, keyStart);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`Expected ',' or '}' after a property value, found ${describe()}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let k = 0; ; k++) {
        value(`${path}/${k}`);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`Expected ',' or ']' after an array element, found ${describe()}`);
      }
    }
    if (c === '"') {
      str();
      return;
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400),
    );
    if (!literal) fail(`Unexpected ${describe()}`);
    else i += literal[0].length;
  };
  value('');
  ws();
  if (i < text.length) fail(`Unexpected ${describe()} after the end of the JSON value`);
  return starts;
}

/** The result of reading the source text: the body, or the syntax error. */
export type ParsedSource = { ok: true; body: unknown } | { ok: false; error: JsonSyntaxError };

/** Parses the editor's text; a syntax error comes with its line and column. */
export function parseSource(text: string): ParsedSource {
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch (e) {
    let offset = text.length;
    let message = e instanceof Error ? e.message : String(e);
    try {
      scanJson(text);
    } catch (scan) {
      if (scan instanceof JsonScanError) {
        offset = scan.offset;
        message = scan.message;
      }
    }
    return { ok: false, error: { message, offset, ...positionAt(text, offset) } };
  }
}

/**
 * The 1-based line where a data path is in the text: the value's key (or the element), or the
 * nearest enclosing value that exists (a missing property points at its object). Undefined when
 * the text is not valid JSON.
 */
export function lineOfPath(text: string, dataPath: string): number | undefined {
  let starts: Map<string, number>;
  try {
    starts = scanJson(text);
  } catch {
    return undefined;
  }
  // Accept "widgets[3].properties" as well as "/widgets/3/properties".
  let path = dataPath.trim();
  if (path !== '' && !path.startsWith('/'))
    path = `/${path.replace(/\[(\d+)\]/g, '.$1').replace(/\./g, '/')}`;
  for (;;) {
    const at = starts.get(path);
    if (at !== undefined) return positionAt(text, at).line;
    if (path === '') return 1;
    path = path.slice(0, path.lastIndexOf('/'));
  }
}
