// The Network screen at the heavy user's size, in headless Chromium (not a CI test):
// `tsx bench/network-screen.ts <dataDir>` on a database kept by `BENCH_KEEP=1 npm run bench`
// (build the web app first: `node scripts/build-web-if-needed.mjs`). Starts the real server on a
// copy, logs in as the bench user, opens /network and times, from the click that opens it:
// the data (GET /api/network), the first picture sigma draws and the settled layout
// (NetworkGraph.tsx marks both on its element, with the moments it noted them: `dataMarkMs` the
// data in hand, `drawnMarkMs` the first picture, `settledMarkMs` the layout's end, and whether it
// converged or hit its cap), and the main thread's long tasks (a freeze would show as one long
// task; `longestAfterDataMs` only those from the data on). Prints JSON.
//
// Env: NETWORK_RUNS (default 3): opens of the screen; NETWORK_LIMIT: people asked for (the
// screen's default is the API's, 1,500; the most is 5,000).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { progress, round } from './measure.js';
import { startChildServer } from './server.js';

const source = process.argv[2];
if (!source) {
  console.error('usage: tsx bench/network-screen.ts <dataDir kept by BENCH_KEEP=1>');
  process.exit(2);
}
const runs = Number(process.env.NETWORK_RUNS ?? '3');
const limit = process.env.NETWORK_LIMIT;

const root = mkdtempSync(join(tmpdir(), 'circulo-network-'));
cpSync(source, join(root, 'data'), { recursive: true });
const server = await startChildServer(join(root, 'data'));
let browser: Browser | undefined;
try {
  // SwiftShader: WebGL without a GPU, as on a CI machine (slower than a real GPU).
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', // as playwright.config.ts
    args: ['--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
  });
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const login = await context.request.post('/api/auth/login', { data: { email: 'heavy.user@example.com', password: 'bench-password-not-secret' } });
  if (!login.ok()) throw new Error(`login: ${login.status()} ${await login.text()}`);
  await context.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  if (limit) await page.route('**/api/network*', (route) => route.continue({ url: `${route.request().url()}${route.request().url().includes('?') ? '&' : '?'}limit=${limit}` }));
  const samples: Record<string, number>[] = [];
  for (let run = 0; run < runs; run++) {
    await page.goto('/');
    await page.locator('a[href="/network"]').first().waitFor();
    const data = page.waitForResponse((r) => r.url().includes('/api/network'), { timeout: 300_000 });
    const t0 = await page.evaluate(() => performance.now());
    await page.locator('a[href="/network"]').first().click();
    const reply = await data;
    const body = (await reply.json()) as { nodes: unknown[]; edges: unknown[]; omitted: number };
    const dataAt = await page.evaluate(() => performance.now());
    await page.locator('[data-drawn="true"]').waitFor({ state: 'attached', timeout: 120_000 });
    const drawnAt = await page.evaluate(() => performance.now());
    await page.locator('[data-layout="settled"]').waitFor({ state: 'attached', timeout: 120_000 });
    const settledAt = await page.evaluate(() => performance.now());
    // The screen's own marks, where it leaves them (the page notes the moment; the bench only
    // hears of it once the main thread is free).
    const markOf = async (selector: string, name: string) => Number((await page.locator(selector).getAttribute(name)) ?? NaN) - t0;
    const drawnMarkMs = await markOf('[data-drawn="true"]', 'data-drawn-at');
    const dataMarkMs = await markOf('[data-drawn="true"]', 'data-data-at');
    const settledMarkMs = await markOf('[data-layout="settled"]', 'data-settled-at');
    // Why the layout stopped (converged or capped) and after how many steps, where the screen says so.
    const layoutIterations = Number((await page.locator('[data-layout="settled"]').getAttribute('data-layout-iterations')) ?? NaN);
    const layoutConverged = (await page.locator('[data-layout="settled"]').getAttribute('data-layout-stop')) === 'converged' ? 1 : 0;
    // While the layout runs, the page must answer: a probe of the main thread's delay.
    const tasks = await page.evaluate((since) => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((t) => t.start >= since), t0);
    samples.push({
      nodes: body.nodes.length,
      edges: body.edges.length,
      omitted: body.omitted,
      dataMs: round(dataAt - t0),
      dataMarkMs: round(dataMarkMs),
      drawnMarkMs: round(drawnMarkMs),
      settledMarkMs: round(settledMarkMs),
      firstPictureMs: round(drawnAt - t0),
      settledMs: round(settledAt - t0),
      layoutIterations,
      layoutConverged,
      longTasks: tasks.length,
      longestTaskMs: round(Math.max(0, ...tasks.map((t) => t.duration))),
      // The screen's own work: tasks that began once the data was in (not the page it came from).
      longestAfterDataMs: round(Math.max(0, ...tasks.filter((t) => t.start >= t0 + dataMarkMs).map((t) => t.duration))),
      layoutMovement: Number((await page.locator('[data-layout="settled"]').getAttribute('data-layout-movement')) ?? NaN),
      blockedMs: round(tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0)),
    });
    progress(`network screen run ${run + 1}: ${JSON.stringify(samples.at(-1))}`);
  }
  process.stdout.write(`${JSON.stringify({ loadAverage1m: round(loadavg()[0] ?? NaN, 2), limit: limit ?? 'default', samples }, null, 2)}\n`);
} finally {
  await browser?.close();
  await server.stop();
  rmSync(root, { recursive: true, force: true });
}
