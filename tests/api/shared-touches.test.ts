// The touches with both people (shared_touches, docs/architecture.md#database) are counted by
// triggers on interaction_contacts as touches are written. After each kind of write that adds,
// moves or removes a touch's people (touches, their edits, the calendar, the trash, merges,
// restores, cascades, and plain SQL updates of a link), the whole table must equal the same
// aggregate computed from scratch from interaction_contacts: every pair, both directions, how
// many touches and the newest.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/database.js';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { uploaderFor } from '../support/multipart.js';
import { addUser } from '../support/users.js';

let server: TestServer;
let me: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(new Date('2031-06-15T12:00:00Z'));
  me = await setupOwner(server.app, { name: 'Pilar Pares' });
});
afterAll(() => server.close());

const ok = async (reply: Promise<{ status: number; body: any }>) => {
  const { status, body } = await reply;
  expect(status, JSON.stringify(body)).toBeLessThan(300);
  return body;
};

type PairRow = { account_id: string; contact_id: string; other_id: string; touches: number; last_at: string | Date };
const line = (r: PairRow) => `${r.account_id} ${r.contact_id} ${r.other_id} ${r.touches} ${new Date(r.last_at).toISOString()}`;

/** The stored pairs of every account against the aggregate from scratch; returns how many there are. */
async function expectPairsAgree(): Promise<number> {
  const { db } = server.database;
  const stored = await queryRows<PairRow>(db, sql`select account_id, contact_id, other_id, touches, last_at from shared_touches`);
  const counted = await queryRows<PairRow>(
    db,
    sql`select a.account_id, a.contact_id, b.contact_id as other_id, count(*)::int as touches, max(b.occurred_at) as last_at
        from interaction_contacts a
          join interaction_contacts b on b.interaction_id = a.interaction_id and b.account_id = a.account_id and b.contact_id <> a.contact_id
        group by 1, 2, 3`,
  );
  expect(stored.map(line).sort(), 'shared_touches against interaction_contacts').toEqual(counted.map(line).sort());
  return stored.length;
}

const touch = (contactIds: string[], occurredAt: string) =>
  ok(me.post('/api/interactions', { contactIds, occurredAt, channel: 'coffee', direction: 'outbound', intent: 'nurture' }));

