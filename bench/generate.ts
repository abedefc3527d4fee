// The heavy user of docs/domain.md#scale, generated deterministically: contacts, interactions (streamed in
// batches, they are the bulk) and follow-ups, as rows ready for the Drizzle schema.
import { circles, contactKinds, followupKinds, stages, type Channel, type Circle, type ContactKind, type ContactSource, type FollowupKind, type FollowupStatus, type Intent, type Stage } from '#shared/enums.js';
import type { contacts, followups, interactionContacts, interactions } from '../src/server/db/schema.js';
import { Rng, WeightedIndex } from './prng.js';
import * as v from './vocabulary.js';

export type ContactInsert = typeof contacts.$inferInsert & { id: string };
export type InteractionInsert = typeof interactions.$inferInsert & { id: string };
export type LinkInsert = typeof interactionContacts.$inferInsert;
export type FollowupInsert = typeof followups.$inferInsert;

export interface DatasetSize {
  contacts: number;
  interactions: number;
  followups: number;
}

export const HEAVY_USER: DatasetSize = { contacts: 30_000, interactions: 300_000, followups: 20_000 };

export function scaled(scale: number): DatasetSize {
  return {
    contacts: Math.max(50, Math.round(HEAVY_USER.contacts * scale)),
    interactions: Math.max(100, Math.round(HEAVY_USER.interactions * scale)),
    followups: Math.max(20, Math.round(HEAVY_USER.followups * scale)),
  };
}

const DAY = 86_400_000;

/** `YYYY-MM-DD` of a UTC instant. */
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `José Muñoz` → `jose.munoz`, for e-mail addresses. */
function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

const circleWeights: [Circle, number][] = [
  ['personal', 20],
  ['professional', 65],
  ['opportunity', 15],
];
const stageWeights: [Stage, number][] = [
  ['new', 30],
  ['in_conversation', 15],
  ['met_online', 15],
  ['met_in_person', 20],
  ['relationship', 13],
  ['trusted', 7],
];
const stageActivity: Record<Stage, number> = { new: 0.3, in_conversation: 0.7, met_online: 0.8, met_in_person: 1, relationship: 1.6, trusted: 2.2 };
const kindsByCircle: Record<Circle, [ContactKind, number][]> = {
  personal: [['family', 15], ['friend', 40], ['friend_of_friend', 20], ['club_member', 10], ['service_provider', 10], ['other', 5]],
  professional: [['colleague', 25], ['former_colleague', 30], ['boss', 4], ['client', 12], ['supplier', 8], ['collaborator', 12], ['mentor', 3], ['met_by_chance', 6]],
  opportunity: [['client', 30], ['collaborator', 20], ['met_by_chance', 35], ['other', 15]],
};
const sources: [ContactSource, number][] = [['linkedin', 50], ['manual', 30], ['csv', 8], ['vcard', 5], ['event', 4], ['referral', 3]];
const channels: [Channel, number][] = [
  ['message', 20], ['email', 20], ['linkedin', 15], ['call', 10], ['video', 8], ['coffee', 7], ['in_person', 6],
  ['meal', 5], ['social', 3], ['event', 3], ['forum', 1], ['letter', 0.5], ['other', 1.5],
];
const intents: [Intent, number][] = [['nurture', 45], ['reply', 25], ['ask', 15], ['give', 15]];
const followupStatuses: [FollowupStatus, number][] = [['open', 35], ['done', 45], ['snoozed', 10], ['dismissed', 10]];
const followupKindWeights: [FollowupKind, number][] = [
  ['thank_you', 15], ['report_outcome', 10], ['keep_in_touch', 30], ['after_event', 10], ['reply_invitation', 5], ['campaign', 5], ['custom', 25],
];

// The enums are the source of truth: fail loudly if the weights above drift from them.
for (const [list, table] of [
  [circles, circleWeights],
  [stages, stageWeights],
  [followupKinds, followupKindWeights],
] as const) {
  for (const [value] of table) if (!(list as readonly string[]).includes(value)) throw new Error(`unknown enum value ${value}`);
}
for (const table of Object.values(kindsByCircle)) {
  for (const [kind] of table) if (!(contactKinds as readonly string[]).includes(kind)) throw new Error(`unknown kind ${kind}`);
}

export interface Generated {
  size: DatasetSize;
  contacts: ContactInsert[];
  followups: FollowupInsert[];
  /** Interactions and their contact links, in batches of `batchSize` interactions. */
  interactionBatches(batchSize: number): Generator<{ interactions: InteractionInsert[]; links: LinkInsert[] }>;
  /** Filled while `interactionBatches` runs: how many touches each contact (by index) has. */
  touchCounts: Uint32Array;
}

