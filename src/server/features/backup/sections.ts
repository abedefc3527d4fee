// The table of contents of a backup: for each section of the format (src/shared/schemas/backup.ts),
// the table its records live in and how they refer to each other. Export, restore, "is this
// account empty?" and replace all walk this list; a new table (events, campaigns…) is one entry
// here plus its row schema there (sections.test.ts fails until both agree with the database).
import { asc, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { backupSectionKeys, type BackupSectionKey } from '#shared/schemas/backup.js';
import type { Tx } from '../../db/database.js';
import * as schema from '../../db/schema.js';
import type { SectionLinks } from './references.js';
import { refreshContacts } from '../contacts/derived.js';

export interface BackupSection extends SectionLinks {
  table: PgTable;
  /** Stored columns left out of the backup because restore recomputes them. */
  derived?: string[];
  /** The order records are written in (and so restored in). */
  orderBy: SQL[];
  /** Which records make an account "not empty" (default: any). */
  content?: SQL;
  /** Fields that are not columns of the table: how export computes them… */
  computed?: Record<string, SQL>;
  /** …and how restore stores them, after a batch of records is inserted. */
  storeComputed?: (tx: Tx, accountId: string, rows: Record<string, unknown>[]) => Promise<void>;
  /** After every section is restored: recompute what `derived` left out. */
  afterRestore?: (tx: Tx, accountId: string) => Promise<void>;
}

const { contacts, interactions, interactionContacts, followups, favors, stageChanges, invitations, templates } = schema;
const { events, eventAttendees, campaigns, campaignMembers, contactRelationships } = schema;

export const sections: BackupSection[] = [
  {
    key: 'contacts',
    table: contacts,
    hasIds: true,
    references: { introducedById: 'contacts', metAtEventId: 'events' },
    derived: ['lastInteractionAt', 'keepInTouchBase', 'keepInTouchCadence', 'keepInTouchDueOn'],
    orderBy: [asc(contacts.createdAt), asc(contacts.id)],
    // The newest touch, the keep-in-touch dates and the matching keys (features/contacts/derived.ts).
    afterRestore: (tx, accountId) => refreshContacts(tx, accountId, 'all', { lastTouch: true }),
  },
  {
    key: 'interactions',
    table: interactions,
    hasIds: true,
    references: { contactIds: 'contacts' },
    unique: [['externalId']],
    orderBy: [asc(interactions.occurredAt), asc(interactions.id)],
    computed: {
      contactIds: sql`coalesce((select array_agg(ic.contact_id order by ic.contact_id) from ${interactionContacts} ic where ic.interaction_id = ${interactions.id}), '{}')`,
    },
    storeComputed: async (tx, accountId, rows) => {
      const links = rows.flatMap((row) =>
        (row.contactIds as string[]).map((contactId) => ({ accountId, interactionId: row.id as string, contactId, occurredAt: new Date(row.occurredAt as string) })),
      );
      for (let i = 0; i < links.length; i += 1000) await tx.insert(interactionContacts).values(links.slice(i, i + 1000));
    },
  },
  {
    key: 'followups',
    table: followups,
    hasIds: true,
    references: { contactId: 'contacts', favorId: 'favors', invitationId: 'invitations', eventId: 'events', campaignId: 'campaigns' },
    orderBy: [asc(followups.createdAt), asc(followups.id)],
  },
  {
    key: 'favors',
    table: favors,
    hasIds: true,
    references: { contactId: 'contacts', introducedToId: 'contacts' },
    orderBy: [asc(favors.createdAt), asc(favors.id)],
  },
  {
    key: 'stageChanges',
    table: stageChanges,
    hasIds: true,
    references: { contactId: 'contacts' },
    // seq is the database's insertion counter: restoring in this order gives it back in order.
    derived: ['seq'],
    orderBy: [asc(stageChanges.changedAt), asc(stageChanges.seq)],
  },
  {
    key: 'invitations',
    table: invitations,
    hasIds: true,
    references: { contactId: 'contacts' },
    unique: [['externalId']],
    orderBy: [asc(invitations.createdAt), asc(invitations.id)],
  },
  {
    key: 'templates',
    table: templates,
    hasIds: true,
    references: {},
    unique: [['defaultKey']],
    orderBy: [asc(templates.createdAt), asc(templates.id)],
    // Shipped templates appear in every account on first use: only the user's own, or edited ones, are data.
    content: sql`(${templates.defaultKey} is null or ${templates.updatedAt} > ${templates.createdAt})`,
  },
  {
    key: 'events',
    table: events,
    hasIds: true,
    references: {},
    orderBy: [asc(events.startsAt), asc(events.id)],
  },
  {
    key: 'eventAttendees',
    table: eventAttendees,
    hasIds: false,
    references: { eventId: 'events', contactId: 'contacts' },
    unique: [['eventId', 'contactId']],
    orderBy: [asc(eventAttendees.eventId), asc(eventAttendees.contactId)],
  },
  {
    key: 'campaigns',
    table: campaigns,
    hasIds: true,
    references: {},
    orderBy: [asc(campaigns.startsOn), asc(campaigns.id)],
  },
  {
    key: 'campaignMembers',
    table: campaignMembers,
    hasIds: false,
    references: { campaignId: 'campaigns', contactId: 'contacts' },
    unique: [['campaignId', 'contactId']],
    orderBy: [asc(campaignMembers.campaignId), asc(campaignMembers.contactId)],
  },
  {
    key: 'relationships',
    table: contactRelationships,
    hasIds: true,
    references: { contactAId: 'contacts', contactBId: 'contacts' },
    orderBy: [asc(contactRelationships.createdAt), asc(contactRelationships.id)],
  },
];

/**
 * Tables with an account's rows that are not sections, and why. A new table must be added to
 * the sections or here (sections.test.ts checks): a backup silently missing a table is the
 * worst kind of backup.
 */
export const notBackedUp: Record<string, string> = {
  accounts: 'the account itself: its settings go in `settings`, its calendar secret is a secret',
  users: 'the profile goes in `profile`; the e-mail, the other e-mails and the password hash stay with the login',
  sessions: 'secret',
  api_tokens: 'secret',
  login_throttle: 'not account data',
  idempotency_keys: 'not account data: answers kept 24 hours for retried writes',
  totp_credentials: 'secret (the second factor stays with the login, like the password)',
  recovery_codes: 'secret',
  interaction_contacts: 'inside `interactions`, as each interaction’s `contactIds`',
  contact_keys: 'derived from the contacts, recomputed on restore (features/contacts/derived.ts)',
  contact_changes: 'phone-sync bookkeeping (features/dav): rebuilt by the database as contacts are restored',
  contact_trash: 'deleted contacts kept 30 days (features/trash): a backup holds the live data',
  duplicate_pairs: 'derived from contact_keys, recomputed with them (features/contacts/duplicate-pairs.ts)',
  shared_touches: 'derived from interaction_contacts by database triggers, rebuilt as the touches are restored (migration 0024)',
  email_sends: 'the record of e-mails already sent (README "E-mail"): bookkeeping, not data to restore',
  calendar_subscriptions: 'secret addresses, sealed with CIRCULO_SECRET (README "Calendar subscriptions"): add them again after a restore',
  calendar_people_met: 'suggestions, not data: the next calendar import lists them again (the touches are in `interactions`)',
};

if (sections.map((s) => s.key).join() !== backupSectionKeys.join()) {
  throw new Error('backup sections.ts and src/shared/schemas/backup.ts list different sections, or in another order');
}

/** The columns a section's records carry in a backup: all but the account, generated and derived ones. */
export function backedUpColumns(section: BackupSection): [string, PgColumn][] {
  return Object.entries(getTableColumns(section.table) as Record<string, PgColumn>).filter(
    ([key, column]) => key !== 'accountId' && !column.generated && !section.derived?.includes(key),
  );
}

export const isTimestamp = (column: PgColumn) => column.getSQLType().startsWith('timestamp');

/** The account-id column every section's table has. */
export const accountColumn = (section: BackupSection) => (getTableColumns(section.table) as Record<string, PgColumn>).accountId!;
