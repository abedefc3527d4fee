// What is stored per contact so the heavy screens read an index (features/contacts/derived.ts):
// the keep-in-touch base, cadence and due date, and the matching keys. After a tour of every write
// that can change them (as clock.test.ts tours writes), the stored values of every contact must
// equal the pure rules: silenceStartedOn / effectiveCadence / keepInTouchDueOn
// (src/shared/rules/cadence.ts) and storedKeys (src/shared/rules/contact-keys.ts), and the stored
// duplicate pairs must equal a recompute of the whole account (pairsSql). Today's suggestions,
// ranked from the index, must equal the rule's ranking over every contact. Each touch's link to a
// contact (interaction_contacts) must carry its interaction's time, channel, direction and intent.
import { asc, eq, sql } from 'drizzle-orm';
import { isEngaged, strongTiesFirst } from '../../src/shared/rules/engagement.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveCadence, keepInTouchDueOn, rankKeepInTouch, silenceStartedOn } from '../../src/shared/rules/cadence.js';
import { storedKeys } from '../../src/shared/rules/contact-keys.js';
import { todayIn } from '../../src/shared/rules/time.js';
import { queryRows } from '../../src/server/db/database.js';
import { accounts, contactKeys, contacts, duplicatePairs, users } from '../../src/server/db/schema.js';
import { MAX_SHARED_KEY, pairsSql } from '../../src/server/features/contacts/duplicate-pairs.js';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { fixture, uploaderFor } from '../support/multipart.js';
import { addUser } from '../support/users.js';

let server: TestServer;
let me: ApiClient;
// Late evening in Mexico City is already tomorrow in UTC: local dates differ from UTC ones.
const NOW = new Date('2031-06-15T04:30:00Z');

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  me = await setupOwner(server.app, { name: 'Marta Estado', timeZone: 'America/Mexico_City', language: 'es' });
});
afterAll(() => server.close());

const ok = async (reply: Promise<{ status: number; body: any }>) => {
  const { status, body } = await reply;
  expect(status, JSON.stringify(body)).toBeLessThan(300);
  return body;
};

/** The copies on each link (schema.ts, interaction_contacts) against the interaction's own values. */
async function expectCopiesAgree(accountId: string) {
  const links = await queryRows<{ interaction_id: string; contact_id: string; copy: string; own: string }>(
    server.database.db,
    sql`select ic.interaction_id, ic.contact_id,
        concat_ws(' ', ic.occurred_at, ic.channel, ic.direction, ic.intent) as copy,
        concat_ws(' ', i.occurred_at, i.channel, i.direction, i.intent) as own
      from interaction_contacts ic join interactions i on i.id = ic.interaction_id where ic.account_id = ${accountId}`,
  );
  expect(links.filter((l) => l.copy !== l.own), 'links whose copy differs from their interaction').toEqual([]);
  return links;
}

