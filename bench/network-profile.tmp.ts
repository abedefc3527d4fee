// Temporary: a CPU profile of the Network screen's main thread, top self time by function.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { readFileSync, existsSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';
const maps = new Map<string, SourceMapConsumer | null>();
const where = (url: string, line: number, column: number) => {
  const file = url.split('/').pop() ?? '';
  if (!maps.has(file)) { const path = `dist/web/assets/${file}.map`; maps.set(file, existsSync(path) ? new SourceMapConsumer(JSON.parse(readFileSync(path, 'utf8'))) : null); }
  const m = maps.get(file);
  if (!m) return `${file}:${line}`;
  const o = m.originalPositionFor({ line: line + 1, column });
  return `${(o.source ?? '').split('node_modules/').pop()}:${o.line} ${o.name ?? ''}`;
};
import { startChildServer } from './server.js';
const root = mkdtempSync(join(tmpdir(), 'circulo-netprof-'));
cpSync(process.argv[2]!, join(root, 'data'), { recursive: true });
const server = await startChildServer(join(root, 'data'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--enable-unsafe-swiftshader', '--use-angle=swiftshader'] });
try {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  await context.request.post('/api/auth/login', { data: { email: 'heavy.user@example.com', password: 'bench-password-not-secret' } });
  const page = await context.newPage();
  // Warm the server's answer first so the profile is the page.
  await page.goto('/');
  await page.request.get('/api/network');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await page.locator('a[href="/network"]').first().waitFor();
  await cdp.send('Profiler.start');
  await page.locator('a[href="/network"]').first().click();
  await page.locator('[data-layout="settled"]').waitFor({ state: 'attached', timeout: 300_000 });
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number; children?: number[] }[]; samples: number[]; timeDeltas: number[] } };
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || '(anon)'} ${where(n.callFrame.url, n.callFrame.lineNumber, n.callFrame.columnNumber)}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  // Inclusive time by function too.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      const key = `${n.callFrame.functionName || '(anon)'} ${where(n.callFrame.url, n.callFrame.lineNumber, n.callFrame.columnNumber)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  console.log('SELF', [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join('\n'));
  console.log('INCL', [...incl].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join('\n'));
} finally {
  await browser.close();
  await server.stop();
  rmSync(root, { recursive: true, force: true });
}
