/**
 * Units in the types: CloudWatch speaks epoch seconds, JavaScript speaks epoch milliseconds, and a
 * period is a duration in seconds. Branding makes the compiler catch a mix-up.
 */
export type EpochMs = number & { readonly __unit: 'epoch-ms' };
export type EpochSeconds = number & { readonly __unit: 'epoch-s' };
export type PeriodSeconds = number & { readonly __unit: 'period-s' };
export type DurationMs = number & { readonly __unit: 'duration-ms' };

export const epochMs = (n: number): EpochMs => n as EpochMs;
export const epochSeconds = (n: number): EpochSeconds => n as EpochSeconds;
export const periodSeconds = (n: number): PeriodSeconds => n as PeriodSeconds;
export const durationMs = (n: number): DurationMs => n as DurationMs;

export const msToSeconds = (ms: EpochMs): EpochSeconds => (ms / 1000) as EpochSeconds;
export const secondsToMs = (s: EpochSeconds): EpochMs => (s * 1000) as EpochMs;

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** CloudWatch keeps metric data for 15 months: 455 days. */
export const RETENTION_MS = 455 * DAY_MS;
