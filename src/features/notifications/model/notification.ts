/** A message a topic delivered, as `GET /_watchtrail/notifications` lists it. */
export interface AlarmNotification {
  id: string;
  topicArn: string;
  subject: string;
  /** AWS's alarm notification JSON, as a string (what SNS would deliver). */
  message: string;
  /** Engine time of the delivery, epoch ms. */
  timestampMs: number;
  alarmName: string;
  newState: string;
  oldState: string;
  protocols: DeliveryProtocol[];
}

/** How a subscription delivers: a toast in the app, or the browser's notification API. */
export type DeliveryProtocol = 'app' | 'browser';

const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);

/**
 * The notifications of an endpoint answer, newest first. Entries without an id are dropped; an
 * unknown protocol is ignored, so a newer backend does not break the list.
 */
export function readNotifications(raw: unknown): AlarmNotification[] {
  const list = (raw as { notifications?: unknown } | null)?.notifications;
  if (!Array.isArray(list)) return [];
  const out: AlarmNotification[] = [];
  for (const item of list as Record<string, unknown>[]) {
    if (typeof item !== 'object' || item === null || str(item.id) === '') continue;
    const protocols = Array.isArray(item.protocols)
      ? (item.protocols.filter((p) => p === 'app' || p === 'browser') as DeliveryProtocol[])
      : [];
    out.push({
      id: str(item.id),
      topicArn: str(item.topicArn),
      subject: str(item.subject),
      message: str(item.message),
      timestampMs: typeof item.timestampMs === 'number' ? item.timestampMs : Number(item.timestampMs) || 0,
      alarmName: str(item.alarmName),
      newState: str(item.newState),
      oldState: str(item.oldState),
      protocols,
    });
  }
  return out.sort((a, b) => b.timestampMs - a.timestampMs);
}

/** The fields of AWS's alarm notification message that the center shows. */
export interface AlarmMessage {
  /** The message pretty-printed (2-space JSON), or as sent when it is not JSON. */
  pretty: string;
  /** False when the message is not a JSON object. */
  isJson: boolean;
  reason?: string;
  description?: string;
  stateChangeTime?: string;
  region?: string;
  alarmArn?: string;
  /** For a composite alarm, its rule. */
  alarmRule?: string;
}

/** Reads an alarm notification message (`NewStateReason`, `StateChangeTime`, …) for display. */
export function parseAlarmMessage(message: string): AlarmMessage {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    return { pretty: message, isJson: false };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { pretty: JSON.stringify(json, null, 2), isJson: false };
  const o = json as Record<string, unknown>;
  const opt = (k: string) => (typeof o[k] === 'string' && o[k] !== '' ? (o[k] as string) : undefined);
  return {
    pretty: JSON.stringify(json, null, 2),
    isJson: true,
    reason: opt('NewStateReason'),
    description: opt('AlarmDescription'),
    stateChangeTime: opt('StateChangeTime'),
    region: opt('Region'),
    alarmArn: opt('AlarmArn'),
    alarmRule: opt('AlarmRule'),
  };
}

/** The topic name inside an SNS topic ARN `arn:aws:sns:<region>:<account>:<name>`. */
export function topicNameOf(arn: string): string {
  const m = /^arn:[^:]+:sns:[^:]*:[^:]*:(.+)$/.exec(arn);
  return m ? m[1] : arn;
}

/**
 * What arrived since the last poll: notifications whose ids were not in `known`. The first poll
 * (`known` undefined) only learns what is there: nothing that was already delivered pops up.
 */
export function newArrivals(
  known: ReadonlySet<string> | undefined,
  list: readonly AlarmNotification[],
): { fresh: AlarmNotification[]; known: Set<string> } {
  const ids = new Set(list.map((n) => n.id));
  if (known === undefined) return { fresh: [], known: ids };
  // Oldest first, so they show in the order they happened.
  const fresh = list.filter((n) => !known.has(n.id)).reverse();
  return { fresh, known: ids };
}
