import { describe, expect, it } from 'vitest';
import { validateEventsPerDay, validateUserName } from './trail-settings.ts';

describe('audit settings validation', () => {
  it.each([
    ['watchtrail-console', undefined],
    ['alice@example.com', undefined],
    ['', 'Enter a user name.'],
    ['two words', 'Use letters, digits and + = , . @ _ - only (no spaces).'],
    ['x'.repeat(65), 'A user name has at most 64 characters.'],
  ])('user name %j', (text, problem) => {
    expect(validateUserName(text)).toBe(problem);
  });

  it.each([
    ['5000', undefined],
    ['100', undefined],
    ['50000', undefined],
    ['99', 'Enter a whole number from 100 to 50,000.'],
    ['1e4', 'Enter a whole number from 100 to 50,000.'],
    ['', 'Enter a whole number from 100 to 50,000.'],
  ])('events per day %j', (text, problem) => {
    expect(validateEventsPerDay(text)).toBe(problem);
  });
});
