// Calendar subscriptions through the API, on both databases: a calendar served by a local HTTP
// server in the test (let through by the test hook `alsoAllow`, as CIRCULO_ALLOW_PRIVATE_CALENDAR_URLS
// would), private addresses refused when added and when a redirect leads to one, the secret
// address never shown back, and the hourly timer.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretBox } from '../../src/server/features/auth/secret-box.js';
import type { CalendarFetchOptions } from '../../src/server/features/calendar-import/fetch-calendar.js';
import { subscriptionDeps } from '../../src/server/features/calendar-import/routes.js';
import { createCalendarScheduler } from '../../src/server/features/calendar-import/scheduler.js';
import type { ApiClient } from '../support/client.js';
import { startTestServer, TEST_SECRET, type TestServer } from '../support/harness.js';
import { fixture } from '../support/multipart.js';
import { addUser } from '../support/users.js';

let server: TestServer;
let alex: ApiClient;
let calendars: Server;
let base: string;
const requests: string[] = [];
const NOW = new Date('2026-11-20T12:00:00Z');
const LOCAL = '127.0.0.1';
// Kept by the server as given: the tests change it between requests.
const fetchOptions: CalendarFetchOptions = { allowPrivateAddresses: false, alsoAllow: (address) => address === LOCAL };

beforeAll(async () => {
  calendars = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url === '/private-s3cr3t/basic.ics') {
      response.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
      response.end(fixture('ical/meetings.ics'));
    } else if (request.url === '/to-metadata') {
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      response.end();
    } else if (request.url === '/to-calendar') {
      response.writeHead(301, { location: '/private-s3cr3t/basic.ics' });
      response.end();
    } else if (request.url === '/slow.ics') {
      // Answers nothing: the fetch's time limit ends it.
      response.writeHead(200, { 'content-type': 'text/calendar' });
      response.write('BEGIN:VCALENDAR\r\n');
    } else if (request.url === '/not-a-calendar') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>Sign in</html>');
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => calendars.listen(0, LOCAL, resolve));
  base = `http://${LOCAL}:${(calendars.address() as AddressInfo).port}`;
  server = await startTestServer({ calendarFetch: fetchOptions });
  server.setNow(NOW);
  alex = await addUser(server, { email: 'alex.rivera@example.org' });
  await alex.post('/api/contacts', { firstName: 'Bruno', emails: ['bruno@example.org'] });
});
afterAll(async () => {
  await server.close();
  await new Promise((resolve) => calendars.close(resolve));
});

const subscribe = (url: string, name = 'Work calendar') => alex.post('/api/calendar-subscriptions', { name, url });

