import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';
import { type RuleParse, useParseAlarmRule } from '../api/parse-alarm-rule.ts';
import { useDebouncedValue } from './use-debounced-value.ts';

/** How long typing must pause before the rule is checked. */
export const RULE_CHECK_DEBOUNCE_MS = 150;

/** Where the live check of a rule stands. */
export type RuleCheck =
  | { status: 'empty' }
  /** The backend has no control endpoints: the rule is only checked on save. */
  | { status: 'unavailable' }
  | { status: 'checking'; last?: ParsedRule }
  | { status: 'parsed'; parsed: ParsedRule }
  | { status: 'failed'; error: Error };

/** A parse with the rule it is about (which lags what is typed while the next check runs). */
export interface ParsedRule {
  rule: string;
  result: RuleParse;
}

/** Checks a rule as it is typed, debounced, through the parse endpoint. */
export function useRuleCheck(rule: string): RuleCheck {
  const base = controlBase(useConnectionStore());
  const settled = useDebouncedValue(rule, RULE_CHECK_DEBOUNCE_MS);
  const query = useParseAlarmRule(settled);
  if (base === undefined) return { status: 'unavailable' };
  if (rule.trim() === '') return { status: 'empty' };
  if (query.error) return { status: 'failed', error: query.error };
  const parsed = query.data;
  if (settled !== rule || query.isPlaceholderData || !parsed || parsed.rule !== settled)
    return { status: 'checking', last: parsed };
  return { status: 'parsed', parsed };
}
