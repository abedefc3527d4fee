// Past meetings → touches, inside an import's transaction (features/imports/pipeline.ts). Each
// meeting with at least one contact among its attendees is ONE interaction linked to each of
// them, under the meeting's stable key (meetings.ts). What the account already holds under the
// keys of this file's UIDs is read first and compared, so a second import of the same file
// writes nothing, an edited meeting updates its touch, and a touch whose meeting no longer
// happens (cancelled, taken out with EXDATE, no contact left among its attendees) is removed.
// Attendees who are not contacts are remembered as "people you met", never made contacts.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Channel, Direction } from '#shared/enums.js';
import type { PersonMet } from '#shared/schemas/imports.js';
import { queryRows, type Tx } from '../../db/database.js';
import { calendarPeopleMet, interactionContacts, interactions, type MetMeeting } from '../../db/schema.js';
import { IMPORT_BATCH_ROWS } from '../imports/batch.js';
import type { ImportContext } from '../imports/import-context.js';
import { readCalendar, uidOfKey, type Meeting } from './meetings.js';
import { ownAddresses } from './own-addresses.js';

/** People met listed in one report; the screen lists them all. */
const REPORT_PEOPLE = 200;
/** Meetings kept per person met (the newest): adding them records these; a later import the rest. */
export const MEETINGS_KEPT = 200;

/** A person met in this file, and the meetings with them by key (a repeated instance once, as touches). */
interface Met {
  person: PersonMet;
  meetings: Map<string, MetMeeting>;
}

interface Touch {
  id: string;
  key: string;
  occurredAt: Date;
  channel: Channel;
  direction: Direction;
  summary: string | null;
  contactIds: string[];
}

interface StoredTouch extends Omit<Touch, 'occurredAt'> {
  occurredAt: string;
}

/** The account's calendar touches of these UIDs, with the contacts each is linked to. */
async function storedTouches(tx: Tx, accountId: string, uids: Set<string>): Promise<Map<string, StoredTouch>> {
  // Every key starts with `ical:`; the UIDs of this file are then picked out here (uidOfKey), as
  // a LIKE on the key would need escaping and would not use the (account, key) index either.
  const rows = await queryRows<{ id: string; key: string; occurred_at: string; channel: Channel; direction: Direction; summary: string | null; contact_ids: string[] }>(
    tx,
    sql`select i.id, i.external_id as key, i.occurred_at, i.channel, i.direction, i.summary,
               coalesce(array_agg(ic.contact_id::text order by ic.contact_id) filter (where ic.contact_id is not null), '{}') as contact_ids
        from ${interactions} i
        left join ${interactionContacts} ic on ic.account_id = i.account_id and ic.interaction_id = i.id
        where i.account_id = ${accountId} and left(i.external_id, 5) = 'ical:'
        group by i.id`,
  );
  const stored = new Map<string, StoredTouch>();
  for (const row of rows) {
    const uid = uidOfKey(row.key);
    if (uid === null || !uids.has(uid)) continue;
    stored.set(row.key, {
      id: row.id,
      key: row.key,
      occurredAt: new Date(row.occurred_at).toISOString(),
      channel: row.channel,
      direction: row.direction,
      summary: row.summary,
      contactIds: row.contact_ids,
    });
  }
  return stored;
}

const sameTouch = (a: Touch, b: StoredTouch) =>
  a.occurredAt.toISOString() === b.occurredAt &&
  a.channel === b.channel &&
  a.direction === b.direction &&
  a.summary === b.summary &&
  a.contactIds.join() === b.contactIds.join();

