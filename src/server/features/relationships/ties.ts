// Explicit ties the user types between two contacts, and the list of everything that ties one
// contact to others (typed and derived) for the contact page (docs/domain.md#ties-between-contacts).
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { RelationshipCreate, Tie, TieList } from '#shared/schemas/relationships.js';
import type { Tx, Db } from '../../db/database.js';
import { contactRelationships, contacts } from '../../db/schema.js';
import { badRequest, conflict, notFound } from '../../http/problems.js';
import { findContactRow } from '../contacts/queries.js';
import { derivedTies, type DerivedTieRow } from './derived-ties.js';

/** A pair is stored smaller id first (see the table's comment in db/schema.ts). */
const ordered = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

export type ExplicitTie = typeof contactRelationships.$inferSelect;

/** The typed ties of each contact in `ids`, by the contact on the other side. */
export async function explicitTiesOf(db: Tx, accountId: string, ids: readonly string[]): Promise<{ fromId: string; otherId: string; tie: ExplicitTie }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(contactRelationships)
    .where(
      and(
        eq(contactRelationships.accountId, accountId),
        or(inArray(contactRelationships.contactAId, [...ids]), inArray(contactRelationships.contactBId, [...ids])),
      ),
    );
  const wanted = new Set(ids);
  return rows.flatMap((tie) => [
    ...(wanted.has(tie.contactAId) ? [{ fromId: tie.contactAId, otherId: tie.contactBId, tie }] : []),
    ...(wanted.has(tie.contactBId) ? [{ fromId: tie.contactBId, otherId: tie.contactAId, tie }] : []),
  ]);
}

/** How much each derived source says about a tie, for ordering the list (intros weigh them in tie-paths.ts). */
const evidenceOrder = ['introduced_by', 'referral', 'introduction_favor', 'shared_touch', 'same_event', 'same_company'];

export async function listTies(db: Tx, accountId: string, contactId: string): Promise<TieList> {
  if (!(await findContactRow(db, accountId, contactId))) throw notFound('Contact');
  const [explicit, derived] = await Promise.all([explicitTiesOf(db, accountId, [contactId]), derivedTies(db, accountId, [contactId])]);
  const byOther = new Map<string, { explicit: ExplicitTie | null; derived: DerivedTieRow[] }>();
  for (const e of explicit) byOther.set(e.otherId, { explicit: e.tie, derived: [] });
  for (const d of derived) {
    const entry = byOther.get(d.otherId) ?? { explicit: null, derived: [] };
    entry.derived.push(d);
    byOther.set(d.otherId, entry);
  }
  const others = byOther.size
    ? await db
        .select({ id: contacts.id, displayName: contacts.displayName, company: contacts.company })
        .from(contacts)
        .where(and(eq(contacts.accountId, accountId), inArray(contacts.id, [...byOther.keys()])))
    : [];
  const rank = (t: { explicit: ExplicitTie | null; derived: DerivedTieRow[] }) =>
    t.explicit ? -1 : Math.min(...t.derived.map((d) => evidenceOrder.indexOf(d.source)));
  const items: Tie[] = others
    .map((other) => ({ other, entry: byOther.get(other.id)! }))
    .sort((a, b) => rank(a.entry) - rank(b.entry) || a.other.displayName.localeCompare(b.other.displayName))
    .slice(0, 200)
    .map(({ other, entry }) => ({
      other,
      explicit: entry.explicit && { id: entry.explicit.id, kind: entry.explicit.kind, note: entry.explicit.note, createdAt: entry.explicit.createdAt.toISOString() },
      derived: entry.derived
        .sort((a, b) => evidenceOrder.indexOf(a.source) - evidenceOrder.indexOf(b.source))
        .map((d) => ({ source: d.source, count: d.count, lastAt: d.lastAt?.toISOString() ?? null, label: d.label })),
    }));
  return { items };
}

export async function addTie(db: Db, accountId: string, contactId: string, input: RelationshipCreate, now: Date): Promise<Tie> {
  return db.transaction(async (tx) => {
    if (!(await findContactRow(tx, accountId, contactId))) throw notFound('Contact');
    if (input.otherId === contactId) throw badRequest('otherId', 'a contact cannot be tied to themselves');
    if (!(await findContactRow(tx, accountId, input.otherId))) throw badRequest('otherId', 'no such contact');
    const [a, b] = ordered(contactId, input.otherId);
    const inserted = await tx
      .insert(contactRelationships)
      .values({ accountId, contactAId: a, contactBId: b, kind: input.kind, note: input.note ?? null, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: contactRelationships.id });
    if (inserted.length === 0) throw conflict('these two contacts are already tied: delete the tie to change it');
    const tie = (await listTies(tx, accountId, contactId)).items.find((t) => t.other.id === input.otherId);
    return tie!;
  });
}

/** `otherId` is the contact on the other side, or the tie's own id. */
export async function removeTie(db: Tx, accountId: string, contactId: string, otherId: string): Promise<void> {
  const [a, b] = ordered(contactId, otherId);
  const deleted = await db
    .delete(contactRelationships)
    .where(
      and(
        eq(contactRelationships.accountId, accountId),
        or(
          and(eq(contactRelationships.contactAId, a), eq(contactRelationships.contactBId, b)),
          and(eq(contactRelationships.contactAId, b), eq(contactRelationships.contactBId, a)),
          and(eq(contactRelationships.id, otherId), or(eq(contactRelationships.contactAId, contactId), eq(contactRelationships.contactBId, contactId))),
        ),
      ),
    )
    .returning({ id: contactRelationships.id });
  if (deleted.length === 0) throw notFound('Tie');
}

/** Merging two duplicate contacts: the ties of the one that goes move to the one that stays. */
export async function moveTies(tx: Tx, accountId: string, fromId: string, toId: string): Promise<void> {
  await tx.execute(sql`
    insert into ${contactRelationships} (account_id, contact_a_id, contact_b_id, kind, note, created_at)
    select account_id, least(other, ${toId}::uuid), greatest(other, ${toId}::uuid), kind, note, created_at
    from (select r.*, case when r.contact_a_id = ${fromId}::uuid then r.contact_b_id else r.contact_a_id end as other
          from ${contactRelationships} r
          where r.account_id = ${accountId} and (r.contact_a_id = ${fromId}::uuid or r.contact_b_id = ${fromId}::uuid)) moved
    where other <> ${toId}::uuid
    on conflict do nothing`);
}
