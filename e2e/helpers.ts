import { type Page, expect } from '@playwright/test';

/** A fixed engine time for reproducible screens: a Thursday afternoon (UTC). */
export const FIXED_NOW = Date.parse('2026-11-19T16:00:00Z');

/** Calls a control endpoint from inside the page, so the embedded engine's service worker answers. */
export async function control(page: Page, path: string, body?: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ path, body }) => {
      const res = await fetch(
        `/_watchtrail/${path}`,
        body === undefined
          ? {}
          : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
      );
      return res.json();
    },
    { path, body },
  );
}

/** Opens the app on a fresh, paused engine at FIXED_NOW with the default seed. */
export async function openFresh(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('group', { name: 'Engine clock' })).toBeVisible();
  await control(page, 'reset', { seed: 42, simulation: true });
  await control(page, 'clock', { now: FIXED_NOW, paused: true, speed: 1 });
  await page.reload();
  await expect(page.getByRole('group', { name: 'Engine clock' })).toBeVisible();
}

/** Waits until every time-series chart on the page has drawn points. */
export async function expectChartsDrawn(page: Page, minimum: number): Promise<void> {
  const charts = page.getByTestId('time-series-chart');
  await expect.poll(async () => charts.count()).toBeGreaterThanOrEqual(minimum);
  await expect
    .poll(async () =>
      (await charts.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-points'))))).every(
        (n) => n > 0,
      ),
    )
    .toBe(true);
}

/**
 * Calls a CloudWatch operation from inside the page over its wire protocol (awsJson1_0, as the SDK sends
 * it), so the embedded engine's service worker answers; returns the status and the parsed body.
 */
export async function cloudWatch(
  page: Page,
  operation: string,
  input: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return page.evaluate(
    async ({ operation, input }) => {
      const res = await fetch('https://monitoring.us-east-1.amazonaws.com/', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': `GraniteServiceVersion20100801.${operation}`,
          'x-amzn-query-mode': 'true',
        },
        body: JSON.stringify(input),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
    { operation, input },
  );
}