function chunks<T>(items: T[], size = IMPORT_BATCH_ROWS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function writeTouches(tx: Tx, ctx: ImportContext, creates: Touch[], updates: Touch[]) {
  const accountId = ctx.user.accountId;
  const createdAt = ctx.user.now.toISOString();
  for (const batch of chunks(creates)) {
    const rows = JSON.stringify(batch.map((t) => ({ id: t.id, external_id: t.key, occurred_at: t.occurredAt.toISOString(), channel: t.channel, direction: t.direction, summary: t.summary })));
    // A meeting is kept going, not asked for: `nurture` (as imported messages, features/imports).
    await tx.execute(sql`
      insert into ${interactions} (id, account_id, occurred_at, channel, direction, intent, summary, external_id, created_at)
      select v.id, ${accountId}::uuid, v.occurred_at, v.channel, v.direction, 'nurture', v.summary, v.external_id, ${createdAt}::timestamptz
      from jsonb_to_recordset(${rows}::jsonb) as v(id uuid, external_id text, occurred_at timestamptz, channel text, direction text, summary text)`);
  }
  for (const batch of chunks(updates)) {
    const rows = JSON.stringify(batch.map((t) => ({ id: t.id, occurred_at: t.occurredAt.toISOString(), channel: t.channel, direction: t.direction, summary: t.summary })));
    await tx.execute(sql`
      update ${interactions} i set occurred_at = v.occurred_at, channel = v.channel, direction = v.direction, summary = v.summary
      from jsonb_to_recordset(${rows}::jsonb) as v(id uuid, occurred_at timestamptz, channel text, direction text, summary text)
      where i.account_id = ${accountId} and i.id = v.id`);
    const ids = JSON.stringify(batch.map((t) => t.id));
    await tx.execute(sql`
      delete from ${interactionContacts}
      where account_id = ${accountId} and interaction_id in (select value::uuid from jsonb_array_elements_text(${ids}::jsonb))`);
  }
  for (const batch of chunks([...creates, ...updates])) {
    const links = JSON.stringify(batch.map((t) => ({ id: t.id, occurred_at: t.occurredAt.toISOString(), contact_ids: t.contactIds })));
    await tx.execute(sql`
      insert into ${interactionContacts} (account_id, interaction_id, contact_id, occurred_at)
      select ${accountId}::uuid, v.id, c.id, v.occurred_at
      from jsonb_to_recordset(${links}::jsonb) as v(id uuid, occurred_at timestamptz, contact_ids uuid[])
      cross join unnest(v.contact_ids) as c(id)`);
  }
}

async function removeTouches(tx: Tx, accountId: string, ids: string[]) {
  for (const batch of chunks(ids)) {
    const list = JSON.stringify(batch);
    await tx.execute(sql`
      delete from ${interactions}
      where account_id = ${accountId} and id in (select value::uuid from jsonb_array_elements_text(${list}::jsonb))`);
  }
}

/**
 * Remembers the attendees who are not contacts, keeping the latest meeting with each and the
 * meetings themselves. What an earlier import stored from this file's UIDs is replaced, so a
 * cancelled or edited meeting is never recorded from a stale copy when the person is added.
 */
async function rememberPeopleMet(tx: Tx, ctx: ImportContext, uids: Set<string>, people: Map<string, Met>) {
  const accountId = ctx.user.accountId;
  const fileUids = JSON.stringify([...uids]);
  await tx.execute(sql`
    update ${calendarPeopleMet} p set meetings = coalesce(
      (select jsonb_agg(m order by m->>'occurredAt' desc) from jsonb_array_elements(p.meetings) m
       where not (m->>'uid' in (select value from jsonb_array_elements_text(${fileUids}::jsonb)))), '[]'::jsonb)
    where p.account_id = ${accountId}
      and exists (select 1 from jsonb_array_elements(p.meetings) m
                  where m->>'uid' in (select value from jsonb_array_elements_text(${fileUids}::jsonb)))`);
  for (const batch of chunks([...people.values()])) {
    const rows = JSON.stringify(
      batch.map(({ person: p, meetings }) => ({
        email: p.email,
        name: p.name,
        last_met_at: p.lastMetAt,
        last_meeting: p.lastMeeting,
        meetings: [...meetings.values()].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)).slice(0, MEETINGS_KEPT),
      })),
    );
    await tx.execute(sql`
      insert into ${calendarPeopleMet} (account_id, email, name, last_met_at, last_meeting, meetings, created_at)
      select ${accountId}::uuid, v.email, v.name, v.last_met_at, v.last_meeting, v.meetings, ${ctx.user.now.toISOString()}::timestamptz
      from jsonb_to_recordset(${rows}::jsonb) as v(email text, name text, last_met_at timestamptz, last_meeting text, meetings jsonb)
      on conflict (account_id, email) do update set
        name = coalesce(excluded.name, ${calendarPeopleMet.name}),
        last_meeting = case when excluded.last_met_at >= ${calendarPeopleMet.lastMetAt} then excluded.last_meeting else ${calendarPeopleMet.lastMeeting} end,
        last_met_at = greatest(excluded.last_met_at, ${calendarPeopleMet.lastMetAt}),
        meetings = (select coalesce(jsonb_agg(m order by m->>'occurredAt' desc), '[]'::jsonb) from (
          select m from jsonb_array_elements(${calendarPeopleMet.meetings} || excluded.meetings) m
          order by m->>'occurredAt' desc limit ${MEETINGS_KEPT}) newest)`);
  }
}

