import { describe, expect, it } from 'vitest';
import { validateDashboardBody } from './dashboard-validation.ts';

describe('the dashboard validation channel', () => {
  it('uses the engine’s validator, registered by the test setup as by the app', () => {
    expect(validateDashboardBody('{"widgets": 3}')).toEqual([
      { dataPath: '/widgets', message: 'Should be array', level: 'error' },
    ]);
    expect(validateDashboardBody('{"widgets": []}')).toEqual([]);
  });
});
