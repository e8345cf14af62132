import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { controlBase, useConnectionStore } from './connection-store.ts';

/** The engine clock as `GET /_watchtrail/clock` reports it. */
export interface EngineClock {
  now: number;
  paused: boolean;
  speed: number;
}

export interface ClockReading extends EngineClock {
  /** Wall time (Date.now) when the reading was taken, to extrapolate between readings. */
  readAt: number;
  /** False when the backend has no control endpoints (a real AWS account): time is wall time. */
  controllable: boolean;
}

export async function fetchClock(base: string | undefined): Promise<ClockReading> {
  if (base === undefined)
    return { now: Date.now(), paused: false, speed: 1, readAt: Date.now(), controllable: false };
  const res = await fetch(`${base}/_watchtrail/clock`);
  if (!res.ok) throw new Error(`The clock endpoint answered ${res.status}.`);
  const c = (await res.json()) as EngineClock;
  return { ...c, readAt: Date.now(), controllable: true };
}

export const clockQueryOptions = (base: string | undefined) =>
  queryOptions({
    queryKey: ['watchtrail', 'clock', base],
    queryFn: () => fetchClock(base),
    refetchInterval: 5_000,
    staleTime: 1_000,
  });

/** The engine time implied by a reading at a given wall time. */
export const engineNow = (r: ClockReading, wallMs: number): number =>
  r.paused ? r.now : r.now + (wallMs - r.readAt) * r.speed;

/** The engine's clock, re-read every few seconds. */
export function useClockReading() {
  const base = controlBase(useConnectionStore());
  return useQuery(clockQueryOptions(base));
}

/**
 * The engine's current time, ticking: re-rendered every `everyMs` of wall time. Relative time ranges
 * resolve against it, so "last 3 hours" follows the simulation even when it runs 3600× or is paused.
 */
export function useEngineNow(everyMs = 1000): {
  now: number;
  wallMs: number;
  reading: ClockReading | undefined;
} {
  const { data } = useClockReading();
  const [wall, setWall] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setWall(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return { now: data ? engineNow(data, wall) : wall, wallMs: wall, reading: data };
}