describe('calendar subscriptions', () => {
  it('adds one, fetches it now, and lists it with the last fetch but never the secret address', async () => {
    const added = await subscribe(`${base}/private-s3cr3t/basic.ics`);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ name: 'Work calendar', urlHint: `${base}/…`, lastFetchedAt: null, lastStatus: null });

    const fetched = await alex.post(`/api/calendar-subscriptions/${added.body.id}/fetch`);
    expect(fetched.status, JSON.stringify(fetched.body)).toBe(200);
    expect(fetched.body.subscription).toMatchObject({ lastStatus: 'ok', lastFetchedAt: NOW.toISOString(), lastError: null, lastCounts: { created: 2, updated: 0, removed: 0 } });
    expect(fetched.body.report).toMatchObject({ source: 'ical', interactions: { created: 2 } });
    expect((await alex.get('/api/interactions')).body.items.map((t: { summary: string }) => t.summary).sort()).toEqual(['Call with Bruno', 'Project kickoff']);

    const again = await alex.post(`/api/calendar-subscriptions/${added.body.id}/fetch`);
    expect(again.body.subscription.lastCounts).toEqual({ created: 0, updated: 0, removed: 0 });

    const list = await alex.get('/api/calendar-subscriptions');
    expect(list.body).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain('s3cr3t');
    // Nor is it in the database in clear.
    const stored = JSON.stringify(await server.database.db.query.calendarSubscriptions.findMany());
    expect(stored).not.toContain('s3cr3t');
  });

  it('follows a redirect to a calendar', async () => {
    const added = await subscribe(`${base}/to-calendar`, 'Moved');
    const fetched = await alex.post(`/api/calendar-subscriptions/${added.body.id}/fetch`);
    expect(fetched.body.subscription).toMatchObject({ lastStatus: 'ok', lastCounts: { created: 0, updated: 0, removed: 0 } });
    await alex.del(`/api/calendar-subscriptions/${added.body.id}`);
  });

  it('refuses anything but http(s), and private, loopback and link-local addresses', async () => {
    for (const url of ['ftp://calendar.example.com/x.ics', 'file:///etc/passwd', 'not a url']) {
      const reply = await subscribe(url);
      expect(reply.status, url).toBe(400);
    }
    for (const url of ['http://10.0.0.7/cal.ics', 'http://192.168.1.10/cal.ics', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]:8080/cal.ics', 'http://localhost:1/cal.ics', 'http://0.0.0.0/cal.ics']) {
      if (url.includes('localhost')) fetchOptions.alsoAllow = undefined;
      const reply = await subscribe(url);
      expect(reply.status, url).toBe(400);
      expect(reply.body.errors[0]).toMatchObject({ field: 'url', code: 'private_address' });
    }
    fetchOptions.alsoAllow = (address) => address === LOCAL;
  });

  it('refuses a redirect to a private address, and records why', async () => {
    const added = await subscribe(`${base}/to-metadata`, 'Sneaky');
    expect(added.status).toBe(201);
    const fetched = await alex.post(`/api/calendar-subscriptions/${added.body.id}/fetch`);
    expect(fetched.status).toBe(200);
    expect(fetched.body.subscription).toMatchObject({ lastStatus: 'failed', lastErrorCode: 'private_address' });
    expect(fetched.body.subscription.lastError).toContain('169.254.169.254');
    expect(fetched.body.report).toBeNull();
    expect(requests).not.toContain('/latest/meta-data/');
    await alex.del(`/api/calendar-subscriptions/${added.body.id}`);
  });

  it('records a server error and a page that is not a calendar as failed fetches', async () => {
    for (const [path, code] of [['/gone.ics', 'http_status'], ['/not-a-calendar', 'malformed']] as const) {
      const added = await subscribe(`${base}${path}`, path);
      const fetched = await alex.post(`/api/calendar-subscriptions/${added.body.id}/fetch`);
      expect(fetched.body.subscription, path).toMatchObject({ lastStatus: 'failed', lastErrorCode: code });
      await alex.del(`/api/calendar-subscriptions/${added.body.id}`);
    }
  });

  it('gives up on a calendar too large or too slow', async () => {
    fetchOptions.maxBytes = 500;
    fetchOptions.timeoutMs = 500;
    try {
      for (const [path, code] of [['/private-s3cr3t/basic.ics', 'too_large'], ['/slow.ics', 'timeout']] as const) {
        const added = await subscribe(`${base}${path}`, path);
        const fetched = await alex.post(`/api/calendar-subscriptions/${added.body.id}/fetch`);
        expect(fetched.body.subscription, path).toMatchObject({ lastStatus: 'failed', lastErrorCode: code });
        await alex.del(`/api/calendar-subscriptions/${added.body.id}`);
      }
    } finally {
      delete fetchOptions.maxBytes;
      delete fetchOptions.timeoutMs;
    }
  });

  it('without the allowance, the local server itself is refused at connection time', async () => {
    const [subscription] = (await alex.get('/api/calendar-subscriptions')).body;
    fetchOptions.alsoAllow = undefined;
    try {
      const refused = await alex.post(`/api/calendar-subscriptions/${subscription.id}/fetch`);
      expect(refused.body.subscription).toMatchObject({ lastStatus: 'failed', lastErrorCode: 'private_address' });
      // CIRCULO_ALLOW_PRIVATE_CALENDAR_URLS=true lets it through.
      fetchOptions.allowPrivateAddresses = true;
      const allowed = await alex.post(`/api/calendar-subscriptions/${subscription.id}/fetch`);
      expect(allowed.body.subscription).toMatchObject({ lastStatus: 'ok' });
    } finally {
      fetchOptions.allowPrivateAddresses = false;
      fetchOptions.alsoAllow = (address) => address === LOCAL;
    }
  });

  it('the timer fetches each subscription once an hour', async () => {
    const scheduler = createCalendarScheduler(subscriptionDeps({ db: server.database.db, now: server.now, calendarBox: secretBox(TEST_SECRET, 'calendar-subscriptions'), calendarFetch: fetchOptions }));
    const fetches = () => requests.filter((r) => r === '/private-s3cr3t/basic.ics').length;
    const before = fetches();
    await scheduler.tick();
    expect(fetches(), 'fetched at 12:00 already').toBe(before);
    server.setNow(new Date(NOW.getTime() + 61 * 60_000));
    // Two ticks at once are one pass: the calendar is fetched once.
    await Promise.all([scheduler.tick(), scheduler.tick()]);
    expect(fetches()).toBe(before + 1);
    await scheduler.tick();
    expect(fetches()).toBe(before + 1);
    await scheduler.stop();
    server.setNow(NOW);
  });

  it('removes a subscription; the touches it brought stay', async () => {
    const [subscription] = (await alex.get('/api/calendar-subscriptions')).body;
    expect((await alex.del(`/api/calendar-subscriptions/${subscription.id}`)).status).toBe(204);
    expect((await alex.get('/api/calendar-subscriptions')).body).toEqual([]);
    expect((await alex.get('/api/interactions')).body.items).toHaveLength(2);
    expect((await alex.del(`/api/calendar-subscriptions/${subscription.id}`)).status).toBe(404);
  });
});
