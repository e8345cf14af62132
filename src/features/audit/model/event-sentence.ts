import type { EventSummary } from './trail-types.ts';

/** Who called, as the sentence says it: `alice (IAMUser)`, `ci (AssumedRole: deploy)`. */
export function describeIdentity(e: Pick<EventSummary, 'username' | 'identityType' | 'role'>): string {
  const who = e.username || (e.identityType === 'Root' ? 'root' : 'An unknown identity');
  const kind = [e.identityType, e.role && e.role !== e.username ? e.role : ''].filter(Boolean).join(': ');
  return kind ? `${who} (${kind})` : who;
}

/**
 * One plain sentence for an event:
 * "alice (IAMUser) called TerminateInstances on i-0abc from 203.0.113.7 — failed: UnauthorizedOperation".
 */
export function eventSentence(e: EventSummary): string {
  const parts = [describeIdentity(e), `called ${e.eventName || 'an unnamed operation'}`];
  const names = e.resources.map((r) => r.name).filter(Boolean);
  if (names.length === 1) parts.push(`on ${names[0]}`);
  else if (names.length > 1) parts.push(`on ${names[0]} and ${names.length - 1} more`);
  if (e.sourceIp) parts.push(`from ${e.sourceIp}`);
  const sentence = parts.join(' ');
  return e.errorCode ? `${sentence} — failed: ${e.errorCode}` : sentence;
}
