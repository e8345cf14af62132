import { expect, test } from '@playwright/test';
import { FIXED_NOW, control, openFresh } from './helpers.ts';

interface Incident {
  kind: string;
  target: string;
  startMs: number;
  causeAtMs?: number;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

test('a simulated deploy shows as a marker before the incident it causes and heads what changed before the ALARM', async ({
  page,
}) => {
  await openFresh(page);
  const { incidents } = (await control(
    page,
    `incidents?start=${FIXED_NOW - 14 * 86_400_000}&end=${FIXED_NOW}`,
  )) as { incidents: Incident[] };
  const inc = incidents.filter((i) => i.kind === 'deploy-regression' && i.target === 'orders-api').at(-1);
  expect(inc?.causeAtMs, 'seed 42 deploys a regression of orders-api in the last two weeks').toBeDefined();
  if (!inc?.causeAtMs) return;
  const cause = inc.causeAtMs;

  // The dashboard around the incident: a marker at the deploy, before the incident starts.
  await page.goto(
    `/?start=${iso(inc.startMs - 2 * 3_600_000)}&end=${iso(inc.startMs + 3_600_000)}&refresh=off`,
  );
  const lambda = page.getByRole('region', { name: /Lambda orders-api/ });
  const markers = lambda.getByTestId('chart-marker');
  await expect(markers.first()).toBeVisible({ timeout: 15_000 });
  const times = await markers.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-time'))));
  const nearest = times.reduce(
    (best, t, i) => (Math.abs(t - cause) < Math.abs(times[best] - cause) ? i : best),
    0,
  );
  expect(times[nearest]).toBeLessThan(inc.startMs);
  await markers.nth(nearest).hover();
  await expect(lambda.getByTestId('chart-marker-tooltip')).toContainText(
    'deploy-bot called UpdateFunctionCode20150331v2 on orders-api',
  );

  // An alarm on the function's errors, created before the deploy; the incident raises it.
  await control(page, 'clock', { now: cause - 30 * 60_000, paused: true });
  const dims = JSON.stringify([{ name: 'FunctionName', value: 'orders-api' }]);
  await page.goto(
    `/alarms/new?namespace=AWS/Lambda&metricName=Errors&dimensions=${encodeURIComponent(dims)}&stat=Sum&period=60`,
  );
  await page.getByRole('textbox', { name: 'Threshold' }).fill('60');
  await page.getByRole('spinbutton', { name: 'Evaluation periods' }).fill('3');
  await page.getByRole('spinbutton', { name: 'Datapoints to alarm' }).fill('2');
  await page.getByRole('textbox', { name: 'Alarm name' }).fill('orders-api-errors');
  await page.getByRole('button', { name: 'Create alarm' }).click();
  await expect(page.getByTestId('alarm-state')).toHaveAttribute('data-state', 'OK');
  await control(page, 'clock', { advanceMs: 45 * 60_000 });
  await expect(page.getByTestId('alarm-state')).toHaveAttribute('data-state', 'ALARM', { timeout: 15_000 });

  // In ALARM, the latest transition's "What changed before this?" is open, the deploy first.
  const top = page.getByTestId('what-changed-top');
  await expect(top).toHaveAttribute('data-event-name', 'UpdateFunctionCode20150331v2', { timeout: 15_000 });
  await expect(top).toContainText('deploy-bot called UpdateFunctionCode20150331v2 on orders-api');
  await expect(top).toContainText('touches this alarm’s resource');

  // Its link opens the event in Event history.
  await top.getByRole('link').click();
  await expect(page).toHaveURL(/\/events\?.*event=/);
  await expect(
    page.getByText('deploy-bot (AssumedRole: deploy-pipeline) called UpdateFunctionCode20150331v2'),
  ).toBeVisible();
});