/** Every contact of the account: stored values against the rules computed here. */
async function expectStoredAgree(client: ApiClient) {
  const { db } = server.database;
  const accountId = client.user.accountId;
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  const [first] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.accountId, accountId)).orderBy(asc(users.createdAt), asc(users.id)).limit(1);
  const cadences = { personal: account!.cadencePersonalDays, professional: account!.cadenceProfessionalDays, opportunity: account!.cadenceOpportunityDays };
  const timeZone = first!.timeZone;
  const rows = await db.select().from(contacts).where(eq(contacts.accountId, accountId));
  expect(rows.length).toBeGreaterThan(0);
  const newest = new Map(
    (
      await queryRows<{ contact_id: string; last: string | Date }>(
        db,
        sql`select contact_id, max(occurred_at) as last from interaction_contacts where account_id = ${accountId} group by 1`,
      )
    ).map((r) => [r.contact_id, new Date(r.last).toISOString()]),
  );
  await expectCopiesAgree(accountId);
  const keys = await db.select().from(contactKeys).where(eq(contactKeys.accountId, accountId));
  // Only keys of existing contacts (contact_keys has no foreign key to cascade).
  const known = new Set(rows.map((r) => r.id));
  expect(keys.filter((k) => !known.has(k.contactId)), 'keys of deleted contacts').toEqual([]);
  for (const row of rows) {
    const who = `${row.displayName} (${row.id})`;
    expect(row.lastInteractionAt?.toISOString() ?? null, `${who}: last touch`).toBe(newest.get(row.id) ?? null);
    expect(
      { base: row.keepInTouchBase, cadence: row.keepInTouchCadence, due: row.keepInTouchDueOn },
      `${who}: keep-in-touch`,
    ).toEqual({
      base: silenceStartedOn(row, timeZone),
      cadence: effectiveCadence(row, cadences),
      due: keepInTouchDueOn(row, cadences, timeZone),
    });
    const stored = keys.filter((k) => k.contactId === row.id).map((k) => `${k.kind}:${k.key}`).sort();
    const linkedin = row.linkedinKey ? [`linkedin:${row.linkedinKey}`] : [];
    expect(stored, `${who}: matching keys`).toEqual([...storedKeys(row).map((k) => `${k.kind}:${k.key}`), ...linkedin].sort());
  }
  // The pairs kept by each write, against the pairs judged from scratch.
  const pairLine = (p: { a_id: string; b_id: string; reasons: string[]; sort_name: string }) => `${p.a_id} ${p.b_id} ${[...p.reasons].sort().join()} ${p.sort_name}`;
  const keptPairs = await db.select().from(duplicatePairs).where(eq(duplicatePairs.accountId, accountId));
  const judged = await queryRows<{ a_id: string; b_id: string; reasons: string[]; sort_name: string }>(
    db,
    sql`with ${pairsSql(accountId)} select a_id, b_id, reasons, sort_name from ordered`,
  );
  expect(keptPairs.map((p) => pairLine({ a_id: p.aId, b_id: p.bId, reasons: p.reasons, sort_name: p.sortName })).sort(), 'duplicate pairs').toEqual(
    judged.map(pairLine).sort(),
  );
  // Today, ranked from the stored values through the index, against the rule over everyone.
  const today = (await ok(client.get('/api/today'))).keepInTouch as { contactId: string; dueOn: string; daysOverdue: number; cadenceDays: number }[];
  // Only contacts the user engaged with, strong ties first (src/shared/rules/engagement.ts); the
  // strengths as the contact list gives them.
  const listed = (await ok(client.get('/api/contacts?limit=500'))).items as { id: string; strength: { score: number } }[];
  const scores = new Map(listed.map((c) => [c.id, c.strength.score]));
  const onLists = new Set(
    (await queryRows<{ contact_id: string }>(db, sql`select contact_id from campaign_members where account_id = ${accountId} union select contact_id from event_attendees where account_id = ${accountId}`)).map((r) => r.contact_id),
  );
  const engaged = rows.filter((r) => isEngaged({ ...r, inCampaign: onLists.has(r.id), atEvent: onLists.has(r.id) }));
  const expected = strongTiesFirst(rankKeepInTouch(engaged, todayIn(timeZone, server.now()), cadences, timeZone), (r) => scores.get(r.id) ?? 0)
    .slice(0, 10)
    .map((r) => ({ contactId: r.id, dueOn: r.dueOn, daysOverdue: r.daysOverdue, cadenceDays: r.cadenceDays }));
  expect(today.map((t) => ({ contactId: t.contactId, dueOn: t.dueOn, daysOverdue: t.daysOverdue, cadenceDays: t.cadenceDays }))).toEqual(expected);
  // The contact list's "due" filter and each contact's date read the same stored value.
  const due = (await ok(client.get('/api/contacts?due=true&limit=200'))).items as { id: string; keepInTouchDueOn: string }[];
  const todayDate = todayIn(timeZone, server.now());
  expect(due.map((c) => c.id).sort()).toEqual(rows.filter((r) => keepInTouchDueOn(r, cadences, timeZone) <= todayDate).map((r) => r.id).sort());
  return rows;
}

