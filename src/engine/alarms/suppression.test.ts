import { describe, expect, it } from 'vitest';
import type { ChildAlarmState } from './composite-rule.ts';
import {
  type ActionFiring,
  type SuppressedBy,
  type SuppressionConfig,
  type SuppressionEvent,
  type SuppressionState,
  initialSuppression,
  nextSuppression,
  runSuppression,
  suppressedReason,
  suppressionDeadline,
} from './suppression.ts';
import { type EpochMs, epochMs } from '../time.ts';

/**
 * Time in the user guide's units t0, t1, …: one unit is 60 s. As in the guide's examples, WaitPeriod
 * is 2 units and ExtensionPeriod 3 units.
 */
const T0 = Date.parse('2026-11-19T16:00:00Z');
const t = (n: number): EpochMs => epochMs(T0 + n * 60_000);
const GUIDE: SuppressionConfig = { waitPeriodSeconds: 120, extensionPeriodSeconds: 180 };

/** An event in short: [who, at (units), new state], or ['tick', at]. */
type Step = ['composite' | 'suppressor', number, ChildAlarmState | undefined] | ['tick', number];

function toEvent(step: Step): SuppressionEvent {
  if (step[0] === 'tick') return { type: 'tick', atMs: t(step[1]) };
  const [who, at, state] = step;
  if (who === 'composite') {
    if (state === undefined) throw new Error('test bug: a composite is always in a state');
    return { type: 'composite-changed', atMs: t(at), state };
  }
  return { type: 'suppressor-changed', atMs: t(at), state };
}

/** Feeds the events one by one (no ticks besides those listed); what suppresses after each, and what fired. */
function play(initial: SuppressionState, steps: Step[]) {
  let state = initial;
  const suppressedBy: (SuppressedBy | undefined)[] = [];
  const fired: ActionFiring[] = [];
  for (const step of steps) {
    const result = nextSuppression(state, toEvent(step));
    state = result.state;
    suppressedBy.push(result.suppressedBy);
    fired.push(...result.fire);
  }
  return { suppressedBy, fired, state };
}

interface Row {
  name: string;
  suppressor: ChildAlarmState | undefined;
  composite?: ChildAlarmState;
  config?: SuppressionConfig;
  steps: Step[];
  /** ActionsSuppressedBy after each step. */
  suppressedBy: (SuppressedBy | undefined)[];
  fired: ActionFiring[];
}

describe('the user guide examples (WaitPeriod 2 units, ExtensionPeriod 3 units)', () => {
  it.each<Row>([
    {
      name: '1: the suppressor never reaches ALARM, so actions are taken when the WaitPeriod ends',
      suppressor: 'OK',
      steps: [
        ['composite', 2, 'ALARM'],
        ['tick', 3],
        ['tick', 4],
        ['tick', 5],
      ],
      suppressedBy: ['WaitPeriod', 'WaitPeriod', undefined, undefined],
      fired: [{ state: 'ALARM', atMs: t(4), deferredBy: 'WaitPeriod' }],
    },
    {
      name: '2: the suppressor reaches ALARM within the WaitPeriod, which is discarded',
      suppressor: 'OK',
      steps: [
        ['composite', 2, 'ALARM'],
        ['suppressor', 3, 'ALARM'],
        ['tick', 4],
        ['tick', 10],
      ],
      suppressedBy: ['WaitPeriod', 'Alarm', 'Alarm', 'Alarm'],
      fired: [],
    },
    {
      name: '3: the composite changes back within the WaitPeriod: a new WaitPeriod, then its current state acts',
      suppressor: 'OK',
      steps: [
        ['composite', 2, 'ALARM'],
        ['composite', 3, 'OK'],
        ['tick', 4],
        ['tick', 5],
      ],
      suppressedBy: ['WaitPeriod', 'WaitPeriod', 'WaitPeriod', undefined],
      fired: [{ state: 'OK', atMs: t(5), deferredBy: 'WaitPeriod' }],
    },
    {
      name: '4: the suppressor is in ALARM before the composite changes',
      suppressor: 'ALARM',
      steps: [
        ['composite', 2, 'ALARM'],
        ['tick', 4],
        ['tick', 9],
      ],
      suppressedBy: ['Alarm', 'Alarm', 'Alarm'],
      fired: [],
    },
    {
      name: '5: the suppressor leaves ALARM; actions are taken when the ExtensionPeriod ends',
      suppressor: 'OK',
      steps: [
        ['composite', 2, 'ALARM'],
        ['suppressor', 3, 'ALARM'],
        ['suppressor', 6, 'OK'],
        ['tick', 8],
        ['tick', 9],
      ],
      suppressedBy: ['WaitPeriod', 'Alarm', 'ExtensionPeriod', 'ExtensionPeriod', undefined],
      fired: [{ state: 'ALARM', atMs: t(9), deferredBy: 'ExtensionPeriod' }],
    },
    {
      name: '6: the composite changes within the ExtensionPeriod: a new WaitPeriod replaces it',
      suppressor: 'OK',
      steps: [
        ['composite', 2, 'ALARM'],
        ['suppressor', 3, 'ALARM'],
        ['suppressor', 6, 'OK'],
        ['composite', 7, 'OK'],
        ['tick', 8],
        ['tick', 9],
      ],
      suppressedBy: ['WaitPeriod', 'Alarm', 'ExtensionPeriod', 'WaitPeriod', 'WaitPeriod', undefined],
      fired: [{ state: 'OK', atMs: t(9), deferredBy: 'WaitPeriod' }],
    },
  ])('$name', ({ suppressor, composite = 'OK', config = GUIDE, steps, suppressedBy, fired }) => {
    const result = play(initialSuppression(config, composite, suppressor), steps);
    expect(result.suppressedBy).toEqual(suppressedBy);
    expect(result.fired).toEqual(fired);
  });
});

