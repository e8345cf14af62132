import type { AuditEventsParams, CustomWidget, Widget } from '../../model/dashboard-body.ts';
import { readLimit } from './field-rules.ts';
import { CheckboxInput, DraftInput, Section, SelectInput, TextInput } from './fields.tsx';
import { patchObject, withProperties } from './widget-patch.ts';

/** Props of {@link AuditEventsProperties}. */
export interface AuditEventsPropertiesProps {
  widget: CustomWidget;
  onChange: (widget: Widget, coalesceKey?: string) => void;
}

/** The LookupEvents attributes CloudTrail filters on (one at a time). */
const LOOKUP_KEYS = [
  { value: '', label: 'Any event' },
  { value: 'EventName', label: 'Event name' },
  { value: 'EventSource', label: 'Event source' },
  { value: 'Username', label: 'User name' },
  { value: 'ResourceName', label: 'Resource name' },
  { value: 'ResourceType', label: 'Resource type' },
  { value: 'EventId', label: 'Event ID' },
  { value: 'AccessKeyId', label: 'Access key ID' },
] as const;

/** The audit events widget: one lookup attribute, writes only, how many rows. */
export function AuditEventsProperties({ widget, onChange }: AuditEventsPropertiesProps) {
  const p = widget.properties;
  const params: AuditEventsParams & Record<string, unknown> =
    typeof p.params === 'object' && p.params !== null
      ? (p.params as AuditEventsParams & Record<string, unknown>)
      : {};
  const setParams = (patch: Record<string, unknown>, key?: string) =>
    onChange(withProperties(widget, { params: patchObject(params, patch) }), key && `params.${key}`);
  const lookup = params.lookup;
  const key = (lookup?.key ?? '') as (typeof LOOKUP_KEYS)[number]['value'];
  return (
    <div className="space-y-3">
      <Section title="Widget">
        <TextInput
          label="Title"
          value={p.title ?? ''}
          onValue={(title) => onChange(withProperties(widget, { title }), 'title')}
        />
      </Section>
      <Section title="Events">
        <div className="grid grid-cols-2 gap-2">
          <SelectInput
            label="Lookup attribute"
            value={key}
            options={LOOKUP_KEYS}
            onValue={(k) =>
              setParams({ lookup: k === '' ? undefined : { key: k, value: lookup?.value ?? '' } })
            }
          />
          {key !== '' && (
            <TextInput
              label="Attribute value"
              value={lookup?.value ?? ''}
              onValue={(value) => setParams({ lookup: { key, value: value ?? '' } }, 'lookup')}
            />
          )}
          <DraftInput
            label="Events shown"
            value={String(params.limit ?? 10)}
            read={readLimit}
            onValue={(limit) => setParams({ limit }, 'limit')}
          />
        </div>
        <CheckboxInput
          label="Writes only (leave out read-only events)"
          checked={params.writesOnly !== false}
          onValue={(on) => setParams({ writesOnly: on })}
        />
      </Section>
    </div>
  );
}
