// Loads what tieStrength() (src/shared/rules/tie-strength.ts) needs for many contacts in one
// statement, and applies the rule. SQL only counts and picks: which channel is how deep, and the
// score, stay in the rule. The 12-month window of touches is `> now - 365 days, <= now`, as the
// rule's `touches` says; favors use reciprocity()'s window (lastTwelveMonthsSql).
import { sql } from 'drizzle-orm';
import { channels, type Channel } from '#shared/enums.js';
import { depthOf, depths, tieStrength, type Depth, type TieInputs } from '#shared/rules/tie-strength.js';
import { RECIPROCITY_DAYS } from '#shared/rules/favors.js';
import { addDays } from '#shared/rules/time.js';
import type { TieStrength } from '#shared/schemas/relationships.js';
import { fromJsonChunks, inJsonChunks, type Tx } from '../../db/database.js';
import { preparedRows } from '../../db/prepared.js';
import { contacts, favors, interactionContacts } from '../../db/schema.js';
import { strengthWhy } from '../../i18n/strength.js';
import type { UserContext } from '../settings/user-context.js';
import { uuidList } from '../../db/array-literal.js';

interface InputRow {
  id: string;
  last_at: string | Date | null;
  last_channel: Channel | null;
  touches: number;
  inbound: number;
  channel_bits: number | null;
  given: number;
  received: number;
}

/**
 * Each channel as one bit, in the order of `channels` (#shared/enums.js): the year's channels of a
 * person are the bit_or of their touches' bits. Which channel is how deep stays in the rule
 * (depthOf); SQL only says which were seen.
 */
if (channels.length > 31) throw new Error('strength.ts: more channels than the bits of an integer');
const channelBit = sql.raw(`case ic.channel ${channels.map((channel, i) => `when '${channel}' then ${1 << i}`).join(' ')} end`);

/**
 * TieInputs of each contact in `ids`; 'all': of every contact of the account with a touch or a
 * favor in the window (the network), NO_TIE for those left out.
 */
export async function loadTieInputs(db: Tx, user: UserContext, ids: readonly string[] | 'all'): Promise<Map<string, TieInputs>> {
  if (ids !== 'all' && ids.length === 0) return new Map();
  const which = ids === 'all' ? sql`` : sql`and c.id = any(${uuidList(ids)})`;
  const yearAgo = new Date(user.now.getTime() - 365 * 86_400_000);
  const read = sql`
    with chosen as (select c.id from ${contacts} c where c.account_id = ${user.accountId} ${which}),
    year as (
      -- channel and direction are the interaction's, copied onto each link (schema.ts): a person's
      -- year is one range of interaction_contacts_contact_idx, no lookup per touch. The channels
      -- seen come as one integer of bits (channelBit), so one hash of people does it all: a list
      -- of channels per person (array_agg) made it two, and the second spilled to disk.
      select ic.contact_id, count(*)::int as touches, (count(*) filter (where ic.direction = 'inbound'))::int as inbound,
        bit_or(${channelBit}) as channel_bits
      from ${interactionContacts} ic
      where ic.account_id = ${user.accountId} ${ids === 'all' ? sql`` : sql`and ic.contact_id in (select id from chosen)`}
        and ic.occurred_at > ${yearAgo}::timestamptz and ic.occurred_at <= ${user.now}::timestamptz
      group by ic.contact_id
    ),
    -- ('all': the account's whole year, with no semi-join against 30,000 ids.)
    favor_counts as (
      select f.contact_id, (count(*) filter (where f.direction = 'given'))::int as given,
        (count(*) filter (where f.direction = 'received'))::int as received
      from ${favors} f
      where f.account_id = ${user.accountId} ${ids === 'all' ? sql`` : sql`and f.contact_id in (select id from chosen)`}
        and f.occurred_on > ${addDays(user.today, -RECIPROCITY_DAYS)}::date and f.occurred_on <= ${user.today}::date
      group by f.contact_id
    )
    select c.id, l.occurred_at as last_at, l.channel as last_channel,
      coalesce(y.touches, 0) as touches, coalesce(y.inbound, 0) as inbound, y.channel_bits,
      coalesce(f.given, 0) as given, coalesce(f.received, 0) as received
    from chosen c
    -- The newest touch and its channel from the timeline index alone (one entry each). NULLS LAST
    -- as the index is declared (both columns are NOT NULL, so the order is the same): a plain DESC
    -- means NULLS FIRST, which the index cannot give, and each busy person's touches were sorted.
    left join lateral (
      select ic.occurred_at, ic.channel from ${interactionContacts} ic
      where ic.account_id = ${user.accountId} and ic.contact_id = c.id and ic.occurred_at <= ${user.now}::timestamptz
      order by ic.occurred_at desc nulls last, ic.interaction_id desc nulls last limit 1) l on true
    left join year y on y.contact_id = c.id
    left join favor_counts f on f.contact_id = c.id
    -- ('all': only those with a touch or a favor; the others are NO_TIE, and a fifth of the heavy
    -- user's contacts were sent back empty.)
    ${ids === 'all' ? sql`where l.occurred_at is not null or f.contact_id is not null` : sql``}`;
  // The network's thousands of rows as JSON (inJsonChunks: less CPU and heap); a page's as rows.
  const rows = large(ids)
    ? fromJsonChunks(await preparedRows<{ rows: InputRow[] }>(db, 'tie_inputs_json', inJsonChunks(read)))
    : await preparedRows<InputRow>(db, 'tie_inputs', read);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        lastTouch: r.last_at && r.last_channel ? { at: new Date(r.last_at), channel: r.last_channel } : null,
        touches: r.touches,
        inbound: r.inbound,
        deepest: deepestOf(r.channel_bits),
        favorsGiven: r.given,
        favorsReceived: r.received,
      },
    ]),
  );
}

const large = (ids: readonly string[] | 'all') => ids === 'all' || ids.length >= 1_000;

function deepestOf(bits: number | null): Depth | null {
  let best = -1;
  channels.forEach((channel, i) => {
    if ((bits ?? 0) & (1 << i)) best = Math.max(best, depths.indexOf(depthOf(channel)));
  });
  return best < 0 ? null : depths[best]!;
}

export const NO_TIE: TieInputs = { lastTouch: null, touches: 0, inbound: 0, deepest: null, favorsGiven: 0, favorsReceived: 0 };

/** `{score, why}` of each contact in `ids`. */
export async function strengthsOf(db: Tx, user: UserContext, ids: readonly string[] | 'all'): Promise<Map<string, TieStrength & { inputs: TieInputs }>> {
  const inputs = await loadTieInputs(db, user, ids);
  return new Map(
    [...inputs].map(([id, input]) => {
      const { score, reasons } = tieStrength(input, user.now, user.timeZone);
      return [id, { score, why: strengthWhy(user.language, reasons), reasons, inputs: input }];
    }),
  );
}

export async function strengthOf(db: Tx, user: UserContext, id: string): Promise<TieStrength> {
  const found = (await strengthsOf(db, user, [id])).get(id);
  const { score, reasons } = tieStrength(NO_TIE, user.now);
  return found ? { score: found.score, why: found.why, reasons: found.reasons } : { score, why: strengthWhy(user.language, reasons), reasons };
}