describe('edges the guide leaves open', () => {
  it.each<Row>([
    {
      name: 'suppressor in ALARM before the change, then leaving it: the owed actions wait for the extension',
      suppressor: 'ALARM',
      steps: [
        ['composite', 2, 'ALARM'],
        ['suppressor', 4, 'OK'],
        ['tick', 7],
      ],
      suppressedBy: ['Alarm', 'ExtensionPeriod', undefined],
      fired: [{ state: 'ALARM', atMs: t(7), deferredBy: 'ExtensionPeriod' }],
    },
    {
      name: 'the suppressor going into ALARM and back without a composite change owes nothing',
      suppressor: 'OK',
      steps: [
        ['suppressor', 1, 'ALARM'],
        ['suppressor', 2, 'OK'],
        ['tick', 6],
      ],
      suppressedBy: ['Alarm', 'ExtensionPeriod', undefined],
      fired: [],
    },
    {
      name: 'the composite changing twice under Alarm suppression acts once, on its current state',
      suppressor: 'ALARM',
      steps: [
        ['composite', 1, 'ALARM'],
        ['composite', 2, 'OK'],
        ['composite', 3, 'ALARM'],
        ['suppressor', 4, 'OK'],
        ['tick', 7],
      ],
      suppressedBy: ['Alarm', 'Alarm', 'Alarm', 'ExtensionPeriod', undefined],
      fired: [{ state: 'ALARM', atMs: t(7), deferredBy: 'ExtensionPeriod' }],
    },
    {
      name: 'the suppressor going into ALARM during an ExtensionPeriod discards it',
      suppressor: 'ALARM',
      steps: [
        ['composite', 1, 'ALARM'],
        ['suppressor', 2, 'OK'],
        ['suppressor', 3, 'ALARM'],
        ['tick', 9],
      ],
      suppressedBy: ['Alarm', 'ExtensionPeriod', 'Alarm', 'Alarm'],
      fired: [],
    },
    {
      name: 'a period is [start, end): an event at its end sees it ended, and the actions come first',
      suppressor: 'OK',
      steps: [
        ['composite', 2, 'ALARM'],
        ['suppressor', 4, 'ALARM'],
      ],
      suppressedBy: ['WaitPeriod', 'Alarm'],
      fired: [{ state: 'ALARM', atMs: t(4), deferredBy: 'WaitPeriod' }],
    },
    {
      name: 'a late event reports the actions at the time the period ended',
      suppressor: 'OK',
      steps: [
        ['composite', 2, 'ALARM'],
        ['composite', 10, 'OK'],
        ['tick', 12],
      ],
      suppressedBy: ['WaitPeriod', 'WaitPeriod', undefined],
      fired: [
        { state: 'ALARM', atMs: t(4), deferredBy: 'WaitPeriod' },
        { state: 'OK', atMs: t(12), deferredBy: 'WaitPeriod' },
      ],
    },
    {
      name: 'a "change" to the current state is no change',
      suppressor: 'OK',
      composite: 'ALARM',
      steps: [
        ['composite', 2, 'ALARM'],
        ['tick', 9],
      ],
      suppressedBy: [undefined, undefined],
      fired: [],
    },
    {
      name: 'INSUFFICIENT_DATA is not ALARM: a suppressor there does not suppress, and leaving ALARM for it extends',
      suppressor: 'INSUFFICIENT_DATA',
      steps: [
        ['composite', 1, 'ALARM'],
        ['suppressor', 2, 'ALARM'],
        ['suppressor', 3, 'INSUFFICIENT_DATA'],
        ['suppressor', 4, 'OK'],
        ['tick', 6],
      ],
      suppressedBy: ['WaitPeriod', 'Alarm', 'ExtensionPeriod', 'ExtensionPeriod', undefined],
      fired: [{ state: 'ALARM', atMs: t(6), deferredBy: 'ExtensionPeriod' }],
    },
    {
      name: 'a suppressor that does not exist is not in ALARM',
      suppressor: undefined,
      steps: [
        ['composite', 1, 'ALARM'],
        ['tick', 3],
      ],
      suppressedBy: ['WaitPeriod', undefined],
      fired: [{ state: 'ALARM', atMs: t(3), deferredBy: 'WaitPeriod' }],
    },
    {
      name: 'a deleted suppressor leaves ALARM',
      suppressor: 'ALARM',
      steps: [
        ['composite', 1, 'ALARM'],
        ['suppressor', 2, undefined],
        ['tick', 5],
      ],
      suppressedBy: ['Alarm', 'ExtensionPeriod', undefined],
      fired: [{ state: 'ALARM', atMs: t(5), deferredBy: 'ExtensionPeriod' }],
    },
    {
      name: 'periods of 0 seconds never become active: actions are taken at once',
      suppressor: 'OK',
      config: { waitPeriodSeconds: 0, extensionPeriodSeconds: 0 },
      steps: [
        ['composite', 1, 'ALARM'],
        ['suppressor', 2, 'ALARM'],
        ['composite', 3, 'OK'],
        ['suppressor', 4, 'OK'],
      ],
      suppressedBy: [undefined, 'Alarm', 'Alarm', undefined],
      fired: [
        { state: 'ALARM', atMs: t(1) },
        { state: 'OK', atMs: t(4) },
      ],
    },
  ])('$name', ({ suppressor, composite = 'OK', config = GUIDE, steps, suppressedBy, fired }) => {
    const result = play(initialSuppression(config, composite, suppressor), steps);
    expect(result.suppressedBy).toEqual(suppressedBy);
    expect(result.fired).toEqual(fired);
  });
});

