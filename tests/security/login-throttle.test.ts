// Password guessing: throttled per account and per client address, in the database, with
// growing delays (src/shared/rules/login-delay.ts); a refused try costs no argon2 work; setup
// refuses before hashing; forged X-Forwarded-For is believed only from a trusted proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FREE_FAILURES } from '../../src/shared/rules/login-delay.js';
import { STATUS_REQUESTS_PER_MINUTE } from '../../src/server/features/auth/routes.js';
import { passwordWork } from '../../src/server/features/auth/secrets.js';
import { rawCall, setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { addUser } from '../support/users.js';

let server: TestServer;
let owner: ApiClient;
const PASSWORD = 'correct horse battery staple';
let clock = new Date('2026-11-23T10:00:00.000Z');

const advance = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
  server.setNow(clock);
};

function login(email: string, password: string, from: { ip?: string; forwardedFor?: string } = {}) {
  return rawCall(server.app, 'POST', '/api/auth/login', {
    body: { email, password },
    remoteAddress: from.ip ?? '192.0.2.1',
    headers: from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {},
  });
}

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(clock);
  owner = await setupOwner(server.app, { email: 'owner@example.com' });
  // The decoy hash for unknown e-mails is made once, on first use: make it now, so the counts
  // below are of verifications only.
  await login('warm-up@example.com', 'whatever', { ip: '192.0.2.250' });
});
afterAll(() => server.close());

describe('the login throttle', () => {
  it('lets no more than the free tries through when 30 wrong passwords arrive at once, and verifies only those', async () => {
    const verified = passwordWork.verifications;
    const replies = await Promise.all(Array.from({ length: 30 }, () => login('owner@example.com', 'guess guess', { ip: '198.51.100.1' })));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(FREE_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - FREE_FAILURES);
    expect(passwordWork.verifications - verified).toBe(FREE_FAILURES);
    const refused = replies.find((r) => r.status === 429)!;
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(refused.headers['retry-after']).toBe('1');
  });

  it('makes each further wait twice as long, and refused tries do not verify the password', async () => {
    for (const wait of [1, 2, 4, 8]) {
      const early = await login('owner@example.com', 'guess guess', { ip: '198.51.100.1' });
      expect(early.status, `before waiting ${wait} s`).toBe(429);
      expect(early.headers['retry-after']).toBe(String(wait));
      advance(wait - 1);
      expect((await login('owner@example.com', 'guess guess', { ip: '198.51.100.1' })).status, `a second short of ${wait} s`).toBe(429);
      advance(1);
      const verified = passwordWork.verifications;
      expect((await login('owner@example.com', 'guess guess', { ip: '198.51.100.1' })).status, `after ${wait} s`).toBe(401);
      expect(passwordWork.verifications - verified).toBe(1);
    }
    expect((await login('owner@example.com', 'guess guess', { ip: '198.51.100.1' })).headers['retry-after']).toBe('16');
  });

  it('throttles the account from another address too, and an unknown e-mail the same way', async () => {
    const elsewhere = await login('owner@example.com', PASSWORD, { ip: '203.0.113.50' });
    expect(elsewhere.status).toBe(429);
    // Another account from that other address is not held back by the owner's count.
    const ghostReplies = [];
    for (let i = 0; i < FREE_FAILURES + 1; i++) ghostReplies.push((await login('nobody@example.com', 'guess guess', { ip: '203.0.113.51' })).status);
    expect(ghostReplies).toEqual([...Array(FREE_FAILURES).fill(401), 429]);
  });

  it('lets the right password in once the wait is over, and then starts the count over', async () => {
    advance(16);
    const ok = await login('OWNER@example.com', PASSWORD, { ip: '198.51.100.1' });
    expect(ok.status).toBe(200);
    const again = [];
    for (let i = 0; i < FREE_FAILURES; i++) again.push((await login('owner@example.com', 'guess guess', { ip: '198.51.100.1' })).status);
    expect(again).toEqual(Array(FREE_FAILURES).fill(401));
    expect((await login('owner@example.com', PASSWORD, { ip: '198.51.100.1' })).status).toBe(429);
    advance(1);
    expect((await login('owner@example.com', PASSWORD, { ip: '198.51.100.1' })).status).toBe(200);
  });

  it('throttles one address across accounts (spraying one password over many e-mails)', async () => {
    const statuses = [];
    for (let i = 0; i < FREE_FAILURES + 1; i++) statuses.push((await login(`spray${i}@example.com`, 'Summer2026!', { ip: '198.51.100.77' })).status);
    expect(statuses).toEqual([...Array(FREE_FAILURES).fill(401), 429]);
  });

  it('counts an IPv6 client by its /64, whichever address in it each try comes from', async () => {
    const statuses = [];
    for (let i = 0; i < FREE_FAILURES + 1; i++) statuses.push((await login(`six${i}@example.com`, 'guess guess', { ip: `2001:db8:1:2::${(i + 1).toString(16)}` })).status);
    expect(statuses).toEqual([...Array(FREE_FAILURES).fill(401), 429]);
    expect((await login('six-other@example.com', 'guess guess', { ip: '2001:db8:1:3::1' })).status).toBe(401);
  });

  it('does not believe X-Forwarded-For when no proxy is trusted: a new forged address each try changes nothing', async () => {
    const statuses = [];
    for (let i = 0; i < FREE_FAILURES + 3; i++) {
      const reply = await login(`forger${i}@example.com`, 'guess guess', { ip: '198.51.100.9', forwardedFor: `10.0.0.${i + 1}` });
      statuses.push(reply.status);
    }
    expect(statuses).toEqual([...Array(FREE_FAILURES).fill(401), 429, 429, 429]);
  });

  it('forgets a key after a day of quiet', async () => {
    advance(24 * 60 * 60);
    expect((await login('spray0@example.com', 'Summer2026!', { ip: '198.51.100.77' })).status).toBe(401);
  });
});

