// GET /api/campaigns/{id}/company-intros: the best warm path to someone at each of the campaign's
// target companies, and the companies its free-text target names that the user has contacts at
// (docs/domain.md#campaigns). Paths come from the one path finder, GET /api/intros?company=.
import { sql } from 'drizzle-orm';
import type { CampaignCompanyPaths } from '#shared/schemas/campaigns.js';
import { arrayLiteral } from '../../db/array-literal.js';
import { queryRows, type Tx } from '../../db/database.js';
import { contacts } from '../../db/schema.js';
import { introPaths } from '../relationships/intros.js';
import type { UserContext } from '../settings/user-context.js';
import { findCampaignRow } from './queries.js';

/** Longest company name, in words, looked for in the free-text target. */
const MAX_NAME_WORDS = 5;
/** Suggestions offered at once: a start, not a list to wade through. */
const MAX_SUGGESTED = 8;

/**
 * The word sequences of a free text that could be a company's name: up to MAX_NAME_WORDS words
 * within a phrase (commas, semicolons, slashes, brackets and line ends split phrases).
 */
export function candidateNames(text: string): string[] {
  const names = new Set<string>();
  for (const phrase of text.split(/[,;:/|()[\]{}\n\r\t•·]+/)) {
    const words = phrase.split(/\s+/).map((w) => w.replace(/^[.'"¡!¿?-]+|[.'"¡!¿?-]+$/g, '')).filter(Boolean);
    for (let start = 0; start < words.length; start++) {
      for (let n = 1; n <= MAX_NAME_WORDS && start + n <= words.length; n++) names.add(words.slice(start, start + n).join(' '));
    }
  }
  return [...names].slice(0, 2_000);
}

/** A list of strings as ONE `text[]` parameter. */
const textList = (values: readonly string[]) => sql`${arrayLiteral(values)}::text[]`;

/** Contacts at each of `names` (compared as search compares: no case, no accents), by the name as given. */
async function peopleAt(db: Tx, accountId: string, names: string[]): Promise<Map<string, { key: string; company: string; people: number }>> {
  if (names.length === 0) return new Map();
  const rows = await queryRows<{ name: string; key: string; company: string; people: number }>(db, sql`
    with wanted as (select x as name, circulo_normalize(x) as key from unnest(${textList(names)}) as x)
    select w.name, w.key, mode() within group (order by ${contacts.company}) as company, count(*)::int as people
    from wanted w join ${contacts} on ${contacts.accountId} = ${accountId} and circulo_normalize(${contacts.company}) = w.key
    group by w.name, w.key`);
  return new Map(rows.map((r) => [r.name, { key: r.key, company: r.company, people: Number(r.people) }]));
}

/** Drops a name found inside a longer one found too ("Banco" when "Banco Estado" is named). */
const longestOnly = (keys: string[]) => keys.filter((k) => !keys.some((other) => other !== k && ` ${other} `.includes(` ${k} `)));

export async function campaignCompanyPaths(db: Tx, user: UserContext, campaignId: string): Promise<CampaignCompanyPaths> {
  const campaign = await findCampaignRow(db, user.accountId, campaignId);
  const listed = campaign.targetCompanies;
  const counts = await peopleAt(db, user.accountId, listed);
  const items = [];
  for (const company of listed) {
    const people = counts.get(company)?.people ?? 0;
    // Nobody there: no path to look for.
    const path = people > 0 ? ((await introPaths(db, user, { company, limit: 1 })).items[0] ?? null) : null;
    items.push({ company, people, path });
  }
  const already = new Set([...counts.values()].map((c) => c.key));
  const named = new Map([...(await peopleAt(db, user.accountId, campaign.target ? candidateNames(campaign.target) : [])).values()].map((c) => [c.key, c]));
  const keep = new Set(longestOnly([...named.keys()]));
  const suggested = [...named.values()]
    .filter((c) => keep.has(c.key) && !already.has(c.key))
    .sort((a, b) => b.people - a.people || a.company.localeCompare(b.company))
    .slice(0, MAX_SUGGESTED)
    .map((c) => c.company);
  return { items, suggested };
}
