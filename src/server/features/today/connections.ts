// The few imported connections Today offers to turn into relationships
// (docs/domain.md#relationships-not-connections), apart from GET /api/today so Today's own time
// does not grow with the size of an import.
import { eq, sql } from 'drizzle-orm';
import type { Circle, ContactSource, Stage } from '#shared/enums.js';
import { commonPoints } from '#shared/rules/common-points.js';
import { connectionsToEngage } from '#shared/rules/engagement.js';
import type { ConnectionsToEngage } from '#shared/schemas/today.js';
import { queryRows, type Db } from '../../db/database.js';
import { campaignMembers, contacts, eventAttendees, users } from '../../db/schema.js';
import type { UserContext } from '../settings/user-context.js';
import { engagedByColumns } from './queries.js';

/** Connections read to choose from: the furthest along first (a heavy user has 30,000). */
const CANDIDATES = 2000;

interface Row {
  id: string;
  display_name: string;
  company: string | null;
  title: string | null;
  circle: Circle;
  stage: Stage;
  source: ContactSource;
  past_companies: string[];
  schools: string[];
  interests: string[];
  communities: string[];
  location: string | null;
  total: number;
}

export async function connectionsToOffer(db: Db, user: UserContext): Promise<ConnectionsToEngage> {
  const [profile] = await db.select().from(users).where(eq(users.id, user.userId));
  const rows = await queryRows<Row>(db, sql`
    with unengaged as (
      select * from ${contacts}
      where account_id = ${user.accountId} and not ${engagedByColumns}
        and id not in (select contact_id from ${campaignMembers} where account_id = ${user.accountId}
                       union select contact_id from ${eventAttendees} where account_id = ${user.accountId})
    )
    select id, display_name, company, title, circle, stage, source, past_companies, schools, interests, communities, location,
      (select count(*)::int from unengaged) as total
    from unengaged
    order by case stage when 'new' then 0 else 1 end desc, created_at desc, id
    limit ${CANDIDATES}`);
  const scored = rows.map((r) => {
    const points = profile
      ? commonPoints(profile, { company: r.company, pastCompanies: r.past_companies, schools: r.schools, interests: r.interests, communities: r.communities, location: r.location })
      : [];
    return { row: r, points, commonPointsStrength: points.reduce((sum, p) => sum + p.strength, 0), stage: r.stage, displayName: r.display_name };
  });
  return {
    items: connectionsToEngage(scored).map(({ row, points }) => ({
      contactId: row.id,
      displayName: row.display_name,
      company: row.company,
      title: row.title,
      circle: row.circle,
      stage: row.stage,
      commonPoints: points,
    })),
    notNagged: rows[0]?.total ?? 0,
  };
}
