// An alarm's state over time, from its StateUpdate history: the ribbon of the detail page and the
// ALARM periods shaded on its chart.
import type { AlarmHistoryItem } from '@aws-sdk/client-cloudwatch';
import { type AlarmState, isAlarmState } from './alarm-state.ts';

/** One change of state: when, from what, to what. */
export interface StateChange {
  /** Epoch ms. */
  atMs: number;
  from: AlarmState | undefined;
  to: AlarmState;
}

/** A stretch of time in one state; `state` is undefined where the history does not say. */
export interface StateSegment {
  state: AlarmState | undefined;
  startMs: number;
  endMs: number;
}

interface HistoryStates {
  oldState?: { stateValue?: unknown };
  newState?: { stateValue?: unknown };
}

const SUMMARY = /from (ALARM|OK|INSUFFICIENT_DATA) to (ALARM|OK|INSUFFICIENT_DATA)/;

/**
 * The change a StateUpdate item records: HistoryData's `oldState.stateValue` → `newState.stateValue`
 * (AWS DescribeAlarmHistory), or failing that its summary "Alarm updated from OK to ALARM".
 * Undefined for other item types and unreadable items.
 */
export function parseStateChange(item: AlarmHistoryItem): StateChange | undefined {
  if (item.HistoryItemType !== 'StateUpdate' || !item.Timestamp) return undefined;
  const atMs = item.Timestamp.getTime();
  try {
    const data = JSON.parse(item.HistoryData ?? '') as HistoryStates;
    const to = data.newState?.stateValue;
    const from = data.oldState?.stateValue;
    if (isAlarmState(to)) return { atMs, to, from: isAlarmState(from) ? from : undefined };
  } catch {
    // Fall back to the summary below.
  }
  const m = SUMMARY.exec(item.HistorySummary ?? '');
  if (m) return { atMs, from: m[1] as AlarmState, to: m[2] as AlarmState };
  return undefined;
}

/**
 * When a ConfigurationUpdate item records the alarm's creation (HistoryData `"type": "Create"`, or a
 * summary `Alarm "name" created`), epoch ms; undefined for any other item. AWS does not document
 * this item's format; both forms are what CloudWatch is seen to write.
 */
export function parseCreation(item: AlarmHistoryItem): number | undefined {
  if (item.HistoryItemType !== 'ConfigurationUpdate' || !item.Timestamp) return undefined;
  try {
    if ((JSON.parse(item.HistoryData ?? '') as { type?: unknown }).type === 'Create')
      return item.Timestamp.getTime();
  } catch {
    // Fall back to the summary below.
  }
  return / created$/.test(item.HistorySummary ?? '') ? item.Timestamp.getTime() : undefined;
}

/**
 * The alarm's states over [startMs, endMs], oldest first, neighbours in the same state merged. The
 * state at `startMs` is the target of the last change at or before it, else the origin of the first
 * change after it, else (no change known at all) `currentState`. Before `createdMs`, when given, the
 * alarm did not exist: that stretch has no state, and older changes (of an earlier alarm with the
 * same name) are ignored.
 */
export function stateSegments(
  changes: readonly StateChange[],
  startMs: number,
  endMs: number,
  currentState?: AlarmState,
  createdMs?: number,
): StateSegment[] {
  if (!(endMs > startMs)) return [];
  if (createdMs !== undefined && createdMs > startMs) {
    const before: StateSegment = { state: undefined, startMs, endMs: Math.min(createdMs, endMs) };
    if (createdMs >= endMs) return [before];
    const after = stateSegments(changes, createdMs, endMs, currentState, createdMs);
    return [before, ...after];
  }
  const sorted = changes
    .filter((c) => createdMs === undefined || c.atMs >= createdMs)
    .sort((a, b) => a.atMs - b.atMs);
  const lastBefore = sorted.filter((c) => c.atMs <= startMs).at(-1);
  const firstAfter = sorted.find((c) => c.atMs > startMs);
  let state: AlarmState | undefined = lastBefore?.to ?? (firstAfter ? firstAfter.from : currentState);
  const segments: StateSegment[] = [];
  let from = startMs;
  for (const c of sorted) {
    if (c.atMs <= startMs) continue;
    if (c.atMs >= endMs) break;
    if (c.to !== state) {
      if (c.atMs > from) segments.push({ state, startMs: from, endMs: c.atMs });
      from = c.atMs;
      state = c.to;
    }
  }
  segments.push({ state, startMs: from, endMs });
  // A change to the state already held (possible after SetAlarmState) must not split a segment.
  return segments.reduce<StateSegment[]>((out, s) => {
    const last = out.at(-1);
    if (last && last.state === s.state && last.endMs === s.startMs) last.endMs = s.endMs;
    else out.push({ ...s });
    return out;
  }, []);
}

/** The stretches spent in ALARM, for shading on the chart. */
export function alarmRanges(segments: readonly StateSegment[]): { startMs: number; endMs: number }[] {
  return segments.filter((s) => s.state === 'ALARM').map(({ startMs, endMs }) => ({ startMs, endMs }));
}
