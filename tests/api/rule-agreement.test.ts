// Rules written twice, as a pure TypeScript function (the reference, src/shared/rules/) and as
// SQL that filters in the database, must agree. Each SQL twin is evaluated here on the database
// (PGlite, and PostgreSQL with TEST_DATABASE_URL) over a table of cases, row by row against the
// rule (favors with no news, the 12-month windows, an invitation's status, being engaged with a
// contact). The keep-in-touch
// due date has its own (tests/api/followups-today.test.ts); merging notes
// has no SQL copy left (src/server/features/contacts/merge-duplicates.ts uses mergeNotes itself).
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactSources, invitationOutcomes, type Intent } from '../../src/shared/enums.js';
import { isEngaged } from '../../src/shared/rules/engagement.js';
import { engagedByColumns } from '../../src/server/features/today/queries.js';
import { askStats, type OutboundTouch } from '../../src/shared/rules/ask-only.js';
import { invitationStatus } from '../../src/shared/rules/funnel.js';
import { givenWithoutNews, reciprocity } from '../../src/shared/rules/favors.js';
import { addDays } from '../../src/shared/rules/time.js';
import { queryRows } from '../../src/server/db/database.js';
import { contacts, favors, interactionContacts, invitations } from '../../src/server/db/schema.js';
import { askWindowSql } from '../../src/server/features/contacts/ask-sql.js';
import { lastTwelveMonthsSql, noNewsSql } from '../../src/server/features/favors/rules-sql.js';
import { invitationStatusSql } from '../../src/server/features/invitations/queries.js';
import { askStatsOf } from '../../src/server/features/contacts/ask-sql.js';
import { setupOwner } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/**
 * Evaluates `expression` (SQL written against `table`'s columns, as the queries use it) for each
 * row: the rows stand in for the table under its own name, so `"favors"."occurred_on"` reads the
 * case's value. Each column is cast to its type in the schema.
 */
async function evaluate(table: SQL, columns: [name: string, type: string][], rows: unknown[][], expression: SQL): Promise<boolean[]> {
  const values = rows.map((row, i) => sql`(${i}::int, ${sql.join(row.map((value, c) => sql`${value}::${sql.raw(columns[c]![1])}`), sql`, `)})`);
  const names = sql.raw(['"case"', ...columns.map(([name]) => `"${name}"`)].join(', '));
  const result = await queryRows<{ case: number; holds: boolean }>(
    server.database.db,
    sql`select "case", coalesce(${expression}, false) as holds from (values ${sql.join(values, sql`, `)}) as ${table} (${names}) order by "case"`,
  );
  return result.map((r) => r.holds);
}

/** Dates around the edges of a window ending on `today`: each side of each boundary. */
const datesAround = (today: string, edges: number[]) => [...new Set(edges.flatMap((days) => [-1, 0, 1].map((d) => addDays(today, -days + d))))];

// Ordinary days, leap days and the days around them, a year's turn.
const TODAYS = ['2026-11-25', '2028-02-29', '2028-03-01', '2029-02-28', '2029-03-01', '2027-01-01', '2026-12-31'];

describe('favors with no news', () => {
  it('noNewsSql() agrees with givenWithoutNews() on every case', async () => {
    for (const today of TODAYS) {
      const cases = datesAround(today, [0, 29, 30, 31, 365]).flatMap((occurredOn) =>
        (['given', 'received'] as const).flatMap((direction) =>
          [null, occurredOn, today].map((outcomeReportedOn) => ({ direction, occurredOn, outcomeReportedOn })),
        ),
      );
      const bySql = await evaluate(
        sql`${favors}`,
        [
          ['direction', 'text'],
          ['occurred_on', 'date'],
          ['outcome_reported_on', 'date'],
        ],
        cases.map((c) => [c.direction, c.occurredOn, c.outcomeReportedOn]),
        noNewsSql(today),
      );
      const byRule = cases.map((c) => givenWithoutNews(c, today));
      expect(bySql, `today ${today}`).toEqual(byRule);
      expect(byRule.filter(Boolean).length, 'the table has cases on both sides').toBeGreaterThan(0);
      expect(byRule.filter((b) => !b).length).toBeGreaterThan(0);
    }
  });
});

