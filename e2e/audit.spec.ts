import { readFile } from 'node:fs/promises';
import { type Page, expect, test } from '@playwright/test';
import { openFresh } from './helpers.ts';

const TRAILSCRAPER =
  'e2e/fixtures/trailscraper-111111111111_CloudTrail_eu-central-1_20171211T1505Z_A6kvhMoVeCsc7v8U.json.gz';
const INVICTUS =
  'e2e/fixtures/invictus-218007301253_CloudTrail_us-east-1_20230710T1205Z_UljXNp9xLp8nsAGc.json';

/** "1,204 events" → 1204. */
async function eventCount(page: Page): Promise<number> {
  const status = page.getByTestId('event-count');
  await expect(status).toContainText(/^[\d,]+ events/);
  return Number((await status.textContent())!.split(' ')[0].replaceAll(',', ''));
}

/** The first value of a facet section: its checkbox and its count. */
async function firstFacetValue(page: Page, section: string) {
  const item = page.getByRole('region', { name: section, exact: true }).getByRole('listitem').first();
  await expect(item).toBeVisible();
  const count = Number((await item.getByTestId('facet-count').textContent())!.replaceAll(',', ''));
  return { item, count, checkbox: item.getByRole('checkbox') };
}

test('three filters combine, their counts agree, and a reload keeps the view', async ({ page }) => {
  await openFresh(page, '/events?range=1d');
  const all = await eventCount(page);
  expect(all).toBeGreaterThan(0);

  // Writes only.
  await page
    .getByRole('group', { name: 'Reads and writes' })
    .getByRole('button', { name: /^Write/ })
    .click();
  await expect(page).toHaveURL(/readOnly=false/);
  const writes = await eventCount(page);
  expect(writes).toBeLessThan(all);

  // The busiest user (among writes): the facet's count is what the table then holds.
  const user = await firstFacetValue(page, 'User name');
  await user.checkbox.check();
  await expect(page).toHaveURL(/username=/);
  await expect.poll(() => eventCount(page)).toBe(user.count);

  // And that user's busiest service: counted within user + writes.
  const source = await firstFacetValue(page, 'Event source');
  await source.checkbox.check();
  await expect.poll(() => eventCount(page)).toBe(source.count);
  const chips = page.getByRole('list', { name: 'Active filters' }).getByRole('listitem');
  await expect(chips).toHaveCount(4); // category Management (default) + three
  const url = page.url();

  await page.reload();
  expect(page.url()).toBe(url);
  await expect.poll(() => eventCount(page)).toBe(source.count);
  await expect(chips).toHaveCount(4);
  await expect(
    page.getByRole('region', { name: 'User name', exact: true }).getByRole('checkbox', { checked: true }),
  ).toHaveCount(1);
});

test('an event opens with its sentence, record and related links, and survives a reload', async ({
  page,
}) => {
  await openFresh(page, '/events?range=3h');
  const row = page.getByTestId('event-row').first();
  await expect(row).toBeVisible();
  await row.click();
  const detail = page.getByRole('dialog', { name: 'Event detail' });
  await expect(detail.getByTestId('event-sentence')).toContainText(' called ');
  await expect(page).toHaveURL(/event=/);
  const record = JSON.parse((await detail.getByTestId('event-record').textContent())!) as { eventID: string };
  expect(page.url()).toContain(encodeURIComponent(record.eventID));

  await page.reload();
  await expect(detail.getByTestId('event-sentence')).toContainText(' called ');

  await detail.getByRole('link', { name: 'Everything within ±5 minutes' }).click();
  await expect(page).toHaveURL(/start=.*end=/);
  await expect(page).toHaveURL(/filters=none/);
  expect(await eventCount(page)).toBeGreaterThan(0);

  await detail.getByRole('link', { name: 'All events by this identity' }).click();
  await expect(page).toHaveURL(/(username|accessKeyId)=/);
  await detail.getByRole('button', { name: 'Close event detail' }).click();
  await expect(detail).toHaveCount(0);
  await expect(page).not.toHaveURL(/event=/);
});

test('the selection downloads as CSV and as a CloudTrail log file', async ({ page }) => {
  await openFresh(page, '/events?range=1h');
  const total = await eventCount(page);

  await page.getByRole('button', { name: 'Download events ▾' }).click();
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Download as CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^event-history-.*\.csv$/);
  const lines = (await readFile((await csv.path())!, 'utf8')).trimEnd().split('\n');
  expect(lines[0]).toContain('Event name');
  expect(lines).toHaveLength(total + 1);

  await page.getByRole('button', { name: 'Download events ▾' }).click();
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: /CloudTrail log file/ }).click(),
  ]);
  const file = JSON.parse(await readFile((await json.path())!, 'utf8')) as { Records: { eventID: string }[] };
  expect(file.Records).toHaveLength(total);
  expect(file.Records[0].eventID).toBeTruthy();
});

