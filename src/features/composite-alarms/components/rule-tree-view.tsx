import {
  type ChildState,
  type RuleNodeView,
  type RuleTree,
  ruleNodeView,
  stateColors,
} from '../model/rule-tree.ts';
import { StateBadge } from './state-badge.tsx';

/** Props of {@link RuleTreeView}. */
export interface RuleTreeViewProps {
  tree: RuleTree;
  /** Live states of the children by name; absent while loading. */
  states: ReadonlyMap<string, ChildState>;
  /** Accessible name of the tree's list. */
  label?: string;
}

const valueText = (v: boolean | undefined) => (v === undefined ? 'unknown' : v ? 'TRUE' : 'FALSE');

function valueClass(v: boolean | undefined): string {
  if (v === undefined) return 'text-slate-400';
  return v ? 'text-red-700' : 'text-green-700';
}

function Node({ node }: { node: RuleNodeView }) {
  const alarm = node.alarm;
  const name = alarm
    ? `${node.label}: ${alarm.name} is ${stateColors(alarm.current).text}, ${valueText(node.value)}`
    : `${node.label}: ${valueText(node.value)}`;
  return (
    <li
      aria-label={name}
      data-value={valueText(node.value)}
      data-state={alarm ? (alarm.current ?? 'UNKNOWN') : undefined}
      className="py-0.5"
    >
      <div className="flex items-center gap-2 text-sm">
        {alarm ? (
          <>
            <span className="font-mono text-xs text-slate-500">{alarm.tested}(</span>
            <span className="font-medium text-slate-900">{alarm.name}</span>
            <span className="font-mono text-xs text-slate-500">)</span>
            <StateBadge state={alarm.current} />
          </>
        ) : (
          <span className="font-mono text-xs font-semibold text-slate-700">{node.label}</span>
        )}
        <span className={`ml-auto font-mono text-xs ${valueClass(node.value)}`}>{valueText(node.value)}</span>
      </div>
      {node.children.length > 0 && (
        <ul className="ml-3 border-l border-slate-200 pl-3">
          {node.children.map((c) => (
            <Node key={c.key} node={c} />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The rule as a tree: operators with their operands in rule order, each alarm with its live state,
 * and every node's current value (TRUE makes the composite go to ALARM).
 */
export function RuleTreeView({ tree, states, label = 'Rule tree' }: RuleTreeViewProps) {
  const root = ruleNodeView(tree, states);
  return (
    <ul aria-label={label} className="rounded border border-slate-200 bg-white px-3 py-2">
      <Node node={root} />
    </ul>
  );
}
