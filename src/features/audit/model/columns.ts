import type { EventSummary } from './trail-types.ts';

export const COLUMN_IDS = [
  'eventTime',
  'username',
  'eventName',
  'eventSource',
  'resourceType',
  'resourceName',
  'sourceIp',
  'readOnly',
  'errorCode',
  'accessKeyId',
  'region',
  'identityType',
  'role',
  'category',
  'origin',
  'eventId',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** A table column: its header, its width (CSS grid track) and its text for a row. */
export interface Column {
  id: ColumnId;
  label: string;
  width: string;
  text: (e: EventSummary) => string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-19 15:59:58` (UTC): fixed width, sorts as text. */
export function formatEventTime(ms: number): string {
  const d = new Date(ms);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

const joinResources = (e: EventSummary, key: 'type' | 'name') =>
  e.resources
    .map((r) => r[key])
    .filter(Boolean)
    .join(', ');

export const COLUMNS: Record<ColumnId, Column> = {
  eventTime: {
    id: 'eventTime',
    label: 'Event time (UTC)',
    width: '9.25rem',
    text: (e) => formatEventTime(e.eventTime),
  },
  username: { id: 'username', label: 'User name', width: 'minmax(6rem, 1fr)', text: (e) => e.username },
  eventName: {
    id: 'eventName',
    label: 'Event name',
    width: 'minmax(8rem, 1.2fr)',
    text: (e) => e.eventName,
  },
  eventSource: {
    id: 'eventSource',
    label: 'Event source',
    width: 'minmax(7rem, 1fr)',
    text: (e) => e.eventSource,
  },
  resourceType: {
    id: 'resourceType',
    label: 'Resource type',
    width: 'minmax(6rem, 1fr)',
    text: (e) => joinResources(e, 'type'),
  },
  resourceName: {
    id: 'resourceName',
    label: 'Resource name',
    width: 'minmax(7rem, 1.3fr)',
    text: (e) => joinResources(e, 'name'),
  },
  sourceIp: { id: 'sourceIp', label: 'Source IP', width: 'minmax(6rem, 0.8fr)', text: (e) => e.sourceIp },
  readOnly: { id: 'readOnly', label: 'Read-only', width: '4.5rem', text: (e) => e.readOnly },
  errorCode: { id: 'errorCode', label: 'Error code', width: 'minmax(6rem, 0.9fr)', text: (e) => e.errorCode },
  accessKeyId: {
    id: 'accessKeyId',
    label: 'AWS access key',
    width: 'minmax(10rem, 1fr)',
    text: (e) => e.accessKeyId,
  },
  region: { id: 'region', label: 'AWS Region', width: '7.5rem', text: (e) => e.region },
  identityType: { id: 'identityType', label: 'Identity type', width: '7.5rem', text: (e) => e.identityType },
  role: { id: 'role', label: 'Role', width: 'minmax(7rem, 1fr)', text: (e) => e.role },
  category: { id: 'category', label: 'Category', width: '7rem', text: (e) => e.category },
  origin: { id: 'origin', label: 'Origin', width: '6rem', text: (e) => e.origin },
  eventId: { id: 'eventId', label: 'Event ID', width: '19rem', text: (e) => e.eventId },
};

/** The columns shown until a person chooses others. */
export const DEFAULT_COLUMNS: readonly ColumnId[] = [
  'eventTime',
  'username',
  'eventName',
  'eventSource',
  'resourceType',
  'resourceName',
  'sourceIp',
  'readOnly',
  'errorCode',
];