describe('the 12-month window', () => {
  it('lastTwelveMonthsSql() selects exactly the favors reciprocity() counts', async () => {
    for (const today of TODAYS) {
      const dates = datesAround(today, [-1, 0, 1, 364, 365, 366, 730]);
      const bySql = await evaluate(sql`${favors}`, [['occurred_on', 'date']], dates.map((d) => [d]), lastTwelveMonthsSql(today));
      // reciprocity() counts a favor, or not: one favor at a time tells which.
      const byRule = dates.map((occurredOn) => reciprocity([{ direction: 'given', occurredOn }], today).given === 1);
      expect(bySql, `today ${today}`).toEqual(byRule);
      expect(byRule.filter(Boolean).length).toBeGreaterThan(0);
      expect(byRule.filter((b) => !b).length).toBeGreaterThan(0);
    }
  });

  it('askWindowSql() loads every outbound touch the ask share counts, so the share is the same', async () => {
    const nows = ['2026-11-25T10:00:00Z', '2028-02-29T23:30:00Z', '2028-03-01T00:15:00Z', '2027-01-01T00:00:00Z', '2026-03-29T01:30:00Z'].map((t) => new Date(t));
    for (const now of nows) {
      const minutes = (m: number) => new Date(now.getTime() + m * 60_000);
      const monthsAgo = (months: number, plusMinutes = 0) => {
        const d = new Date(now);
        d.setUTCMonth(d.getUTCMonth() - months);
        return new Date(d.getTime() + plusMinutes * 60_000);
      };
      const times = [
        minutes(10), // the future: never counted
        now,
        minutes(-1),
        monthsAgo(12, 1),
        monthsAgo(12),
        monthsAgo(12, -1),
        monthsAgo(12, -24 * 60),
        monthsAgo(13, 1),
        monthsAgo(13, -1),
        monthsAgo(24),
      ];
      const loaded = await evaluate(sql`${interactionContacts}`, [['occurred_at', 'timestamptz']], times.map((t) => [t.toISOString()]), askWindowSql(now));
      // Every touch the rule's 12 months count is loaded…
      for (const [i, at] of times.entries()) {
        const counted = askStats([{ occurredAt: at, intent: 'ask' }], now).askShare === 1;
        if (counted) expect(loaded[i], `${at.toISOString()} at ${now.toISOString()}`).toBe(true);
      }
      // …so, whatever their intents, the share over what SQL loads is the share over them all.
      for (let mask = 0; mask < 64; mask++) {
        const touches: OutboundTouch[] = times.map((occurredAt, i) => ({ occurredAt, intent: (mask >> i % 6) & 1 ? 'ask' : 'give' }));
        const fromSql = touches.filter((_t, i) => loaded[i]);
        expect(askStats(fromSql, now).askShare).toBe(askStats(touches, now).askShare);
      }
      expect(loaded.filter((l) => !l).length, 'some touches are too old to load').toBeGreaterThan(0);
    }
  });
});

describe('an invitation’s status', () => {
  it('invitationStatusSql() selects exactly the invitations invitationStatus() gives that status', async () => {
    const cases = invitationOutcomes.flatMap((outcome) =>
      [null, '2026-11-02'].flatMap((welcomeSentOn) => [null, '2026-11-03'].map((repliedOn) => ({ outcome, welcomeSentOn, repliedOn }))),
    );
    const byRule = cases.map((c) => invitationStatus(c));
    // The statuses the rule gives. (The list filter's schema also offers `none`, which no
    // invitation has as its status: that filter means "no outcome yet", and is not this rule.)
    const statuses = [...new Set(byRule)];
    expect(statuses.sort()).toEqual(['collaboration', 'conversation', 'meeting', 'no_welcome', 'replied', 'welcome_sent']);
    for (const status of statuses) {
      const bySql = await evaluate(
        sql`${invitations}`,
        [
          ['outcome', 'text'],
          ['welcome_sent_on', 'date'],
          ['replied_on', 'date'],
        ],
        cases.map((c) => [c.outcome, c.welcomeSentOn, c.repliedOn]),
        invitationStatusSql(status),
      );
      expect(bySql, status).toEqual(byRule.map((s) => s === status));
    }
  });
});

