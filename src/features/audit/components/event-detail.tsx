import { useEffect, useState } from 'react';
import { AwsErrorAlert } from '../../../components/aws-error-alert.tsx';
import type { TimeRange } from '../../../lib/time-range.ts';
import { auditHref, openAuditHref } from '../hooks/use-audit-view.ts';
import type { AuditView } from '../model/audit-view.ts';
import { formatEventTime } from '../model/columns.ts';
import { eventSentence } from '../model/event-sentence.ts';
import type { CloudTrailRecord, EventSummary, TrailFilters } from '../model/trail-types.ts';
import { buttonClass, linkClass } from './styles.ts';

const FIVE_MINUTES = 5 * 60_000;

/** Props of {@link EventDetail}. */
export interface EventDetailProps {
  eventId: string;
  /** The event, once loaded. */
  event: { summary: EventSummary; record: CloudTrailRecord } | undefined;
  loading: boolean;
  error: unknown;
  /** The view it was opened from (links change its filters). */
  view: AuditView;
  /** Only LookupEvents is available: related links become lookups. */
  lookupOnly: boolean;
  onClose: () => void;
}

function Link({ view, range, children }: { view: AuditView; range?: TimeRange; children: string }) {
  const href = auditHref(view, range);
  return (
    <a
      href={href}
      className={linkClass}
      onClick={(e) => {
        e.preventDefault();
        openAuditHref(href);
      }}
    >
      {children}
    </a>
  );
}

function Fact({ label, value, mono }: { label: string; value: string | undefined; mono?: boolean }) {
  if (!value) return null;
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className={`min-w-0 break-words text-slate-900 ${mono ? 'font-mono text-xs' : ''}`}>{value}</dd>
    </>
  );
}

function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const id = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(id);
  }, [state]);
  return (
    <button
      type="button"
      className={buttonClass}
      onClick={() => {
        navigator.clipboard.writeText(text).then(
          () => setState('copied'),
          () => setState('failed'),
        );
      }}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy JSON'}
    </button>
  );
}

/** Filters that select the events of this event's identity. */
function identityFilters(s: EventSummary): TrailFilters | undefined {
  if (s.username) return { username: [{ match: 'exact', value: s.username }] };
  if (s.accessKeyId) return { accessKeyId: [{ match: 'exact', value: s.accessKeyId }] };
  return undefined;
}

/**
 * An event: a plain sentence, the key facts, the resources it touched, the full record as JSON, and
 * links to the events around it.
 */
export function EventDetail({ eventId, event, loading, error, view, lookupOnly, onClose }: EventDetailProps) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const s = event?.summary;
  const r = event?.record;
  const json = r ? JSON.stringify(r, null, 2) : '';
  const base: AuditView = { ...view, mode: 'filter', eventId };
  const byIdentity = s ? identityFilters(s) : undefined;
  // Without control endpoints the links look up the one attribute LookupEvents matches.
  const related = (filters: TrailFilters): AuditView => {
    if (!lookupOnly) return { ...base, filters };
    const [field, terms] = Object.entries(filters)[0] ?? [];
    const value = terms?.[0]?.value ?? '';
    const key = field === 'username' ? 'Username' : field === 'accessKeyId' ? 'AccessKeyId' : 'ResourceName';
    return { ...view, mode: 'lookup', eventId, lookup: { key, value } };
  };

  return (
    <aside
      role="dialog"
      aria-label="Event detail"
      className="fixed top-0 right-0 bottom-0 z-30 flex w-[40rem] max-w-full flex-col border-l border-slate-300 bg-white shadow-xl"
    >
      <div className="flex items-center gap-2 border-b border-slate-200 px-4 py-3">
        <h2 className="min-w-0 flex-1 truncate text-base font-semibold">{s?.eventName ?? 'Event'}</h2>
        <button type="button" className={buttonClass} aria-label="Close event detail" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="min-h-0 flex-1 space-y-4 overflow-y-auto px-4 py-3 text-sm">
        {loading && <p className="text-slate-500">Loading the event…</p>}
        {error !== null && error !== undefined && (
          <AwsErrorAlert error={error} title="The event could not be loaded" />
        )}
        {!loading && !error && !event && <p>There is no event {eventId} on this backend.</p>}
        {s && r && (
          <>
            <p data-testid="event-sentence" className="rounded bg-slate-50 px-3 py-2 text-slate-900">
              {eventSentence(s)}
            </p>
            <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1">
              <Fact label="Event time" value={`${formatEventTime(s.eventTime)} UTC`} />
              <Fact label="User name" value={s.username} />
              <Fact label="Identity type" value={s.identityType} />
              <Fact label="Role" value={s.role} />
              <Fact label="AWS access key" value={s.accessKeyId} mono />
              <Fact label="Identity ARN" value={r.userIdentity?.arn} mono />
              <Fact label="Event source" value={s.eventSource} />
              <Fact label="Source IP" value={s.sourceIp} />
              <Fact label="AWS Region" value={s.region} />
              <Fact label="User agent" value={r.userAgent} />
              <Fact label="Request ID" value={r.requestID} mono />
              <Fact label="Event ID" value={s.eventId} mono />
              <Fact label="Read-only" value={s.readOnly} />
              <Fact label="Category" value={s.category} />
              <Fact label="Error code" value={s.errorCode} />
              <Fact label="Error message" value={r.errorMessage} />
            </dl>
            <nav aria-label="Related events" className="flex flex-wrap gap-x-4 gap-y-1">
              {byIdentity && <Link view={related(byIdentity)}>All events by this identity</Link>}
              <Link
                view={
                  lookupOnly
                    ? { ...view, mode: 'lookup', eventId, lookup: { ...view.lookup, value: '' } }
                    : { ...base, filters: {} }
                }
                range={{
                  kind: 'absolute',
                  start: s.eventTime - FIVE_MINUTES,
                  end: s.eventTime + FIVE_MINUTES,
                }}
              >
                Everything within ±5 minutes
              </Link>
            </nav>
            <section aria-label="Resources referenced">
              <h3 className="mb-1 font-semibold">Resources referenced</h3>
              {s.resources.length === 0 ? (
                <p className="text-slate-500">None recorded.</p>
              ) : (
                <table className="w-full text-left">
                  <thead className="text-xs text-slate-500">
                    <tr>
                      <th className="py-1 font-medium">Type</th>
                      <th className="py-1 font-medium">Name</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {s.resources.map((res) => (
                      <tr key={`${res.type}|${res.name}`} className="border-t border-slate-100">
                        <td className="py-1 pr-2">{res.type || '—'}</td>
                        <td className="py-1 pr-2 font-mono text-xs break-all">{res.name || '—'}</td>
                        <td className="py-1 text-right whitespace-nowrap">
                          {res.name && (
                            <Link
                              view={{
                                ...base,
                                filters: { resourceName: [{ match: 'exact', value: res.name }] },
                              }}
                            >
                              All events on this resource
                            </Link>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <section aria-label="Event record">
              <div className="mb-1 flex items-center justify-between">
                <h3 className="font-semibold">Event record</h3>
                <CopyButton text={json} />
              </div>
              <pre
                data-testid="event-record"
                className="max-h-[32rem] overflow-auto rounded bg-slate-900 p-3 font-mono text-xs leading-5 text-slate-100"
              >
                {json}
              </pre>
            </section>
          </>
        )}
      </div>
    </aside>
  );
}
