// The daily digest and the weekly review by e-mail, through a real SMTP server: content in es
// and en with links to the public URL, nothing on an empty day, the time-zone boundary
// (Madrid and Santiago), exactly once with two schedulers on one database, retry after a
// refusal, unsubscribe without a login, the test e-mail, and per-user settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/http/app.js';
import { openDatabase, type Database } from '../../src/server/db/database.js';
import { createMailer } from '../../src/server/features/email/mailer.js';
import { createScheduler, type Scheduler } from '../../src/server/features/email/scheduler.js';
import { unsubscribeSigner } from '../../src/server/features/email/unsubscribe.js';
import type { Db } from '../../src/server/db/database.js';
import { emailSends } from '../../src/server/db/schema.js';
import { rawCall, setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, TEST_SECRET, type TestServer } from '../support/harness.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { addUser } from '../support/users.js';

const PUBLIC_URL = 'https://circulo.example.org';
let smtp: TestSmtp;
let server: TestServer;
let alice: ApiClient; // Europe/Madrid, Spanish
let bob: ApiClient; // America/Santiago, English
let second: Database | null = null;
const ids: Record<string, string> = {};

const mailConfig = () => ({ smtpUrl: smtp.url, from: 'Círculo <circulo@example.org>', publicUrl: PUBLIC_URL });
const schedulerOn = (db: Db): Scheduler =>
  createScheduler({ db, now: () => server.now(), mailer: createMailer(mailConfig()), unsubscribe: unsubscribeSigner(TEST_SECRET) });
let scheduler: Scheduler;
const at = async (iso: string) => {
  server.setNow(new Date(iso));
  await scheduler.tick();
};
const header = (mail: { raw: Record<string, string> }, name: string) => mail.raw[name];
/** The URL of the List-Unsubscribe header (`<https://…>`). */
const listUrl = (mail: { raw: Record<string, string> }) => /^<([^>]+)>$/.exec(header(mail, 'list-unsubscribe') ?? '')?.[1];

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startTestServer({ mail: mailConfig() });
  scheduler = schedulerOn(server.database.db);

  // Last week (Monday 16 – Sunday 22 November 2026): Alice meets two people and moves one on.
  server.setNow(new Date('2026-11-18T10:00:00Z'));
  alice = await setupOwner(server.app, { name: 'Alicia', timeZone: 'Europe/Madrid', language: 'es' });
  bob = await addUser(server, { name: 'Bob', timeZone: 'America/Santiago', language: 'en' });
  ids.ana = (await alice.post('/api/contacts', { firstName: 'Ana', lastName: 'Martín', company: 'Banco Sur' })).body.id;
  ids.luis = (await alice.post('/api/contacts', { firstName: 'Luis', lastName: 'Pérez' })).body.id;
  expect((await alice.patch(`/api/contacts/${ids.ana}`, { stage: 'met_in_person' })).status).toBe(200);
  // Someone Alice has not spoken to since August: due to keep in touch.
  ids.old = (await alice.post('/api/contacts', { firstName: 'Olga', lastName: 'Antigua', company: 'Acme' })).body.id;
  expect((await alice.post('/api/interactions', { contactIds: [ids.old], channel: 'meal', direction: 'outbound', intent: 'nurture', summary: 'Lunch', occurredAt: '2026-08-01T12:00:00Z' })).status).toBe(201);

  server.setNow(new Date('2026-11-22T12:00:00Z'));
  ids.followup = (await alice.post('/api/followups', { contactId: ids.ana, dueOn: '2026-11-20', title: 'Enviar la propuesta <a&b>' })).body.id;
  expect((await alice.post('/api/favors', { contactId: ids.luis, direction: 'received', kind: 'advice', description: 'Consejo sobre la ronda' })).status).toBe(201);
  ids.event = (await alice.post('/api/events', { name: 'Congreso Fintech', startsAt: '2026-11-26T09:00:00Z', place: 'Madrid' })).body.id;
  ids.farEvent = (await alice.post('/api/events', { name: 'Evento lejano', startsAt: '2026-12-20T09:00:00Z' })).body.id;
});
afterAll(async () => {
  await scheduler?.stop();
  await second?.close();
  await server?.close();
  await smtp?.close();
});