describe('engaged with a contact', () => {
  it('engagedByColumns agrees with isEngaged() on the contact’s own columns', async () => {
    const cases = contactSources.flatMap((source) =>
      [null, '2026-11-02T10:00:00Z'].flatMap((lastInteractionAt) => [null, 45].map((cadenceDays) => ({ source, lastInteractionAt, cadenceDays }))),
    );
    const byRule = cases.map((c) => isEngaged({ ...c, inCampaign: false, atEvent: false }));
    expect(byRule).toContain(false);
    const bySql = await evaluate(
      sql`${contacts}`,
      [
        ['source', 'text'],
        ['last_interaction_at', 'timestamptz'],
        ['cadence_days', 'int'],
      ],
      cases.map((c) => [c.source, c.lastInteractionAt, c.cadenceDays]),
      engagedByColumns,
    );
    expect(bySql).toEqual(byRule);
  });

  it('askStatsOf() counts in SQL what askStats() counts over the touches the window loads', async () => {
    // Each case: a person and their touches (minutes from `now`, intent, direction); the newest
    // three decide the streak, the 12 months the share, the future and the inbound count nowhere.
    const MONTH = 30 * 24 * 60;
    const cases: [string, [minutes: number, intent: Intent, direction?: 'inbound'][]][] = [
      ['nobody', []],
      ['three asks after many gives', [[-9 * MONTH, 'give'], [-8 * MONTH, 'give'], [-7 * MONTH, 'nurture'], [-6 * MONTH, 'give'], [-3, 'ask'], [-2, 'ask'], [-1, 'ask']]],
      ['two asks, then a give', [[-300, 'ask'], [-200, 'ask'], [-100, 'give']]],
      ['asks in the future and inbound', [[10, 'ask'], [20, 'ask'], [30, 'ask'], [-5, 'ask', 'inbound'], [-4, 'ask', 'inbound'], [-3, 'give']]],
      ['half asks is not more than half', [[-50, 'ask'], [-40, 'give'], [-30, 'ask'], [-20, 'give']]],
      ['asks a year and a half back', [[-18 * MONTH, 'ask'], [-18 * MONTH + 1, 'ask'], [-18 * MONTH + 2, 'ask'], [-60, 'give']]],
      ['asks twelve and a half months back', [[-12.5 * MONTH, 'ask'], [-12.5 * MONTH + 1, 'ask'], [-12.5 * MONTH + 2, 'ask']]],
      ['mostly asks', [[-5 * MONTH, 'ask'], [-4 * MONTH, 'give'], [-3 * MONTH, 'ask'], [-2 * MONTH, 'give'], [-MONTH, 'ask']]],
    ];
    const nows = ['2026-11-25T10:00:00Z', '2028-02-29T23:30:00Z'].map((t) => new Date(t));
    for (const now of nows) {
      // A server of its own for each `now`: a session does not outlive its idle days across years.
      const local = await startTestServer();
      local.setNow(now);
      const me = await setupOwner(local.app);
      const ids: string[] = [];
      const touchesOf = new Map<string, OutboundTouch[]>();
      for (const [name, touches] of cases) {
        const { id } = (await me.post('/api/contacts', { firstName: name })).body as { id: string };
        ids.push(id);
        for (const [minutes, intent, direction = 'outbound'] of touches) {
          const occurredAt = new Date(now.getTime() + minutes * 60_000).toISOString();
          const reply = await me.post('/api/interactions', { contactIds: [id], channel: 'email', direction, intent, occurredAt });
          expect(reply.status, JSON.stringify(reply.body)).toBe(201);
        }
        // The reference: askStats() over the outbound touches the 13-month window loads (askWindowSql).
        const windowStart = new Date(now);
        windowStart.setUTCMonth(windowStart.getUTCMonth() - 13);
        touchesOf.set(id, touches.filter(([m, , d]) => !d && new Date(now.getTime() + m * 60_000) > windowStart).map(([m, intent]) => ({ occurredAt: new Date(now.getTime() + m * 60_000), intent })));
      }
      const counted = await askStatsOf(local.database.db, me.user.accountId, now, ids);
      for (const [i, id] of ids.entries()) {
        const expected = askStats(touchesOf.get(id)!, now);
        expect(counted.get(id), `${cases[i]![0]} at ${now.toISOString()}`).toEqual(expected);
        expect((await me.get(`/api/contacts/${id}`)).body).toMatchObject(expected);
      }
      // The cases cover both answers.
      expect(new Set([...counted.values()].map((a) => a.askOnly))).toEqual(new Set([true, false]));
      await local.close();
    }
  });
});
