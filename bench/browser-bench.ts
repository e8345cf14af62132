import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { type Figure, median } from './figure.ts';

// Not 4173: the end-to-end suite's preview uses that one.
const PORT = 4199;
/** Where {@link withPreview} serves the built app. */
export const BASE = `http://127.0.0.1:${PORT}`;

/** Initial JavaScript: the scripts index.html loads and preloads, gzipped (the lazily loaded MSW chunk excluded). */
export function bundleSize(): Figure[] {
  const html = readFileSync('dist/index.html', 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  let gz = 0;
  for (const f of new Set(files)) gz += gzipSync(readFileSync(`dist/${f}`), { level: 9 }).length;
  const kb = gz / 1024;
  // The embedded backend (MSW, the engine and the API handlers) is a separate chunk loaded before the
  // first render only when the app runs on its embedded engine; against another endpoint it never loads.
  const embedded = readdirSync('dist/assets').filter(
    (f) => f.startsWith('embedded-api') && f.endsWith('.js'),
  );
  const embeddedKb =
    embedded.reduce((n, f) => n + gzipSync(readFileSync(`dist/assets/${f}`), { level: 9 }).length, 0) / 1024;
  return [
    {
      name: `Initial JavaScript, gzip (${files.length} file(s) loaded by index.html; the MSW chunk excluded)`,
      value: kb,
      unit: 'KB',
      target: '≤ 300 KB',
      ok: kb <= 300,
    },
    {
      name: '  … the MSW chunk (MSW + engine + API handlers), gzip, for reference',
      value: embeddedKb,
      unit: 'KB',
      target: 'reported',
    },
  ];
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('vite preview did not start');
}

/** Serves dist/ with `vite preview` on {@link BASE} and launches Chromium for `fn`; both stop after it. */
export async function withPreview<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  let server: ChildProcess | undefined;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    server = spawn(
      'node_modules/.bin/vite',
      ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
      { stdio: 'ignore' },
    );
    await waitForServer();
    return await fn(browser);
  } finally {
    await browser.close();
    server?.kill();
  }
}

/** Every widget of the default dashboard drawn: cold after navigation, and after a range change. */
export function dashboardTimings(): Promise<Figure[]> {
  return withPreview(async (browser) => {
    const cold: number[] = [];
    const change: number[] = [];
    for (let run = 0; run < 6; run++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${BASE}/`);
      // The first visit installs the service worker; measure reloads, as a returning user sees it cold.
      await page.waitForFunction(
        () => performance.getEntriesByName('dashboard-ready').length > 0,
        undefined,
        { timeout: 30_000 },
      );
      await page.reload();
      await page.waitForFunction(
        () => performance.getEntriesByName('dashboard-ready').length > 0,
        undefined,
        { timeout: 30_000 },
      );
      cold.push(await page.evaluate(() => performance.getEntriesByName('dashboard-ready')[0].startTime));
      for (const preset of ['1d', '1w', '3h']) {
        const before = await page.evaluate(() => performance.getEntriesByName('dashboard-ready').length);
        await page.getByRole('button', { name: preset, exact: true }).click();
        await page.waitForFunction(
          (n) => performance.getEntriesByName('dashboard-ready').length > n,
          before,
          { timeout: 30_000 },
        );
        change.push(
          await page.evaluate(() => {
            const ready = performance.getEntriesByName('dashboard-ready').at(-1)!.startTime;
            const changed = performance.getEntriesByName('range-change').at(-1)!.startTime;
            return ready - changed;
          }),
        );
      }
      await context.close();
    }
    const c = median(cold);
    const r = median(change);
    return [
      {
        name: `Default dashboard, every widget drawn after navigation (cold, median of ${cold.length})`,
        value: c,
        unit: 'ms',
        target: '≤ 1,500 ms',
        ok: c <= 1500,
      },
      {
        name: `Default dashboard, every widget drawn after a range change (median of ${change.length})`,
        value: r,
        unit: 'ms',
        target: '≤ 300 ms',
        ok: r <= 300,
      },
    ];
  });
}

export function ensureBuild(): void {
  if (!existsSync('dist/index.html') || process.env.BENCH_REBUILD !== '0')
    execSync('npm run build', { stdio: 'ignore' });
}
