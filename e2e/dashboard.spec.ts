import { expect, test } from '@playwright/test';
import { FIXED_NOW, control, expectChartsDrawn, openFresh } from './helpers.ts';

test('the home dashboard, Service-health, loads live data in every widget', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openFresh(page);
  await expect(page.getByRole('heading', { name: 'Service-health', level: 1 })).toBeVisible();
  const widgets = page.locator('[data-testid="widget"][data-widget-type="metric"]');
  expect(await widgets.count()).toBeGreaterThanOrEqual(8);
  await expectChartsDrawn(page, 6);
  await expect(
    page.getByRole('region', { name: 'EC2 CPU utilization' }).getByTestId('time-series-chart'),
  ).toHaveAttribute('data-series-count', '4');
  await expect(
    page.getByRole('region', { name: 'ALB target response time' }).getByTestId('time-series-chart'),
  ).toHaveAttribute('data-series-count', '2');
  // The number widget shows a value with its trend, the gauge a percentage.
  await expect(page.getByRole('region', { name: 'Requests (ALB)' }).getByTestId('number-stat')).toContainText(
    /\d/,
  );
  await expect(page.getByRole('region', { name: 'RDS CPU (orders-db)' }).getByTestId('gauge')).toContainText(
    /\d+(\.\d+)?\s*%/,
  );
  expect(errors).toEqual([]);
});

test('new datapoints appear as the engine clock advances', async ({ page }) => {
  await openFresh(page);
  const cpu = page.getByRole('region', { name: 'EC2 CPU utilization' }).getByTestId('time-series-chart');
  await expectChartsDrawn(page, 6);
  const before = Number(await cpu.getAttribute('data-last-timestamp'));
  expect(before).toBe(FIXED_NOW - 60_000);
  await control(page, 'clock', { advanceMs: 30 * 60_000 });
  // The engine time in the header moved; the graph now ends 30 minutes later, with 30 new datapoints a series.
  await expect(page.getByLabel('Engine time')).toContainText('16:30');
  await expect
    .poll(async () => Number(await cpu.getAttribute('data-last-timestamp')))
    .toBe(before + 30 * 60_000);
  await expect(cpu).toHaveAttribute('data-end', String(FIXED_NOW + 31 * 60_000));
});

test('the range changes through the picker and the URL reopens the same view', async ({ page }) => {
  await openFresh(page);
  await page.getByRole('button', { name: '1d', exact: true }).click();
  await expect(page).toHaveURL(/range=1d/);
  await expect(page.getByRole('button', { name: '1d', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.getByLabel('Auto refresh').selectOption('10s');
  await expect(page).toHaveURL(/refresh=10s/);
  await expectChartsDrawn(page, 6);
  await page.reload();
  await expect(page.getByRole('button', { name: '1d', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Auto refresh')).toHaveValue('10s');
  await expectChartsDrawn(page, 6);
});

test('a custom absolute range is validated and applied', async ({ page }) => {
  await openFresh(page);
  await page.getByRole('button', { name: /custom/i }).click();
  await page.getByLabel('Start (UTC)').fill('2026-11-19T12:00');
  await page.getByLabel('End (UTC)').fill('2026-11-19T10:00');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /before the end/i })).toBeVisible();
  await expect(page.getByLabel('Start (UTC)')).toHaveValue('2026-11-19T12:00');
  await page.getByLabel('End (UTC)').fill('2026-11-19T14:00');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(
    /start=2026-11-19T12%3A00%3A00Z&end=2026-11-19T14%3A00%3A00Z|start=2026-11-19T12:00:00Z&end=2026-11-19T14:00:00Z/,
  );
  await expectChartsDrawn(page, 6);
});

test('dragging across a graph zooms in, and zoom out widens the range', async ({ page }) => {
  await openFresh(page);
  await expectChartsDrawn(page, 6);
  const plot = page.getByRole('region', { name: 'EC2 CPU utilization' }).getByTestId('time-series-chart');
  const box = (await plot.boundingBox())!;
  const y = box.y + 60;
  await page.mouse.move(box.x + box.width * 0.4, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.55, y, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.7, y, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/start=.*end=/);
  const url = new URL(page.url());
  const start = Date.parse(url.searchParams.get('start')!);
  const end = Date.parse(url.searchParams.get('end')!);
  // A 3-hour range, dragged over ~30 % of its width: about 55 minutes, inside the original range.
  expect(end - start).toBeGreaterThan(20 * 60_000);
  expect(end - start).toBeLessThan(120 * 60_000);
  expect(start).toBeGreaterThan(FIXED_NOW - 3 * 3600_000);
  expect(end).toBeLessThanOrEqual(FIXED_NOW);
  await expectChartsDrawn(page, 6);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect
    .poll(() => {
      const u = new URL(page.url());
      return Date.parse(u.searchParams.get('end')!) - Date.parse(u.searchParams.get('start')!);
    })
    .toBeGreaterThan(end - start);
});

test('the clock pauses, changes speed, and the choice survives a reload', async ({ page }) => {
  await openFresh(page);
  const clock = page.getByRole('group', { name: 'Engine clock' });
  await expect(clock.getByRole('button', { name: 'Play' })).toBeVisible();
  await clock.getByRole('button', { name: 'Speed 600×' }).click();
  await clock.getByRole('button', { name: 'Play' }).click();
  await expect(clock.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.reload();
  await expect(clock.getByRole('button', { name: 'Speed 600×' })).toHaveAttribute('aria-pressed', 'true');
  await expect(clock.getByRole('button', { name: 'Pause' })).toBeVisible();
  const t1 = (await control(page, 'clock')) as { now: number };
  await page.waitForTimeout(1000);
  const t2 = (await control(page, 'clock')) as { now: number };
  expect(t2.now - t1.now).toBeGreaterThan(300_000);
  await clock.getByRole('button', { name: 'Pause' }).click();
  // The button turns to Play once the engine has paused and the page has saved it; reload only then.
  await expect(clock.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.reload();
  await expect(clock.getByRole('button', { name: 'Speed 600×' })).toHaveAttribute('aria-pressed', 'true');
  await expect(clock.getByRole('button', { name: 'Play' })).toBeVisible();
});
