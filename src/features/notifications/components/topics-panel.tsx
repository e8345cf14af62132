import { type FormEvent, useId, useState } from 'react';
import { useCreateTopic } from '../api/create-topic.ts';
import { useDeleteTopic } from '../api/delete-topic.ts';
import { type Topic, useTopics } from '../api/list-topics.ts';
import { useSubscribe } from '../api/subscribe.ts';
import { useUnsubscribe } from '../api/unsubscribe.ts';
import { requestBrowserPermission } from '../model/browser-notification.ts';
import type { DeliveryProtocol } from '../model/notification.ts';
import { topicNameError } from '../model/topic-name.ts';

const PROTOCOL_LABEL: Record<DeliveryProtocol, string> = {
  app: 'In the app',
  browser: 'Browser notification',
};

const fieldClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-500/30';
const smallButton =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-60';

const DENIED =
  'Your browser blocks notifications from this site, so browser notifications cannot be shown. Allow notifications for this site in the browser’s site settings, then subscribe again; meanwhile "In the app" shows them as toasts.';
const UNSUPPORTED =
  'This browser has no notification API (or only allows it on secure pages): choose "In the app" instead.';

function CreateTopicForm() {
  const ids = { name: useId(), err: useId() };
  const [name, setName] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>(undefined);
  const create = useCreateTopic();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const error = topicNameError(name.trim());
    setInvalid(error);
    if (error) return;
    create.mutate(name.trim(), { onSuccess: () => setName('') });
  };
  const error = invalid ?? create.error?.message;
  return (
    <form className="flex flex-wrap items-end gap-2" onSubmit={onSubmit} noValidate>
      <div>
        <label htmlFor={ids.name} className="mb-1 block text-xs font-medium text-slate-600">
          Topic name
        </label>
        <input
          id={ids.name}
          type="text"
          className={fieldClass}
          placeholder="ops-alerts"
          value={name}
          disabled={create.isPending}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? ids.err : undefined}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <button
        type="submit"
        className="rounded bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-60"
        disabled={create.isPending}
      >
        Create topic
      </button>
      {error && (
        <p id={ids.err} role="alert" className="w-full text-xs text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}

function TopicItem({ topic }: { topic: Topic }) {
  const protocolId = useId();
  const [protocol, setProtocol] = useState<DeliveryProtocol>('app');
  const [note, setNote] = useState<string | undefined>(undefined);
  const subscribe = useSubscribe();
  const unsubscribe = useUnsubscribe();
  const del = useDeleteTopic();

  const onSubscribe = async () => {
    setNote(undefined);
    if (protocol === 'browser') {
      const permission = await requestBrowserPermission();
      if (permission === 'denied') return setNote(DENIED);
      if (permission === 'unsupported') return setNote(UNSUPPORTED);
      if (permission === 'default')
        return setNote('Browser notifications were not allowed: answer the browser’s question to use them.');
    }
    subscribe.mutate({ topicArn: topic.arn, protocol });
  };
  const error = subscribe.error ?? unsubscribe.error ?? del.error;

  return (
    <li aria-label={topic.name} className="space-y-2 px-3 py-3" data-testid="topic">
      <div className="flex flex-wrap items-baseline gap-2">
        <span className="font-medium text-slate-900">{topic.name}</span>
        <span className="font-mono text-xs break-all text-slate-500">{topic.arn}</span>
        <button
          type="button"
          className={`ml-auto ${smallButton} text-red-700`}
          disabled={del.isPending}
          aria-label={`Delete topic ${topic.name}`}
          onClick={() => del.mutate(topic.arn)}
        >
          Delete topic
        </button>
      </div>
      {topic.subscriptions.length === 0 ? (
        <p className="text-xs text-slate-500">
          No subscriptions: alarms that notify this topic deliver nowhere.
        </p>
      ) : (
        <ul aria-label={`Subscriptions of ${topic.name}`} className="space-y-1">
          {topic.subscriptions.map((s) => (
            <li
              key={s.arn}
              aria-label={PROTOCOL_LABEL[s.protocol]}
              className="flex items-center gap-2 text-sm"
            >
              <span>{PROTOCOL_LABEL[s.protocol] ?? s.protocol}</span>
              <span className="truncate font-mono text-xs text-slate-400">{s.arn}</span>
              <button
                type="button"
                className={smallButton}
                disabled={unsubscribe.isPending}
                // Not "Unsubscribe": a search for the Subscribe button by name should find that one only.
                aria-label={`Remove the ${PROTOCOL_LABEL[s.protocol] ?? s.protocol} subscription`}
                onClick={() => unsubscribe.mutate(s.arn)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={protocolId} className="text-xs text-slate-600">
          Deliver
        </label>
        <select
          id={protocolId}
          className={fieldClass}
          value={protocol}
          onChange={(e) => setProtocol(e.target.value as DeliveryProtocol)}
        >
          <option value="app">{PROTOCOL_LABEL.app}</option>
          <option value="browser">{PROTOCOL_LABEL.browser}</option>
        </select>
        <button
          type="button"
          className={smallButton}
          disabled={subscribe.isPending}
          onClick={() => void onSubscribe()}
        >
          Subscribe
        </button>
      </div>
      {note && (
        <p role="alert" className="text-xs text-amber-800">
          {note}
        </p>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error.message}
        </p>
      )}
    </li>
  );
}

/** Topics: create, delete, and subscribe with a toast in the app or a browser notification. */
export function TopicsPanel() {
  const headingId = useId();
  const topics = useTopics();
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id={headingId} className="text-sm font-semibold text-slate-900">
        Topics
      </h2>
      <p className="text-xs text-slate-500">
        An alarm action names a topic&apos;s ARN; when the alarm changes state the topic delivers AWS&apos;s
        alarm message to each subscription.
      </p>
      <CreateTopicForm />
      {topics.error && (
        <p role="alert" className="text-sm text-red-700">
          The topics could not be listed: {topics.error.message}
        </p>
      )}
      {topics.data?.length === 0 && <p className="text-sm text-slate-500">No topics yet.</p>}
      {topics.data && topics.data.length > 0 && (
        <ul aria-label="Topics" className="divide-y divide-slate-100 rounded border border-slate-200">
          {topics.data.map((t) => (
            <TopicItem key={t.arn} topic={t} />
          ))}
        </ul>
      )}
    </section>
  );
}
