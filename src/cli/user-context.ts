import { users } from '../server/db/schema.js';
import type { Db } from '../server/db/database.js';
import { findUserByEmail } from '../server/features/auth/users.js';
import { loadUserContext, type UserContext } from '../server/features/settings/user-context.js';
import { CliError } from './shared.js';

/** The user a command acts for: `--email`, or the only user there is. */
export async function cliUser(db: Db, email: string | undefined, now = new Date()): Promise<UserContext> {
  const user = email
    ? await findUserByEmail(db, email)
    : await db.select().from(users).limit(2).then((rows) => {
        if (rows.length > 1) throw new CliError('There are several users: say which with --email.');
        return rows[0];
      });
  if (!user) throw new CliError(email ? `No user with the e-mail ${email}.` : 'No user yet: run `circulo user create` or open the web app.');
  return loadUserContext(db, { accountId: user.accountId, userId: user.id, via: 'token', csrfToken: null }, now);
}
