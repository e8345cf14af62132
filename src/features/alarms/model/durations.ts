// Durations for people, in the words the CloudWatch console uses.

const UNITS: readonly [number, string][] = [
  [86_400, 'day'],
  [3_600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** A whole number of seconds as its largest exact unit: `1 minute`, `15 minutes`, `6 hours`, `90 seconds`. */
export function durationLabel(seconds: number): string {
  for (const [size, name] of UNITS) {
    if (seconds >= size && seconds % size === 0) {
      const n = seconds / size;
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} seconds`;
}

/** A period as the Period select shows it: `10 seconds`, `1 minute`, `1 hour`, `1 day`. */
export const periodLabel = durationLabel;

/**
 * Whole seconds, coarse like the console: `40 s`, `12 min`, `3 h 5 min`, `2 d 4 h`; `toMinutes`
 * turns seconds over 60 into whole minutes (down by default).
 */
export function coarseDuration(s: number, toMinutes: (minutes: number) => number = Math.floor): string {
  if (s < 60) return `${s} s`;
  const min = toMinutes(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h${min % 60 ? ` ${min % 60} min` : ''}`;
  const d = Math.floor(h / 24);
  return `${d} d${h % 24 ? ` ${h % 24} h` : ''}`;
}

/**
 * How long an alarm has been in its state, coarse like the console: `for 40 s`, `for 12 min`,
 * `for 3 h 5 min`, `for 2 d 4 h`. Negative spans (clock skew) read `for 0 s`.
 */
export function timeInState(elapsedMs: number): string {
  return `for ${coarseDuration(Math.max(0, Math.floor(elapsedMs / 1000)))}`;
}
