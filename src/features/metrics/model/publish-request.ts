// The publish form's fields as typed, and the PutMetricData request they make. Only what is plainly
// wrong is caught here (a required field left empty, a value that is not a number); everything else
// goes to the server, which validates it as CloudWatch does and names the parameter at fault.
import type { PutMetricDataCommandInput, StandardUnit } from '@aws-sdk/client-cloudwatch';
import { type MetricIdentity, canonicalMetric } from '../../../lib/cloudwatch/metric-identity.ts';
import { parseUtcDateTimeLocal } from '../../../lib/time-range.ts';

/** One dimension row of the form. */
export interface DimensionDraft {
  name: string;
  value: string;
}

/** The publish form's fields, as typed. */
export interface PublishDraft {
  namespace: string;
  metricName: string;
  dimensions: DimensionDraft[];
  /** One number, or several separated by commas. */
  values: string;
  unit: string;
  /** `60` (standard) or `1` (high resolution). */
  storageResolution: '60' | '1';
  /** A `datetime-local` value read as UTC; empty means now. */
  timestamp: string;
}

export const EMPTY_PUBLISH_DRAFT: PublishDraft = {
  namespace: '',
  metricName: '',
  dimensions: [{ name: '', value: '' }],
  values: '',
  unit: 'None',
  storageResolution: '60',
  timestamp: '',
};

/** A request ready to send, or what the person has to fix first. */
export type PublishRequest =
  | { ok: true; input: PutMetricDataCommandInput; metric: MetricIdentity; datapointCount: number }
  | { ok: false; error: string };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The numbers of a comma-separated list, or the first entry that is not a number. */
export function parseValues(text: string): { ok: true; values: number[] } | { ok: false; error: string } {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.every((p) => p === ''))
    return { ok: false, error: 'Enter a value, or several separated by commas.' };
  const values: number[] = [];
  for (const part of parts) {
    if (!DECIMAL.test(part)) {
      return {
        ok: false,
        error:
          part === '' ? 'One of the values is empty: remove the extra comma.' : `"${part}" is not a number.`,
      };
    }
    values.push(Number(part));
  }
  return { ok: true, values };
}

/** Checks the draft for plain mistakes and builds the PutMetricData request. */
export function buildPublishRequest(draft: PublishDraft): PublishRequest {
  if (draft.namespace.trim() === '') return { ok: false, error: 'Enter a namespace.' };
  if (draft.metricName.trim() === '') return { ok: false, error: 'Enter a metric name.' };
  const parsed = parseValues(draft.values);
  if (!parsed.ok) return parsed;
  let timestamp: Date | undefined;
  if (draft.timestamp.trim() !== '') {
    const ms = parseUtcDateTimeLocal(draft.timestamp.trim());
    if (ms === undefined) return { ok: false, error: `"${draft.timestamp}" is not a date and time.` };
    timestamp = new Date(ms);
  }
  // Rows left entirely blank are unused; a half-filled one is sent for the server to judge.
  const dimensions = draft.dimensions.filter((d) => d.name.trim() !== '' || d.value.trim() !== '');
  const { values } = parsed;
  const input: PutMetricDataCommandInput = {
    Namespace: draft.namespace,
    MetricData: [
      {
        MetricName: draft.metricName,
        ...(dimensions.length > 0
          ? { Dimensions: dimensions.map((d) => ({ Name: d.name, Value: d.value })) }
          : {}),
        ...(values.length === 1 ? { Value: values[0] } : { Values: values }),
        Unit: draft.unit as StandardUnit,
        StorageResolution: Number(draft.storageResolution),
        ...(timestamp ? { Timestamp: timestamp } : {}),
      },
    ],
  };
  const metric = canonicalMetric({ namespace: draft.namespace, metricName: draft.metricName, dimensions });
  return { ok: true, input, metric, datapointCount: values.length };
}
