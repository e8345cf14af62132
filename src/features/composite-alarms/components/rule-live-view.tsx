import { useMemo } from 'react';
import { useAlarmStates } from '../api/describe-alarms.ts';
import {
  type ChildState,
  type RuleTree,
  childrenBySeverity,
  evaluateRule,
  ruleChildren,
  stateOfRuleValue,
} from '../model/rule-tree.ts';
import { RuleTreeView } from './rule-tree-view.tsx';
import { StateBadge } from './state-badge.tsx';

/** Props of {@link RuleLiveView}. */
export interface RuleLiveViewProps {
  tree: RuleTree;
}

const EMPTY = new Map<string, ChildState>();

/**
 * The rule's tree with its children's live states (re-read every few seconds), the count per state,
 * and what the rule evaluates to now.
 */
export function RuleLiveView({ tree }: RuleLiveViewProps) {
  const childNames = useMemo(() => ruleChildren(tree), [tree]);
  const states = useAlarmStates(childNames);
  const known = states.data ?? EMPTY;
  const value = evaluateRule(tree, known);
  const implied = stateOfRuleValue(value);
  const missing = childrenBySeverity(childNames, known).filter((c) => c.state === 'MISSING');
  return (
    <div className="space-y-2">
      <p role="status" className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <span>
          The rule is{' '}
          <strong data-testid="rule-value">
            {value === undefined ? 'unknown' : value ? 'TRUE' : 'FALSE'}
          </strong>{' '}
          now
        </span>
        {implied && (
          <>
            <span>: the alarm would be</span>
            <StateBadge state={implied} />
          </>
        )}
        {value === undefined && !states.isPending && <span>(a child alarm&apos;s state is not known)</span>}
      </p>
      {states.error && (
        <p className="text-xs text-red-700">
          The children&apos;s states could not be read: {states.error.message}
        </p>
      )}
      {missing.length > 0 && (
        <p className="text-xs text-amber-800">
          No alarm is named {missing.map((m) => `“${m.name}”`).join(', ')}.
        </p>
      )}
      <RuleTreeView tree={tree} states={known} />
    </div>
  );
}
