import { describe, expect, it } from 'vitest';
import { Engine, type EngineEvent } from '../engine.ts';
import { DashboardStore } from './store.ts';

const T0 = Date.parse('2026-11-19T16:00:00Z');

function store() {
  let now = T0;
  let changes = 0;
  const s = new DashboardStore(
    () => now,
    () => changes++,
  );
  return { s, tick: (ms: number) => (now += ms), changes: () => changes };
}

describe('DashboardStore', () => {
  it('keeps the body byte for byte, its UTF-8 size and the clock’s time', () => {
    const { s, tick } = store();
    const body = '{ "widgets": [ {"type":"text","properties":{"markdown":"Größe 📈"}} ] }';
    s.put('a', body);
    tick(5000);
    s.put('b', '{"widgets":[]}');
    expect(s.get('a')).toEqual({
      name: 'a',
      body,
      lastModifiedMs: T0,
      size: new TextEncoder().encode(body).length,
    });
    expect(s.get('a')?.size).toBe(body.length + 1 + 3); // ö and ß take 2 bytes, the emoji 4 (2 UTF-16 units)
    expect(s.get('b')?.lastModifiedMs).toBe(T0 + 5000);
  });

  it('replaces the whole dashboard on a second put', () => {
    const { s, tick } = store();
    s.put('a', '{"widgets":[1]}');
    tick(1000);
    s.put('a', '{"widgets":[]}');
    expect(s.get('a')).toMatchObject({ body: '{"widgets":[]}', lastModifiedMs: T0 + 1000, size: 14 });
    expect(s.size).toBe(1);
  });

  it('lists in name order, by prefix, one page at a time after a name', () => {
    const { s } = store();
    for (const n of ['b-2', 'a', 'b-1', 'B', 'b-3', 'c']) s.put(n, '{"widgets":[]}');
    expect(s.list().entries.map((d) => d.name)).toEqual(['B', 'a', 'b-1', 'b-2', 'b-3', 'c']);
    expect(s.list({ prefix: 'b-', limit: 2 })).toMatchObject({ more: true });
    expect(s.list({ prefix: 'b-', limit: 2 }).entries.map((d) => d.name)).toEqual(['b-1', 'b-2']);
    expect(s.list({ prefix: 'b-', after: 'b-2', limit: 2 })).toMatchObject({
      entries: [{ name: 'b-3' }],
      more: false,
    });
    expect(s.list({ prefix: 'x' }).entries).toEqual([]);
  });

  it('deletes what exists and says what does not', () => {
    const { s, changes } = store();
    s.put('a', '{}');
    s.put('b', '{}');
    const before = changes();
    expect(s.delete(['a', 'zz', 'a', 'b'])).toEqual({ deleted: ['a', 'b'], missing: ['zz'] });
    expect(changes()).toBe(before + 1);
    expect(s.delete(['nope'])).toEqual({ deleted: [], missing: ['nope'] });
    expect(changes()).toBe(before + 1);
    expect(s.size).toBe(0);
  });

  it('round-trips through a structured clone of its snapshot', () => {
    const { s, tick } = store();
    s.put('one', '{"widgets":[]}');
    tick(60_000);
    s.put('two', '{"widgets":[{"type":"text","properties":{"markdown":"x"}}]}');
    const copy = structuredClone(s.snapshot());
    const other = store().s;
    other.put('stale', '{}');
    other.restore(copy);
    expect(other.snapshot()).toEqual(s.snapshot());
    expect(other.has('stale')).toBe(false);
  });

  it('get returns a copy: changing it changes nothing stored', () => {
    const { s } = store();
    s.put('a', '{}');
    const d = s.get('a');
    if (d) d.body = 'changed';
    expect(s.get('a')?.body).toBe('{}');
  });
});

describe('the engine’s dashboards', () => {
  const engine = (simulation: boolean) => new Engine({ wallClock: () => T0, simulation });

  it('a simulated account starts with Service-health; an empty one with none', () => {
    expect(
      engine(true)
        .dashboards.list()
        .entries.map((d) => d.name),
    ).toEqual(['Service-health']);
    expect(engine(false).dashboards.size).toBe(0);
  });

  it('says when dashboards change, once per change', () => {
    const e = engine(false);
    const events: EngineEvent['type'][] = [];
    e.subscribe((ev) => events.push(ev.type));
    e.dashboards.put('a', '{"widgets":[]}');
    e.dashboards.delete(['a']);
    expect(events).toEqual(['dashboards-changed', 'dashboards-changed']);
  });

  it('reset re-seeds Service-health (after the reset event) and drops the rest', () => {
    const e = engine(true);
    e.dashboards.delete(['Service-health']);
    e.dashboards.put('mine', '{"widgets":[]}');
    const events: EngineEvent['type'][] = [];
    e.subscribe((ev) => events.push(ev.type));
    e.reset();
    expect(e.dashboards.list().entries.map((d) => d.name)).toEqual(['Service-health']);
    expect(events).toEqual(['reset', 'dashboards-changed']);
    e.reset({ simulation: false });
    expect(e.dashboards.size).toBe(0);
  });
});

describe('the engine’s dashboards, empty', () => {
  it('resetting an empty account without simulation changes no dashboards and says nothing about them', () => {
    const e = new Engine({ wallClock: () => T0, simulation: false });
    const events: EngineEvent['type'][] = [];
    e.subscribe((ev) => events.push(ev.type));
    e.reset({ simulation: false });
    expect(events).toEqual(['reset']);
  });
});
