import { type Dimension, metricKey } from '../metrics/identity.ts';
import { DAY_MS } from '../time.ts';
import { evaluateAlarmRule, parseAlarmRule, refName } from './composite-rule.ts';
import { evaluationStepMs } from './backtest.ts';
import { type AlarmState, type Evaluation, decideState, evaluateAlarm } from './evaluate.ts';
import { stringifyReasonData } from './reason.ts';
import {
  type SuppressionEvent,
  initialSuppression,
  nextSuppression,
  suppressedReason,
  suppressionDeadline,
} from './suppression.ts';
import { epochMs } from '../time.ts';
import { awsDate, notificationMessage, notificationSubject } from './notification.ts';
import {
  type Alarm,
  type AlarmHistoryItem,
  type AlarmSnapshot,
  type AnomalyDetector,
  type CompositeAlarm,
  type MetricAlarm,
  type Notification,
  type Topic,
  alarmArn,
  alarmPeriodSeconds,
  topicArn,
} from './model.ts';
import type { AlarmData } from './alarm-data.ts';

/** CloudWatch keeps alarm history for two weeks. */
const HISTORY_RETENTION_MS = 14 * DAY_MS;
const MAX_NOTIFICATIONS = 1000;

const COMPOSITE_DATE = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
  timeZone: 'UTC',
});

