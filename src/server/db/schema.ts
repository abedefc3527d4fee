// The one database schema, for PGlite and PostgreSQL alike. Every table carries `account_id`
// so every query can be scoped by account (and the data distributed by it, e.g. with Citus).
// Migrations in /migrations are generated from this file with `npm run db:generate`.
import { sql } from 'drizzle-orm';
import { campaignGoals, campaignStages, channels, circles, contactKinds, contactSources, directions, efforts, emailKinds, emailSendStatuses, eventKinds, favorDirections, favorKinds, followupKinds, followupStatuses, intents, invitationDirections, invitationOutcomes, languages, loopStatuses, relationshipKinds, stages, templatePurposes } from '../../shared/enums.js';
import type { Channel, Direction } from '../../shared/enums.js';
import { SHARED_TOUCHES_COUNTED } from '../../shared/rules/intro-paths.js';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type PgColumn,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const accountId = () =>
  uuid('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' });
// No timestamp column defaults to the database's now(): the app's clock (AppContext.now, the
// CLI's clock) decides every time, so a test standing on a fixed day and a database server whose
// clock drifts agree. Leaving a time out of an insert is a type error, not a silent now().
const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull();
const textList = (name: string) =>
  text(name)
    .array()
    .notNull()
    .default(sql`'{}'::text[]`);

/**
 * A reference to a row of the same account: the key is `(account_id, <ref>)` → `(account_id, id)`,
 * so the database itself refuses a link to another account's row, whatever a query forgets
 * (README "Every reference stays in its account"). Every target table has a unique
 * `(account_id, id)` for it (`accountScopedId`); its primary key stays `id`.
 */
function sameAccount(
  name: string,
  [accountId, column]: [PgColumn, PgColumn],
  target: { accountId: PgColumn; id: PgColumn },
  onDelete: 'cascade' | 'set null',
) {
  return foreignKey({ name, columns: [accountId, column], foreignColumns: [target.accountId, target.id] }).onDelete(
    onDelete === 'cascade' ? 'cascade' : setNullOnly(column),
  );
}

/**
 * ON DELETE SET NULL of the reference column alone (PostgreSQL 15 and later): a composite key's
 * plain SET NULL would null `account_id` too, which is NOT NULL. Drizzle's type lists only the
 * plain actions, and drizzle-kit writes the action into the migration as it is.
 */
const setNullOnly = (column: PgColumn) => `set null ("${column.name}")` as 'set null';

/** The unique `(account_id, id)` that references from the same account point at (see sameAccount). */
const accountScopedId = (table: string, t: { accountId: PgColumn; id: PgColumn }) =>
  unique(`${table}_account_id_id_key`).on(t.accountId, t.id);

