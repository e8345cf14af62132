/**
 * Composite alarm action suppression (ActionsSuppressor, WaitPeriod, ExtensionPeriod) as a pure state
 * machine. https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Composite_Alarm.html
 *
 * The rules, from the user guide's six examples (WaitPeriod and ExtensionPeriod are "the maximum
 * time" the composite waits):
 * - The composite changes state while the suppressor is in ALARM: actions suppressed by `Alarm` (ex. 4).
 * - The composite changes state while the suppressor is not in ALARM: a WaitPeriod starts, replacing any
 *   WaitPeriod or ExtensionPeriod under way (ex. 3, 6). If it runs out, the composite takes the actions
 *   of its current state (ex. 1).
 * - The suppressor goes into ALARM: any WaitPeriod or ExtensionPeriod is discarded; suppressed by
 *   `Alarm` (ex. 2).
 * - The suppressor leaves ALARM: an ExtensionPeriod starts; when it runs out, the composite takes the
 *   actions of its current state if a change of state is still waiting for its actions (ex. 5).
 * - Replacing the suppressor discards any WaitPeriod or ExtensionPeriod (the guide's tip).
 *
 * Interpretations, where the guide is silent:
 * - A period covers [start, end): an event at the very instant a period ends sees it already ended.
 * - Only a change of the composite's state owes actions. A suppressor that goes into ALARM and back
 *   while the composite stays put starts an ExtensionPeriod but fires nothing when it ends.
 * - A suppressor leaving ALARM for INSUFFICIENT_DATA counts as leaving ALARM; a suppressor that does not
 *   exist (state undefined) is not in ALARM.
 * - A period of 0 seconds never becomes active: actions are taken at once.
 * - After the suppressor is replaced, a change still owed its actions takes them at once unless the new
 *   suppressor is in ALARM.
 */
import type { ChildAlarmState } from './composite-rule.ts';
import { type EpochMs, SECOND_MS, epochMs } from '../time.ts';

/** CompositeAlarm.ActionsSuppressedBy. */
export type SuppressedBy = 'WaitPeriod' | 'ExtensionPeriod' | 'Alarm';

/** The suppression settings of PutCompositeAlarm, in its units (integer seconds). */
export interface SuppressionConfig {
  /** ActionsSuppressorWaitPeriod: how long to wait for the suppressor to reach ALARM. */
  waitPeriodSeconds: number;
  /** ActionsSuppressorExtensionPeriod: how long to keep suppressing after the suppressor leaves ALARM. */
  extensionPeriodSeconds: number;
}

export interface SuppressionPeriod {
  kind: 'WaitPeriod' | 'ExtensionPeriod';
  startedAtMs: EpochMs;
  endsAtMs: EpochMs;
}

/** Everything the machine remembers between events. Plain data: store it with the alarm. */
export interface SuppressionState {
  readonly config: SuppressionConfig;
  /** The composite's current state. */
  readonly composite: ChildAlarmState;
  /** The suppressor's current state; undefined when the alarm does not exist. */
  readonly suppressor: ChildAlarmState | undefined;
  /** The WaitPeriod or ExtensionPeriod under way, if any. */
  readonly period?: SuppressionPeriod;
  /** The composite changed state and has not taken that change's actions yet. */
  readonly owesActions: boolean;
}

/** What happened, in time order (events at equal times are taken in the order given). */
export type SuppressionEvent =
  | { type: 'composite-changed'; atMs: EpochMs; state: ChildAlarmState }
  | { type: 'suppressor-changed'; atMs: EpochMs; state: ChildAlarmState | undefined }
  /** PutCompositeAlarm set another ActionsSuppressor (or new periods); `state` is the new suppressor's. */
  | {
      type: 'suppressor-replaced';
      atMs: EpochMs;
      config: SuppressionConfig;
      state: ChildAlarmState | undefined;
    }
  /** Time passed; send one at `suppressionDeadline(state)` so a deferred action fires on time. */
  | { type: 'tick'; atMs: EpochMs };

/** The composite takes the actions configured for `state` (its AlarmActions, OKActions, …) at `atMs`. */
export interface ActionFiring {
  state: ChildAlarmState;
  atMs: EpochMs;
  /** The period whose end released the actions; absent when nothing held them back. */
  deferredBy?: 'WaitPeriod' | 'ExtensionPeriod';
}

export interface SuppressionStep {
  state: SuppressionState;
  /** ActionsSuppressedBy after the event; undefined when actions are not suppressed. */
  suppressedBy?: SuppressedBy;
  /** Actions to take, oldest first: usually none, at most one per period that ended plus one. */
  fire: ActionFiring[];
}

/** The machine for a composite alarm whose ActionsSuppressor is set, with nothing owed yet. */
export function initialSuppression(
  config: SuppressionConfig,
  composite: ChildAlarmState,
  suppressor: ChildAlarmState | undefined,
): SuppressionState {
  return { config, composite, suppressor, owesActions: false };
}

