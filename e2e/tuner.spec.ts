import { type Page, expect, test } from '@playwright/test';
import { openFresh } from './helpers.ts';

/** Seed 42 deploys a regression of orders-api at 09:11 UTC on this day; its errors climb from 09:17. */
const DEPLOY = Date.parse('2026-11-16T09:11:00Z');

const ordersApiErrors = (period: number) => {
  const dims = JSON.stringify([{ name: 'FunctionName', value: 'orders-api' }]);
  return `/alarms/new?namespace=AWS/Lambda&metricName=Errors&dimensions=${encodeURIComponent(dims)}&stat=Sum&period=${period}`;
};

const alarmSpans = async (page: Page) =>
  Number(await page.getByTestId('tuner-lane-state').getAttribute('data-alarm-spans'));

/** Opens the tuner for orders-api errors at 5-minute periods over 14 days, threshold 60 (1 of 1). */
async function openTuner(page: Page): Promise<void> {
  await openFresh(page);
  await page.goto(ordersApiErrors(300));
  await page.getByLabel('History').selectOption('14d');
  await page.getByRole('textbox', { name: 'Threshold' }).fill('60');
  await expect(page.getByTestId('tuner-status')).toContainText('over 14 days at 5 minutes');
  await expect(page.getByTestId('tuner-lane-metric')).toHaveAttribute('data-threshold', '60');
  await expect.poll(() => alarmSpans(page)).toBeGreaterThan(0);
}

test('dragging the threshold replays the alarm: the field, the transitions and the lanes follow', async ({
  page,
}) => {
  await openTuner(page);
  const count = page.getByTestId('tuner-alarm-count');
  const before = { spans: await alarmSpans(page), count: await count.textContent() };

  // Drag the line up, in small steps as a hand would: every step replays.
  const handle = page.getByTestId('tuner-threshold-handle');
  const box = await handle.boundingBox();
  if (!box) throw new Error('The threshold handle is not on screen.');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let dy = 4; dy <= 120; dy += 4) await page.mouse.move(x, y - dy);
  await page.mouse.up();

  const threshold = Number(await page.getByRole('textbox', { name: 'Threshold' }).inputValue());
  expect(threshold).toBeGreaterThan(60);
  await expect(page.getByTestId('tuner-lane-metric')).toHaveAttribute('data-threshold', String(threshold));
  await expect(handle).toHaveAttribute('aria-valuenow', String(threshold));
  // A higher line: fewer ALARM spans on the state lane, and the summary counts them the same.
  await expect.poll(() => alarmSpans(page)).toBeLessThan(before.spans);
  await expect(count).not.toHaveText(before.count ?? '');
  await expect(count).toHaveText(String(await alarmSpans(page)));
  await expect(page.getByTestId('tuner-transition')).toHaveCount(await alarmSpans(page));

  // The keyboard moves the same line: down three steps from the dragged value.
  await handle.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect
    .poll(async () => Number(await page.getByRole('textbox', { name: 'Threshold' }).inputValue()))
    .toBeLessThan(threshold);
});

test('pin A, change into B, compare both replays, and apply B; the saved alarm is B', async ({ page }) => {
  await openTuner(page);
  await page.getByRole('button', { name: 'Pin as A' }).click();
  const compare = page.getByTestId('tuner-compare');
  await expect(compare).toBeVisible();

  // B: a much higher threshold, and 2 of 3.
  await page.getByRole('textbox', { name: 'Threshold' }).fill('400');
  await page.getByRole('spinbutton', { name: 'Evaluation periods' }).fill('3');
  await page.getByRole('spinbutton', { name: 'Datapoints to alarm' }).fill('2');
  const state = page.getByTestId('tuner-lane-state');
  await expect
    .poll(async () => Number(await state.getAttribute('data-compare-alarm-spans')))
    .toBeGreaterThan(await alarmSpans(page));
  await expect(compare).toContainText('A');
  await expect(page.getByTestId('tuner-verdict-a')).toBeVisible();
  await expect(page.getByTestId('tuner-verdict')).toBeVisible();

  await page.getByRole('button', { name: 'Apply B' }).click();
  await expect(compare).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Threshold' })).toHaveValue('400');
  await expect(page.getByRole('spinbutton', { name: 'Datapoints to alarm' })).toHaveValue('2');

  await page.getByRole('textbox', { name: 'Alarm name' }).fill('orders-api-errors-b');
  await page.getByRole('button', { name: 'Create alarm' }).click();
  await expect(page).toHaveURL(/\/alarms\/orders-api-errors-b/);
  await expect(page.getByText('Errors > 400 for 2 of 3 datapoints within 15 minutes')).toBeVisible();
});

test('pin A, change, and apply A restores the pinned configuration', async ({ page }) => {
  await openTuner(page);
  await page.getByRole('button', { name: 'Pin as A' }).click();
  await page.getByRole('textbox', { name: 'Threshold' }).fill('250');
  await expect(page.getByTestId('tuner-lane-metric')).toHaveAttribute('data-threshold', '250');
  await page.getByRole('button', { name: 'Apply A' }).click();
  await expect(page.getByRole('textbox', { name: 'Threshold' })).toHaveValue('60');
  await expect(page.getByTestId('tuner-compare')).toBeHidden();
});

test('suggest proposes a threshold with its trade-off curve, and only "Use this" applies it', async ({
  page,
}) => {
  await openTuner(page);
  await page.getByRole('button', { name: 'Suggest threshold' }).click();
  const suggested = page.getByTestId('tuner-suggested-threshold');
  await expect(suggested).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('tradeoff-chart')).toHaveAttribute('data-points', /\d+/);
  await expect(page.getByTestId('tuner-suggestion-why')).not.toBeEmpty();
  // Not applied on its own.
  await expect(page.getByRole('textbox', { name: 'Threshold' })).toHaveValue('60');
  await page.getByRole('button', { name: 'Use this threshold' }).click();
  await expect(page.getByRole('textbox', { name: 'Threshold' })).not.toHaveValue('60');
  await expect(page.getByTestId('tuner-verdict')).toBeVisible();
});

test('the replayed ALARM after a simulated deploy lists the deploy first under what changed', async ({
  page,
}) => {
  await openTuner(page);
  const transitions = page.getByTestId('tuner-transition');
  const times = await transitions.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-at'))));
  // The first replayed ALARM after the deploy.
  const after = times.filter((t) => t > DEPLOY).sort((a, b) => a - b)[0];
  expect(after - DEPLOY).toBeLessThan(30 * 60_000);
  const row = page.locator(`[data-testid="tuner-transition"][data-at="${after}"]`);
  await row.getByRole('button', { name: /What changed before/ }).click();
  const top = row.getByTestId('what-changed-top');
  await expect(top).toHaveAttribute('data-event-name', 'UpdateFunctionCode20150331v2', { timeout: 15_000 });
  await expect(top).toContainText('deploy-bot');
});