export const accounts = pgTable('accounts', {
  id: id(),
  name: text('name').notNull(),
  cadencePersonalDays: integer('cadence_personal_days').notNull().default(30),
  cadenceProfessionalDays: integer('cadence_professional_days').notNull().default(60),
  cadenceOpportunityDays: integer('cadence_opportunity_days').notNull().default(120),
  /** Days after a received favor to thank them (default 2, docs/domain.md#favors-and-the-loop). */
  thankYouDelayDays: integer('thank_you_delay_days').notNull().default(2),
  /** Days after thanking to tell them how it went (default 14, docs/domain.md#favors-and-the-loop). */
  outcomeReportDelayDays: integer('outcome_report_delay_days').notNull().default(14),
  /**
   * SHA-256 (hex) of the secret in the calendar feed's URL (/api/calendar/<secret>.ics), as for
   * API tokens: the URL is shown once, when made, and a copy of the database does not open feeds.
   * Null when the feed is off.
   */
  calendarSecretHash: text('calendar_secret_hash').unique(),
  /**
   * The version of the matching rules the account's contact_keys were computed with
   * (MATCH_KEYS_VERSION in features/contacts/derived.ts); an older one is recomputed before the
   * duplicates finder reads them. 0: never computed (accounts that existed before the table).
   */
  matchKeysVersion: integer('match_keys_version').notNull().default(0),
  /**
   * Whether duplicate_pairs must be recomputed before the finder reads it: a write that changed
   * too many contacts' keys to re-judge their pairs one by one (a large import) leaves the whole
   * account's recompute to the next read (features/contacts/duplicate-pairs.ts).
   */
  duplicatePairsStale: boolean('duplicate_pairs_stale').notNull().default(false),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: id(),
    accountId: accountId(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    timeZone: text('time_zone').notNull().default('UTC'),
    language: text('language', { enum: languages }).notNull().default('en'),
    weeklyTarget: integer('weekly_target').notNull().default(3),
    // The profile common points and the pitch are built from (docs/domain.md#profile).
    pitchShort: text('pitch_short'),
    pitchLong: text('pitch_long'),
    goals: text('goals'),
    companies: textList('companies'),
    schools: textList('schools'),
    interests: textList('interests'),
    places: textList('places'),
    communities: textList('communities'),
    /** The user's other e-mail addresses (lower-cased): calendar imports recognise them as the user. */
    otherEmails: textList('other_emails'),
    /** The first user of an installation: manages the others (Settings → Users). */
    isOwner: boolean('is_owner').notNull().default(false),
    /** Set by the owner: no login, no session, no token; the account's data stays. */
    disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
    // E-mails (docs/domain.md#e-mail): the daily digest and the Monday review, at this local hour.
    emailDaily: boolean('email_daily').notNull().default(true),
    emailWeekly: boolean('email_weekly').notNull().default(true),
    emailHour: integer('email_hour').notNull().default(8),
    /** Send the daily digest even on a day with nothing to do. */
    emailWhenEmpty: boolean('email_when_empty').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    // At most one owner per installation.
    uniqueIndex('users_one_owner_key').on(t.isOwner).where(sql`${t.isOwner}`),
    accountScopedId('users', t),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value: a stolen database does not yield live sessions. */
    idHash: text('id_hash').primaryKey(),
    accountId: accountId(),
    userId: uuid('user_id').notNull(),
    /** What the sessions list shows and revokes by: never the cookie or its hash. */
    publicId: uuid('public_id').notNull().unique().default(sql`gen_random_uuid()`),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    /** Absolute end (SESSION_DAYS after creation); the idle limit is counted from last_seen_at. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Renewed on use, at most once a minute (features/auth/sessions.ts). */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The browser's User-Agent and address at login, to recognise the device in the list. */
    userAgent: text('user_agent'),
    ipAddress: text('ip_address'),
  },
  (t) => [
    sameAccount('sessions_user_id_fk', [t.accountId, t.userId], users, 'cascade'),
    index('sessions_user_idx').on(t.userId),
  ],
);

/** A user's authenticator app (TOTP, RFC 6238). Two-factor is on once `confirmed_at` is set. */
export const totpCredentials = pgTable(
  'totp_credentials',
  {
    userId: uuid('user_id').primaryKey(),
    accountId: accountId(),
    /** The base32 secret, AES-256-GCM encrypted with a key derived from CIRCULO_SECRET. */
    secretEncrypted: text('secret_encrypted').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' }),
    /** The time step of the last code accepted: a code is never accepted twice. */
    lastUsedStep: bigint('last_used_step', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [sameAccount('totp_credentials_user_id_fk', [t.accountId, t.userId], users, 'cascade')],
);

/** Single-use recovery codes for a lost phone, stored as SHA-256 (they are 80 random bits). */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    accountId: accountId(),
    userId: uuid('user_id').notNull(),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    sameAccount('recovery_codes_user_id_fk', [t.accountId, t.userId], users, 'cascade'),
    // Also the index for the reference (user_id first).
    uniqueIndex('recovery_codes_user_code_key').on(t.userId, t.codeHash),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    accountId: accountId(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** `read` tokens may only read; tokens made before scopes existed keep full access. */
    scope: text('scope', { enum: ['read', 'write'] }).notNull().default('write'),
    /** Refused from this instant on; null never expires. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    sameAccount('api_tokens_user_id_fk', [t.accountId, t.userId], users, 'cascade'),
    // Also finds a user's tokens when the user is deleted.
    index('api_tokens_account_user_idx').on(t.accountId, t.userId),
    check('api_tokens_scope_check', sql`${t.scope} in ('read','write')`),
  ],
);

/**
 * Failed logins per key (`account:<e-mail>` or `address:<ip>`), shared by every app process so
 * the throttle holds behind a load balancer. One row per key, updated under a row lock
 * (features/auth/login-throttle.ts); the delay rule is src/shared/rules/login-delay.ts.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('login_throttle_last_failure_idx').on(t.lastFailureAt)],
);

/**
 * The first answer to each `Idempotency-Key` a user sent on a write, replayed for a repeat of the
 * same request (README "HTTP API", src/server/http/idempotency.ts). A row with no `status` is a
 * request still running; `expires_at` (the app's clock) ends a short lease for those and the
 * 24-hour life of an answer. The primary key is what makes one process win when two race.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    accountId: accountId(),
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of the method, the path and the body: the same key for another request is a 422. */
    fingerprint: text('fingerprint').notNull(),
    /** Null while the first request runs. */
    status: integer('status'),
    /** The answer's headers that matter to a client (content type, location…). */
    headers: jsonb('headers').$type<Record<string, string>>(),
    body: text('body'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    // Also the index the user reference needs (account_id, user_id first).
    primaryKey({ columns: [t.accountId, t.userId, t.key] }),
    sameAccount('idempotency_keys_user_id_fk', [t.accountId, t.userId], users, 'cascade'),
    index('idempotency_keys_expires_idx').on(t.accountId, t.expiresAt),
  ],
);

/**
 * One row per scheduled e-mail a user gets, claimed before sending: the unique key (user, kind,
 * local date) is what makes each digest go out at most once per local day, whichever process or
 * restart gets there first (docs/domain.md#e-mail). A crash between the claim and the send leaves
 * the row `sending`: it is not sent again (at most once), and Settings shows it.
 */
export const emailSends = pgTable(
  'email_sends',
  {
    id: id(),
    accountId: accountId(),
    userId: uuid('user_id').notNull(),
    kind: text('kind', { enum: emailKinds }).notNull(),
    /** The user's calendar date the e-mail is for (the Monday, for the weekly review). */
    localDate: date('local_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: emailSendStatuses }).notNull(),
    attempts: integer('attempts').notNull().default(1),
    /** When the last attempt was claimed. */
    claimedAt: timestamp('claimed_at', { withTimezone: true, mode: 'date' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    /** A failed send is tried again from this time (back-off). */
    retryAt: timestamp('retry_at', { withTimezone: true, mode: 'date' }),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [
    sameAccount('email_sends_user_id_fk', [t.accountId, t.userId], users, 'cascade'),
    uniqueIndex('email_sends_once_key').on(t.userId, t.kind, t.localDate),
    index('email_sends_retry_idx').on(t.retryAt).where(sql`${t.status} = 'failed'`),
    index('email_sends_account_user_idx').on(t.accountId, t.userId, t.claimedAt),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    accountId: accountId(),
    // No query filters, joins or sorts on first_name, last_name, title, location, links, birthday,
    // photo, notes, interests, communities, schools, past_companies, how_met or updated_at: ANALYZE
    // keeps no statistics for them (migration 0030). Filtering on one needs them back first.
    firstName: text('first_name'),
    lastName: text('last_name'),
    displayName: text('display_name').notNull(),
    emails: textList('emails'),
    phones: textList('phones'),
    company: text('company'),
    title: text('title'),
    location: text('location'),
    links: textList('links'),
    birthday: text('birthday'),
    photo: text('photo'),
    notes: text('notes'),
    circle: text('circle', { enum: circles }).notNull().default('professional'),
    kind: text('kind', { enum: contactKinds }),
    tags: textList('tags'),
    interests: textList('interests'),
    communities: textList('communities'),
    /** Schools and past employers: common points with the user's profile. */
    schools: textList('schools'),
    pastCompanies: textList('past_companies'),
    howMet: text('how_met'),
    metOn: date('met_on', { mode: 'string' }),
    metAtEventId: uuid('met_at_event_id'),
    introducedById: uuid('introduced_by_id'),
    stage: text('stage', { enum: stages }).notNull().default('new'),
    cadenceDays: integer('cadence_days'),
    source: text('source', { enum: contactSources }).notNull().default('manual'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Maintained by the interactions feature: the newest touch with this contact. */
    lastInteractionAt: timestamp('last_interaction_at', { withTimezone: true, mode: 'date' }),
    /** The LinkedIn profile URL normalised (lower case, no query, no trailing slash): the import key. */
    linkedinKey: text('linkedin_key'),
    /**
     * Keep-in-touch (docs/domain.md#keep-in-touch-cadence), stored so Today ranks from an index
     * instead of converting every contact's last touch to a time zone: the local date the silence
     * started (in the time zone of the account's first user), the cadence in effect and their sum,
     * the due date. Maintained by refreshKeepInTouch() (features/contacts/derived.ts) after every
     * write that changes them; null only inside the transaction that inserts the contact.
     */
    keepInTouchBase: date('keep_in_touch_base', { mode: 'string' }),
    keepInTouchCadence: integer('keep_in_touch_cadence'),
    keepInTouchDueOn: date('keep_in_touch_due_on', { mode: 'string' }),
    /** Lower-case, accent-free text of names, company, title, tags and notes: search runs on it. */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(
        sql`circulo_contact_search_text(first_name, last_name, display_name, company, title, tags, notes)`,
      ),
  },
  (t) => [
    accountScopedId('contacts', t),
    sameAccount('contacts_met_at_event_id_fk', [t.accountId, t.metAtEventId], events, 'set null'),
    sameAccount('contacts_introduced_by_id_fk', [t.accountId, t.introducedById], t, 'set null'),
    index('contacts_account_name_idx').on(t.accountId, sql`lower(${t.displayName})`, t.id),
    index('contacts_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('contacts_tags_idx').using('gin', t.tags),
    index('contacts_introduced_by_idx').on(t.introducedById),
    index('contacts_met_at_event_idx').on(t.metAtEventId),
    index('contacts_linkedin_key_idx').on(t.accountId, t.linkedinKey),
    // Colleagues at the same current company: a derived tie and an intro target
    // (features/relationships/derived-ties.ts, intros.ts).
    index('contacts_company_idx').on(t.accountId, sql`circulo_normalize(${t.company})`),
    // The weekly review counts new contacts by the day they were met.
    index('contacts_account_met_on_idx').on(t.accountId, t.metOn),
    // With the one above, the week tally's "new this week" (met that week, or created that week
    // when no meeting date) is two index ranges instead of a scan of every contact.
    index('contacts_account_created_unmet_idx').on(t.accountId, t.createdAt).where(sql`met_on is null`),
    // Today ranks by silence / cadence: per cadence, the longest silences come first in this index.
    // Only contacts the user engaged with (engagedByColumns in features/today/queries.ts, the same
    // predicate): 30,000 imported connections never talked to are not scanned past.
    // The id last: Today picks its candidates from the index alone and reads only those rows.
    index('contacts_keep_in_touch_idx')
      .on(t.accountId, t.keepInTouchCadence, t.keepInTouchBase, t.id)
      .where(sql`(source not in ('linkedin', 'vcard', 'csv') or last_interaction_at is not null or cadence_days is not null)`),
    // The contact list's "due to keep in touch" filter.
    index('contacts_keep_in_touch_due_idx').on(t.accountId, t.keepInTouchDueOn),
    check('contacts_circle_check', sql`${t.circle} in ('personal','professional','opportunity')`),
  ],
);

/** The kinds of stored matching keys (contact_keys.kind); `linkedin` is contacts.linkedin_key. */
export const contactKeyKinds = ['email', 'phone', 'name', 'same_name', 'linkedin'] as const;

/**
 * Each contact's matching keys (src/shared/rules/contact-keys.ts, computed in TypeScript): folded
 * name + company, the folded full name alone, lower-cased e-mails, normalised phones, and a copy
 * of contacts.linkedin_key. The duplicates finder joins on them instead of folding every contact at
 * query time. Maintained by refreshMatchKeys() (features/contacts/derived.ts).
 * Only rows of existing contacts: tests/api/stored-derived.test.ts checks there are no others.
 */
export const contactKeys = pgTable(
  'contact_keys',
  {
    // No key to `accounts` either (migration 0028): a trigger on accounts deletes an account's
    // keys with it. Checking the account per key cost ~8 µs a row, a third of keying a batch.
    accountId: uuid('account_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    kind: text('kind', { enum: contactKeyKinds }).notNull(),
    key: text('key').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.kind, t.key, t.contactId] }),
    // No foreign key to contacts, on purpose: this is a cache of contacts' own columns, and the
    // per-row check doubled the cost of keying a whole account (110,000 keys for the heavy
    // user, measured). Deleting a contact deletes its keys (deleteContact, mergeInto), and
    // keying the whole account (restore) starts by deleting all of them.
    index('contact_keys_contact_idx').on(t.accountId, t.contactId),
  ],
);

/**
 * The possible duplicates of docs/domain.md#duplicates, judged and stored: the pairs the finder
 * lists (a's id below b's), with why and a's lower-cased display name to sort by. Kept current by
 * the writes that change contact_keys (refreshMatchKeys / deleteMatchKeys in
 * features/contacts/derived.ts recompute the pairs of the contacts whose keys they touch), so the
 * finder reads one page from an index instead of grouping the account's ~110,000 keys on every
 * request. No foreign keys, like contact_keys: a cache of contacts' own columns.
 */
export const duplicatePairs = pgTable(
  'duplicate_pairs',
  {
    accountId: accountId(),
    aId: uuid('a_id').notNull(),
    bId: uuid('b_id').notNull(),
    reasons: text('reasons').array().notNull(),
    sortName: text('sort_name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.aId, t.bId] }),
    index('duplicate_pairs_b_idx').on(t.accountId, t.bId),
    // The finder's order: one page is an index range.
    index('duplicate_pairs_sort_idx').on(t.accountId, t.sortName, t.aId, t.bId),
  ],
);

export const interactions = pgTable(
  'interactions',
  {
    id: id(),
    // Its account is checked once per statement and an account deleted takes its touches, by
    // triggers instead of a foreign key (migration 0029, docs/architecture.md#database): a messages
    // import writes touches by the hundred thousand, and the key's per-row check was ~20% of that.
    accountId: uuid('account_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    channel: text('channel', { enum: channels }).notNull(),
    direction: text('direction', { enum: directions }).notNull(),
    intent: text('intent', { enum: intents }).notNull(),
    summary: text('summary'),
    notes: text('notes'),
    /** Identity in the system it was imported from (e.g. a LinkedIn message), so re-imports match. */
    externalId: text('external_id'),
    createdAt: createdAt(),
  },
  (t) => [
    // No unique (account_id, id) as other tables have (accountScopedId): it was only the target of
    // a link's foreign key, now a trigger's check that reads the primary key (migration 0029), and
    // writing it was ~11% of inserting a touch (migration 0031). A foreign key to interactions
    // would need it back.
    index('interactions_account_time_idx').on(t.accountId, t.occurredAt.desc(), t.id),
    uniqueIndex('interactions_external_id_key').on(t.accountId, t.externalId),
  ],
);

export const interactionContacts = pgTable(
  'interaction_contacts',
  {
    // No foreign keys: the link's interaction and contact, both of its account, are checked once
    // per statement by triggers that lock them as a key would, and deleting either deletes the link
    // (migrations 0027 and 0029, docs/architecture.md#database). Per row, the keys' checks were
    // ~35% of writing a link, ~4 s of a 161,772-message import. tests/api/account-references.test.ts
    // runs the same tests on these two references as on every foreign key.
    accountId: uuid('account_id').notNull(),
    interactionId: uuid('interaction_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    /** Copied from the interaction so a contact's timeline is one index scan. */
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    /**
     * Copied from the interaction by database triggers (migrations 0020, 0026): tie strength and
     * the ask share read a person's touches from this table alone. A writer may leave them out
     * (NULL: looked up per row) or give them (checked once per statement, corrected if they
     * differ); the LinkedIn import gives them. Never null once inserted.
     */
    channel: text('channel', { enum: channels }),
    direction: text('direction', { enum: directions }),
    intent: text('intent', { enum: intents }),
  },
  (t) => [
    primaryKey({ columns: [t.interactionId, t.contactId] }),
    // The contact's timeline pages through this index in its exact order (the interaction id
    // breaks ties): the busiest contact's 5,709 touches are never sorted to show 50. The columns
    // after it make a person's touches of a year, with their channel, direction and intent, an
    // index-only range for tie strength and the ask share (drizzle has no INCLUDE).
    index('interaction_contacts_contact_idx').on(
      t.contactId, t.occurredAt.desc(), t.interactionId.desc(), t.accountId, t.channel, t.direction, t.intent),
  ],
);

/**
 * Touches with both people (the "shared touch" tie, docs/domain.md#ties-between-contacts): how
 * many and the newest, per ordered pair, both directions stored so a person's pairs are one range
 * of the primary key. Kept by statement-level triggers on interaction_contacts (migration 0024,
 * docs/architecture.md#database), never written by the app: every writer of touches keeps it.
 * Derived, so not in backups; a pair goes with either contact.
 */
export const sharedTouches = pgTable(
  'shared_touches',
  {
    accountId: accountId(),
    contactId: uuid('contact_id').notNull(),
    otherId: uuid('other_id').notNull(),
    touches: integer('touches').notNull(),
    lastAt: timestamp('last_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.contactId, t.otherId] }),
    sameAccount('shared_touches_contact_id_fk', [t.accountId, t.contactId], contacts, 'cascade'),
    sameAccount('shared_touches_other_id_fk', [t.accountId, t.otherId], contacts, 'cascade'),
    // For the cascade when the other contact is deleted.
    index('shared_touches_other_idx').on(t.accountId, t.otherId),
    // A person's strongest pairs without reading them all (intros' second level, derived-ties.ts):
    // at each counted number of touches (SHARED_TOUCHES_COUNTED in rules/intro-paths.ts) the newest
    // first; other_id and touches make it index-only.
    index('shared_touches_strongest_idx').on(t.accountId, t.contactId, sql`least(${t.touches}, ${sql.raw(String(SHARED_TOUCHES_COUNTED))})`, t.lastAt.desc(), t.otherId, t.touches),
  ],
);

export const followups = pgTable(
  'followups',
  {
    id: id(),
    accountId: accountId(),
    contactId: uuid('contact_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: followupKinds }).notNull(),
    title: text('title').notNull(),
    notes: text('notes'),
    status: text('status', { enum: followupStatuses }).notNull().default('open'),
    snoozedUntil: date('snoozed_until', { mode: 'string' }),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    favorId: uuid('favor_id'),
    eventId: uuid('event_id'),
    campaignId: uuid('campaign_id'),
    invitationId: uuid('invitation_id'),
    createdAt: createdAt(),
  },
  (t) => [
    sameAccount('followups_contact_id_fk', [t.accountId, t.contactId], contacts, 'cascade'),
    sameAccount('followups_favor_id_fk', [t.accountId, t.favorId], favors, 'cascade'),
    sameAccount('followups_event_id_fk', [t.accountId, t.eventId], events, 'cascade'),
    sameAccount('followups_campaign_id_fk', [t.accountId, t.campaignId], campaigns, 'cascade'),
    sameAccount('followups_invitation_id_fk', [t.accountId, t.invitationId], invitations, 'cascade'),
    index('followups_account_status_due_idx').on(t.accountId, t.status, t.dueOn),
    // Today and the follow-up list read pending follow-ups by their effective due date (the
    // snooze date while snoozed): the same expression as effectiveDueSql, so one index scan.
    index('followups_pending_due_idx')
      .on(t.accountId, sql`(case when ${t.status} = 'snoozed' then ${t.snoozedUntil} else ${t.dueOn} end)`, t.createdAt, t.id)
      .where(sql`${t.status} in ('open', 'snoozed')`),
    // "Follow-ups done this week" in the weekly review.
    index('followups_account_completed_idx').on(t.accountId, t.completedAt),
    index('followups_contact_idx').on(t.contactId),
    // ON DELETE CASCADE from an event, a campaign, a favor or an invitation finds its follow-ups by these.
    index('followups_event_idx').on(t.eventId),
    index('followups_campaign_idx').on(t.campaignId),
    index('followups_favor_idx').on(t.accountId, t.favorId),
    index('followups_invitation_idx').on(t.accountId, t.invitationId),
  ],
);

export const favors = pgTable(
  'favors',
  {
    id: id(),
    accountId: accountId(),
    contactId: uuid('contact_id').notNull(),
    direction: text('direction', { enum: favorDirections }).notNull(),
    kind: text('kind', { enum: favorKinds }).notNull(),
    effort: text('effort', { enum: efforts }).notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    description: text('description'),
    introducedToId: uuid('introduced_to_id'),
    thankedOn: date('thanked_on', { mode: 'string' }),
    outcome: text('outcome'),
    outcomeReportedOn: date('outcome_reported_on', { mode: 'string' }),
    outcomeNotApplicable: boolean('outcome_not_applicable').notNull().default(false),
    /** Derived by loopStatus() on every write; stored so Today can find open loops by index. */
    loopStatus: text('loop_status', { enum: loopStatuses }).notNull(),
    /** When the loop closed, for the weekly review's "loops closed". */
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    accountScopedId('favors', t),
    sameAccount('favors_contact_id_fk', [t.accountId, t.contactId], contacts, 'cascade'),
    sameAccount('favors_introduced_to_id_fk', [t.accountId, t.introducedToId], contacts, 'set null'),
    index('favors_account_loop_idx').on(t.accountId, t.loopStatus),
    index('favors_contact_idx').on(t.contactId, t.occurredOn),
    index('favors_introduced_to_idx').on(t.introducedToId),
  ],
);

/** Every change of a contact's stage, for the weekly review's "stage moves". */
export const stageChanges = pgTable(
  'stage_changes',
  {
    id: id(),
    accountId: accountId(),
    contactId: uuid('contact_id').notNull(),
    fromStage: text('from_stage', { enum: stages }).notNull(),
    toStage: text('to_stage', { enum: stages }).notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Insertion order: two moves in the same instant still read in the order they happened. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [
    sameAccount('stage_changes_contact_id_fk', [t.accountId, t.contactId], contacts, 'cascade'),
    index('stage_changes_account_time_idx').on(t.accountId, t.changedAt),
    // Deleting a contact finds its stage changes by this.
    index('stage_changes_contact_idx').on(t.accountId, t.contactId),
  ],
);

/** An invitation on LinkedIn or another network (docs/domain.md#invitations). */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    accountId: accountId(),
    contactId: uuid('contact_id').notNull(),
    network: text('network').notNull().default('linkedin'),
    direction: text('direction', { enum: invitationDirections }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** The invitation's own note, when the sender wrote one. */
    message: text('message'),
    welcomeSentOn: date('welcome_sent_on', { mode: 'string' }),
    welcomeMessage: text('welcome_message'),
    repliedOn: date('replied_on', { mode: 'string' }),
    outcome: text('outcome', { enum: invitationOutcomes }).notNull().default('none'),
    /** Outgoing invitations: the day they accepted, when known. */
    acceptedOn: date('accepted_on', { mode: 'string' }),
    externalId: text('external_id'),
    createdAt: createdAt(),
  },
  (t) => [
    accountScopedId('invitations', t),
    sameAccount('invitations_contact_id_fk', [t.accountId, t.contactId], contacts, 'cascade'),
    index('invitations_account_received_idx').on(t.accountId, t.receivedOn),
    index('invitations_contact_idx').on(t.contactId),
    uniqueIndex('invitations_external_id_key').on(t.accountId, t.externalId),
  ],
);

/** Message templates per purpose and language (docs/domain.md#templates). */
export const templates = pgTable(
  'templates',
  {
    id: id(),
    accountId: accountId(),
    purpose: text('purpose', { enum: templatePurposes }).notNull(),
    language: text('language', { enum: languages }).notNull(),
    name: text('name').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    /** Which shipped default it was copied from (null for the user's own). */
    defaultKey: text('default_key'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('templates_account_purpose_idx').on(t.accountId, t.purpose, t.language),
    uniqueIndex('templates_default_key').on(t.accountId, t.defaultKey),
  ],
);

/** An event to prepare for and follow up on (docs/domain.md#events). */
export const events = pgTable(
  'events',
  {
    id: id(),
    accountId: accountId(),
    name: text('name').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }),
    place: text('place'),
    /** The online link, or the event's page. */
    url: text('url'),
    kind: text('kind', { enum: eventKinds }).notNull().default('other'),
    /** My pitch for this event; null means the profile's short pitch. */
    pitch: text('pitch'),
    talkingPoints: textList('talking_points'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [accountScopedId('events', t), index('events_account_starts_idx').on(t.accountId, t.startsAt, t.id)],
);

/** Who will be (or was) at an event, and how I prepare to meet them. */
export const eventAttendees = pgTable(
  'event_attendees',
  {
    accountId: accountId(),
    eventId: uuid('event_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    /** I want to meet them. */
    target: boolean('target').notNull().default(false),
    why: text('why'),
    researchNotes: text('research_notes'),
    topics: textList('topics'),
    questions: textList('questions'),
    met: boolean('met').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.contactId] }),
    sameAccount('event_attendees_event_id_fk', [t.accountId, t.eventId], events, 'cascade'),
    sameAccount('event_attendees_contact_id_fk', [t.accountId, t.contactId], contacts, 'cascade'),
    index('event_attendees_contact_idx').on(t.contactId),
  ],
);

/** A networking campaign with a goal and weekly targets (docs/domain.md#campaigns). */
export const campaigns = pgTable(
  'campaigns',
  {
    id: id(),
    accountId: accountId(),
    name: text('name').notNull(),
    goal: text('goal', { enum: campaignGoals }).notNull(),
    /** Roles, companies, sector: free text. */
    target: text('target'),
    /** The companies the campaign aims at, as the user wrote them: each gets its best intro path. */
    targetCompanies: textList('target_companies'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    newContactsPerWeek: integer('new_contacts_per_week').notNull().default(3),
    meetingsPerWeek: integer('meetings_per_week').notNull().default(1),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [accountScopedId('campaigns', t), index('campaigns_account_starts_idx').on(t.accountId, t.startsOn, t.id)],
);

/** A contact in a campaign, at a stage from identified to following up. */
export const campaignMembers = pgTable(
  'campaign_members',
  {
    accountId: accountId(),
    campaignId: uuid('campaign_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    stage: text('stage', { enum: campaignStages }).notNull().default('identified'),
    addedOn: date('added_on', { mode: 'string' }).notNull(),
    /** The local date of the (advice) meeting: the campaign's meetings per week count by it. */
    metOn: date('met_on', { mode: 'string' }),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.contactId] }),
    sameAccount('campaign_members_campaign_id_fk', [t.accountId, t.campaignId], campaigns, 'cascade'),
    sameAccount('campaign_members_contact_id_fk', [t.accountId, t.contactId], contacts, 'cascade'),
    index('campaign_members_contact_idx').on(t.contactId),
  ],
);

/**
 * Secret iCal addresses whose past meetings become touches (features/calendar-import). The URL
 * is a secret (anyone holding it reads the calendar), so it is kept sealed with CIRCULO_SECRET
 * (features/auth/secret-box.ts) and only its host is shown back.
 */
export const calendarSubscriptions = pgTable(
  'calendar_subscriptions',
  {
    id: id(),
    accountId: accountId(),
    /** Whose calendar: their own addresses are recognised as the organiser, their time zone used for floating times. */
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    urlSealed: text('url_sealed').notNull(),
    /** What the lists show of the URL: its scheme and host. */
    urlHint: text('url_hint').notNull(),
    /** The last attempt, successful or not; the scheduler fetches again an hour after it. */
    lastFetchedAt: timestamp('last_fetched_at', { withTimezone: true, mode: 'date' }),
    lastStatus: text('last_status', { enum: ['ok', 'failed'] }),
    lastError: text('last_error'),
    /** CalendarFetchErrorCode (or `malformed`…), for a translated message. */
    lastErrorCode: text('last_error_code'),
    /** Touches the last successful fetch created, updated and removed. */
    lastCounts: jsonb('last_counts').$type<{ created: number; updated: number; removed: number }>(),
    createdAt: createdAt(),
  },
  (t) => [
    accountScopedId('calendar_subscriptions', t),
    sameAccount('calendar_subscriptions_user_id_fk', [t.accountId, t.userId], users, 'cascade'),
    index('calendar_subscriptions_account_user_idx').on(t.accountId, t.userId),
    index('calendar_subscriptions_due_idx').on(t.lastFetchedAt),
  ],
);

/**
 * The phone-sync change log (docs/architecture.md, "Phone sync"): one row per contact that ever
 * existed in the account, with the sequence number of its newest change of anything a vCard
 * shows. A CardDAV sync token is a sequence number: what changed since is `seq > token`, and a
 * row marked `deleted` is answered as gone. Written by database triggers on `contacts`
 * (migration 0017), so every path that writes contacts (the API, imports, merges, restores,
 * the phone) is logged without remembering to.
 */
export const contactChanges = pgTable(
  'contact_changes',
  {
    // Written only by the triggers on contacts, for contacts that reference their account, so no
    // key to `accounts` (migration 0028): a trigger on accounts deletes an account's log with it.
    // Checking the account per row cost ~14 ms of each 1,000 contacts an import inserts.
    accountId: uuid('account_id').notNull(),
    /** No foreign key: the row outlives the contact, to report its deletion. */
    contactId: uuid('contact_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    deleted: boolean('deleted').notNull(),
    /**
     * The writing transaction's id (`pg_current_xact_id()`): a sync token also names the
     * transactions still running when it was given, so a change they commit later with a smaller
     * `seq` is not missed (features/dav/cards.ts, syncState).
     */
    xid: bigint('xid', { mode: 'number' }),
    /**
     * For a card a phone created: the name it gave the card (`…/contacts/<name>`) and the card's
     * UID, kept so the phone finds its card again under both. Null: `<contact id>.vcf` and
     * `urn:uuid:<contact id>`.
     */
    davName: text('dav_name'),
    davUid: text('dav_uid'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.contactId] }),
    index('contact_changes_account_seq_idx').on(t.accountId, t.seq),
    // Only cards a phone named: most contacts have none, and need no entry.
    uniqueIndex('contact_changes_dav_name_key').on(t.accountId, t.davName).where(sql`${t.davName} is not null`),
  ],
);

/**
 * Attendees of imported meetings who are not contacts: "people you met — add them?". Never made
 * contacts silently; the list hides those who have since become contacts (by e-mail) and those
 * the user dismissed.
 */
/** One meeting with a person met, as it would become a touch (features/calendar-import/touches.ts). */
export interface MetMeeting {
  uid: string;
  key: string;
  occurredAt: string;
  channel: Channel;
  direction: Direction;
  summary: string | null;
}

export const calendarPeopleMet = pgTable(
  'calendar_people_met',
  {
    accountId: accountId(),
    /** Lower-cased, without `mailto:`. */
    email: text('email').notNull(),
    name: text('name'),
    lastMetAt: timestamp('last_met_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastMeeting: text('last_meeting'),
    /**
     * The meetings with them (newest first, at most MEETINGS_KEPT of features/calendar-import),
     * so that adding them as a contact records those meetings as touches at once, under the same
     * keys the next import of the calendar would use. Replaced per calendar UID at every import.
     */
    meetings: jsonb('meetings').$type<MetMeeting[]>().notNull().default([]),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.email] }), index('calendar_people_met_recent_idx').on(t.accountId, t.lastMetAt.desc())],
);

/**
 * Deleted contacts, kept 30 days so they can be restored with their history (docs/domain.md,
 * "Trash"). The contact and every row that went with it are stored as a snapshot (each table's
 * rows as JSON, read back by the database's own `jsonb_populate_recordset`), so no query of the
 * live tables has to remember to skip trashed contacts.
 */
export const contactTrash = pgTable(
  'contact_trash',
  {
    id: id(),
    accountId: accountId(),
    contactId: uuid('contact_id').notNull(),
    displayName: text('display_name').notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** `{ table name: rows as to_jsonb wrote them }`. */
    snapshot: jsonb('snapshot').notNull(),
  },
  (t) => [index('contact_trash_account_deleted_idx').on(t.accountId, t.deletedAt), index('contact_trash_contact_idx').on(t.accountId, t.contactId)],
);

/**
 * An explicit tie between two of the account's contacts (docs/domain.md#ties-between-contacts).
 * A pair is stored once (the smaller id first, by habit; the unique key takes either order), so
 * "no duplicate tie" holds whichever page it was typed from. Ties Círculo can read from other records (introductions, shared
 * touches, events, companies) are never stored here: features/relationships/derived-ties.ts
 * computes them.
 */
export const contactRelationships = pgTable(
  'contact_relationships',
  {
    id: id(),
    accountId: accountId(),
    contactAId: uuid('contact_a_id').notNull(),
    contactBId: uuid('contact_b_id').notNull(),
    kind: text('kind', { enum: relationshipKinds }).notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    accountScopedId('contact_relationships', t),
    sameAccount('contact_relationships_contact_a_id_fk', [t.accountId, t.contactAId], contacts, 'cascade'),
    sameAccount('contact_relationships_contact_b_id_fk', [t.accountId, t.contactBId], contacts, 'cascade'),
    // Either order is the same pair. (Not a check that a < b: the account-isolation tests point a
    // row at any contact, and a refused order would hide the foreign key's own refusal.)
    uniqueIndex('contact_relationships_pair_key').on(t.accountId, sql`least(${t.contactAId}, ${t.contactBId})`, sql`greatest(${t.contactAId}, ${t.contactBId})`),
    index('contact_relationships_a_idx').on(t.accountId, t.contactAId),
    index('contact_relationships_b_idx').on(t.accountId, t.contactBId),
    check('contact_relationships_two_people_check', sql`${t.contactAId} <> ${t.contactBId}`),
  ],
);