/**
 * CompositeAlarm.ActionsSuppressedBy for a state: `Alarm` while the suppressor is in ALARM, else the
 * period under way. Call after `nextSuppression` has brought the state up to the time of interest.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_CompositeAlarm.html
 */
export function suppressedBy(state: SuppressionState): SuppressedBy | undefined {
  if (state.suppressor === 'ALARM') return 'Alarm';
  return state.period?.kind;
}

/**
 * CompositeAlarm.ActionsSuppressedReason. Only "Actions suppressed by WaitPeriod" has been seen in AWS
 * output; the other two follow its pattern.
 */
export const suppressedReason = (by: SuppressedBy): string => `Actions suppressed by ${by}`;

/** When the period under way ends: the time of the next `tick` that can fire actions. */
export const suppressionDeadline = (state: SuppressionState): EpochMs | undefined => state.period?.endsAtMs;

const later = (atMs: EpochMs, seconds: number): EpochMs => epochMs(atMs + seconds * SECOND_MS);

/** Ends the period under way if it has run out by `atMs`, taking owed actions at its end. */
function expire(state: SuppressionState, atMs: EpochMs, fire: ActionFiring[]): SuppressionState {
  const { period } = state;
  if (!period || period.endsAtMs > atMs) return state;
  if (state.owesActions)
    fire.push({ state: state.composite, atMs: period.endsAtMs, deferredBy: period.kind });
  return { ...state, period: undefined, owesActions: false };
}

/** Starts a period, or takes owed actions at once when the period is 0 seconds long. */
function startPeriod(
  state: SuppressionState,
  kind: SuppressionPeriod['kind'],
  atMs: EpochMs,
  fire: ActionFiring[],
): SuppressionState {
  const seconds =
    kind === 'WaitPeriod' ? state.config.waitPeriodSeconds : state.config.extensionPeriodSeconds;
  if (seconds > 0) return { ...state, period: { kind, startedAtMs: atMs, endsAtMs: later(atMs, seconds) } };
  return actNow(state, atMs, fire);
}

function actNow(state: SuppressionState, atMs: EpochMs, fire: ActionFiring[]): SuppressionState {
  if (state.owesActions) fire.push({ state: state.composite, atMs });
  return { ...state, period: undefined, owesActions: false };
}

/**
 * Advances action suppression by one event. Returns the new state, what suppresses actions after the
 * event, and the actions to take now (a period that ended before `event.atMs` reports its own time).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Composite_Alarm.html
 */
export function nextSuppression(state: SuppressionState, event: SuppressionEvent): SuppressionStep {
  const fire: ActionFiring[] = [];
  let next = expire(state, event.atMs, fire);
  const suppressorInAlarm = next.suppressor === 'ALARM';
  switch (event.type) {
    case 'tick':
      break;
    case 'composite-changed':
      if (event.state === next.composite) break;
      next = { ...next, composite: event.state, owesActions: true };
      if (!suppressorInAlarm)
        next = startPeriod({ ...next, period: undefined }, 'WaitPeriod', event.atMs, fire);
      break;
    case 'suppressor-changed': {
      const entersAlarm = event.state === 'ALARM';
      next = { ...next, suppressor: event.state };
      if (entersAlarm && !suppressorInAlarm) next = { ...next, period: undefined };
      if (!entersAlarm && suppressorInAlarm) next = startPeriod(next, 'ExtensionPeriod', event.atMs, fire);
      break;
    }
    case 'suppressor-replaced':
      next = { ...next, config: event.config, suppressor: event.state, period: undefined };
      if (event.state !== 'ALARM') next = actNow(next, event.atMs, fire);
      break;
  }
  return { state: next, suppressedBy: suppressedBy(next), fire };
}

/** One row of `runSuppression`: the event and what followed it. */
export interface SuppressionTimelineRow extends SuppressionStep {
  event: SuppressionEvent;
}

/**
 * Runs a whole history through the machine, ticking at each deadline on the way so that deferred
 * actions appear at their own time. For a timeline view and for tests.
 */
export function runSuppression(
  initial: SuppressionState,
  events: readonly SuppressionEvent[],
): SuppressionTimelineRow[] {
  const rows: SuppressionTimelineRow[] = [];
  let state = initial;
  const apply = (event: SuppressionEvent) => {
    const step = nextSuppression(state, event);
    rows.push({ event, ...step });
    state = step.state;
  };
  for (const event of events) {
    for (let deadline = suppressionDeadline(state); deadline !== undefined && deadline <= event.atMs;) {
      apply({ type: 'tick', atMs: deadline });
      deadline = suppressionDeadline(state);
    }
    apply(event);
  }
  return rows;
}