/** The counts a calendar import adds to its report, also kept with a subscription's last fetch. */
export interface TouchCounts {
  created: number;
  updated: number;
  removed: number;
}

/** Imports one calendar file's past meetings as touches (see the top of this file). */
export async function importCalendar(ctx: ImportContext, file: string, source: string): Promise<TouchCounts> {
  const { tx, user } = ctx;
  const own = await ownAddresses(tx, user.accountId, user.userId);
  const reading = readCalendar(source, { now: user.now, timeZone: user.timeZone, own, file });
  if (reading.allDay > 0) ctx.report.warnAt(file, {}, [{ code: 'ical_all_day', values: { count: reading.allDay }, message: `${reading.allDay} all-day events were left out: a day off or a trip is not a meeting` }]);
  if (reading.solo > 0) ctx.report.warnAt(file, {}, [{ code: 'ical_solo', values: { count: reading.solo }, message: `${reading.solo} past events had nobody but you in them` }]);
  for (const uid of reading.capped) {
    ctx.report.warnAt(file, {}, [{ code: 'ical_occurrences_cut', values: { uid }, message: `the recurring meeting ${uid} has more past instances than are imported; the earliest are kept` }]);
  }

  const people = new Map<string, Met>();
  // Keyed, so a file that repeats an instance (two copies of one override) writes it once.
  const touches = new Map<string, Touch>();
  for (const meeting of reading.meetings) {
    const contactIds = new Set<string>();
    const strangers: { email: string; name: string | null }[] = [];
    for (const person of meeting.others) {
      const contact = ctx.batcher.index.findByEmail(person.email);
      if (contact) contactIds.add(contact.id);
      else strangers.push(person);
    }
    const direction = meeting.organisedByUser ? 'outbound' : 'inbound';
    for (const person of strangers) notePersonMet(people, person, meeting, direction);
    if (contactIds.size === 0) continue;
    touches.set(meeting.key, {
      id: randomUUID(),
      key: meeting.key,
      occurredAt: meeting.start,
      channel: meeting.channel,
      direction,
      summary: meeting.summary,
      contactIds: [...contactIds].sort(),
    });
  }

  const stored = await storedTouches(tx, user.accountId, reading.uids);
  const creates: Touch[] = [];
  const updates: Touch[] = [];
  let unchanged = 0;
  for (const touch of touches.values()) {
    const before = stored.get(touch.key);
    stored.delete(touch.key);
    if (!before) creates.push(touch);
    else if (sameTouch(touch, before)) unchanged++;
    else {
      updates.push({ ...touch, id: before.id });
      for (const id of before.contactIds) ctx.touchedContacts.add(id);
    }
  }
  // What is left was made from a meeting of this file that no longer happens.
  const removed = [...stored.values()];
  await writeTouches(tx, ctx, creates, updates);
  await removeTouches(tx, user.accountId, removed.map((t) => t.id));
  for (const touch of [...creates, ...updates, ...removed]) for (const id of touch.contactIds) ctx.touchedContacts.add(id);
  await rememberPeopleMet(tx, ctx, reading.uids, people);

  const counts = ctx.report.interactions;
  counts.created += creates.length;
  counts.updated += updates.length;
  counts.unchanged += unchanged;
  counts.removed += removed.length;
  const listed = [...(ctx.report.peopleMet ?? []), ...[...people.values()].map((p) => p.person)].sort((a, b) => b.lastMetAt.localeCompare(a.lastMetAt));
  ctx.report.peopleMet = listed.slice(0, REPORT_PEOPLE);
  return { created: creates.length, updated: updates.length, removed: removed.length };
}

function notePersonMet(people: Map<string, Met>, person: { email: string; name: string | null }, meeting: Meeting, direction: Direction) {
  const at = meeting.start.toISOString();
  const met = people.get(person.email) ?? { person: { email: person.email, name: null, lastMetAt: at, lastMeeting: meeting.summary }, meetings: new Map() };
  people.set(person.email, met);
  met.meetings.set(meeting.key, { uid: meeting.uid, key: meeting.key, occurredAt: at, channel: meeting.channel, direction, summary: meeting.summary });
  // The name on the latest meeting wins; an older one only fills a gap.
  if (at >= met.person.lastMetAt) {
    met.person.lastMetAt = at;
    met.person.lastMeeting = meeting.summary;
    met.person.name = person.name ?? met.person.name;
  } else met.person.name ??= person.name;
}
