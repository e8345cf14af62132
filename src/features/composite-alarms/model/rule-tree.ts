/**
 * A composite alarm's rule as the parse endpoint returns it, and how it evaluates against the live
 * states of its children. Grammar and semantics: spec §b (AWS's Create_Composite_Alarm page).
 */

/** The state of an alarm, as the API names it. */
export type AlarmStateValue = 'ALARM' | 'OK' | 'INSUFFICIENT_DATA';

/** The parsed AlarmRule: `POST /_watchtrail/alarm-rule/parse` → `tree`. */
export type RuleTree =
  | { kind: 'or' | 'and'; children: RuleTree[] }
  | { kind: 'not'; child: RuleTree }
  | { kind: 'const'; value: boolean }
  | { kind: 'state'; state: AlarmStateValue; ref: string };

/** What is known of a child alarm: its state, or that it does not exist (`MISSING`). */
export type ChildState = AlarmStateValue | 'MISSING';

export const ALARM_STATES: readonly AlarmStateValue[] = ['ALARM', 'INSUFFICIENT_DATA', 'OK'];

/**
 * The alarm name a rule reference points at: rules accept names or alarm ARNs
 * (`arn:aws:cloudwatch:<region>:<account>:alarm:<name>`; the name may itself hold colons).
 */
export function alarmNameOf(ref: string): string {
  const m = /^arn:[^:]+:cloudwatch:[^:]*:[^:]*:alarm:(.+)$/.exec(ref);
  return m ? m[1] : ref;
}

/** The alarm names a rule refers to, each once, in the order they first appear. */
export function ruleChildren(tree: RuleTree): string[] {
  const seen = new Set<string>();
  const walk = (t: RuleTree): void => {
    if (t.kind === 'state') seen.add(alarmNameOf(t.ref));
    else if (t.kind === 'not') walk(t.child);
    else if (t.kind === 'or' || t.kind === 'and') t.children.forEach(walk);
  };
  walk(tree);
  return [...seen];
}

/**
 * The rule's value over three values: true, false, or undefined while a child's state is not known
 * (not loaded yet, or the alarm does not exist). AND is false as soon as one operand is false and OR
 * true as soon as one is true, whatever the unknown ones are (Kleene's logic).
 */
export function evaluateRule(tree: RuleTree, states: ReadonlyMap<string, ChildState>): boolean | undefined {
  switch (tree.kind) {
    case 'const':
      return tree.value;
    case 'state': {
      const s = states.get(alarmNameOf(tree.ref));
      return s === undefined || s === 'MISSING' ? undefined : s === tree.state;
    }
    case 'not': {
      const v = evaluateRule(tree.child, states);
      return v === undefined ? undefined : !v;
    }
    case 'and': {
      const values = tree.children.map((c) => evaluateRule(c, states));
      if (values.includes(false)) return false;
      return values.includes(undefined) ? undefined : true;
    }
    case 'or': {
      const values = tree.children.map((c) => evaluateRule(c, states));
      if (values.includes(true)) return true;
      return values.includes(undefined) ? undefined : false;
    }
  }
}

/** The composite alarm's state implied by its rule's value: true → ALARM, false → OK. */
export const stateOfRuleValue = (value: boolean | undefined): AlarmStateValue | undefined =>
  value === undefined ? undefined : value ? 'ALARM' : 'OK';

/** One line of the rule tree as the views draw it. */
export interface RuleNodeView {
  /** Stable within one tree: the path of child indexes, e.g. `0.2.1`. */
  key: string;
  /** `OR`, `AND`, `NOT`, `TRUE`, `FALSE`, or the function and alarm, e.g. `ALARM(cpu-high)`. */
  label: string;
  /** For an alarm reference: the alarm's name, the state the rule tests, and its live state. */
  alarm?: { name: string; tested: AlarmStateValue; current: ChildState | undefined };
  /** What this node evaluates to now; undefined while unknown. */
  value: boolean | undefined;
  children: RuleNodeView[];
}