describe('replacing the suppressor discards any WaitPeriod or ExtensionPeriod', () => {
  const replace = (at: number, state: ChildAlarmState | undefined): SuppressionEvent => ({
    type: 'suppressor-replaced',
    atMs: t(at),
    config: { waitPeriodSeconds: 60, extensionPeriodSeconds: 60 },
    state,
  });

  it.each<[string, ChildAlarmState | undefined, SuppressedBy | undefined, ActionFiring[]]>([
    [
      'by one not in ALARM: the owed actions are taken at once',
      'OK',
      undefined,
      [{ state: 'ALARM', atMs: t(3) }],
    ],
    ['by one in ALARM: the actions stay suppressed', 'ALARM', 'Alarm', []],
  ])('%s', (_, newSuppressor, suppressedBy, fired) => {
    const during = play(initialSuppression(GUIDE, 'OK', 'OK'), [['composite', 2, 'ALARM']]).state;
    expect(during.period?.kind).toBe('WaitPeriod');
    const step = nextSuppression(during, replace(3, newSuppressor));
    expect(step.state.period).toBeUndefined();
    expect(step.state.config.waitPeriodSeconds).toBe(60);
    expect(step.suppressedBy).toBe(suppressedBy);
    expect(step.fire).toEqual(fired);
  });
});

describe('runSuppression', () => {
  it('ticks at each deadline, so a deferred action shows at its own time in the timeline', () => {
    const rows = runSuppression(
      initialSuppression(GUIDE, 'OK', 'OK'),
      [
        ['composite', 2, 'ALARM'],
        ['suppressor', 7, 'ALARM'],
        ['suppressor', 8, 'OK'],
        ['tick', 20],
      ].map((s) => toEvent(s as Step)),
    );
    expect(
      rows.map((r) => [r.event.type, (r.event.atMs - T0) / 60_000, r.suppressedBy ?? '-', r.fire]),
    ).toEqual([
      ['composite-changed', 2, 'WaitPeriod', []],
      ['tick', 4, '-', [{ state: 'ALARM', atMs: t(4), deferredBy: 'WaitPeriod' }]],
      ['suppressor-changed', 7, 'Alarm', []],
      ['suppressor-changed', 8, 'ExtensionPeriod', []],
      ['tick', 11, '-', []],
      ['tick', 20, '-', []],
    ]);
  });

  it('names the deadline to tick at and the reason to show', () => {
    const step = nextSuppression(initialSuppression(GUIDE, 'OK', 'OK'), toEvent(['composite', 2, 'ALARM']));
    expect(suppressionDeadline(step.state)).toBe(t(4));
    expect(suppressionDeadline(initialSuppression(GUIDE, 'OK', 'OK'))).toBeUndefined();
    expect(suppressedReason('WaitPeriod')).toBe('Actions suppressed by WaitPeriod');
  });

  it('keeps its state plain data, so it can be stored with the alarm', () => {
    const { state } = play(initialSuppression(GUIDE, 'OK', 'ALARM'), [
      ['composite', 1, 'ALARM'],
      ['suppressor', 2, 'OK'],
    ]);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(state).toEqual({
      config: GUIDE,
      composite: 'ALARM',
      suppressor: 'OK',
      period: { kind: 'ExtensionPeriod', startedAtMs: t(2), endsAtMs: t(5) },
      owesActions: true,
    });
  });
});
