import { eq } from 'drizzle-orm';
import { AccountSettings, AccountSettingsPatch, Profile, ProfilePatch } from '#shared/schemas/settings.js';
import { accounts, users } from '../../db/schema.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { refreshKeepInTouch } from '../contacts/derived.js';
import { loadAccountSettings } from './cadences.js';
import { withoutUndefined } from '../../db/patch.js';

const tags = ['settings'];

export function settingsRoutes(app: App, { db }: AppContext) {
  const toProfile = (u: typeof users.$inferSelect): Profile => ({
    name: u.name,
    timeZone: u.timeZone,
    language: u.language,
    weeklyTarget: u.weeklyTarget,
    pitchShort: u.pitchShort,
    pitchLong: u.pitchLong,
    goals: u.goals,
    companies: u.companies,
    schools: u.schools,
    interests: u.interests,
    places: u.places,
    communities: u.communities,
    otherEmails: u.otherEmails,
  });

  app.get('/api/profile', {
    schema: { tags, summary: 'My profile', response: { 200: Profile } },
    handler: async (request) => {
      const [user] = await db.select().from(users).where(eq(users.id, authOf(request).userId));
      return toProfile(user!);
    },
  });

  app.patch('/api/profile', {
    schema: { tags, summary: 'Update my profile', body: ProfilePatch, response: { 200: Profile } },
    handler: async (request) => {
      const changes = withoutUndefined({ ...request.body, ...(request.body.otherEmails ? { otherEmails: [...new Set(request.body.otherEmails)] } : {}) });
      const { accountId, userId } = authOf(request);
      const where = eq(users.id, userId);
      const [user] = await db.transaction(async (tx) => {
        if (Object.keys(changes).length === 0) return tx.select().from(users).where(where);
        const updated = await tx.update(users).set(changes).where(where).returning();
        // Local dates of every contact's last touch move with the time zone: one statement.
        if (request.body.timeZone !== undefined) await refreshKeepInTouch(tx, accountId, 'all');
        return updated;
      });
      return toProfile(user!);
    },
  });

  app.get('/api/settings', {
    schema: { tags, summary: 'Account settings: keep-in-touch cadences per circle, follow-up delays', response: { 200: AccountSettings } },
    handler: async (request) => loadAccountSettings(db, authOf(request).accountId),
  });

  app.patch('/api/settings', {
    schema: { tags, summary: 'Change account settings', body: AccountSettingsPatch, response: { 200: AccountSettings } },
    handler: async (request) => {
      const { accountId } = authOf(request);
      const c = request.body.cadences ?? {};
      const d = request.body.followupDelays ?? {};
      const changes = withoutUndefined({
        thankYouDelayDays: d.thankYouDays,
        outcomeReportDelayDays: d.outcomeReportDays,
        cadencePersonalDays: c.personal,
        cadenceProfessionalDays: c.professional,
        cadenceOpportunityDays: c.opportunity,
      });
      return db.transaction(async (tx) => {
        if (Object.keys(changes).length > 0) await tx.update(accounts).set(changes).where(eq(accounts.id, accountId));
        // Every contact on a circle's default cadence gets a new due date: one statement.
        if (Object.keys(c).some((k) => c[k as keyof typeof c] !== undefined)) await refreshKeepInTouch(tx, accountId, 'all');
        return loadAccountSettings(tx, accountId);
      });
    },
  });
}
