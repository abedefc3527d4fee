// Security headers on every kind of response, and the calendar feed's secret: stored only as its
// SHA-256, kept out of the request logs, and still valid for feeds made before it was hashed.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/database.js';
import { rawCall, setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let alice: ApiClient;
let webRoot: string;
const logLines: string[] = [];

beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'circulo-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Círculo</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(webRoot, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(webRoot, 'manifest.webmanifest'), '{"name":"Círculo"}');
  server = await startTestServer({ webRoot, logStream: { write: (line) => void logLines.push(line) } });
  alice = await setupOwner(server.app);
});
afterAll(async () => {
  await server.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const secretOf = (url: string) => new URL(url).pathname.replace('/api/calendar/', '').replace('.ics', '');

function expectSecurityHeaders(headers: Record<string, unknown>) {
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self';");
  expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['strict-transport-security']).toBeUndefined();
}

describe('security headers', () => {
  it('are on the web app, a client route, the API, a problem, a 401 and the calendar feed', async () => {
    const { url } = (await alice.post('/api/calendar/secret')).body;
    const replies = {
      app: await rawCall(server.app, 'GET', '/'),
      clientRoute: await rawCall(server.app, 'GET', '/contacts/123'),
      api: await alice.get('/api/contacts'),
      notFound: await alice.get('/api/nothing-here'),
      unauthorized: await rawCall(server.app, 'GET', '/api/contacts'),
      validation: await alice.post('/api/contacts', { links: ['javascript:alert(1)'] }),
      feed: await rawCall(server.app, 'GET', new URL(url).pathname),
    };
    expect(replies.app.status).toBe(200);
    expect(replies.clientRoute.status).toBe(200);
    expect(replies.feed.status).toBe(200);
    expect(replies.unauthorized.status).toBe(401);
    for (const [name, reply] of Object.entries(replies)) {
      try {
        expectSecurityHeaders(reply.headers);
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`);
      }
    }
  });

  it('let the installable app register its worker, and never leave an old worker or shell in a cache', async () => {
    const worker = await rawCall(server.app, 'GET', '/sw.js');
    expect(worker.status).toBe(200);
    expect(worker.headers['content-type']).toMatch(/javascript/);
    expect(worker.headers['cache-control']).toBe('no-cache');
    const manifest = await rawCall(server.app, 'GET', '/manifest.webmanifest');
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
    for (const path of ['/', '/contacts/123']) expect((await rawCall(server.app, 'GET', path)).headers['cache-control']).toBe('no-cache');
    const csp = String(worker.headers['content-security-policy']);
    // Only the app's own workers: none is built from a blob: URL.
    expect(csp).toContain("worker-src 'self';");
    expect(csp).toContain("manifest-src 'self'");
  });

  it('add Strict-Transport-Security only when served over HTTPS', async () => {
    const https = await startTestServer({ https: true });
    try {
      const reply = await rawCall(https.app, 'GET', '/api/auth/status');
      expect(reply.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    } finally {
      await https.close();
    }
  });
});

describe('calendar feed secret', () => {
  it('is stored as its SHA-256, never in clear', async () => {
    const { url } = (await alice.post('/api/calendar/secret')).body;
    const secret = secretOf(url);
    const [account] = await queryRows<{ row: string }>(server.database.db, sql`select row_to_json(a)::text as row from accounts a where id = ${alice.user.accountId}`);
    expect(account!.row).not.toContain(secret);
    expect(account!.row).toContain(sha256(secret));
    expect((await alice.get('/api/calendar')).body).toEqual({ enabled: true, url: null });
    expect((await rawCall(server.app, 'GET', new URL(url).pathname)).status).toBe(200);
  });

  it('is kept out of the request logs', async () => {
    const { url } = (await alice.post('/api/calendar/secret')).body;
    const secret = secretOf(url);
    logLines.length = 0;
    expect((await rawCall(server.app, 'GET', `${new URL(url).pathname}?x=1`)).status).toBe(200);
    expect((await rawCall(server.app, 'GET', `/api/calendar/${secret}-wrong.ics`)).status).toBe(404);
    const logged = logLines.join('');
    expect(logged).toContain('/api/calendar/[redacted].ics?x=1');
    expect(logged).not.toContain(secret);
  });

  it('made before it was hashed (a plain secret in the column) keeps working after the migration', async () => {
    const legacy = 'legacy-plain-secret-from-before-the-migration';
    await queryRows(server.database.db, sql`update accounts set calendar_secret_hash = ${legacy} where id = ${alice.user.accountId}`);
    expect((await rawCall(server.app, 'GET', `/api/calendar/${legacy}.ics`)).status).toBe(404);
    // The data fix at the end of the migration, as written there.
    const migration = readFileSync(join(process.cwd(), 'migrations', readdirSync(join(process.cwd(), 'migrations')).find((f) => f.endsWith('_calendar_secret_hashed.sql'))!), 'utf8');
    const update = migration.split('--> statement-breakpoint').map((s) => s.trim()).find((s) => /UPDATE "accounts"/.test(s))!;
    await queryRows(server.database.db, sql.raw(update.replace(/^--.*$/gm, '').trim()));
    expect((await rawCall(server.app, 'GET', `/api/calendar/${legacy}.ics`)).status).toBe(200);
  });
});
