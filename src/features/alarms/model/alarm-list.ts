// The rows of the alarm list: metric and composite alarms in one shape, ordered and filtered.
import type { CompositeAlarm, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { conditionSummary } from './alarm-condition.ts';
import { type AlarmState, isAlarmState, stateRank } from './alarm-state.ts';

export type AlarmKind = 'MetricAlarm' | 'CompositeAlarm';

/** One alarm as the list shows it. */
export interface AlarmRow {
  name: string;
  kind: AlarmKind;
  /** Undefined only if the API sent no StateValue. */
  state: AlarmState | undefined;
  stateReason: string;
  /** StateUpdatedTimestamp, epoch ms. */
  stateUpdatedMs: number | undefined;
  actionsEnabled: boolean;
  /** The condition in words (metric alarms) or the rule (composite alarms). */
  condition: string;
}

/** A metric alarm as a row. */
export function metricAlarmRow(a: MetricAlarm): AlarmRow {
  return {
    name: a.AlarmName ?? '',
    kind: 'MetricAlarm',
    state: isAlarmState(a.StateValue) ? a.StateValue : undefined,
    stateReason: a.StateReason ?? '',
    stateUpdatedMs: a.StateUpdatedTimestamp?.getTime(),
    actionsEnabled: a.ActionsEnabled ?? true,
    condition: conditionSummary(a),
  };
}

/** A composite alarm as a row; its condition is its rule. */
export function compositeAlarmRow(a: CompositeAlarm): AlarmRow {
  return {
    name: a.AlarmName ?? '',
    kind: 'CompositeAlarm',
    state: isAlarmState(a.StateValue) ? a.StateValue : undefined,
    stateReason: a.StateReason ?? '',
    stateUpdatedMs: a.StateUpdatedTimestamp?.getTime(),
    actionsEnabled: a.ActionsEnabled ?? true,
    condition: a.AlarmRule ?? '',
  };
}

/** ALARM first, then INSUFFICIENT_DATA, then OK; by name within a state. */
export function compareAlarmRows(a: AlarmRow, b: AlarmRow): number {
  return stateRank(a.state) - stateRank(b.state) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** What the list is narrowed to (the name prefix is applied by the server, not here). */
export interface AlarmFilter {
  state: AlarmState | 'all';
  kind: AlarmKind | 'all';
  /** Case-insensitive substring of the name. */
  search: string;
}

export const NO_FILTER: AlarmFilter = { state: 'all', kind: 'all', search: '' };

/** The rows that pass the filter, in list order. */
export function filterAlarmRows(rows: readonly AlarmRow[], filter: AlarmFilter): AlarmRow[] {
  const needle = filter.search.trim().toLowerCase();
  return rows
    .filter(
      (r) =>
        (filter.state === 'all' || r.state === filter.state) &&
        (filter.kind === 'all' || r.kind === filter.kind) &&
        (needle === '' || r.name.toLowerCase().includes(needle)),
    )
    .sort(compareAlarmRows);
}

/** DeleteAlarms takes at most 100 names per call. */
export const MAX_DELETE_BATCH = 100;

/**
 * The DeleteAlarms calls that delete `rows`, in order: a call may hold "no more than one composite
 * alarm" and at most 100 names (AWS DeleteAlarms). Composite alarms go first, one per call, so no
 * metric alarm is deleted while a composite still refers to it; then metric alarms by hundreds.
 */
export function deleteBatches(rows: readonly Pick<AlarmRow, 'name' | 'kind'>[]): string[][] {
  const batches = rows.filter((r) => r.kind === 'CompositeAlarm').map((r) => [r.name]);
  const metrics = rows.filter((r) => r.kind !== 'CompositeAlarm').map((r) => r.name);
  for (let i = 0; i < metrics.length; i += MAX_DELETE_BATCH) {
    batches.push(metrics.slice(i, i + MAX_DELETE_BATCH));
  }
  return batches;
}
