import { expect, test } from '@playwright/test';
import { control, openFresh } from './helpers.ts';

/** Seed 42 stages a hot-instance incident on web-2 (i-0a1b2c3d4e5f60002) from 17:02 UTC that day. */
const BEFORE_INCIDENT = Date.parse('2026-11-10T16:40:00Z');
const WEB2 = 'i-0a1b2c3d4e5f60002';

test('an alarm created in the UI fires in a simulated incident, with its reason, notification and history', async ({
  page,
}) => {
  await openFresh(page, '/notifications');
  await control(page, 'clock', { now: BEFORE_INCIDENT, paused: true });
  await page.reload();

  // A topic, delivered in the app.
  await page.getByLabel('Topic name').fill('ops-alerts');
  await page.getByRole('button', { name: 'Create topic' }).click();
  const topic = page.getByRole('listitem', { name: 'ops-alerts' });
  await expect(topic).toBeVisible();
  await topic.getByRole('button', { name: 'Subscribe' }).click();
  await expect(topic.getByRole('list', { name: 'Subscriptions of ops-alerts' })).toContainText('In the app');

  // The alarm, from the explorer's metric (prefilled), judged on 1-minute averages.
  const dims = JSON.stringify([{ name: 'InstanceId', value: WEB2 }]);
  await page.goto(
    `/alarms/new?namespace=AWS/EC2&metricName=CPUUtilization&dimensions=${encodeURIComponent(dims)}&stat=Average&period=60`,
  );
  await page.getByRole('textbox', { name: 'Threshold' }).fill('75');
  await page.getByRole('spinbutton', { name: 'Evaluation periods' }).fill('3');
  await page.getByRole('spinbutton', { name: 'Datapoints to alarm' }).fill('2');
  await page.getByRole('checkbox', { name: 'Notify ops-alerts on ALARM' }).check();
  await page.getByRole('textbox', { name: 'Alarm name' }).fill('web-2-cpu-high');
  await page.getByRole('button', { name: 'Create alarm' }).click();

  // Evaluated at once: OK before the incident.
  await expect(page.getByTestId('alarm-state')).toHaveAttribute('data-state', 'OK');

  // One hour later (engine time) the incident is on: ALARM, with CloudWatch's reason text.
  await control(page, 'clock', { advanceMs: 60 * 60_000 });
  await expect(page.getByTestId('alarm-state')).toHaveAttribute('data-state', 'ALARM', { timeout: 15_000 });
  // The detail's reason (the notification toast may show the same text at the same moment).
  await expect(page.getByTestId('alarm-state-reason')).toHaveText(
    /Threshold Crossed: \d out of the last 3 datapoints .* greater than the threshold \(75\.0\)/,
  );
  await expect(
    page.getByTestId('alarm-history-row').filter({ hasText: 'Alarm updated from OK to ALARM' }),
  ).toBeVisible();

  // The notification, in AWS's alarm message format.
  await page.goto('/notifications');
  const n = page.getByTestId('notification').filter({ hasText: 'web-2-cpu-high' }).first();
  await expect(n).toContainText('ALARM');
  await expect(n).toContainText('ALARM: "web-2-cpu-high" in US East (N. Virginia)');

  // And the list shows it first, in ALARM.
  await page.goto('/alarms');
  await expect(page.getByTestId('alarm-row').first()).toHaveAttribute('data-state', 'ALARM');
});

test('a broken composite rule says where it breaks', async ({ page }) => {
  await openFresh(page, '/alarms/composite/new');
  const rule = page.getByRole('textbox', { name: 'Alarm rule' });
  await rule.fill('ALARM("web-2-cpu-high") AND (OK(db) OR');
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: /position 38/ })
      .first(),
  ).toBeVisible();
  await rule.fill('ALARM("web-2-cpu-high") AND NOT OK(db)');
  await expect(page.getByRole('alert').filter({ hasText: /position/ })).toHaveCount(0);
});
