import type { RuleCheck } from '../hooks/use-rule-check.ts';
import { RuleError } from './rule-error.tsx';
import { RuleLiveView } from './rule-live-view.tsx';

/** Props of {@link RuleCheckPanel}. */
export interface RuleCheckPanelProps {
  check: RuleCheck;
  /** id given to the check's message, which the rule textarea points at (aria-describedby). */
  messageId: string;
}

/**
 * What the live check says of the rule being typed: its error with a caret at the position, or its
 * tree with the children's live states and the rule's current value.
 */
export function RuleCheckPanel({ check, messageId }: RuleCheckPanelProps) {
  switch (check.status) {
    case 'empty':
      return (
        <p id={messageId} className="text-sm text-slate-500">
          Write a rule with ALARM(…), OK(…), INSUFFICIENT_DATA(…), TRUE, FALSE, AND, OR, NOT and parentheses,
          e.g.{' '}
          <code className="font-mono">ALARM(&quot;cpu-high&quot;) AND NOT ALARM(&quot;deploy&quot;)</code>.
        </p>
      );
    case 'unavailable':
      return (
        <p id={messageId} className="text-sm text-slate-600">
          This backend has no Watchtrail control endpoints, so the rule cannot be checked as you type: it is
          checked when you save.
        </p>
      );
    case 'failed':
      return (
        <p id={messageId} role="alert" className="text-sm text-red-700">
          The rule could not be checked: {check.error.message}
        </p>
      );
    case 'checking': {
      // Keep the last tree in view while the next check runs, so the panel does not flicker.
      const last = check.last?.result;
      return (
        <div className="space-y-2" aria-busy="true">
          <p id={messageId} className="text-sm text-slate-500">
            Checking the rule…
          </p>
          {last?.ok && <RuleLiveView tree={last.tree} />}
        </div>
      );
    }
    case 'parsed': {
      const { rule, result } = check.parsed;
      if (!result.ok)
        return (
          <RuleError
            id={messageId}
            rule={rule}
            message={result.error.message}
            position={result.error.position}
            length={result.error.length}
          />
        );
      const n = new Set(result.children).size;
      return (
        <div className="space-y-2">
          <p id={messageId} className="text-sm text-green-800">
            The rule is valid: {n === 0 ? 'no child alarms' : n === 1 ? '1 child alarm' : `${n} child alarms`}
            .
          </p>
          <RuleLiveView tree={result.tree} />
        </div>
      );
    }
  }
}