test('log files import through the file chooser and show up with their own times', async ({ page }) => {
  await openFresh(page, '/events?range=3h');
  await page.getByLabel('CloudTrail log files').setInputFiles([TRAILSCRAPER, INVICTUS]);
  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('import-item').filter({ hasText: 'trailscraper' })).toContainText(
    '2 imported',
  );
  await expect(report.getByTestId('import-item').filter({ hasText: 'invictus' })).toContainText(
    '55 imported',
  );

  // 2017 and 2023: outside the relative range, so the report offers to show them.
  await report.getByRole('button', { name: 'Show imported events' }).click();
  await expect(page).toHaveURL(/origin=imported/);
  await expect.poll(() => eventCount(page)).toBe(57);
  await expect(page.getByRole('region', { name: 'User name', exact: true })).toContainText('bert-jan');

  // Imported files are kept in IndexedDB: after a reload they are still there, and only once.
  await page.reload();
  await expect.poll(() => eventCount(page), { timeout: 15_000 }).toBe(57);

  // An imported record keeps its own eventID and eventTime.
  await page
    .getByRole('region', { name: 'Event name', exact: true })
    .getByLabel('Event name value or pattern')
    .fill('DescribeAccount*');
  await page
    .getByRole('region', { name: 'Event name', exact: true })
    .getByRole('button', { name: 'Add' })
    .click();
  await page.getByTestId('event-row').first().click();
  const detail = page.getByRole('dialog', { name: 'Event detail' });
  await expect(detail.getByTestId('event-record')).toContainText('"eventTime": "2023-07-10T');
  await expect(detail.getByTestId('event-record')).toContainText('"eventID"');
});

test('CloudTrail lookup matches one attribute exactly, as LookupEvents does', async ({ page }) => {
  await openFresh(page, '/events?range=1d&mode=lookup&attr=Username');
  await expect(page.getByText(/CloudTrail lookup: one attribute, exact and case-sensitive/)).toBeVisible();
  await page.getByLabel('Lookup value').fill('alice');
  await expect(page).toHaveURL(/value=alice/);
  await expect(page.getByTestId('event-row').first()).toBeVisible({ timeout: 10_000 });
  const users = await page
    .getByTestId('event-row')
    .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('[role="cell"]')[1]?.textContent));
  expect(new Set(users)).toEqual(new Set(['alice']));
  // Exact and case-sensitive: "Alice" finds nothing.
  await page.getByLabel('Lookup value').fill('Alice');
  await expect(page.getByText(/LookupEvents found no events/)).toBeVisible({ timeout: 10_000 });
});

test('an alarm created in the app is recorded under the user name chosen in settings', async ({ page }) => {
  await openFresh(page, '/settings');
  const name = page.getByRole('textbox', { name: 'Audit user name' });
  await expect(name).not.toHaveValue('');
  await name.fill('ops alice');
  await page.getByRole('button', { name: 'Save user name' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /no spaces/ })).toBeVisible();
  await name.fill('ops-alice');
  await page.getByRole('button', { name: 'Save user name' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  const dims = JSON.stringify([{ name: 'InstanceId', value: 'i-0a1b2c3d4e5f60002' }]);
  await page.goto(
    `/alarms/new?namespace=AWS/EC2&metricName=CPUUtilization&dimensions=${encodeURIComponent(dims)}&stat=Average&period=60`,
  );
  await page.getByRole('textbox', { name: 'Threshold' }).fill('80');
  await page.getByRole('textbox', { name: 'Alarm name' }).fill('audited-cpu-high');
  await page.getByRole('button', { name: 'Create alarm' }).click();
  await expect(page.getByTestId('alarm-state')).toBeVisible();

  await page.goto('/events?range=1h&username=ops-alice');
  const row = page.getByTestId('event-row').first();
  await expect(row).toContainText('PutMetricAlarm');
  await expect(row).toContainText('audited-cpu-high');
  await row.click();
  const detail = page.getByRole('dialog', { name: 'Event detail' });
  await expect(detail.getByTestId('event-sentence')).toContainText(
    'ops-alice (IAMUser) called PutMetricAlarm',
  );
  const record = JSON.parse((await detail.getByTestId('event-record').textContent())!) as {
    eventSource: string;
    requestParameters: { alarmName: string; threshold: number };
    userIdentity: { accessKeyId: string };
  };
  expect(record.eventSource).toBe('monitoring.amazonaws.com');
  expect(record.requestParameters).toMatchObject({ alarmName: 'audited-cpu-high', threshold: 80 });
  expect(record.userIdentity.accessKeyId).toBe('AKIDEXAMPLE');
});
