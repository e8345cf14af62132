/**
 * An error in a metric math expression: what went wrong, the token it is about and its 0-based position in
 * the expression text, e.g. `Unexpected token ')' at position 7`.
 */
export class MathError extends Error {
  readonly reason: string;
  readonly position: number;
  readonly token: string | undefined;
  readonly detail: string | undefined;

  constructor(reason: string, position: number, token?: string, detail?: string) {
    super(`${reason} at position ${position}${detail === undefined ? '' : `: ${detail}`}`);
    this.name = 'MathError';
    this.reason = reason;
    this.position = position;
    this.token = token;
    this.detail = detail;
  }
}