describe('e-mail settings', () => {
  it('start with both e-mails on at 08:00, and are each user’s own', async () => {
    const settings = (await alice.get('/api/email/settings')).body;
    expect(settings).toEqual({ daily: true, weekly: true, hour: 8, whenEmpty: false, configured: true, lastSend: null });
    expect((await bob.patch('/api/email/settings', { hour: 7 })).body.hour).toBe(7);
    expect((await alice.get('/api/email/settings')).body.hour).toBe(8);
    expect((await bob.patch('/api/email/settings', { hour: 24 })).status).toBe(400);
    expect((await bob.patch('/api/email/settings', { hour: 8 })).body.hour).toBe(8);
  });
});

describe('the daily digest', () => {
  it('goes to nobody before their hour: Madrid at 07:30, Santiago at 03:30', async () => {
    await at('2026-11-23T06:30:00Z');
    expect(smtp.received).toHaveLength(0);
  });

  it('reaches Madrid at 08:00 local, in Spanish, with every item linking to its screen; Santiago still sleeps', async () => {
    await at('2026-11-23T07:00:00Z');
    const mails = smtp.to(alice.user.email);
    const daily = mails.find((m) => m.subject.startsWith('Tu networking del lunes'))!;
    expect(daily, mails.map((m) => m.subject).join(' | ')).toBeDefined();
    expect(smtp.to(bob.user.email)).toHaveLength(0);

    for (const body of [daily.text, daily.html]) {
      expect(body).toContain('Seguimientos atrasados (1)');
      expect(body).toContain(`${PUBLIC_URL}/contacts/${ids.ana}`);
      expect(body).toContain('Ciclos por cerrar');
      expect(body).toContain('Agradecer a Luis Pérez');
      expect(body).toContain('Mantener el contacto');
      expect(body).toContain('Olga Antigua (Acme)');
      expect(body).toContain(`${PUBLIC_URL}/contacts/${ids.old}`);
      expect(body).toContain('Eventos en los próximos 7 días');
      expect(body).toContain('Congreso Fintech');
      expect(body).toContain(`${PUBLIC_URL}/events/${ids.event}/briefing`);
      expect(body).not.toContain('Evento lejano');
      expect(body).toContain('Tu semana hasta hoy');
      expect(body).toContain(`${PUBLIC_URL}/review`);
    }
    expect(daily.text).toContain('Enviar la propuesta <a&b>');
    expect(daily.html).toContain('Enviar la propuesta &lt;a&amp;b&gt;');
    expect(daily.text).toMatch(/último contacto hace \d+ días; cada 60 días/);
    // One-click unsubscribe headers (RFC 8058) and the link in the body.
    expect(listUrl(daily)).toMatch(new RegExp(`^${PUBLIC_URL}/api/email/unsubscribe/[A-Za-z0-9_.-]+$`));
    expect(header(daily, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(daily.text).toContain(`Darse de baja: ${listUrl(daily)}`);
  });

  it('sends Monday’s weekly review with last week’s numbers and a nudge', async () => {
    const weekly = smtp.to(alice.user.email).find((m) => m.subject.startsWith('Tu semana en resumen'))!;
    expect(weekly).toBeDefined();
    expect(weekly.text).toContain('2026-W47');
    expect(weekly.text).toContain('Contactos nuevos: 3 de 3 ✓');
    expect(weekly.text).toContain('Ciclos cerrados: 0');
    expect(weekly.text).toContain('Tasa de respuesta a tus bienvenidas: —');
    expect(weekly.text).toContain('Ana Martín');
    expect(weekly.text).toContain('Nuevo → Conocido en persona');
    expect(weekly.text).toContain('Para la semana que empieza');
    expect(weekly.text).toContain(`${PUBLIC_URL}/review?week=2026-W47`);
  });

  it('sends nothing on an empty day: Bob in Santiago at 08:00 local has nothing to do', async () => {
    await at('2026-11-23T11:00:00Z');
    const bobs = smtp.to(bob.user.email);
    expect(bobs.map((m) => m.subject)).toEqual([expect.stringMatching(/^Your week in review/)]);
    expect(bobs[0]!.text).toContain('New contacts: 0 of 3');
    expect(bobs[0]!.text).toContain('Meet 3 new people to reach your weekly target.');
    // Settings shows the weekly review as the last e-mail; the skipped digest is no e-mail.
    expect((await bob.get('/api/email/settings')).body.lastSend).toMatchObject({ kind: 'weekly', status: 'sent', localDate: '2026-11-23' });
  });

  it('goes out on an empty day when the user asks for it, in English', async () => {
    await bob.patch('/api/email/settings', { whenEmpty: true });
    await at('2026-11-24T11:00:00Z');
    const [digest] = smtp.to(bob.user.email).filter((m) => m.subject.startsWith('Your networking for'));
    expect(digest?.subject).toBe('Your networking for Tuesday 24 November: nothing due');
    expect(digest?.text).toContain('Nothing is due today.');
    expect(digest?.text).toContain(`Open Círculo: ${PUBLIC_URL}/`);
    await bob.patch('/api/email/settings', { whenEmpty: false });
  });

  it('crosses midnight in each zone: Santiago’s evening is already tomorrow in Madrid, and neither gets a second digest', async () => {
    const before = smtp.received.length;
    // 02:30 UTC on the 25th: 23:30 on the 24th in Santiago (sent), 03:30 on the 25th in Madrid (too early).
    await at('2026-11-25T02:30:00Z');
    expect(smtp.received.length).toBe(before);
    // Madrid's 08:00 on the 25th: Alice's digest for the 25th; Bob's 24th is done.
    await at('2026-11-25T07:05:00Z');
    expect(smtp.received.slice(before).map((m) => m.to)).toEqual([alice.user.email]);
  });
});

describe('exactly once', () => {
  it('two schedulers on one database send each user one digest a day, across restarts and a clock moved back', async () => {
    if (server.databaseUrl) {
      second = await openDatabase({ databaseUrl: server.databaseUrl, dataDir: '/tmp', command: 'test second process' });
    }
    const other = schedulerOn(second ? second.db : server.database.db);
    const before = smtp.received.length;
    server.setNow(new Date('2026-11-26T12:00:00Z'));
    await Promise.all([scheduler.tick(), other.tick(), scheduler.tick(), other.tick()]);
    await Promise.all([other.tick(), scheduler.tick()]);
    const sent = smtp.received.slice(before);
    expect(sent.filter((m) => m.to === alice.user.email)).toHaveLength(1);
    // A restart (new scheduler) and a clock moved back an hour find it done.
    const restarted = schedulerOn(server.database.db);
    server.setNow(new Date('2026-11-26T11:00:00Z'));
    await restarted.tick();
    await other.tick();
    expect(smtp.received.length).toBe(before + sent.length);
    await other.stop();
    await restarted.stop();
  });
});

describe('a refused send', () => {
  it('is recorded with the error, shown in Settings, and retried after its back-off', async () => {
    smtp.refuseNext(1);
    await at('2026-11-27T07:10:00Z');
    expect(smtp.to(alice.user.email).some((m) => m.subject.includes('viernes'))).toBe(false);
    const failed = (await alice.get('/api/email/settings')).body.lastSend;
    expect(failed).toMatchObject({ kind: 'daily', localDate: '2026-11-27', status: 'failed', attempts: 1, retryAt: '2026-11-27T07:11:00.000Z' });
    expect(failed.error).toMatch(/451|busy/i);
    // Each user sees only their own sends: Bob's last e-mail is still his own, sent one.
    expect((await bob.get('/api/email/settings')).body.lastSend).toMatchObject({ status: 'sent', localDate: '2026-11-24', error: null });
    await at('2026-11-27T07:10:30Z');
    expect(smtp.to(alice.user.email).some((m) => m.subject.includes('viernes'))).toBe(false);
    await at('2026-11-27T07:11:00Z');
    expect(smtp.to(alice.user.email).filter((m) => m.subject.includes('viernes'))).toHaveLength(1);
    expect((await alice.get('/api/email/settings')).body.lastSend).toMatchObject({ status: 'sent', attempts: 2, error: null, retryAt: null });
    await at('2026-11-27T08:00:00Z');
    expect(smtp.to(alice.user.email).filter((m) => m.subject.includes('viernes'))).toHaveLength(1);
  });
});

describe('the test e-mail', () => {
  it('is sent at once to the caller, or says why not', async () => {
    const reply = await bob.post('/api/email/test');
    expect(reply.body).toEqual({ sent: true, error: null });
    expect(smtp.to(bob.user.email).at(-1)?.subject).toBe('Círculo: test e-mail');
    expect(smtp.to(alice.user.email).filter((m) => m.subject.startsWith('Círculo:'))).toEqual([]);
    smtp.refuseNext(1);
    const refused = await bob.post('/api/email/test');
    expect(refused.body.sent).toBe(false);
    expect(refused.body.error).toMatch(/451|busy/i);
  });

  it('is refused (409) by a server without SMTP, whose Settings say so', async () => {
    const app = await buildApp({ ctx: { db: server.database.db, secureCookies: false, now: () => server.now() }, secret: TEST_SECRET, logLevel: 'silent', webRoot: null });
    try {
      const headers = alice.headers;
      const settings = await app.inject({ method: 'GET', url: '/api/email/settings', headers });
      expect(settings.json().configured).toBe(false);
      const test = await app.inject({ method: 'POST', url: '/api/email/test', headers, payload: {} });
      expect(test.statusCode).toBe(409);
      expect(test.json().detail).toContain('CIRCULO_SMTP_URL');
    } finally {
      await app.close();
    }
  });
});

describe('unsubscribe', () => {
  it('the link shows a button without a login; one-click POST stops that e-mail and nothing else', async () => {
    const daily = smtp.to(alice.user.email).find((m) => m.subject.startsWith('Tu networking'))!;
    const path = new URL(listUrl(daily)!).pathname;
    const page = await rawCall(server.app, 'GET', path);
    expect(page.status).toBe(200);
    expect(String(page.headers['content-type'])).toContain('text/html');
    expect(page.body).toContain('¿Dejar de recibir el resumen diario?');
    expect(page.body).toContain(`<form method="post" action="${path}">`);
    // GET alone changes nothing (mail scanners follow links).
    expect((await alice.get('/api/email/settings')).body.daily).toBe(true);

    const oneClick = await server.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.body).toContain('no recibirás más resúmenes diarios');
    expect((await alice.get('/api/email/settings')).body).toMatchObject({ daily: false, weekly: true });
    expect((await bob.get('/api/email/settings')).body.daily).toBe(true);

    const before = smtp.to(alice.user.email).length;
    await at('2026-11-28T07:30:00Z');
    expect(smtp.to(alice.user.email)).toHaveLength(before);

    // A weekly link turns the weekly review off; a forged or altered token does nothing.
    const weekly = smtp.to(alice.user.email).find((m) => m.subject.startsWith('Tu semana'))!;
    const weeklyPath = new URL(listUrl(weekly)!).pathname;
    const forged = weeklyPath.slice(0, -3) + (weeklyPath.endsWith('AAA') ? 'BBB' : 'AAA');
    expect((await rawCall(server.app, 'POST', forged)).status).toBe(404);
    expect((await rawCall(server.app, 'POST', `/api/email/unsubscribe/${Buffer.concat([Buffer.from(bob.user.id.replaceAll('-', ''), 'hex'), Buffer.from([2])]).toString('base64url')}.${'A'.repeat(22)}`)).status).toBe(404);
    expect((await bob.get('/api/email/settings')).body).toMatchObject({ daily: true, weekly: true });
    expect((await rawCall(server.app, 'POST', weeklyPath)).status).toBe(200);
    expect((await alice.get('/api/email/settings')).body).toMatchObject({ daily: false, weekly: false });
  });
});

describe('a send cut short', () => {
  it('is not sent again (at most once), and Settings shows it as interrupted', async () => {
    await bob.patch('/api/email/settings', { whenEmpty: true });
    // As a process leaves it when it dies between the claim and the SMTP answer.
    await server.database.db.insert(emailSends).values({
      accountId: bob.user.accountId,
      userId: bob.user.id,
      kind: 'daily',
      localDate: '2026-11-29',
      status: 'sending',
      claimedAt: new Date('2026-11-29T11:00:00Z'),
      createdAt: new Date('2026-11-29T11:00:00Z'),
    });
    const before = smtp.to(bob.user.email).length;
    await at('2026-11-29T11:30:00Z');
    expect(smtp.to(bob.user.email)).toHaveLength(before);
    expect((await bob.get('/api/email/settings')).body.lastSend).toMatchObject({ localDate: '2026-11-29', status: 'sending', interrupted: true });
    // The next day is a day like any other (an empty one, which Bob asked for).
    await at('2026-11-30T11:30:00Z');
    const after = smtp.to(bob.user.email).slice(before).map((m) => m.subject);
    expect(after.filter((subject) => subject.startsWith('Your networking for'))).toEqual(['Your networking for Monday 30 November: nothing due']);
  });
});
