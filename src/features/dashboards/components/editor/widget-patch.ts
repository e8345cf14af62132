import type { Widget } from '../../model/dashboard-body.ts';

/** An object with `patch` applied: undefined removes a key, the other keys are kept as they are. */
export function patchObject<T extends Record<string, unknown>>(
  object: T | undefined,
  patch: Record<string, unknown>,
): T {
  const next = Object.entries({ ...(object ?? {}), ...patch }).filter(([, v]) => v !== undefined);
  return Object.fromEntries(next) as T;
}

/** The widget with some properties changed (undefined removes one); every other key is kept. */
export function withProperties(widget: Widget, patch: Record<string, unknown>): Widget {
  return { ...widget, properties: patchObject(widget.properties, patch) };
}
