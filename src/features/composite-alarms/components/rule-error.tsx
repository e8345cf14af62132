import { ruleCaret } from '../model/rule-caret.ts';

/** Props of {@link RuleError}. */
export interface RuleErrorProps {
  /** The rule the error is about (the one that was parsed, which may lag what is typed). */
  rule: string;
  message: string;
  /** 0-based offset of the first wrong character, and how many are wrong. */
  position: number;
  length: number;
  /** For the textarea's aria-describedby. */
  id?: string;
}

/** A rule's parse error: the message, then the line with the wrong part underlined and a caret under it. */
export function RuleError({ rule, message, position, length, id }: RuleErrorProps) {
  const c = ruleCaret(rule, position, length);
  return (
    <div
      id={id}
      role="alert"
      className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
    >
      <p>
        {message}{' '}
        <span className="text-xs text-red-700">
          (line {c.line}, column {c.column})
        </span>
      </p>
      <pre
        className="mt-1 overflow-x-auto font-mono text-xs leading-5 text-slate-800"
        data-testid="rule-error-caret"
      >
        {c.before}
        <mark className="bg-red-200 text-red-900 underline decoration-red-600 decoration-wavy">
          {c.marked}
        </mark>
        {c.after}
        {'\n'}
        <span aria-hidden="true" className="text-red-600">
          {c.caret}
        </span>
      </pre>
    </div>
  );
}
