// `circulo user list | disable | enable`: what the owner does in Settings → Users, from a shell.
import type { UserSummary } from '../shared/schemas/users.js';
import { findUserByEmail } from '../server/features/auth/users.js';
import { OwnerCannotBeDisabledError, disableUser, enableUser, listUsers, toUserSummary } from '../server/features/users/queries.js';
import { CliError, printJson, withDatabase } from './shared.js';

export async function userListCommand(options: { json?: boolean }) {
  const all = await withDatabase('circulo user list', async ({ db }) => {
    const found: UserSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await listUsers(db, { limit: 500, cursor });
      found.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return found;
  });
  if (options.json) return printJson(all);
  if (all.length === 0) return console.log('No users yet: run `circulo user create` or open the web app.');
  for (const user of all) {
    const notes = [user.isOwner ? 'owner' : null, user.status === 'disabled' ? `disabled ${user.disabledAt!.slice(0, 10)}` : null].filter(Boolean);
    console.log(`${user.name} <${user.email}>  created ${user.createdAt.slice(0, 10)}${notes.length ? `  (${notes.join(', ')})` : ''}`);
  }
}

type Change = 'disable' | 'enable';

async function changeUser(change: Change, options: { email: string; json?: boolean }) {
  const user = await withDatabase(`circulo user ${change}`, async ({ db }) => {
    const found = await findUserByEmail(db, options.email);
    if (!found) throw new CliError(`No user with the e-mail ${options.email}.`);
    try {
      return change === 'disable' ? await disableUser(db, found.id, new Date()) : await enableUser(db, found.id);
    } catch (error) {
      if (error instanceof OwnerCannotBeDisabledError) throw new CliError(error.message);
      throw error;
    }
  }, { writes: true });
  if (!user) throw new CliError(`No user with the e-mail ${options.email}.`);
  const summary = toUserSummary(user);
  if (options.json) return printJson(summary);
  console.log(
    change === 'disable'
      ? `Disabled ${summary.name} <${summary.email}>: no more logins, sessions ended, API tokens refused. Their data stays.`
      : `Enabled ${summary.name} <${summary.email}>: they can log in again.`,
  );
}

export const userDisableCommand = (options: { email: string; json?: boolean }) => changeUser('disable', options);
export const userEnableCommand = (options: { email: string; json?: boolean }) => changeUser('enable', options);