describe('shared touches kept by triggers', () => {
  it('agree with the touches after every write that changes who was in one', async () => {
    const [ana, bruno, carla, dario, elena] = await Promise.all(
      ['Ana', 'Bruno', 'Carla', 'Darío', 'Elena'].map((firstName, i) =>
        ok(me.post('/api/contacts', { firstName, lastName: 'Pares', emails: [`${['ana', 'bruno', 'carla', 'dario', 'elena'][i]}@pares.example`] })),
      ),
    );
    expect(await expectPairsAgree()).toBe(0);

    // Touches with one, two and three people; the same pair again, older and newer.
    await touch([ana.id], '2031-01-10T10:00:00Z');
    const ab = await touch([ana.id, bruno.id], '2031-02-10T10:00:00Z');
    const abc = await touch([ana.id, bruno.id, carla.id], '2031-03-10T10:00:00Z');
    await touch([bruno.id, carla.id], '2031-01-05T10:00:00Z');
    const newest = await touch([ana.id, carla.id], '2031-05-01T10:00:00Z');
    expect(await expectPairsAgree()).toBe(6);

    // Edited: other people, and another time (earlier than the pair's newest, then later).
    await ok(me.patch(`/api/interactions/${ab.id}`, { contactIds: [ana.id, dario.id] }));
    await expectPairsAgree();
    await ok(me.patch(`/api/interactions/${abc.id}`, { occurredAt: '2030-12-01T10:00:00Z' }));
    await expectPairsAgree();
    await ok(me.patch(`/api/interactions/${ab.id}`, { occurredAt: '2031-06-01T10:00:00Z', contactIds: [ana.id, dario.id, elena.id] }));
    await expectPairsAgree();
    // Only the kind of touch: the API writes the links again; plain SQL passes it on to the links
    // (a trigger of migration 0020) and leaves the pairs alone.
    await ok(me.patch(`/api/interactions/${abc.id}`, { channel: 'call' }));
    await expectPairsAgree();
    await server.database.db.execute(sql`update interactions set channel = 'email' where id = ${abc.id}`);
    await expectPairsAgree();

    // Deleted: the pair's newest touch (its date goes back to the one before), then a pair's last.
    await ok(me.del(`/api/interactions/${newest.id}`));
    await expectPairsAgree();
    const [dario2] = (await ok(me.get(`/api/interactions?contactId=${dario.id}`))).items;
    await ok(me.del(`/api/interactions/${dario2.id}`));
    await expectPairsAgree();

    // Several touches deleted by one statement (as the calendar import removes cancelled ones).
    const first = await touch([ana.id, elena.id], '2031-04-01T10:00:00Z');
    const second = await touch([ana.id, elena.id, carla.id], '2031-04-02T10:00:00Z');
    await expectPairsAgree();
    await server.database.db.execute(sql`delete from interactions where id in (${first.id}, ${second.id})`);
    await expectPairsAgree();

    // The calendar: a meeting with two of them, moved, then cancelled.
    const uploader = await uploaderFor(server.app, me);
    const meeting = (start: string, status: string) =>
      ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:pairs-1@example.org', `DTSTART:${start}`, 'DTEND:20310301T110000Z', `STATUS:${status}`,
        'SUMMARY:Coffee', 'ATTENDEE:mailto:bruno@pares.example', 'ATTENDEE:mailto:elena@pares.example', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const created = await uploader.upload('/api/imports', { source: 'ical' }, [{ name: 'cal.ics', content: meeting('20310301T100000Z', 'CONFIRMED') }]);
    expect(created.body.interactions.created, JSON.stringify(created.body)).toBe(1);
    await expectPairsAgree();
    const moved = await uploader.upload('/api/imports', { source: 'ical' }, [{ name: 'cal.ics', content: meeting('20310301T090000Z', 'CONFIRMED') }]);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    await expectPairsAgree();
    const cancelled = await uploader.upload('/api/imports', { source: 'ical' }, [{ name: 'cal.ics', content: meeting('20310301T090000Z', 'CANCELLED') }]);
    expect(cancelled.body.interactions.removed).toBe(1);
    await expectPairsAgree();

    // A contact deleted (their pairs go, and the others' pairs with them), then restored.
    await touch([carla.id, dario.id, elena.id], '2031-05-20T10:00:00Z');
    const before = await expectPairsAgree();
    await ok(me.del(`/api/contacts/${carla.id}`));
    expect(await expectPairsAgree()).toBeLessThan(before);
    const [trashed] = await ok(me.get('/api/trash'));
    await ok(me.post(`/api/trash/${trashed.id}/restore`));
    expect(await expectPairsAgree()).toBe(before);

    // A merge: the touches of the one that goes move to the one kept (those with both stay one).
    await touch([bruno.id, dario.id], '2031-05-25T10:00:00Z');
    await touch([bruno.id, elena.id, ana.id], '2031-05-26T10:00:00Z');
    await expectPairsAgree();
    await ok(me.post(`/api/contacts/${ana.id}/merge`, { otherId: bruno.id }));
    await expectPairsAgree();

    // Plain SQL, as any code could: a link moved to another touch (with that touch's time), a
    // touch's time moved on all its links, a link given to another person (the merged Ana, not in
    // that touch).
    const solo = await touch([dario.id], '2031-06-05T10:00:00Z');
    const [someLink] = await queryRows<{ interaction_id: string }>(
      server.database.db,
      sql`select interaction_id from interaction_contacts where contact_id = ${elena.id} order by occurred_at desc limit 1`,
    );
    await server.database.db.execute(sql`update interaction_contacts set interaction_id = ${solo.id},
      occurred_at = (select occurred_at from interactions where id = ${solo.id})
      where interaction_id = ${someLink!.interaction_id} and contact_id = ${elena.id}`);
    await expectPairsAgree();
    await server.database.db.execute(sql`update interactions set occurred_at = '2031-06-10T08:00:00Z' where id = ${solo.id}`);
    await server.database.db.execute(sql`update interaction_contacts set occurred_at = '2031-06-10T08:00:00Z' where interaction_id = ${solo.id}`);
    await expectPairsAgree();
    await server.database.db.execute(sql`update interaction_contacts set contact_id = ${ana.id} where interaction_id = ${solo.id} and contact_id = ${elena.id}`);
    await expectPairsAgree();

    // Two contacts deleted by one statement, in touches together and with someone who stays
    // (each one's links go by its own cascade).
    const [fran, gala] = await Promise.all(['Fran', 'Gala'].map((firstName) => ok(me.post('/api/contacts', { firstName }))));
    await touch([fran.id, gala.id, dario.id], '2031-06-11T10:00:00Z');
    await touch([fran.id, dario.id], '2031-06-12T10:00:00Z');
    await touch([gala.id, ana.id], '2031-06-13T10:00:00Z');
    await expectPairsAgree();
    await server.database.db.execute(sql`delete from contacts where id in (${fran.id}, ${gala.id})`);
    await expectPairsAgree();

    // A backup restored over the account (all deleted, then the links in batches), and into another.
    const doc = await ok(me.get('/api/exports/json'));
    const count = await expectPairsAgree();
    await ok(me.call('POST', '/api/backup/restore?replace=true', doc));
    expect(await expectPairsAgree()).toBe(count);
    const other = await addUser(server);
    await ok(other.call('POST', '/api/backup/restore', doc));
    expect(await expectPairsAgree()).toBe(2 * count);

    // A whole account deleted: its pairs go, the other's stay.
    await server.database.db.execute(sql`delete from accounts where id = ${other.user.accountId}`);
    expect(await expectPairsAgree()).toBe(count);
    expect(count).toBeGreaterThan(0);
  }, 60_000);
});
