import { describe, expect, it } from 'vitest';
import type { DashboardBody } from '../model/dashboard-body';
import { COALESCE_MS, UNDO_DEPTH, createDashboardEditStore, isDirty, jsonEqual } from './dashboard-edit';

const body: DashboardBody = {
  widgets: [{ type: 'text', x: 0, y: 0, width: 24, height: 2, properties: { markdown: '# Hi' } }],
  start: '-PT3H',
};

const retitle = (title: string) => (b: DashboardBody) => ({ ...b, title });

function setup() {
  let nowMs = 1_000_000;
  const store = createDashboardEditStore(() => nowMs);
  store.getState().begin('Ops', body);
  return {
    store,
    state: () => store.getState(),
    advance: (ms: number) => {
      nowMs += ms;
    },
  };
}

describe('dashboard edit store', () => {
  it('begins with the body as saved and draft, no history, editing', () => {
    const { state } = setup();
    expect(state()).toMatchObject({
      name: 'Ops',
      saved: body,
      draft: body,
      past: [],
      future: [],
      editing: true,
    });
    expect(isDirty(state())).toBe(false);
  });

  it('applies edits as undo steps, undoes and redoes them', () => {
    const { state } = setup();
    state().apply(retitle('a'));
    state().apply(retitle('b'));
    expect(state().draft?.title).toBe('b');
    expect(state().past).toHaveLength(2);
    state().undo();
    expect(state().draft?.title).toBe('a');
    state().undo();
    expect(state().draft).toBe(body);
    state().undo(); // nothing more to undo
    expect(state().draft).toBe(body);
    state().redo();
    state().redo();
    expect(state().draft?.title).toBe('b');
    state().redo(); // nothing more to redo
    expect(state().draft?.title).toBe('b');
  });

  it('a new edit after undo drops the redo steps', () => {
    const { state } = setup();
    state().apply(retitle('a'));
    state().undo();
    state().apply(retitle('c'));
    expect(state().future).toEqual([]);
    state().redo();
    expect(state().draft?.title).toBe('c');
  });

  it('an update that returns the draft itself is no step', () => {
    const { state } = setup();
    state().apply((b) => b);
    expect(state().past).toEqual([]);
  });

  it.each<[string, string | undefined, string | undefined, number, number]>([
    // name, first key, second key, ms between, undo steps after both
    ['same key, quickly: one step', 'title', 'title', 300, 1],
    ['same key, slowly: two steps', 'title', 'title', COALESCE_MS, 2],
    ['different keys: two steps', 'title', 'markdown', 10, 2],
    ['no key: two steps', undefined, undefined, 10, 2],
  ])('%s', (_name, first, second, gapMs, steps) => {
    const { state, advance } = setup();
    state().apply(retitle('T'), first);
    advance(gapMs);
    state().apply(retitle('Ty'), second);
    expect(state().past).toHaveLength(steps);
    state().undo();
    expect(state().draft?.title).toBe(steps === 1 ? undefined : 'T');
  });

  it('typing keeps merging while each keystroke comes within a second of the last', () => {
    const { state, advance } = setup();
    for (const title of ['L', 'La', 'Lat', 'Late', 'Laten', 'Latenc', 'Latency']) {
      state().apply(retitle(title), 'title');
      advance(600);
    }
    expect(state().past).toHaveLength(1);
  });

  it('undo ends a coalescing run', () => {
    const { state } = setup();
    state().apply((b) => ({ ...b, start: '-PT1H' }));
    state().apply(retitle('a'), 'title');
    state().apply(retitle('ab'), 'title');
    state().undo();
    state().apply(retitle('x'), 'title');
    expect(state().past).toHaveLength(2);
    state().undo();
    expect(state().draft).toEqual({ ...body, start: '-PT1H' });
  });

  it(`keeps ${UNDO_DEPTH} undo steps`, () => {
    const { state } = setup();
    for (let i = 0; i < UNDO_DEPTH + 20; i++) state().apply(retitle(String(i)));
    expect(state().past).toHaveLength(UNDO_DEPTH);
    for (let i = 0; i < UNDO_DEPTH; i++) state().undo();
    expect(state().draft?.title).toBe('19');
  });

  it('is dirty by content: an edit and its inverse leave it clean', () => {
    const { state } = setup();
    state().apply(retitle('a'));
    expect(isDirty(state())).toBe(true);
    state().apply(({ title: _t, ...rest }) => ({ ...rest, widgets: [...rest.widgets] }) as DashboardBody);
    expect(state().draft).not.toBe(body);
    expect(isDirty(state())).toBe(false);
  });

  it('discard goes back to the saved body and stops editing', () => {
    const { state } = setup();
    state().apply(retitle('a'));
    state().discard();
    expect(state()).toMatchObject({ draft: body, past: [], future: [], editing: false });
  });

  it('markSaved makes the saved body the new reference, keeping the draft and history', () => {
    const { state } = setup();
    state().apply(retitle('a'));
    const sent = state().draft!;
    state().apply(retitle('ab')); // typed while the save was under way
    state().markSaved(sent);
    expect(state().saved).toBe(sent);
    expect(isDirty(state())).toBe(true);
    state().undo();
    expect(isDirty(state())).toBe(false);
    expect(state().past).toHaveLength(1);
  });

  it('stopEditing leaves the draft alone', () => {
    const { state } = setup();
    state().apply(retitle('a'));
    state().stopEditing();
    expect(state()).toMatchObject({ editing: false, draft: { title: 'a' } });
  });
});

describe('jsonEqual', () => {
  it.each<[unknown, unknown, boolean]>([
    [{ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: 1 }, { a: '1' }, false],
    [[1, 2], [2, 1], false],
    [[1], { 0: 1 }, false],
    [{ a: null }, { a: {} }, false],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [undefined, { widgets: [] }, false],
  ])('%j vs %j: %s', (a, b, equal) => {
    expect(jsonEqual(a, b)).toBe(equal);
    expect(jsonEqual(b, a)).toBe(equal);
  });
});
