import { eq, sql } from 'drizzle-orm';
import type { User } from '#shared/schemas/auth.js';
import type { Language } from '#shared/enums.js';
import type { Db, Tx } from '../../db/database.js';
import { accounts, users } from '../../db/schema.js';
import { hashPassword } from './secrets.js';

type UserRow = typeof users.$inferSelect;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    accountId: row.accountId,
    email: row.email,
    name: row.name,
    timeZone: row.timeZone,
    language: row.language,
    weeklyTarget: row.weeklyTarget,
    isOwner: row.isOwner,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function countUsers(db: Tx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function findUserByEmail(db: Tx, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return row;
}

export async function findUser(db: Tx, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export interface NewUser {
  email: string;
  password: string;
  name: string;
  timeZone?: string | undefined;
  language?: Language | undefined;
}

export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`A user with the e-mail ${email} already exists.`);
  }
}

/** Each user gets an account of their own: an account's data is private to it. The first user is the owner. */
export async function createUserWithAccount(db: Db, input: NewUser, now: Date, options: { onlyIfFirst?: boolean } = {}) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // Serialises concurrent set-ups across processes.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(4210612)`);
    const first = (await countUsers(tx)) === 0;
    if (options.onlyIfFirst && !first) return null;
    if (await findUserByEmail(tx, input.email)) throw new EmailTakenError(input.email);
    const [account] = await tx.insert(accounts).values({ name: input.name, createdAt: now }).returning();
    const [user] = await tx
      .insert(users)
      .values({
        accountId: account!.id,
        email: input.email,
        name: input.name,
        passwordHash,
        timeZone: input.timeZone ?? 'UTC',
        language: input.language ?? 'en',
        // The installation's first user owns it, whether setup or `circulo user create` made them.
        isOwner: first,
        createdAt: now,
      })
      .returning();
    return user!;
  });
}