describe('behind a trusted proxy (CIRCULO_TRUST_PROXY)', () => {
  let proxied: TestServer;
  let proxiedOwner: ApiClient;
  beforeAll(async () => {
    proxied = await startTestServer({ trustProxy: ['127.0.0.1'] });
    proxied.setNow(clock);
    proxiedOwner = await setupOwner(proxied.app, { email: 'owner@example.com' });
  });
  afterAll(() => proxied.close());

  const viaProxy = (email: string, password: string, forwardedFor: string, ip = '127.0.0.1', proto?: string) =>
    rawCall(proxied.app, 'POST', '/api/auth/login', {
      body: { email, password },
      remoteAddress: ip,
      headers: { 'x-forwarded-for': forwardedFor, ...(proto ? { 'x-forwarded-proto': proto } : {}) },
    });

  it('believes the proxy’s X-Forwarded-For: each client address has its own count', async () => {
    const first = [];
    for (let i = 0; i < FREE_FAILURES + 1; i++) first.push((await viaProxy(`a${i}@example.com`, 'guess guess', '203.0.113.1')).status);
    expect(first).toEqual([...Array(FREE_FAILURES).fill(401), 429]);
    // Another client behind the same proxy is not throttled by the first one's failures.
    expect((await viaProxy('b@example.com', 'guess guess', '203.0.113.2')).status).toBe(401);
  });

  it('does not believe X-Forwarded-For from an address that is not the trusted proxy', async () => {
    const statuses = [];
    for (let i = 0; i < FREE_FAILURES + 1; i++) statuses.push((await viaProxy(`c${i}@example.com`, 'guess guess', `203.0.113.${100 + i}`, '192.0.2.9')).status);
    expect(statuses).toEqual([...Array(FREE_FAILURES).fill(401), 429]);
  });

  it('makes the session cookie Secure when the proxy says the client used https', async () => {
    const https = await viaProxy('owner@example.com', PASSWORD, '203.0.113.3', '127.0.0.1', 'https');
    expect(https.status).toBe(200);
    expect(String(https.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    const http = await viaProxy('owner@example.com', PASSWORD, '203.0.113.3', '127.0.0.1', 'http');
    expect(String(http.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
  });

  it('builds the calendar feed’s URL on the host and protocol the proxy forwarded', async () => {
    const { token } = (await proxiedOwner.post('/api/tokens', { name: 'feed' })).body;
    const headers = { authorization: `Bearer ${token}`, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'circulo.example.org' };
    const on = await rawCall(proxied.app, 'POST', '/api/calendar/secret', { headers, remoteAddress: '127.0.0.1' });
    expect(on.body.url).toMatch(/^https:\/\/circulo\.example\.org\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    // The same headers from a client that is not the proxy are not believed (the URL is shown
    // only when a secret is made, so a new one is made here).
    const direct = await rawCall(proxied.app, 'POST', '/api/calendar/secret', { headers, remoteAddress: '192.0.2.40' });
    expect(direct.body.url).toMatch(/^http:\/\/localhost(:80)?\/api\/calendar\//);
  });

  it('ignores X-Forwarded-Proto from anyone else', async () => {
    const forged = await rawCall(server.app, 'POST', '/api/auth/login', {
      body: { email: 'owner@example.com', password: PASSWORD },
      remoteAddress: '192.0.2.33',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(forged.status).toBe(200);
    expect(String(forged.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
  });
});

describe('setup once set up', () => {
  it('is refused (409) without hashing the password', async () => {
    const hashes = passwordWork.hashes;
    for (let i = 0; i < 5; i++) {
      const reply = await rawCall(server.app, 'POST', '/api/auth/setup', {
        body: { email: `late${i}@example.com`, password: 'a long enough password', name: 'Late' },
        remoteAddress: '192.0.2.60',
      });
      expect(reply.status).toBe(409);
      expect(reply.headers['content-type']).toContain('application/problem+json');
    }
    expect(passwordWork.hashes).toBe(hashes);
  });
});

describe('the rate limit on anonymous endpoints', () => {
  it('answers 429 with a problem document past 60 a minute from one address, and only for that address', async () => {
    // Setup tries (refused, 400, but counted: the limit runs before the body is read), then a login.
    const setup = () => rawCall(server.app, 'POST', '/api/auth/setup', { body: {}, remoteAddress: '192.0.2.70' });
    const statuses = new Set<number>();
    for (let i = 0; i < 60; i++) statuses.add((await setup()).status);
    expect([...statuses]).toEqual([400]);
    const limited = await login('owner@example.com', PASSWORD, { ip: '192.0.2.70' });
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // The same budget for both; another address has its own.
    expect((await setup()).status).toBe(429);
    expect((await login('owner@example.com', PASSWORD, { ip: '192.0.2.71' })).status).toBe(200);
  });

  it('gives the setup status, which every page load asks, a budget of its own: 600 a minute from one address', async () => {
    const status = (ip: string) => rawCall(server.app, 'GET', '/api/auth/status', { remoteAddress: ip });
    const statuses = new Set<number>();
    for (let i = 0; i < STATUS_REQUESTS_PER_MINUTE; i++) statuses.add((await status('192.0.2.80')).status);
    expect([...statuses]).toEqual([200]);
    expect((await status('192.0.2.80')).status).toBe(429);
    // The password routes still have the address's whole budget.
    expect((await login('owner@example.com', PASSWORD, { ip: '192.0.2.80' })).status).toBe(200);
  });

  it('does not limit authenticated routes', async () => {
    const token = (await owner.post('/api/tokens', { name: 'busy script' })).body.token;
    const statuses = new Set<number>();
    for (let i = 0; i < 80; i++) {
      statuses.add((await rawCall(server.app, 'GET', '/api/auth/me', { remoteAddress: '192.0.2.70', headers: { authorization: `Bearer ${token}` } })).status);
    }
    expect([...statuses]).toEqual([200]);
  });
});
