import { expect, test } from '@playwright/test';
import { control, openFresh } from './helpers.ts';

test('the explorer browses namespaces and graphs several chosen metrics', async ({ page }) => {
  await openFresh(page, '/metrics');
  await page.getByRole('button', { name: 'AWS/EC2' }).first().click();
  await page.getByRole('button', { name: 'CPUUtilization' }).first().click();
  await page.getByRole('checkbox', { name: 'CPUUtilization i-0a1b2c3d4e5f60001' }).check();
  await page.getByRole('checkbox', { name: 'CPUUtilization i-0a1b2c3d4e5f60002' }).check();
  const chart = page.getByTestId('time-series-chart').first();
  await expect(chart).toHaveAttribute('data-series-count', '2');
  await expect.poll(async () => Number(await chart.getAttribute('data-points'))).toBeGreaterThan(100);
  // A percentile statistic and a fixed period change what is drawn: 3 hours at 5 minutes = 36 datapoints a series.
  await page.getByRole('combobox', { name: 'Statistic' }).selectOption('p99');
  await page.getByRole('combobox', { name: 'Period' }).selectOption({ label: '5 minutes' });
  await expect.poll(async () => Number(await chart.getAttribute('data-points'))).toBe(72);
  await expect(page).toHaveURL(/stat=p99/);
  // The link reopens the same graph.
  await page.reload();
  await expect(page.getByTestId('time-series-chart').first()).toHaveAttribute('data-series-count', '2');
  await expect(page.getByRole('combobox', { name: 'Statistic' })).toHaveValue('p99');
});

test('search finds metrics across namespaces', async ({ page }) => {
  await openFresh(page, '/metrics');
  await page.getByRole('searchbox', { name: 'Search metrics' }).fill('orders-db');
  await expect(page.getByRole('checkbox', { name: /CPUUtilization orders-db/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /i-0a1b2c3d4e5f60001/ })).toHaveCount(0);
});

test('a published datapoint appears in the graph, and bad input gets a clear error', async ({ page }) => {
  await openFresh(page, '/metrics');
  await page.getByRole('textbox', { name: 'Namespace' }).fill('Shop/Checkout');
  await page.getByRole('textbox', { name: 'Metric name' }).fill('OrdersPlaced');
  await page.getByRole('textbox', { name: 'Dimension 1 name' }).fill('Store');
  await page.getByRole('textbox', { name: 'Dimension 1 value' }).fill('berlin');
  await page.getByRole('textbox', { name: 'Value(s)' }).fill('42');
  await page.getByRole('combobox', { name: 'Unit' }).selectOption('Count');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toContainText(
    'Published 1 datapoint(s) to Shop/Checkout/OrdersPlaced',
  );
  const chart = page.getByTestId('time-series-chart').first();
  await expect(chart).toHaveAttribute('data-series-count', '1');
  await expect.poll(async () => Number(await chart.getAttribute('data-points'))).toBe(1);
  // A second value a minute later (engine time) adds a datapoint.
  await control(page, 'clock', { advanceMs: 60_000 });
  await page.getByRole('textbox', { name: 'Value(s)' }).fill('7, 9');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toContainText(
    'Published 2 datapoint(s)',
  );
  await expect.poll(async () => Number(await chart.getAttribute('data-points'))).toBe(2);
  // The server's validation reaches the user, and nothing typed is lost.
  await page.getByRole('textbox', { name: 'Namespace' }).fill('AWS/Shop');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('alert')).toContainText('InvalidParameterValueException');
  await expect(page.getByRole('alert')).toContainText('Namespace');
  await expect(page.getByRole('textbox', { name: 'Namespace' })).toHaveValue('AWS/Shop');
  await expect(page.getByRole('textbox', { name: 'Value(s)' })).toHaveValue('7, 9');
  // Published data is kept in IndexedDB: after a reload the same graph shows the same datapoints.
  await page.reload();
  await expect
    .poll(async () => Number(await page.getByTestId('time-series-chart').first().getAttribute('data-points')))
    .toBe(2);
});

test('settings restart the simulation from another seed and can empty the engine', async ({ page }) => {
  await openFresh(page, '/settings');
  await expect(page.getByText(/from seed 42/)).toBeVisible();
  await page.getByLabel('Seed').fill('not a seed');
  await page.getByRole('button', { name: 'Restart simulation' }).click();
  await expect(page.getByRole('alert')).toContainText('whole number');
  await page.getByLabel('Seed').fill('7');
  await page.getByRole('button', { name: 'Restart simulation' }).click();
  await expect(page.getByText(/from seed 7/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/from seed 7/)).toBeVisible();
  await page.getByRole('button', { name: 'Empty engine' }).click();
  await expect(page.getByText(/The engine is empty/)).toBeVisible();
  await control(page, 'reset', { seed: 42, simulation: true });
});

test('metric math and an anomaly band on the explorer graph, with errors on their row', async ({ page }) => {
  await openFresh(page, '/metrics');
  await page.getByRole('searchbox', { name: 'Search metrics' }).fill('CPUUtilization');
  await page.getByRole('checkbox', { name: 'CPUUtilization i-0a1b2c3d4e5f60001' }).check();
  await page.getByRole('checkbox', { name: 'CPUUtilization i-0a1b2c3d4e5f60002' }).check();
  const chart = page.getByTestId('time-series-chart').first();
  await expect(chart).toHaveAttribute('data-series-count', '2');
  await page.getByRole('button', { name: 'Add math expression' }).click();
  await page.getByRole('textbox', { name: 'Expression 1', exact: true }).fill('(m1 + m2) / 2');
  await expect(chart).toHaveAttribute('data-series-count', '3');
  // A broken expression: the API's error, with the position, on its row; the metrics still draw.
  await page.getByRole('textbox', { name: 'Expression 1', exact: true }).fill('(m1 + m2)) / 2');
  await expect(page.getByText(/position 9/)).toBeVisible();
  await expect(chart).toHaveAttribute('data-series-count', '2');
  await page.getByRole('textbox', { name: 'Expression 1', exact: true }).fill('(m1 + m2) / 2');
  await expect(chart).toHaveAttribute('data-series-count', '3');
  // The anomaly band is drawn as a band, not as two more lines.
  await page
    .getByRole('checkbox', { name: /^Anomaly band for/ })
    .first()
    .check();
  await expect(page.locator('.chart-band').first()).toBeVisible();
  await expect(chart).toHaveAttribute('data-series-count', '3');
});
