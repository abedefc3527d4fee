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


/** The account columns AccountSettings is made of, for a select that joins them with others. */
export const accountSettingsColumns = {
  cadencePersonalDays: accounts.cadencePersonalDays,
  cadenceProfessionalDays: accounts.cadenceProfessionalDays,
  cadenceOpportunityDays: accounts.cadenceOpportunityDays,
  thankYouDelayDays: accounts.thankYouDelayDays,
  outcomeReportDelayDays: accounts.outcomeReportDelayDays,
};

export function toAccountSettings(row: { [K in keyof typeof accountSettingsColumns]: number }): AccountSettings {
  return {
    cadences: { personal: row.cadencePersonalDays, professional: row.cadenceProfessionalDays, opportunity: row.cadenceOpportunityDays },
    followupDelays: { thankYouDays: row.thankYouDelayDays, outcomeReportDays: row.outcomeReportDelayDays },
  };
}

export async function loadAccountSettings(db: Tx, accountId: string): Promise<AccountSettings> {
  const [row] = await db.select(accountSettingsColumns).from(accounts).where(eq(accounts.id, accountId));
  if (!row) throw new Error(`account ${accountId} not found`);
  return toAccountSettings(row);
}
