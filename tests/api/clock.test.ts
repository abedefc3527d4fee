// The app's clock decides every stored time (src/server/db/schema.ts). A time taken from the
// database's own now() would disagree with it whenever the two clocks differ: a test standing on a
// fixed day, or a database server whose clock drifts. These tests stand far from the real date, so
// a stray database clock shows up whatever the week the suite runs in.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/database.js';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let me: ApiClient;
const FIXED = new Date('2031-03-05T10:00:00Z');

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(FIXED);
  me = await setupOwner(server.app, { name: 'Clara Reloj', timeZone: 'Europe/Madrid', language: 'es' });
});
afterAll(() => server.close());

const created = async (path: string, body: Record<string, unknown>) => {
  const reply = await me.post(path, body);
  expect(reply.status, `${path}: ${JSON.stringify(reply.body)}`).toBeLessThan(300);
  return reply.body;
};

describe('the clock', () => {
  it('leaves no timestamp column to default to the database server’s now()', async () => {
    const defaults = await queryRows<{ table_name: string; column_name: string; column_default: string }>(
      server.database.db,
      sql`select table_name, column_name, column_default from information_schema.columns
          where table_schema = 'public' and data_type like 'timestamp%' and column_default is not null`,
    );
    expect(defaults).toEqual([]);
  });

  it('stamps every write of every feature with the app’s time, not the database’s', async () => {
    const ana = await created('/api/contacts', { firstName: 'Ana', circle: 'professional' });
    const bruno = await created('/api/contacts', { firstName: 'Bruno' });
    await me.patch(`/api/contacts/${bruno.id}`, { stage: 'in_conversation', company: 'Lumen' });
    await created('/api/interactions', { contactIds: [ana.id], channel: 'coffee', direction: 'outbound', intent: 'nurture' });
    await created('/api/followups', { contactId: ana.id, dueOn: '2031-03-10', title: 'Llamar' });
    const favor = await created('/api/favors', {
      contactId: ana.id,
      direction: 'received',
      kind: 'introduction',
      effort: 'large',
      newIntroducedContact: { firstName: 'Carmen' },
    });
    await created(`/api/favors/${favor.id}/thank`, {});
    const event = await created('/api/events', { name: 'Meetup', startsAt: '2031-03-01T18:00:00Z' });
    await created(`/api/events/${event.id}/attendees`, { contactId: bruno.id, target: true });
    await created(`/api/events/${event.id}/capture`, { people: [{ name: 'Diego Ruiz' }] });
    const campaign = await created('/api/campaigns', { name: 'Empleo', goal: 'job_search' });
    await created(`/api/campaigns/${campaign.id}/members`, { contactId: ana.id });
    await me.patch(`/api/campaigns/${campaign.id}/members/${ana.id}`, { stage: 'met' });
    await created(`/api/campaigns/${campaign.id}/members/${ana.id}/referrals`, { people: [{ firstName: 'Elena' }] });
    await created('/api/invitations', { direction: 'incoming', newContact: { firstName: 'Fernando' } });
    await created('/api/templates', { purpose: 'custom', language: 'es', name: 'Mía', body: 'Hola {{firstName}}' });
    await created('/api/tokens', { name: 'script', scope: 'read', expiresAt: '2031-04-04T10:00:00Z' });
    const colleague = await created('/api/users', { name: 'Colega', email: 'colega@example.com', password: 'a long enough password' });
    await created(`/api/users/${colleague.id}/disable`, {});

    // Every timestamp in every table: the fixed day, or a time the test itself chose near it.
    const columns = await queryRows<{ table_name: string; column_name: string }>(
      server.database.db,
      sql`select table_name, column_name from information_schema.columns
          where table_schema = 'public' and data_type like 'timestamp%' order by 1, 2`,
    );
    const stamped: string[] = [];
    for (const { table_name, column_name } of columns) {
      const [row] = await queryRows<{ n: number; off: number }>(
        server.database.db,
        sql`select count(${sql.identifier(column_name)})::int as n,
              count(*) filter (where ${sql.identifier(column_name)} not between ${new Date('2031-02-01T00:00:00Z')} and ${new Date('2031-04-30T00:00:00Z')})::int as off
            from ${sql.identifier(table_name)}`,
      );
      if (row!.n > 0) stamped.push(`${table_name}.${column_name}`);
      expect(row!.off, `${table_name}.${column_name} holds times away from the app's clock`).toBe(0);
    }
    // The tour above really wrote the tables that matter for "this week" and "new contacts".
    expect(stamped).toEqual(
      expect.arrayContaining([
        'contacts.created_at',
        'contacts.updated_at',
        'interactions.created_at',
        'followups.created_at',
        'favors.created_at',
        'events.created_at',
        'event_attendees.created_at',
        'campaigns.created_at',
        'campaign_members.stage_changed_at',
        'stage_changes.changed_at',
        'invitations.created_at',
        'templates.created_at',
        'api_tokens.created_at',
        'api_tokens.expires_at',
        'users.disabled_at',
        'sessions.created_at',
        'users.created_at',
        'accounts.created_at',
      ]),
    );
  });
});