describe('stored keep-in-touch dates and matching keys', () => {
  it('agree with the rules after every write that can change them', async () => {
    // Contacts of every circle, with and without a cadence, a met-on date, e-mails and phones.
    const ana = await ok(me.post('/api/contacts', { firstName: 'Ana', lastName: 'Núñez', company: 'Lumen', circle: 'personal', emails: [' Ana@Lumen.example '], phones: ['+34 612 345 678'] }));
    const bruno = await ok(me.post('/api/contacts', { firstName: 'Bruno', circle: 'professional', cadenceDays: 7, metOn: '2031-01-10' }));
    const carla = await ok(me.post('/api/contacts', { displayName: 'Carla la del café', circle: 'opportunity', phones: ['0034 699 111 222', '123'] }));
    const dario = await ok(me.post('/api/contacts', { firstName: 'Darío', lastName: 'Núñez', company: 'lumen', emails: ['dario@example.com'] }));
    await expectStoredAgree(me);

    // Contact updates: cadence, circle, met-on, names, e-mails.
    await ok(me.patch(`/api/contacts/${ana.id}`, { cadenceDays: 3 }));
    await ok(me.patch(`/api/contacts/${bruno.id}`, { cadenceDays: null, circle: 'personal', metOn: '2031-05-01' }));
    await ok(me.patch(`/api/contacts/${carla.id}`, { firstName: 'Carla', lastName: 'Ortiz', emails: ['carla@example.com'] }));
    await expectStoredAgree(me);

    // Touches: added (late evening local, next day in UTC), edited (moved, other contacts), deleted.
    const touch = await ok(me.post('/api/interactions', { contactIds: [ana.id, bruno.id], occurredAt: '2031-06-01T05:00:00Z', channel: 'coffee', direction: 'outbound', intent: 'nurture' }));
    await ok(me.post('/api/interactions', { contactIds: [carla.id], occurredAt: '2031-03-02T03:00:00Z', channel: 'call', direction: 'inbound', intent: 'reply' }));
    await expectStoredAgree(me);
    await ok(me.patch(`/api/interactions/${touch.id}`, { contactIds: [bruno.id, dario.id], occurredAt: '2031-04-20T12:00:00Z' }));
    await expectStoredAgree(me);
    await ok(me.patch(`/api/interactions/${touch.id}`, { channel: 'meal', direction: 'inbound', intent: 'ask' }));
    await expectStoredAgree(me);
    // Whatever code edits an interaction, its links follow (a trigger, migration 0020).
    await server.database.db.execute(sql`update interactions set channel = 'email', intent = 'give' where id = ${touch.id}`);
    await expectStoredAgree(me);
    await ok(me.del(`/api/interactions/${touch.id}`));
    await expectStoredAgree(me);

    // Contacts created by other features: favors, invitations, events, campaigns (and its touch).
    await ok(me.post('/api/favors', { contactId: ana.id, direction: 'received', kind: 'introduction', effort: 'large', occurredOn: '2031-02-02', newIntroducedContact: { firstName: 'Elena', lastName: 'Paz' } }));
    await ok(me.post('/api/invitations', { direction: 'incoming', newContact: { firstName: 'Fernando', company: 'Acme', profileUrl: 'https://www.linkedin.com/in/fernando' } }));
    const event = await ok(me.post('/api/events', { name: 'Meetup', startsAt: '2031-06-10T01:00:00Z' }));
    await ok(me.post(`/api/events/${event.id}/capture`, { people: [{ name: 'Gabriela Ruiz Soto', company: 'Nube' }] }));
    const campaign = await ok(me.post('/api/campaigns', { name: 'Empleo', goal: 'job_search' }));
    await ok(me.post(`/api/campaigns/${campaign.id}/members`, { contactId: dario.id }));
    await ok(me.patch(`/api/campaigns/${campaign.id}/members/${dario.id}`, { stage: 'met', occurredAt: '2031-06-14T23:30:00Z' }));
    await ok(me.post(`/api/campaigns/${campaign.id}/members/${dario.id}/referrals`, { people: [{ firstName: 'Hugo', company: 'Lumen' }] }));
    await expectStoredAgree(me);

    // An import that creates some contacts and merges into others.
    const uploader = await uploaderFor(server.app, me);
    const csv = 'First Name,Last Name,E-mail Address,Mobile Phone,Company\nAna,Núñez,ana@lumen.example,,Lumen\nIrene,Vidal,irene@example.com,+52 55 1234 5678,Sol\n';
    const imported = await uploader.upload('/api/imports', { source: 'csv' }, [{ name: 'google.csv', content: csv }]);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    await expectStoredAgree(me);
    // The LinkedIn export: connections, invitations and messages (touches).
    const linkedin = await uploader.upload(
      '/api/imports',
      { source: 'linkedin' },
      ['Connections.csv', 'Invitations.csv', 'messages.csv'].map((name) => ({ name, content: fixture(`linkedin/${name}`) })),
    );
    expect(linkedin.status, JSON.stringify(linkedin.body)).toBe(200);
    expect(linkedin.body.interactions.created).toBeGreaterThan(0);
    await expectStoredAgree(me);
    // A calendar: a past meeting with Ana becomes a touch; then it is cancelled and the touch goes.
    const meeting = (status: string) =>
      ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:derived-1@example.org', 'DTSTART:20300110T100000Z', 'DTEND:20300110T110000Z', `STATUS:${status}`, 'SUMMARY:Coffee', 'ATTENDEE:mailto:ANA@lumen.example', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const calendar = await uploader.upload('/api/imports', { source: 'ical' }, [{ name: 'cal.ics', content: meeting('CONFIRMED') }]);
    expect(calendar.body.interactions.created, JSON.stringify(calendar.body)).toBe(1);
    await expectStoredAgree(me);
    const cancelled = await uploader.upload('/api/imports', { source: 'ical' }, [{ name: 'cal.ics', content: meeting('CANCELLED') }]);
    expect(cancelled.body.interactions.removed).toBe(1);
    await expectStoredAgree(me);

    // Merging duplicates: the kept contact takes the other's touches, names and dates.
    const irene = await ok(me.post('/api/contacts', { firstName: 'Irene', lastName: 'Vidal', company: 'Sol', metOn: '2030-12-24', cadenceDays: 90 }));
    await ok(me.post('/api/interactions', { contactIds: [irene.id], occurredAt: '2031-05-05T05:59:00Z', channel: 'meal', direction: 'outbound', intent: 'give' }));
    const pairs = (await ok(me.get('/api/contacts/duplicates'))).items as { contacts: { id: string }[] }[];
    expect(pairs.length).toBeGreaterThan(0);
    const [kept, other] = pairs[0]!.contacts;
    await ok(me.post(`/api/contacts/${kept!.id}/merge`, { otherId: other!.id }));
    await expectStoredAgree(me);

    // Deleting a contact takes its keys with it; restoring it from the trash brings them back.
    await ok(me.del(`/api/contacts/${carla.id}`));
    await expectStoredAgree(me);
    const [trashed] = await ok(me.get('/api/trash'));
    await ok(me.post(`/api/trash/${trashed.id}/restore`));
    await expectStoredAgree(me);

    // A phone (CardDAV) creating a contact and editing another.
    const appPassword = (await ok(me.post('/api/tokens', { name: 'phone' }))).token;
    const basic = `Basic ${Buffer.from(`${me.user.email}:${appPassword}`).toString('base64')}`;
    const put = (name: string, card: string[]) =>
      server.app.inject({
        method: 'PUT',
        url: `/dav/addressbooks/${me.user.id}/contacts/${name}`,
        headers: { authorization: basic, 'content-type': 'text/vcard' },
        payload: [...card, 'END:VCARD', ''].join('\r\n'),
      });
    expect((await put('phone-1.vcf', ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Julia Phone', 'N:Phone;Julia;;;', 'TEL:+34 655 000 111'])).statusCode).toBe(201);
    expect((await put(`${dario.id}.vcf`, ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Darío Núñez', 'N:Núñez;Darío;;;', 'EMAIL:dario@new.example'])).statusCode).toBe(204);
    await expectStoredAgree(me);

    // Pairs come and go with the writes around them: a shared phone, then not; a LinkedIn profile;
    // a number shared by more than MAX_SHARED_KEY contacts (a switchboard: no pairs) that one
    // deletion brings back under the limit (all its holders pair up again).
    const twin = await ok(me.post('/api/contacts', { firstName: 'Ana', lastName: 'Núñez Bis', phones: ['+34 612 345 678'] }));
    await expectStoredAgree(me);
    await ok(me.patch(`/api/contacts/${twin.id}`, { phones: [], links: ['https://www.linkedin.com/in/fernando'] }));
    await expectStoredAgree(me);
    const desk = await Promise.all(
      Array.from({ length: MAX_SHARED_KEY + 1 }, (_, i) => ok(me.post('/api/contacts', { firstName: `Recepción ${i}`, phones: ['+34 910 000 000'] }))),
    );
    await expectStoredAgree(me);
    expect((await server.database.db.select().from(duplicatePairs).where(eq(duplicatePairs.accountId, me.user.accountId))).some((p) => p.reasons.includes('phone'))).toBe(false);
    await ok(me.del(`/api/contacts/${desk[0]!.id}`));
    await expectStoredAgree(me);
    const deskPairs = (await server.database.db.select().from(duplicatePairs).where(eq(duplicatePairs.accountId, me.user.accountId))).filter((p) => p.reasons.includes('phone'));
    expect(deskPairs).toHaveLength((MAX_SHARED_KEY * (MAX_SHARED_KEY - 1)) / 2);

    // Account-wide changes: the cadences and the time zone recompute every contact.
    await ok(me.patch('/api/settings', { cadences: { personal: 10, opportunity: 400 } }));
    await expectStoredAgree(me);
    await ok(me.patch('/api/profile', { timeZone: 'Pacific/Auckland' }));
    await expectStoredAgree(me);

    // A backup restored into another account recomputes everything there.
    const doc = await ok(me.get('/api/exports/json'));
    const other2 = await addUser(server, { timeZone: 'Asia/Tokyo' });
    await ok(other2.call('POST', '/api/backup/restore', doc));
    const restored = await expectStoredAgree(other2);
    expect(restored.length).toBe((await expectStoredAgree(me)).length);
    // Dozens of writes, each checked against the rules: ~25 s on a loaded 2-core runner, so more
    // room than the project's 30 s (a limit for hangs, not a speed check).
  }, 120_000);

  it("gives every new link its interaction's channel, direction and intent, whatever a writer passes", async () => {
    // Plain SQL, as a writer that forgot the rule would: copies left out (looked up per row), given
    // right (the LinkedIn import's way), given wrong or in part (the statement's check corrects
    // them, migration 0026), all in one statement; then a link edited by hand, and a link moved to
    // another interaction.
    const owner = await addUser(server);
    const accountId = owner.user.accountId;
    const people = await Promise.all(['Uno', 'Dos', 'Tres', 'Cuatro', 'Cinco'].map((firstName) => ok(owner.post('/api/contacts', { firstName }))));
    const at = '2031-05-01T10:00:00.000Z';
    const touch = await ok(owner.post('/api/interactions', { contactIds: [people[0]!.id], occurredAt: at, channel: 'call', direction: 'inbound', intent: 'ask' }));
    const other = await ok(owner.post('/api/interactions', { contactIds: [people[0]!.id], occurredAt: at, channel: 'meal', direction: 'outbound', intent: 'give' }));
    await server.database.db.execute(sql`
      insert into interaction_contacts (account_id, interaction_id, contact_id, occurred_at, channel, direction, intent) values
        (${accountId}, ${touch.id}, ${people[1]!.id}, ${at}, null, null, null),
        (${accountId}, ${touch.id}, ${people[2]!.id}, ${at}, 'call', 'inbound', 'ask'),
        (${accountId}, ${touch.id}, ${people[3]!.id}, ${at}, 'email', 'outbound', 'nurture'),
        (${accountId}, ${touch.id}, ${people[4]!.id}, ${at}, 'call', null, 'reply')`);
    expect(await expectCopiesAgree(accountId)).toHaveLength(6);
    await server.database.db.execute(sql`
      insert into interaction_contacts (account_id, interaction_id, contact_id, occurred_at, channel, direction, intent)
      values (${accountId}, ${other.id}, ${people[1]!.id}, ${at}, 'linkedin', 'inbound', 'reply')`);
    await expectCopiesAgree(accountId);
    await server.database.db.execute(sql`update interaction_contacts set channel = 'email', intent = 'nurture' where interaction_id = ${touch.id}`);
    await expectCopiesAgree(accountId);
    await server.database.db.execute(sql`update interaction_contacts set interaction_id = ${other.id} where interaction_id = ${touch.id} and contact_id = ${people[2]!.id}`);
    expect(await expectCopiesAgree(accountId)).toHaveLength(7);
  });

  it('re-keys an account whose keys are missing or from an older rule before finding duplicates', async () => {
    const owner = await addUser(server);
    await ok(owner.post('/api/contacts', { firstName: 'Rosa', emails: ['rosa@example.com'] }));
    await ok(owner.post('/api/contacts', { firstName: 'Rosa Bis', emails: ['ROSA@example.com'] }));
    // As the migration leaves an account that existed before the keys were stored.
    await server.database.db.delete(contactKeys).where(eq(contactKeys.accountId, owner.user.accountId));
    await server.database.db.update(accounts).set({ matchKeysVersion: 0 }).where(eq(accounts.id, owner.user.accountId));
    const page = await ok(owner.get('/api/contacts/duplicates'));
    expect(page.items.map((p: { reasons: string[] }) => p.reasons)).toEqual([['email']]);
    await expectStoredAgree(owner);

    // As a large import leaves them (refreshDuplicatePairs past SCOPED_LIMIT): the read recomputes.
    await server.database.db.delete(duplicatePairs).where(eq(duplicatePairs.accountId, owner.user.accountId));
    await server.database.db.update(accounts).set({ duplicatePairsStale: true }).where(eq(accounts.id, owner.user.accountId));
    expect(await ok(owner.get('/api/contacts/duplicates'))).toEqual(page);
    const [account] = await server.database.db.select().from(accounts).where(eq(accounts.id, owner.user.accountId));
    expect(account!.duplicatePairsStale).toBe(false);
    await expectStoredAgree(owner);
  });
});
