// Finding the duplicates already in an account and merging them without losing anything (docs/domain.md#duplicates-and-merging).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/database.js';
import { MERGED_REFERENCES } from '../../src/server/features/contacts/merge-duplicates.js';
import { checkedByTriggers } from '../support/account-references.js';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { addUser } from '../support/users.js';

let server: TestServer;
let me: ApiClient;
const NOW = new Date('2026-11-23T09:00:00Z');

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  me = await setupOwner(server.app);
});
afterAll(() => server.close());

async function contact(body: Record<string, unknown>) {
  const reply = await me.post('/api/contacts', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { id: string; displayName: string };
}

async function allPairs(client: ApiClient = me, limit = 100) {
  const pairs: { reasons: string[]; ids: string[] }[] = [];
  let cursor: string | null = null;
  let total = -1;
  do {
    const reply: { status: number; body: any } = await client.get(`/api/contacts/duplicates?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    for (const item of reply.body.items) pairs.push({ reasons: item.reasons, ids: item.contacts.map((c: { id: string }) => c.id).sort() });
    total = reply.body.total;
    cursor = reply.body.nextCursor;
  } while (cursor);
  expect(pairs).toHaveLength(total);
  return pairs;
}

const pairOf = (a: { id: string }, b: { id: string }) => [a.id, b.id].sort();

describe('finding duplicates', () => {
  it('pairs contacts by LinkedIn profile, e-mail, phone and name + company, saying why', async () => {
    const ana1 = await contact({ firstName: 'Ana', lastName: 'García', company: 'Acme', emails: ['Ana@Acme.es'] });
    const ana2 = await contact({ firstName: 'ana', lastName: 'garcia', company: 'ACME ', emails: ['ana@acme.es '], phones: ['+34 600 111 222'] });
    const ana3 = await contact({ displayName: 'Anita', phones: ['0034-600-111-222'] });
    const luis1 = await contact({ firstName: 'Luis', links: ['https://www.linkedin.com/in/Luis-P/'] });
    const luis2 = await contact({ firstName: 'Lucho', links: ['http://linkedin.com/in/luis-p?trk=abc'] });
    // Same name, different LinkedIn profiles: two people.
    const pablo1 = await contact({ firstName: 'Pablo', lastName: 'Ruiz', links: ['https://linkedin.com/in/pablo-1'] });
    const pablo2 = await contact({ firstName: 'Pablo', lastName: 'Ruiz', links: ['https://linkedin.com/in/pablo-2'] });
    // Same name, different companies; and a short phone that is an extension.
    await contact({ firstName: 'Eva', company: 'Uno', phones: ['123'] });
    await contact({ firstName: 'Eva', company: 'Dos', phones: ['123'] });

    const pairs = await allPairs(me, 2);
    expect(pairs).toHaveLength(3);
    expect(pairs).toContainEqual({ ids: pairOf(ana1, ana2), reasons: ['email', 'name'] });
    expect(pairs).toContainEqual({ ids: pairOf(ana2, ana3), reasons: ['phone'] });
    expect(pairs).toContainEqual({ ids: pairOf(luis1, luis2), reasons: ['linkedin'] });
    expect(pairs).not.toContainEqual(expect.objectContaining({ ids: pairOf(pablo1, pablo2) }));
    // Ana 1 and Ana 3 share nothing directly.
    expect(pairs).not.toContainEqual(expect.objectContaining({ ids: pairOf(ana1, ana3) }));

    const first = (await me.get('/api/contacts/duplicates?limit=1')).body;
    expect(first.total).toBe(3);
    expect(first.items[0].contacts[0]).toMatchObject({ counts: { interactions: 0, followups: 0, favors: 0 }, hasPhoto: false });
  });

  it('shows on each side how much hangs on that contact: touches, follow-ups and favors', async () => {
    const busy = await contact({ firstName: 'Irene', lastName: 'Sanz', emails: ['irene@sanz.es'] });
    const quiet = await contact({ firstName: 'Irene', emails: ['IRENE@sanz.es'] });
    await me.post('/api/interactions', { contactIds: [busy.id], channel: 'call', direction: 'outbound', intent: 'nurture' });
    await me.post('/api/followups', { contactId: busy.id, dueOn: '2026-12-01', title: 'Send the deck' });
    await me.post('/api/followups', { contactId: busy.id, dueOn: '2026-12-02', title: 'Call back' });
    await me.post('/api/favors', { contactId: busy.id, direction: 'given', kind: 'advice' });
    // The account holds the pairs of the tests before this one too: find Irene's.
    const { items } = (await me.get('/api/contacts/duplicates?limit=100')).body;
    const pair = items.find((p: { contacts: { id: string }[] }) => p.contacts.some((c) => c.id === busy.id));
    const sides = Object.fromEntries(pair.contacts.map((c: { id: string; counts: unknown }) => [c.id, c.counts]));
    expect(sides[busy.id]).toEqual({ interactions: 1, followups: 2, favors: 1 });
    expect(sides[quiet.id]).toEqual({ interactions: 0, followups: 0, favors: 0 });
  });

  it('offers the same full name as a weaker hint, only when nothing contradicts it', async () => {
    const other = await addUser(server);
    const make = async (body: Record<string, unknown>) => (await other.post('/api/contacts', body)).body;
    // One from LinkedIn with a company, one from the phone without: the same person, most likely.
    const tom1 = await make({ firstName: 'Tom', lastName: 'Becker', company: 'Contoso', links: ['https://www.linkedin.com/in/tombecker'] });
    const tom2 = await make({ firstName: 'TOM', lastName: 'Becker ', emails: ['tom@becker.example'] });
    // Each with an e-mail of their own: two people who share a name. (With no company on either,
    // name + company would pair them, as imports match: see the first test.)
    await make({ firstName: 'María', lastName: 'López', company: 'Uno', emails: ['maria@uno.example'] });
    await make({ firstName: 'Maria', lastName: 'Lopez', emails: ['mlopez@dos.example'] });
    // Each with a phone of their own, likewise.
    await make({ firstName: 'Juan', lastName: 'Pérez', company: 'Uno', phones: ['+34 600 000 001'] });
    await make({ firstName: 'Juan', lastName: 'Perez', phones: ['+34 600 000 002'] });
    // Two different LinkedIn profiles.
    await make({ firstName: 'Sara', lastName: 'Kim', company: 'Uno', links: ['https://linkedin.com/in/sara-1'] });
    await make({ firstName: 'Sara', lastName: 'Kim', links: ['https://linkedin.com/in/sara-2'] });
    // A stronger reason says it all: no extra 'same_name' beside it.
    const eva1 = await make({ firstName: 'Eva', lastName: 'Sanz', emails: ['eva@sanz.example'] });
    const eva2 = await make({ firstName: 'Eva', lastName: 'Sanz', emails: ['EVA@sanz.example'], company: 'Sanz SL' });

    const pairs = await allPairs(other, 10);
    expect(pairs).toEqual(
      expect.arrayContaining([
        { ids: pairOf(tom1, tom2), reasons: ['same_name'] },
        { ids: pairOf(eva1, eva2), reasons: ['email'] },
      ]),
    );
    expect(pairs, JSON.stringify(pairs)).toHaveLength(2);
  });

  it('leaves out a key that many contacts share (a switchboard, a team inbox)', async () => {
    const before = (await me.get('/api/contacts/duplicates')).body.total;
    for (let i = 0; i < 26; i++) await contact({ firstName: `Support ${i}`, emails: ['help@bigco.example'] });
    expect((await me.get('/api/contacts/duplicates')).body.total).toBe(before);
  });

  it('finds the pairs among the heavy user’s 30,000 contacts, written behind its back by SQL', async () => {
    const heavy = await addUser(server);
    // 30,000 people; every 100th shares an e-mail with the one before, every 250th a phone too.
    await server.database.db.execute(sql`
      insert into contacts (account_id, first_name, last_name, display_name, emails, phones, company, linkedin_key, created_at, updated_at)
      select ${heavy.user.accountId}, 'Person', 'N' || i, 'Person N' || i,
        array['p' || (case when i % 100 = 0 then i - 1 else i end) || '@x.example'],
        array['+34 6' || lpad((case when i % 250 = 0 then i - 1 else i end)::text, 8, '0')],
        'Company ' || (i % 500), 'linkedin.com/in/p' || i, ${server.now()}, ${server.now()}
      from generate_series(1, 30000) i`);
    await server.database.db.execute(sql`analyze contacts`);
    // Its speed is the bench's business (README "Performance"), never a timed test's.
    const page = (await heavy.get('/api/contacts/duplicates?limit=20')).body;
    // 300 share an e-mail (60 of them a phone too: multiples of 500) and 60 more only a phone.
    expect(page.total).toBe(360);
    expect(page.items).toHaveLength(20);
    expect(page.items.every((p: { reasons: string[] }) => p.reasons.includes('email') || p.reasons.includes('phone'))).toBe(true);
  }, 120_000);

  it('refuses a cursor it did not make', async () => {
    const reply = await me.get('/api/contacts/duplicates?cursor=nonsense');
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].field).toBe('cursor');
  });
});

describe('merging', () => {
  it('keeps everything from both and moves every record that pointed at the other', async () => {
    const kept = await contact({
      firstName: 'Marta',
      company: 'Acme',
      emails: ['marta@acme.es'],
      tags: ['madrid'],
      notes: 'Met at the Acme fair.',
      stage: 'in_conversation',
      interests: ['jazz'],
    });
    const carla = await contact({ firstName: 'Carla' });
    const other = await contact({
      firstName: 'Marta',
      lastName: 'Sánchez',
      company: 'Other',
      title: 'CTO',
      emails: ['MARTA@acme.es', 'marta@home.es'],
      phones: ['+34 611 000 111'],
      links: ['https://www.linkedin.com/in/marta-s'],
      tags: ['Madrid', 'tech'],
      notes: 'Likes climbing.',
      birthday: '--04-12',
      interests: ['climbing'],
      communities: ['Python Madrid'],
      schools: ['UPM'],
      pastCompanies: ['Telefónica'],
      introducedById: carla.id,
      metOn: '2024-02-01',
    });
    await me.patch(`/api/contacts/${other.id}`, { stage: 'met_in_person' });
    const introduced = await contact({ firstName: 'Dani', introducedById: other.id });

    // Touches: one with both (must not be duplicated), one with the other only (the newest).
    const both = (await me.post('/api/interactions', { contactIds: [kept.id, other.id], channel: 'meal', direction: 'outbound', intent: 'give', occurredAt: '2026-10-01T12:00:00Z' })).body;
    const onlyOther = (await me.post('/api/interactions', { contactIds: [other.id], channel: 'call', direction: 'inbound', intent: 'reply', occurredAt: '2026-11-20T12:00:00Z' })).body;
    const followup = (await me.post('/api/followups', { contactId: other.id, dueOn: '2026-12-01', title: 'Send the deck' })).body;
    const favor = (await me.post('/api/favors', { contactId: other.id, direction: 'received', kind: 'advice' })).body;
    const intro = (await me.post('/api/favors', { contactId: carla.id, direction: 'received', kind: 'introduction', introducedToId: other.id })).body;
    const invitation = (await me.post('/api/invitations', { direction: 'incoming', contactId: other.id, message: 'Hola' })).body;
    // An event with both on its list, and one with the other only.
    const fair = (await me.post('/api/events', { name: 'Fair', startsAt: '2026-12-02T09:00:00Z' })).body;
    await me.post(`/api/events/${fair.id}/attendees`, { contactId: kept.id, why: 'Catch up', topics: ['jazz'] });
    await me.post(`/api/events/${fair.id}/attendees`, { contactId: other.id, target: true, why: 'Ask about CTO role', topics: ['hiring', 'jazz'] });
    const meetup = (await me.post('/api/events', { name: 'Meetup', startsAt: '2026-12-03T18:00:00Z' })).body;
    await me.post(`/api/events/${meetup.id}/attendees`, { contactId: other.id });
    // A campaign with both (the other further along), and one with the other only.
    const search = (await me.post('/api/campaigns', { name: 'Search', goal: 'job_search' })).body;
    await me.post(`/api/campaigns/${search.id}/members`, { contactId: kept.id });
    await me.post(`/api/campaigns/${search.id}/members`, { contactId: other.id });
    expect((await me.patch(`/api/campaigns/${search.id}/members/${other.id}`, { stage: 'meeting_scheduled' })).status).toBe(200);
    const clients = (await me.post('/api/campaigns', { name: 'Clients', goal: 'job_search' })).body;
    await me.post(`/api/campaigns/${clients.id}/members`, { contactId: other.id });

    expect((await allPairs()).map((p) => p.ids)).toContainEqual(pairOf(kept, other));

    const reply = await me.post(`/api/contacts/${kept.id}/merge`, { otherId: other.id });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({
      id: kept.id,
      firstName: 'Marta',
      lastName: 'Sánchez',
      displayName: 'Marta Sánchez',
      company: 'Acme',
      title: 'CTO',
      emails: ['marta@acme.es', 'marta@home.es'],
      phones: ['+34 611 000 111'],
      links: ['https://www.linkedin.com/in/marta-s'],
      tags: ['madrid', 'tech'],
      // Both notes, and what the kept contact's own fields could not hold.
      notes: 'Met at the Acme fair.\n\nLikes climbing.\n\nAlso, from the merged record: Company: Other.',
      birthday: '--04-12',
      interests: ['jazz', 'climbing'],
      communities: ['Python Madrid'],
      schools: ['UPM'],
      pastCompanies: ['Telefónica'],
      introducedById: carla.id,
      metOn: '2024-02-01',
      stage: 'met_in_person',
      lastInteractionAt: '2026-11-20T12:00:00.000Z',
    });
    expect((await me.get(`/api/contacts/${other.id}`)).status).toBe(404);

    const timeline = (await me.get(`/api/contacts/${kept.id}/timeline`)).body.items;
    const touchIds = timeline.filter((t: { type: string }) => t.type === 'interaction').map((t: { interaction: { id: string } }) => t.interaction.id);
    expect(touchIds.sort()).toEqual([both.id, onlyOther.id].sort());
    expect((await me.get(`/api/interactions/${both.id}`)).body.contactIds).toEqual([kept.id]);
    expect((await me.get(`/api/followups/${followup.id}`)).body.contactId).toBe(kept.id);
    expect((await me.get(`/api/favors/${favor.id}`)).body.contactId).toBe(kept.id);
    expect((await me.get(`/api/favors/${intro.id}`)).body.introducedToId).toBe(kept.id);
    expect((await me.get(`/api/invitations/${invitation.id}`)).body.contactId).toBe(kept.id);
    expect((await me.get(`/api/contacts/${introduced.id}`)).body.introducedById).toBe(kept.id);

    const fairAfter = (await me.get(`/api/events/${fair.id}`)).body.attendees;
    expect(fairAfter).toHaveLength(1);
    expect(fairAfter[0]).toMatchObject({ contactId: kept.id, target: true, why: 'Catch up\n\nAsk about CTO role', topics: ['jazz', 'hiring'] });
    expect((await me.get(`/api/events/${meetup.id}`)).body.attendees.map((a: { contactId: string }) => a.contactId)).toEqual([kept.id]);
    const searchAfter = (await me.get(`/api/campaigns/${search.id}`)).body.members;
    expect(searchAfter).toEqual([expect.objectContaining({ contactId: kept.id, stage: 'meeting_scheduled' })]);
    expect((await me.get(`/api/campaigns/${clients.id}`)).body.members.map((m: { contactId: string }) => m.contactId)).toEqual([kept.id]);

    const [moves] = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from stage_changes where contact_id = ${kept.id}`);
    expect(moves!.n).toBe(1);
    // The pair is gone from the duplicates.
    expect((await allPairs()).map((p) => p.ids)).not.toContainEqual(pairOf(kept, other));
  });

  it('refuses to merge a contact with itself, and unknown or other accounts’ contacts', async () => {
    const a = await contact({ firstName: 'Solo' });
    const self = await me.post(`/api/contacts/${a.id}/merge`, { otherId: a.id });
    expect(self.status).toBe(400);
    expect(self.body.errors[0].field).toBe('otherId');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await me.post(`/api/contacts/${a.id}/merge`, { otherId: unknown })).status).toBe(404);
    expect((await me.post(`/api/contacts/${unknown}/merge`, { otherId: a.id })).status).toBe(404);
    expect((await me.post(`/api/contacts/${a.id}/merge`, { otherId: 'nope' })).status).toBe(400);

    const mallory = await addUser(server);
    const hers = (await mallory.post('/api/contacts', { firstName: 'Solo' })).body;
    expect((await me.post(`/api/contacts/${a.id}/merge`, { otherId: hers.id })).status).toBe(404);
    expect((await mallory.post(`/api/contacts/${hers.id}/merge`, { otherId: a.id })).status).toBe(404);
    expect((await mallory.get(`/api/contacts/${hers.id}`)).status).toBe(200);
    expect((await me.get(`/api/contacts/${a.id}`)).body.firstName).toBe('Solo');
    expect((await allPairs(mallory)).length).toBe(0);
  });

  it('handles every table that references a contact', async () => {
    const rows = await queryRows<{ ref: string }>(server.database.db, sql`
      select cl.relname || '.' || a.attname as ref
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and c.confrelid = 'contacts'::regclass and a.attname <> 'account_id'`);
    // And the references kept by triggers instead of keys (migration 0029): a link's contact.
    const byTriggers = checkedByTriggers.filter((r) => r.target === 'contacts').map((r) => `${r.table}.${r.column.name}`);
    expect(byTriggers).toEqual(['interaction_contacts.contact_id']);
    expect([...rows.map((r) => r.ref), ...byTriggers].sort(), 'a table references contacts: move its rows in contacts/merge-duplicates.ts').toEqual([...MERGED_REFERENCES].sort());
  });
});
