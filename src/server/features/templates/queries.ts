import { and, asc, eq } from 'drizzle-orm';
import type { Template, TemplateCreate, TemplatePatch } from '#shared/schemas/templates.js';
import type { Language, TemplatePurpose } from '#shared/enums.js';
import type { Db, Tx } from '../../db/database.js';
import { templates } from '../../db/schema.js';
import { conflict, notFound } from '../../http/problems.js';
import { DEFAULT_TEMPLATES } from './defaults.js';
import { withoutUndefined } from '../../db/patch.js';

type TemplateRow = typeof templates.$inferSelect;

const toTemplate = (row: TemplateRow): Template => ({
  id: row.id,
  purpose: row.purpose,
  language: row.language,
  name: row.name,
  subject: row.subject,
  body: row.body,
  defaultKey: row.defaultKey,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** Gives an account the shipped templates it does not have yet (new accounts, new defaults). */
export async function ensureDefaultTemplates(db: Tx, accountId: string, now: Date) {
  const present = await db.select({ key: templates.defaultKey }).from(templates).where(eq(templates.accountId, accountId));
  const have = new Set(present.map((p) => p.key));
  const missing = DEFAULT_TEMPLATES.filter((t) => !have.has(t.key));
  if (missing.length === 0) return;
  await db
    .insert(templates)
    .values(missing.map(({ key, ...t }) => ({ ...t, accountId, defaultKey: key, createdAt: now, updatedAt: now })))
    .onConflictDoNothing();
}

export async function listTemplates(
  db: Db,
  accountId: string,
  filter: { purpose?: TemplatePurpose | undefined; language?: Language | undefined },
  now: Date,
) {
  await ensureDefaultTemplates(db, accountId, now);
  const rows = await db
    .select()
    .from(templates)
    .where(
      and(
        eq(templates.accountId, accountId),
        filter.purpose ? eq(templates.purpose, filter.purpose) : undefined,
        filter.language ? eq(templates.language, filter.language) : undefined,
      ),
    )
    .orderBy(asc(templates.purpose), asc(templates.language), asc(templates.name));
  return rows.map(toTemplate);
}

export async function getTemplate(db: Tx, accountId: string, id: string): Promise<Template> {
  const [row] = await db.select().from(templates).where(and(eq(templates.accountId, accountId), eq(templates.id, id)));
  if (!row) throw notFound('Template');
  return toTemplate(row);
}

/** The template to suggest for a purpose: the user's own first, else the default, in their language. */
export async function templateFor(db: Db, accountId: string, purpose: TemplatePurpose, language: Language, now: Date): Promise<Template | null> {
  const list = await listTemplates(db, accountId, { purpose, language }, now);
  return list.find((t) => !t.defaultKey) ?? list[0] ?? null;
}

export async function createTemplate(db: Db, accountId: string, input: TemplateCreate, now: Date) {
  const [row] = await db
    .insert(templates)
    .values({ accountId, purpose: input.purpose, language: input.language, name: input.name, subject: input.subject ?? null, body: input.body, createdAt: now, updatedAt: now })
    .returning();
  return toTemplate(row!);
}

export async function updateTemplate(db: Db, accountId: string, id: string, patch: TemplatePatch, now: Date) {
  await getTemplate(db, accountId, id);
  const changes = withoutUndefined(patch);
  const [row] = await db
    .update(templates)
    .set({ ...changes, updatedAt: now })
    .where(and(eq(templates.accountId, accountId), eq(templates.id, id)))
    .returning();
  return toTemplate(row!);
}

/** Shipped templates can be edited and reset, not deleted (they would only come back). */
export async function deleteTemplate(db: Db, accountId: string, id: string) {
  if ((await getTemplate(db, accountId, id)).defaultKey) {
    throw conflict('A shipped template cannot be deleted; edit it, or reset it to its original text.');
  }
  const deleted = await db.delete(templates).where(and(eq(templates.accountId, accountId), eq(templates.id, id))).returning({ id: templates.id });
  if (deleted.length === 0) throw notFound('Template');
}

export async function resetTemplate(db: Db, accountId: string, id: string, now: Date) {
  const current = await getTemplate(db, accountId, id);
  const original = DEFAULT_TEMPLATES.find((t) => t.key === current.defaultKey);
  if (!original) throw conflict('Only a shipped template can be reset.');
  const { name, subject, body } = original;
  return updateTemplate(db, accountId, id, { name, subject, body }, now);
}
