import { type Page, expect, test } from '@playwright/test';
import { cloudWatch, expectChartsDrawn, openFresh } from './helpers.ts';

/** The overall-structure example of CloudWatch's Dashboard Body Structure page, verbatim. */
const DOCUMENTED_EXAMPLE = `{ "start": "-PT6H", "periodOverride": "inherit",
  "widgets": [
    { "type":"metric", "x":0, "y":0, "width":12, "height":6,
      "properties":{ "metrics":[ [ "AWS/EC2", "CPUUtilization", "InstanceId", "i-012345" ] ],
        "period":300, "stat":"Average", "region":"us-east-1", "title":"EC2 Instance CPU",
        "liveData": false, "legend": { "position": "right" } } },
    { "type":"text", "x":0, "y":7, "width":3, "height":3, "properties":{ "markdown":"Hello world" } } ] }`;

const positions = (page: Page) =>
  page
    .getByTestId('grid-item')
    .evaluateAll((els) =>
      els.map((e) => ['x', 'y', 'width', 'height'].map((k) => e.getAttribute(`data-${k}`)).join(',')),
    );

test('a dashboard built from scratch with three widgets is there, unchanged, after a reload', async ({
  page,
}) => {
  await openFresh(page, '/dashboards');
  await page.getByRole('button', { name: 'Create dashboard' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create dashboard' });
  await dialog.getByLabel('Dashboard name').fill('Team overview');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText(/only letters, digits/)).toBeVisible();
  await dialog.getByLabel('Dashboard name').fill('Team-overview');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/dashboards\/Team-overview/);
  await expect(page.getByRole('heading', { name: 'Team-overview', level: 1 })).toBeVisible();

  // 1: a line graph of two instances' CPU, picked in the metric browser (open on a widget without metrics).
  await page.getByRole('button', { name: 'Add widget' }).click();
  await page.getByRole('button', { name: 'Add Line' }).click();
  await page.getByRole('searchbox', { name: 'Search metrics' }).fill('CPUUtilization');
  await page.getByRole('checkbox', { name: 'CPUUtilization i-0a1b2c3d4e5f60001' }).check();
  await page.getByRole('checkbox', { name: 'CPUUtilization i-0a1b2c3d4e5f60002' }).check();
  await page.getByLabel('Title').fill('Web CPU');
  await expect(
    page.getByRole('region', { name: 'Web CPU' }).getByTestId('time-series-chart'),
  ).toHaveAttribute('data-series-count', '2');
  // 2: a number.
  await page.getByRole('button', { name: 'Add widget' }).click();
  await page.getByRole('button', { name: 'Add Number' }).click();
  await page.getByRole('searchbox', { name: 'Search metrics' }).fill('orders-db');
  await page.getByRole('checkbox', { name: /^CPUUtilization orders-db/ }).check();
  await page.getByLabel('Title').fill('DB CPU');
  // 3: a text widget.
  await page.getByRole('button', { name: 'Add widget' }).click();
  await page.getByRole('button', { name: 'Add Text' }).click();
  await page.getByLabel('Markdown').fill('## On call\nPage **#shop-oncall** first.');
  await expect(page.getByRole('heading', { name: 'On call' })).toBeVisible();
  // Undo takes the last edit back, redo puts it back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { name: 'On call' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByRole('heading', { name: 'On call' })).toBeVisible();

  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);
  await expect(page.getByTestId('widget')).toHaveCount(3);
  const before = await positions(page);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Team-overview', level: 1 })).toBeVisible();
  await expect(page.getByTestId('widget')).toHaveCount(3);
  await expect(
    page.getByRole('region', { name: 'Web CPU' }).getByTestId('time-series-chart'),
  ).toHaveAttribute('data-series-count', '2');
  await expect(page.getByRole('region', { name: 'DB CPU' }).getByTestId('number-stat')).toContainText(/\d/);
  await expect(page.getByRole('heading', { name: 'On call' })).toBeVisible();
  expect(await positions(page)).toEqual(before);
  // The body came back from GetDashboard as it was saved.
  const stored = await cloudWatch(page, 'GetDashboard', { DashboardName: 'Team-overview' });
  const body = JSON.parse(String(stored.body.DashboardBody)) as { widgets: { type: string }[] };
  expect(body.widgets.map((w) => w.type)).toEqual(['metric', 'metric', 'text']);
});

test('a documented example body imports and shows its widgets; a broken one says where', async ({ page }) => {
  await openFresh(page, '/dashboards');
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Dashboard name').fill('Documented-example');
  await dialog.getByLabel('Dashboard body (JSON)').fill('{"widgets": [{"type": "metric", "x": "left"}]}');
  await expect(dialog.getByText('/widgets/0/x')).toBeVisible();
  await dialog.getByLabel('Dashboard body (JSON)').fill(DOCUMENTED_EXAMPLE);
  await dialog.getByRole('button', { name: /^Import/ }).click();
  await expect(page).toHaveURL(/\/dashboards\/Documented-example/);
  await expect(page.getByRole('region', { name: 'EC2 Instance CPU' })).toBeVisible();
  await expect(page.getByText('Hello world')).toBeVisible();
  // The body's start (-PT6H) is the range the dashboard opens on.
  await expect(page).toHaveURL(/range=6h/);
});