/** The tree as drawn: operators with their operands in rule order, each with its current value. */
export function ruleNodeView(
  tree: RuleTree,
  states: ReadonlyMap<string, ChildState>,
  key = '0',
): RuleNodeView {
  const value = evaluateRule(tree, states);
  switch (tree.kind) {
    case 'const':
      return { key, label: tree.value ? 'TRUE' : 'FALSE', value, children: [] };
    case 'state': {
      const name = alarmNameOf(tree.ref);
      return {
        key,
        label: `${tree.state}(${name})`,
        alarm: { name, tested: tree.state, current: states.get(name) },
        value,
        children: [],
      };
    }
    case 'not':
      return { key, label: 'NOT', value, children: [ruleNodeView(tree.child, states, `${key}.0`)] };
    default:
      return {
        key,
        label: tree.kind.toUpperCase(),
        value,
        children: tree.children.map((c, i) => ruleNodeView(c, states, `${key}.${i}`)),
      };
  }
}

const SEVERITY: Record<ChildState, number> = { ALARM: 0, INSUFFICIENT_DATA: 1, OK: 2, MISSING: 3 };

/**
 * Children ordered for a summary: ALARM first, then INSUFFICIENT_DATA, OK, missing alarms and
 * those not loaded yet; by name within a state.
 */
export function childrenBySeverity(
  names: readonly string[],
  states: ReadonlyMap<string, ChildState>,
): { name: string; state: ChildState | undefined }[] {
  const rank = (s: ChildState | undefined) => (s === undefined ? 4 : SEVERITY[s]);
  return names
    .map((name) => ({ name, state: states.get(name) }))
    .sort((a, b) => rank(a.state) - rank(b.state) || a.name.localeCompare(b.name));
}

/** Colours of a state (Tailwind classes): ALARM red, OK green, INSUFFICIENT_DATA gray. */
export interface StateColors {
  /** A filled badge. */
  badge: string;
  /** A small dot or bar. */
  dot: string;
  /** The word people read: "In alarm", "OK", … */
  text: string;
}

export function stateColors(state: ChildState | undefined): StateColors {
  switch (state) {
    case 'ALARM':
      return { badge: 'bg-red-100 text-red-800 ring-red-300', dot: 'bg-red-600', text: 'In alarm' };
    case 'OK':
      return { badge: 'bg-green-100 text-green-800 ring-green-300', dot: 'bg-green-600', text: 'OK' };
    case 'INSUFFICIENT_DATA':
      return {
        badge: 'bg-slate-200 text-slate-700 ring-slate-300',
        dot: 'bg-slate-400',
        text: 'Insufficient data',
      };
    case 'MISSING':
      return {
        badge: 'bg-amber-50 text-amber-800 ring-amber-300',
        dot: 'bg-amber-500',
        text: 'No such alarm',
      };
    default:
      return { badge: 'bg-white text-slate-500 ring-slate-200', dot: 'bg-slate-200', text: 'Loading…' };
  }
}

/**
 * Reads the tree the parse endpoint sent. NOT's operand is accepted as `child` (the documented
 * contract) or as `children[0]`; anything else that is not a tree is an error, not a silent guess.
 */
export function normalizeRuleTree(raw: unknown): RuleTree {
  if (typeof raw !== 'object' || raw === null) throw new Error('The rule tree is not an object.');
  const node = raw as {
    kind?: unknown;
    children?: unknown;
    child?: unknown;
    value?: unknown;
    state?: unknown;
    ref?: unknown;
  };
  switch (node.kind) {
    case 'or':
    case 'and':
      if (!Array.isArray(node.children)) throw new Error(`The rule tree's ${node.kind} has no children.`);
      return { kind: node.kind, children: node.children.map(normalizeRuleTree) };
    case 'not': {
      const child = node.child ?? (Array.isArray(node.children) ? node.children[0] : undefined);
      return { kind: 'not', child: normalizeRuleTree(child) };
    }
    case 'const':
      return { kind: 'const', value: node.value === true };
    case 'state':
      if (!ALARM_STATES.includes(node.state as AlarmStateValue) || typeof node.ref !== 'string')
        throw new Error('The rule tree has a malformed alarm reference.');
      return { kind: 'state', state: node.state as AlarmStateValue, ref: node.ref };
    default:
      throw new Error(`The rule tree has an unknown node kind ${JSON.stringify(node.kind)}.`);
  }
}
