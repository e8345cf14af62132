// The shared crosshair of a page's time-series graphs: the instant one graph is hovered at, and
// which graph. A tiny external store (no React state), so only each chart's small overlay
// subscribes to it and hovering never re-renders the charts' series.
import { useSyncExternalStore } from 'react';

/** Where the pointer is: an instant (epoch ms) over the graph `sourceId`. */
export interface CrosshairPosition {
  timeMs: number;
  sourceId: string;
}

type Listener = () => void;

let current: CrosshairPosition | undefined;
const listeners = new Set<Listener>();

function emit(next: CrosshairPosition | undefined) {
  if (next === current) return;
  current = next;
  for (const l of [...listeners]) l();
}

/** The instant hovered now, if any. */
export function getCrosshair(): CrosshairPosition | undefined {
  return current;
}

/** Graph `sourceId` is hovered at `timeMs`. */
export function setCrosshair(sourceId: string, timeMs: number): void {
  if (current?.sourceId === sourceId && current.timeMs === timeMs) return;
  emit({ sourceId, timeMs });
}

/** The pointer left graph `sourceId`; another graph's position is kept. */
export function clearCrosshair(sourceId: string): void {
  if (current?.sourceId === sourceId) emit(undefined);
}

/** Calls `listener` on every change; returns the unsubscribe function. */
export function subscribeCrosshair(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * The hovered instant as graph `ownId` shows it: the position when another graph is hovered,
 * undefined while nothing is or while this graph itself is (it draws its own tooltip).
 */
export function useCrosshairFrom(ownId: string): CrosshairPosition | undefined {
  const position = useSyncExternalStore(subscribeCrosshair, getCrosshair, getCrosshair);
  return position && position.sourceId !== ownId ? position : undefined;
}