test('hovering one graph draws the crosshair on the others', async ({ page }) => {
  await openFresh(page);
  await expectChartsDrawn(page, 6);
  const cpu = page.getByRole('region', { name: 'EC2 CPU utilization' }).getByTestId('time-series-chart');
  await cpu.scrollIntoViewIfNeeded();
  const box = (await cpu.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + 80);
  await page.mouse.move(box.x + box.width * 0.6, box.y + 90, { steps: 3 });
  const other = page.getByRole('region', { name: 'ALB target response time' }).getByTestId('chart-crosshair');
  await expect(other).toBeVisible();
  const t = Number(await other.getAttribute('data-time'));
  expect(t).toBeGreaterThan(0);
  // Every other graph shares the same instant.
  const times = await page
    .getByTestId('chart-crosshair')
    .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-time')))]);
  expect(times).toEqual([String(t)]);
  await page.mouse.move(5, 5);
  await expect(page.getByTestId('chart-crosshair')).toHaveCount(0);
});

test('an InstanceId variable rewrites every widget, and the URL keeps the choice', async ({ page }) => {
  await openFresh(page, '/dashboards');
  const metric = (title: string, name: string) => ({
    type: 'metric',
    width: 12,
    height: 6,
    properties: {
      title,
      region: 'us-east-1',
      metrics: [
        ['AWS/EC2', name, 'InstanceId', 'i-0a1b2c3d4e5f60001', { label: "${PROP('Dim.InstanceId')}" }],
      ],
    },
  });
  const body = {
    variables: [
      {
        type: 'property',
        property: 'InstanceId',
        inputType: 'select',
        id: 'instance',
        label: 'Instance',
        search: '{AWS/EC2,InstanceId} MetricName="CPUUtilization"',
        populateFrom: 'InstanceId',
      },
    ],
    widgets: [metric('CPU', 'CPUUtilization'), metric('Network in', 'NetworkIn')],
  };
  const put = await cloudWatch(page, 'PutDashboard', {
    DashboardName: 'Per-instance',
    DashboardBody: JSON.stringify(body),
  });
  expect(put.status).toBe(200);
  await page.goto('/dashboards/Per-instance');
  const cpu = page.getByRole('region', { name: 'CPU' });
  const net = page.getByRole('region', { name: 'Network in' });
  await expect(cpu.getByText('i-0a1b2c3d4e5f60001')).toBeVisible();
  await page.getByLabel('Instance').selectOption('i-0a1b2c3d4e5f60003');
  await expect(page).toHaveURL(/var-instance=i-0a1b2c3d4e5f60003/);
  await expect(cpu.getByText('i-0a1b2c3d4e5f60003')).toBeVisible();
  await expect(net.getByText('i-0a1b2c3d4e5f60003')).toBeVisible();
  await expect(cpu.getByText('i-0a1b2c3d4e5f60001')).toHaveCount(0);
  await page.reload();
  await expect(net.getByText('i-0a1b2c3d4e5f60003')).toBeVisible();
});

test('editing: a keyboard move, undo and redo, a guarded exit, and a save with its warning', async ({
  page,
}) => {
  await openFresh(page, '/dashboards/Service-health');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const item = page
    .getByTestId('grid-item')
    .filter({ has: page.getByRole('region', { name: 'EC2 network out' }) });
  const rect = () =>
    item.evaluate((e) => ['x', 'y', 'width', 'height'].map((k) => Number(e.getAttribute(`data-${k}`))));
  const [x0, y0, w0, h0] = await rect();
  await page.getByRole('button', { name: 'Move EC2 network out', exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await rect()).toEqual([x0, y0 + 2, w0, h0]);
  await page.getByRole('button', { name: 'Resize EC2 network out', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  expect(await rect()).toEqual([x0, y0 + 2, w0 + 1, h0]);
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await rect()).toEqual([x0, y0 + 2, w0, h0]);
  await page.getByRole('button', { name: 'Redo' }).click();
  expect(await rect()).toEqual([x0, y0 + 2, w0 + 1, h0]);

  // Leaving asks first; declining stays, with the changes.
  page.once('dialog', (d) => void d.dismiss());
  await page.getByRole('link', { name: 'Metrics' }).click();
  await expect(page).toHaveURL(/\/dashboards\/Service-health/);
  await expect(page.getByText('Unsaved changes')).toBeVisible();

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  // The body's alarm widget lists no alarm ARN: saved, with CloudWatch's warning shown by path.
  await expect(page.getByRole('status').filter({ hasText: 'Saved, with 1 warning' })).toContainText(
    '/properties/alarms',
  );
  await page.reload();
  expect(await rect()).toEqual([x0, y0 + 2, w0 + 1, h0]);
});
