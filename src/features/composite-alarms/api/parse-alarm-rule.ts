import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { controlBase, useConnectionStore } from '../../../lib/connection-store.ts';
import { type RuleTree, normalizeRuleTree } from '../model/rule-tree.ts';
import { NO_CONTROL_ENDPOINTS } from '../../../lib/control-request.ts';

/** `POST /_watchtrail/alarm-rule/parse` → the rule's tree and children, or where it goes wrong. */
export type RuleParse =
  { ok: true; children: string[]; tree: RuleTree } | { ok: false; error: RuleParseError };

/** Why a rule does not parse: the message names the position too; `length` is 0 where something is missing. */
export interface RuleParseError {
  message: string;
  /** 0-based offset in the rule text. */
  position: number;
  length: number;
}

/**
 * Parses an AlarmRule with the backend's own parser, the one PutCompositeAlarm uses, so what the
 * editor accepts is what saving accepts.
 */
export async function parseAlarmRule(
  base: string | undefined,
  rule: string,
  signal?: AbortSignal,
): Promise<RuleParse> {
  if (base === undefined) throw new Error(NO_CONTROL_ENDPOINTS);
  const res = await fetch(`${base}/_watchtrail/alarm-rule/parse`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rule }),
    signal,
  });
  const json = (await res.json().catch(() => undefined)) as
    { ok?: unknown; children?: unknown; tree?: unknown; error?: unknown } | undefined;
  // A rule that does not parse is an answer, whatever the status code says.
  if (json?.ok === true) {
    const children = Array.isArray(json.children) ? json.children.map(String) : [];
    return { ok: true, children, tree: normalizeRuleTree(json.tree) };
  }
  if (json?.ok === false && typeof json.error === 'object' && json.error !== null)
    return { ok: false, error: json.error as RuleParseError };
  if (json && typeof json.error === 'string') throw new Error(json.error);
  throw new Error(`The alarm-rule parse endpoint answered ${res.status}.`);
}

export const parseAlarmRuleQueryOptions = (base: string | undefined, rule: string) =>
  queryOptions({
    queryKey: ['watchtrail', 'alarm-rule', 'parse', base, rule],
    // The rule travels with its parse: positions only make sense against the text they were found in.
    queryFn: async ({ signal }) => ({ rule, result: await parseAlarmRule(base, rule, signal) }),
    enabled: base !== undefined && rule.trim() !== '',
    // A rule parses the same way every time.
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });

/** The parse of `rule` (pass it debounced); disabled for an empty rule or without control endpoints. */
export function useParseAlarmRule(rule: string) {
  const base = controlBase(useConnectionStore());
  return useQuery(parseAlarmRuleQueryOptions(base, rule));
}
