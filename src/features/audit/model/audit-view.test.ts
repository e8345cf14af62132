import { describe, expect, it } from 'vitest';
import {
  type AuditView,
  DEFAULT_FILTERS,
  addTerm,
  removeTerm,
  viewFromSearchParams,
  viewToSearchParams,
} from './audit-view.ts';

const views: [string, AuditView][] = [
  [
    'three fields, two values in one',
    {
      mode: 'filter',
      filters: {
        username: [
          { match: 'exact', value: 'alice' },
          { match: 'prefix', value: 'deploy' },
        ],
        eventName: [{ match: 'contains', value: 'Instance' }],
        readOnly: [{ match: 'exact', value: 'false' }],
      },
      lookup: { key: 'Username', value: '' },
    },
  ],
  [
    'any error and no error',
    {
      mode: 'filter',
      filters: {
        errorCode: [
          { match: 'glob', value: '*' },
          { match: 'exact', value: '' },
        ],
      },
      lookup: { key: 'Username', value: '' },
    },
  ],
  ['no filters at all', { mode: 'filter', filters: {}, lookup: { key: 'Username', value: '' } }],
  [
    'lookup mode with an open event',
    {
      mode: 'lookup',
      filters: DEFAULT_FILTERS,
      lookup: { key: 'ResourceName', value: 'i-0abc' },
      eventId: '3f1c2a9e-0000-4000-8000-000000000001',
    },
  ],
];

describe('the view in the URL', () => {
  it.each(views)('%s survives a round trip', (_, view) => {
    const params = viewToSearchParams(view);
    const back = viewFromSearchParams(new URLSearchParams(params.toString()));
    expect(back).toEqual(view);
  });

  it('keeps the time params and others it does not own', () => {
    const params = new URLSearchParams('range=3h&refresh=off&username=bob');
    viewToSearchParams({ mode: 'filter', filters: {}, lookup: { key: 'Username', value: '' } }, params);
    expect(params.toString()).toBe('range=3h&refresh=off&filters=none');
  });

  it('opens the default view on a bare link', () => {
    expect(viewFromSearchParams(new URLSearchParams('range=1d')).filters).toEqual(DEFAULT_FILTERS);
  });

  it('reads filter text as patterns', () => {
    const v = viewFromSearchParams(new URLSearchParams('eventName=Terminate*&resourceName=*web*'));
    expect(v.filters).toEqual({
      eventName: [{ match: 'prefix', value: 'Terminate' }],
      resourceName: [{ match: 'contains', value: 'web' }],
    });
  });

  it('ignores an unknown lookup key', () => {
    expect(viewFromSearchParams(new URLSearchParams('mode=lookup&attr=Nope')).lookup.key).toBe('Username');
  });
});

describe('editing filters', () => {
  it('adds OR alternatives once and removes the field with its last term', () => {
    const a = addTerm({}, 'username', { match: 'exact', value: 'alice' });
    const b = addTerm(a, 'username', { match: 'exact', value: 'alice' });
    expect(b).toBe(a);
    const c = addTerm(b, 'username', { match: 'exact', value: 'bob' });
    expect(c.username).toHaveLength(2);
    expect(
      removeTerm(removeTerm(c, 'username', { match: 'exact', value: 'alice' }), 'username', {
        match: 'exact',
        value: 'bob',
      }),
    ).toEqual({});
  });
});