export function generate(accountId: string, size: DatasetSize, now: Date, seed = 20_240_601): Generated {
  const nowMs = now.getTime();
  const todayMs = Date.parse(`${isoDay(nowMs)}T00:00:00Z`);
  const rng = new Rng(seed);

  // --- contacts -----------------------------------------------------------------------------
  const contactRows: ContactInsert[] = [];
  const activity = new Float64Array(size.contacts);
  for (let i = 0; i < size.contacts; i++) {
    const origin = rng.weighted([['es', 60], ['en', 35], ['other', 5]] as const);
    const firstName = origin === 'es' ? rng.pick(v.spanishFirstNames) : origin === 'en' ? rng.pick(v.englishFirstNames) : rng.pick(v.otherFirstNames);
    let lastName: string | null =
      origin === 'es'
        ? rng.chance(0.5)
          ? `${rng.pick(v.spanishLastNames)} ${rng.pick(v.spanishLastNames)}`
          : rng.pick(v.spanishLastNames)
        : origin === 'en'
          ? rng.pick(v.englishLastNames)
          : rng.pick(v.otherLastNames);
    if (rng.chance(0.02)) lastName = null;
    const circle = rng.weighted(circleWeights);
    const stage = rng.weighted(stageWeights);
    const company = rng.chance(0.85) ? rng.pick(v.companies) : null;
    const domain = company && rng.chance(0.6) ? `${ascii(company).replace(/\./g, '')}.com` : rng.pick(['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.es', 'icloud.com']);
    const handle = ascii(`${firstName} ${lastName ?? ''}`) || `contact${i}`;
    const metOnMs = rng.chance(0.7) ? nowMs - rng.int(0, 3650) * DAY : null;
    // Added to Círculo after meeting; LinkedIn imports arrive in a few big batches.
    const source = rng.weighted(sources);
    const createdMs =
      i >= size.contacts - 40
        ? nowMs - rng.int(0, 6) * DAY // a handful this week, for the weekly tally
        : source === 'linkedin'
          ? nowMs - rng.pick([900, 600, 420, 200, 30]) * DAY + rng.int(0, 3600_000)
          : Math.min(nowMs, (metOnMs ?? nowMs - rng.int(0, 3650) * DAY) + rng.int(0, 30) * DAY);
    const tagCount = rng.weighted([[0, 35], [1, 30], [2, 20], [3, 10], [4, 5]] as const);
    contactRows.push({
      id: rng.uuid(),
      accountId,
      firstName,
      lastName,
      displayName: lastName ? `${firstName} ${lastName}` : firstName,
      emails: rng.chance(0.9) ? (rng.chance(0.2) ? [`${handle}@${domain}`, `${handle}${rng.int(1, 99)}@gmail.com`] : [`${handle}@${domain}`]) : [],
      phones: rng.chance(0.6) ? [`+34 6${rng.int(10, 99)} ${rng.int(100, 999)} ${rng.int(100, 999)}`] : [],
      company,
      title: company && rng.chance(0.9) ? rng.pick(v.titles) : null,
      location: rng.chance(0.7) ? rng.pick(v.cities) : null,
      links: rng.chance(0.5) ? [`https://www.linkedin.com/in/${handle.replace(/\./g, '-')}-${rng.int(1000, 9999)}`] : [],
      birthday: rng.chance(0.2) ? (rng.chance(0.5) ? `--${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}` : `${rng.int(1950, 2004)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`) : null,
      notes: rng.chance(0.3) ? rng.sample(v.noteSentences, rng.int(1, 2)).join(' ') : null,
      circle,
      kind: rng.chance(0.9) ? rng.weighted(kindsByCircle[circle]) : null,
      tags: rng.sample(v.tags, tagCount),
      interests: rng.chance(0.25) ? rng.sample(v.interests, rng.int(1, 3)) : [],
      communities: rng.chance(0.15) ? rng.sample(v.communities, rng.int(1, 2)) : [],
      howMet: rng.chance(0.4) ? rng.pick(v.howMetOptions) : null,
      metOn: metOnMs === null ? null : isoDay(metOnMs),
      // Introductions point to someone added before.
      introducedById: i > 100 && rng.chance(0.05) ? contactRows[rng.int(0, i - 1)]!.id : null,
      stage,
      cadenceDays: rng.chance(0.05) ? rng.pick([7, 14, 30, 90, 180, 365]) : null,
      source,
      createdAt: new Date(createdMs),
      updatedAt: new Date(Math.min(nowMs, createdMs + rng.int(0, 400) * DAY)),
    });
    // A quarter of the network is never touched (LinkedIn connections); the rest follow a
    // Zipf-like law: a few people get most of the touches.
    activity[i] = stage === 'new' && rng.chance(0.7) ? 0 : stageActivity[stage];
  }
  const ranks = rng.sample(
    Array.from({ length: size.contacts }, (_, i) => i),
    size.contacts,
  );
  for (let i = 0; i < size.contacts; i++) activity[ranks[i]!] = activity[ranks[i]!]! / Math.pow(i + 1, 0.75);
  const byActivity = new WeightedIndex(activity);
  const firstNameOf = (index: number) => contactRows[index]!.firstName ?? contactRows[index]!.displayName;

  // --- follow-ups ---------------------------------------------------------------------------
  const followupRows: FollowupInsert[] = [];
  for (let i = 0; i < size.followups; i++) {
    const who = rng.chance(0.8) ? byActivity.draw(rng) : rng.int(0, size.contacts - 1);
    const kind = rng.weighted(followupKindWeights);
    const status = rng.weighted(followupStatuses);
    let dueMs: number;
    let snoozedUntil: string | null = null;
    let completedAt: Date | null = null;
    switch (status) {
      case 'open':
        dueMs = todayMs + rng.int(-45, 120) * DAY;
        break;
      case 'done':
        dueMs = todayMs + rng.int(-730, 7) * DAY;
        completedAt = new Date(Math.min(nowMs, dueMs + rng.int(-3, 10) * DAY + rng.int(8, 21) * 3600_000));
        break;
      case 'snoozed':
        dueMs = todayMs + rng.int(-60, -1) * DAY;
        snoozedUntil = isoDay(todayMs + rng.int(-5, 30) * DAY);
        break;
      case 'dismissed':
        dueMs = todayMs + rng.int(-730, 30) * DAY;
        break;
    }
    followupRows.push({
      id: rng.uuid(),
      accountId,
      contactId: contactRows[who]!.id,
      dueOn: isoDay(dueMs),
      kind,
      title: rng.pick(v.followupTitles[kind]!).replace('{name}', firstNameOf(who)),
      notes: rng.chance(0.2) ? rng.pick(v.interactionNotes) : null,
      status,
      snoozedUntil,
      completedAt,
      createdAt: new Date(Math.min(nowMs, dueMs - rng.int(1, 30) * DAY + rng.int(0, 86_399) * 1000)),
    });
  }

  // --- interactions (streamed) ----------------------------------------------------------------
  const touchCounts = new Uint32Array(size.contacts);
  const fiveYears = 5 * 365 * DAY;
  function* interactionBatches(batchSize: number) {
    const irng = new Rng(seed ^ 0x5eed);
    for (let start = 0; start < size.interactions; start += batchSize) {
      const rows: InteractionInsert[] = [];
      const links: LinkInsert[] = [];
      for (let i = start; i < Math.min(size.interactions, start + batchSize); i++) {
        // More touches in recent years (density rises linearly towards now).
        const occurredAt = new Date(nowMs - Math.floor((1 - Math.sqrt(irng.next())) * fiveYears) - irng.int(0, 3600) * 1000);
        const id = irng.uuid();
        const people = irng.weighted([[1, 75], [2, 18], [3, 7]] as const);
        const chosen = new Set<number>();
        while (chosen.size < people) chosen.add(byActivity.draw(irng));
        rows.push({
          id,
          accountId,
          occurredAt,
          channel: irng.weighted(channels),
          direction: irng.chance(0.55) ? 'outbound' : 'inbound',
          intent: irng.weighted(intents),
          summary: irng.chance(0.8) ? irng.pick(v.summaryTemplates).replace('{name}', firstNameOf(irng.int(0, size.contacts - 1))) : null,
          notes: irng.chance(0.15) ? irng.pick(v.interactionNotes) : null,
          createdAt: new Date(Math.min(nowMs, occurredAt.getTime() + irng.int(0, 48) * 3600_000)),
        });
        for (const index of chosen) {
          touchCounts[index] = (touchCounts[index] ?? 0) + 1;
          links.push({ accountId, interactionId: id, contactId: contactRows[index]!.id, occurredAt });
        }
      }
      yield { interactions: rows, links };
    }
  }

  return { size, contacts: contactRows, followups: followupRows, interactionBatches, touchCounts };
}