/** "Friday 22 July, 2022 15:57:45 UTC", as composite alarm reasons write dates. */
function compositeDate(ms: number): string {
  const p = Object.fromEntries(COMPOSITE_DATE.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.weekday} ${p.day} ${p.month}, ${p.year} ${p.hour}:${p.minute}:${p.second} UTC`;
}

/** 10-, 20- and 30-second alarms are evaluated every 10 seconds. */
const isHighResolution = (a: MetricAlarm): boolean => alarmPeriodSeconds(a) < 60;

/**
 * Every alarm, its history and its actions: metric alarms evaluated by the one evaluator on the
 * engine clock, composite alarms re-evaluated when a child changes, SNS-style topics that deliver
 * AWS's alarm notification messages, and anomaly detector configurations.
 */
export class AlarmRegistry {
  private readonly alarms = new Map<string, Alarm>();
  private history: AlarmHistoryItem[] = [];
  private readonly topics = new Map<string, Topic>();
  private notifications: Notification[] = [];
  private readonly detectors = new Map<string, AnomalyDetector>();
  private nextNotification = 1;
  private nextSubscription = 1;
  private readonly data: AlarmData;
  /** Called after anything a host would persist changed. */
  onChange?: () => void;

  constructor(data: AlarmData) {
    this.data = data;
  }

  get(name: string): Alarm | undefined {
    return this.alarms.get(name);
  }

  /** Alarms in name order (DescribeAlarms lists them so). */
  list(): Alarm[] {
    return [...this.alarms.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** A referenced alarm (name or ARN, as composite rules and suppressors write them). */
  byRef(ref: string): Alarm | undefined {
    return this.alarms.get(refName(ref));
  }

  private changed(): void {
    this.onChange?.();
  }

  private record(
    alarm: Alarm,
    atMs: number,
    type: AlarmHistoryItem['type'],
    summary: string,
    data: unknown,
  ): void {
    this.history.push({
      alarmName: alarm.name,
      alarmType: alarm.type,
      timestampMs: atMs,
      type,
      summary,
      data: JSON.stringify(data),
    });
  }

  /** A ConfigurationUpdate history item for a created or updated alarm. */
  private recordConfiguration(alarm: Alarm, updated: boolean, atMs: number, details: object): void {
    this.record(
      alarm,
      atMs,
      'ConfigurationUpdate',
      `Alarm "${alarm.name}" ${updated ? 'updated' : 'created'}`,
      {
        version: '1.0',
        type: updated ? 'Update' : 'Create',
        ...details,
      },
    );
  }

  historyItems(): readonly AlarmHistoryItem[] {
    return this.history;
  }

  /** PutMetricAlarm: creates (state INSUFFICIENT_DATA, then evaluated) or overwrites the configuration (state kept). */
  putMetricAlarm(
    config: Omit<MetricAlarm, 'type' | 'arn' | 'state' | 'configUpdatedMs'>,
    atMs: number,
  ): void {
    const existing = this.alarms.get(config.name);
    const alarm: MetricAlarm = {
      ...config,
      type: 'MetricAlarm',
      arn: alarmArn(config.name),
      configUpdatedMs: atMs,
      state: existing?.state ?? initialState(atMs),
    };
    this.alarms.set(alarm.name, alarm);
    const described = this.describeConfig(alarm);
    this.recordConfiguration(
      alarm,
      existing !== undefined,
      atMs,
      existing ? { updatedAlarm: described } : { createdAlarm: described },
    );
    this.evaluateMetricAlarm(alarm, atMs);
    this.settleComposites(atMs, new Set([alarm.name]));
    this.changed();
  }

  /** PutCompositeAlarm: the rule was validated by the caller. */
  putCompositeAlarm(
    config: Omit<CompositeAlarm, 'type' | 'arn' | 'state' | 'configUpdatedMs'>,
    atMs: number,
  ): void {
    const existing = this.alarms.get(config.name);
    const alarm: CompositeAlarm = {
      ...config,
      type: 'CompositeAlarm',
      arn: alarmArn(config.name),
      configUpdatedMs: atMs,
      state: existing?.state ?? initialState(atMs),
    };
    if (alarm.actionsSuppressor !== undefined) {
      const config = {
        waitPeriodSeconds: alarm.actionsSuppressorWaitPeriod ?? 0,
        extensionPeriodSeconds: alarm.actionsSuppressorExtensionPeriod ?? 0,
      };
      const suppressorState = this.byRef(alarm.actionsSuppressor)?.state.value;
      const before = existing?.type === 'CompositeAlarm' ? existing.suppression : undefined;
      alarm.suppression = before ?? initialSuppression(config, alarm.state.value, suppressorState);
      const event: SuppressionEvent = before
        ? { type: 'suppressor-replaced', atMs: epochMs(atMs), config, state: suppressorState }
        : { type: 'suppressor-changed', atMs: epochMs(atMs), state: suppressorState };
      this.stepSuppression(alarm, event);
    }
    this.alarms.set(alarm.name, alarm);
    this.recordConfiguration(alarm, existing !== undefined, atMs, { alarmRule: alarm.rule });
    this.evaluateComposite(alarm, atMs, existing ? undefined : 'created');
    this.settleComposites(atMs, new Set([alarm.name]));
    this.changed();
  }

  private describeConfig(a: MetricAlarm): unknown {
    return {
      alarmName: a.name,
      namespace: a.namespace,
      metricName: a.metricName,
      dimensions: a.dimensions,
      statistic: a.statistic,
      extendedStatistic: a.extendedStatistic,
      period: a.periodSeconds,
      evaluationPeriods: a.evaluationPeriods,
      datapointsToAlarm: a.datapointsToAlarm,
      threshold: a.threshold,
      comparisonOperator: a.comparisonOperator,
      treatMissingData: a.treatMissingData,
      metrics: a.metrics,
      actionsEnabled: a.actionsEnabled,
    };
  }

  /** DeleteAlarms: history stays (CloudWatch keeps it after deletion). */
  deleteAlarms(names: readonly string[], atMs: number): void {
    const gone = new Set<string>();
    for (const n of names) if (this.alarms.delete(n)) gone.add(n);
    if (gone.size > 0) {
      this.settleComposites(atMs, gone);
      this.changed();
    }
  }

  setActionsEnabled(names: readonly string[], enabled: boolean): void {
    for (const n of names) {
      const a = this.alarms.get(n);
      if (a) a.actionsEnabled = enabled;
    }
    this.changed();
  }

  /** SetAlarmState: the next evaluation of a metric alarm restores its evaluated state. */
  setAlarmState(
    name: string,
    value: AlarmState,
    reason: string,
    reasonData: string | undefined,
    atMs: number,
  ): void {
    const alarm = this.alarms.get(name);
    if (!alarm) return;
    this.transition(alarm, value, reason, reasonData, atMs);
    this.settleComposites(atMs, new Set([name]));
    this.changed();
  }

  /** Evaluates what is due at `atMs`: every alarm on the minute, 10/20/30-second alarms every 10 s. */
  evaluateDue(atMs: number): void {
    const onMinute = atMs % 60_000 === 0;
    const changed = new Set<string>();
    this.data.beginTick();
    for (const alarm of this.alarms.values()) {
      if (alarm.type !== 'MetricAlarm') continue;
      if (!onMinute && !isHighResolution(alarm)) continue;
      if (this.evaluateMetricAlarm(alarm, atMs)) changed.add(alarm.name);
    }
    this.data.endTick();
    if (changed.size > 0) this.settleComposites(atMs, changed);
    for (const a of this.alarms.values()) {
      if (a.type !== 'CompositeAlarm' || !a.suppression) continue;
      const deadline = suppressionDeadline(a.suppression);
      if (deadline !== undefined && deadline <= atMs)
        this.stepSuppression(a, { type: 'tick', atMs: epochMs(atMs) });
    }
    if (onMinute) this.prune(atMs);
    if (changed.size > 0) this.changed();
  }

  /** Evaluates one metric alarm now; true when its state changed. */
  private evaluateMetricAlarm(alarm: MetricAlarm, atMs: number): boolean {
    let result: Evaluation;
    try {
      // Creation and updates happen between ticks: evaluate the periods complete at the last tick
      // boundary, on the scheduler's grid, not periods shifted to an arbitrary instant.
      const step = evaluationStepMs(alarmPeriodSeconds(alarm) * 1000);
      const { config, input } = this.data.evaluationInput(alarm, Math.floor(atMs / step) * step);
      const state = decideState(config, input, alarm.state.value, atMs);
      if (state === 'RETAIN' || state === alarm.state.value) return false;
      result = evaluateAlarm(config, input, alarm.state.value, atMs);
    } catch (e) {
      // A math expression that cannot be evaluated leaves the alarm without data, as in AWS.
      result = {
        state: 'INSUFFICIENT_DATA',
        reason: `Unable to evaluate the alarm: ${e instanceof Error ? e.message : String(e)}`,
        reasonData: {},
        used: [],
      };
    }
    if (result.state === 'RETAIN' || result.state === alarm.state.value) return false;
    this.transition(alarm, result.state, result.reason, stringifyReasonData(result.reasonData), atMs);
    return true;
  }

  /** Re-evaluates composites whose children changed, until nothing changes (cycles stop after one round each). */
  private settleComposites(atMs: number, changed: Set<string>): void {
    const composites = [...this.alarms.values()].filter(
      (a): a is CompositeAlarm => a.type === 'CompositeAlarm',
    );
    if (composites.length === 0) return;
    let frontier = changed;
    for (let round = 0; round <= composites.length && frontier.size > 0; round++) {
      const next = new Set<string>();
      for (const c of composites) {
        const parsed = parseAlarmRule(c.rule);
        if (!parsed.ok) continue;
        const triggers = parsed.children.map(refName).filter((n) => frontier.has(n));
        const suppressorChanged =
          c.actionsSuppressor !== undefined && frontier.has(refName(c.actionsSuppressor));
        if (triggers.length === 0 && !suppressorChanged) continue;
        if (this.evaluateComposite(c, atMs, triggers[0])) next.add(c.name);
      }
      frontier = next;
    }
  }

  /** Evaluates a composite's rule; true when its state changed. */
  private evaluateComposite(
    c: CompositeAlarm,
    atMs: number,
    trigger: string | 'created' | undefined,
  ): boolean {
    const parsed = parseAlarmRule(c.rule);
    if (!parsed.ok) return false;
    const value: AlarmState = evaluateAlarmRule(parsed.rule, (ref) => this.byRef(ref)?.state.value)
      ? 'ALARM'
      : 'OK';
    if (value === c.state.value) return false;
    let reason: string;
    let reasonData: unknown = {};
    if (trigger === 'created' || trigger === undefined) {
      reason = `${c.arn} was ${trigger === 'created' ? 'created' : 'updated'} and its alarm rule evaluates to ${value}`;
    } else {
      const child = this.alarms.get(trigger);
      const childState = child?.state.value ?? 'INSUFFICIENT_DATA';
      const at = child?.state.updatedMs ?? atMs;
      reason = `${child?.arn ?? alarmArn(trigger)} transitioned to ${childState} at ${compositeDate(at)}`;
      reasonData = {
        triggeringAlarms: [
          { arn: child?.arn ?? alarmArn(trigger), state: { value: childState, timestamp: awsDate(at) } },
        ],
      };
    }
    this.transition(c, value, reason, JSON.stringify(reasonData), atMs);
    return true;
  }

  /** Records a state change and runs the actions of the new state. */
  private transition(
    alarm: Alarm,
    value: AlarmState,
    reason: string,
    reasonData: string | undefined,
    atMs: number,
  ): void {
    const old = alarm.state;
    alarm.state = {
      value,
      reason,
      reasonData,
      updatedMs: atMs,
      transitionedMs: old.value !== value ? atMs : old.transitionedMs,
    };
    if (old.value === value) return;
    const stateJson = (s: typeof old) => ({
      stateValue: s.value,
      stateReason: s.reason,
      ...(s.reasonData && s.reasonData !== '{}'
        ? { stateReasonData: JSON.parse(s.reasonData) as unknown }
        : {}),
    });
    this.record(alarm, atMs, 'StateUpdate', `Alarm updated from ${old.value} to ${value}`, {
      version: '1.0',
      oldState: stateJson(old),
      newState: stateJson(alarm.state),
    });
    if (alarm.type === 'CompositeAlarm') alarm.previousState = old.value;
    // Composites whose actions suppressor this alarm is learn of its change.
    for (const c of this.alarms.values()) {
      if (c.type !== 'CompositeAlarm' || !c.suppression || c.actionsSuppressor === undefined) continue;
      if (refName(c.actionsSuppressor) === alarm.name) {
        this.stepSuppression(c, { type: 'suppressor-changed', atMs: epochMs(atMs), state: value });
      }
    }
    if (alarm.type === 'CompositeAlarm' && alarm.suppression) {
      this.stepSuppression(alarm, { type: 'composite-changed', atMs: epochMs(atMs), state: value });
      return;
    }
    this.runActionsFor(alarm, value, old.value, atMs);
  }

  private runActionsFor(alarm: Alarm, value: AlarmState, oldState: AlarmState, atMs: number): void {
    if (!alarm.actionsEnabled) return;
    const arns =
      value === 'ALARM'
        ? alarm.alarmActions
        : value === 'OK'
          ? alarm.okActions
          : alarm.insufficientDataActions;
    for (const arn of arns) this.runAction(alarm, arn, oldState, atMs);
  }

  /** Feeds the composite's suppression machine; takes the actions it releases. */
  private stepSuppression(c: CompositeAlarm, event: SuppressionEvent): void {
    if (!c.suppression) return;
    const step = nextSuppression(c.suppression, event);
    c.suppression = step.state;
    c.actionsSuppressedBy = step.suppressedBy;
    c.actionsSuppressedReason = step.suppressedBy ? suppressedReason(step.suppressedBy) : undefined;
    for (const f of step.fire) this.runActionsFor(c, f.state, c.previousState ?? 'INSUFFICIENT_DATA', f.atMs);
  }

  private runAction(alarm: Alarm, arn: string, oldState: AlarmState, atMs: number): void {
    if (arn.startsWith('arn:aws:sns:')) {
      const topic = this.topics.get(arn);
      if (!topic) {
        this.record(
          alarm,
          atMs,
          'Action',
          `Failed to execute action ${arn}. Received error: "Resource: ${arn} does not exist"`,
          {
            actionState: 'Failed',
            notificationResource: arn,
            stateUpdateTimestamp: atMs,
            error: `Resource: ${arn} does not exist`,
          },
        );
        return;
      }
      const message = notificationMessage(alarm, oldState, atMs);
      const n: Notification = {
        id: `n-${this.nextNotification++}`,
        topicArn: arn,
        subject: notificationSubject(alarm, alarm.state.value),
        message,
        timestampMs: atMs,
        alarmName: alarm.name,
        newState: alarm.state.value,
        oldState,
        protocols: [...new Set(topic.subscriptions.map((s) => s.protocol))],
      };
      this.notifications.push(n);
      if (this.notifications.length > MAX_NOTIFICATIONS)
        this.notifications.splice(0, this.notifications.length - MAX_NOTIFICATIONS);
      this.record(alarm, atMs, 'Action', `Successfully executed action ${arn}`, {
        error: null,
        actionState: 'Succeeded',
        notificationResource: arn,
        stateUpdateTimestamp: atMs,
        publishedMessage: message,
      });
      return;
    }
    this.record(alarm, atMs, 'Action', `Successfully executed action ${arn}`, {
      error: null,
      actionState: 'Succeeded',
      notificationResource: arn,
      stateUpdateTimestamp: atMs,
      note: 'Watchtrail records this action; it does not change simulated resources.',
    });
  }

  private prune(atMs: number): void {
    const horizon = atMs - HISTORY_RETENTION_MS;
    if (this.history.length > 0 && this.history[0].timestampMs < horizon)
      this.history = this.history.filter((h) => h.timestampMs >= horizon);
  }

  // Topics (an SNS subset) and the notifications they delivered.

  createTopic(name: string): Topic {
    const arn = topicArn(name);
    let t = this.topics.get(arn);
    if (!t) {
      t = { arn, name, subscriptions: [] };
      this.topics.set(arn, t);
      this.changed();
    }
    return t;
  }

  deleteTopic(arn: string): boolean {
    const ok = this.topics.delete(arn);
    if (ok) this.changed();
    return ok;
  }

  listTopics(): Topic[] {
    return [...this.topics.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  subscribe(arn: string, protocol: 'app' | 'browser'): Topic['subscriptions'][number] | undefined {
    const t = this.topics.get(arn);
    if (!t) return undefined;
    const existing = t.subscriptions.find((s) => s.protocol === protocol);
    if (existing) return existing;
    const sub = { arn: `${arn}:${String(this.nextSubscription++).padStart(8, '0')}`, protocol };
    t.subscriptions.push(sub);
    this.changed();
    return sub;
  }

  unsubscribe(subscriptionArn: string): boolean {
    for (const t of this.topics.values()) {
      const i = t.subscriptions.findIndex((s) => s.arn === subscriptionArn);
      if (i >= 0) {
        t.subscriptions.splice(i, 1);
        this.changed();
        return true;
      }
    }
    return false;
  }

  notificationsSince(sinceMs: number): Notification[] {
    return this.notifications.filter((n) => n.timestampMs >= sinceMs).reverse();
  }

  // Anomaly detectors.

  putDetector(d: Omit<AnomalyDetector, 'createdMs'>, atMs: number): void {
    const key = detectorKey(d.namespace, d.metricName, d.dimensions, d.stat);
    this.detectors.set(key, { ...d, createdMs: this.detectors.get(key)?.createdMs ?? atMs });
    this.changed();
  }

  deleteDetector(namespace: string, metricName: string, dimensions: Dimension[], stat: string): boolean {
    const ok = this.detectors.delete(detectorKey(namespace, metricName, dimensions, stat));
    if (ok) this.changed();
    return ok;
  }

  listDetectors(): AnomalyDetector[] {
    return [...this.detectors.values()];
  }

  detector(
    namespace: string,
    metricName: string,
    dimensions: readonly Dimension[],
    stat: string,
  ): AnomalyDetector | undefined {
    return this.detectors.get(detectorKey(namespace, metricName, dimensions, stat));
  }

  // Persistence.

  snapshot(): AlarmSnapshot {
    return structuredClone({
      alarms: [...this.alarms.values()],
      history: this.history,
      topics: [...this.topics.values()],
      notifications: this.notifications,
      detectors: [...this.detectors.values()],
    });
  }

  restore(snapshot: AlarmSnapshot): void {
    // The registry mutates what it holds: never the caller's objects.
    const s = structuredClone(snapshot);
    this.clear();
    for (const a of s.alarms) this.alarms.set(a.name, a);
    this.history = [...s.history];
    for (const t of s.topics) this.topics.set(t.arn, t);
    this.notifications = [...s.notifications];
    for (const d of s.detectors)
      this.detectors.set(detectorKey(d.namespace, d.metricName, d.dimensions, d.stat), d);
    const maxId = (xs: string[]) => xs.reduce((m, x) => Math.max(m, Number(/(\d+)$/.exec(x)?.[1] ?? 0)), 0);
    this.nextNotification = maxId(this.notifications.map((n) => n.id)) + 1;
    this.nextSubscription = maxId(s.topics.flatMap((t) => t.subscriptions.map((x) => x.arn))) + 1;
  }

  clear(): void {
    this.alarms.clear();
    this.history = [];
    this.topics.clear();
    this.notifications = [];
    this.detectors.clear();
  }
}

/** The state of a new alarm, before its first evaluation. */
const initialState = (atMs: number): Alarm['state'] => ({
  value: 'INSUFFICIENT_DATA',
  reason: 'Unchecked: Initial alarm creation',
  updatedMs: atMs,
  transitionedMs: atMs,
});

const detectorKey = (
  namespace: string,
  metricName: string,
  dimensions: readonly Dimension[],
  stat: string,
): string => `${metricKey({ namespace, metricName, dimensions })}\u0002${stat}`;
