import { eq } from 'drizzle-orm';
import type { AccountSettings, Cadences } from '#shared/schemas/settings.js';
import type { Tx } from '../../db/database.js';
import { accounts } from '../../db/schema.js';

export async function loadCadences(db: Tx, accountId: string): Promise<Cadences> {
  const [row] = await db
    .select({
      personal: accounts.cadencePersonalDays,
      professional: accounts.cadenceProfessionalDays,
      opportunity: accounts.cadenceOpportunityDays,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!row) throw new Error(`account ${accountId} not found`);
  return row;
}


export async function loadAccountSettings(db: Tx, accountId: string): Promise<AccountSettings> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!row) throw new Error(`account ${accountId} not found`);
  return {
    cadences: { personal: row.cadencePersonalDays, professional: row.cadenceProfessionalDays, opportunity: row.cadenceOpportunityDays },
    followupDelays: { thankYouDays: row.thankYouDelayDays, outcomeReportDays: row.outcomeReportDelayDays },
  };
}
