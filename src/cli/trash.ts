// `circulo trash list` and `circulo trash empty`: the deleted contacts kept 30 days (docs/domain.md,
// "Trash"). Restoring one is done in the web app or through the API, where its history shows.
import { emptyTrash, listTrash } from '../server/features/trash/routes.js';
import { messagesFor } from './messages.js';
import { printJson, withDatabase } from './shared.js';
import { cliUser } from './user-context.js';

export async function trashListCommand(options: { email?: string; json?: boolean }) {
  const { items, language } = await withDatabase(
    'circulo trash list',
    async ({ db }) => {
      const user = await cliUser(db, options.email);
      return { items: await listTrash(db, user.accountId, new Date()), language: user.language };
    },
    // Listing purges what is older than 30 days.
    { writes: true },
  );
  if (options.json) return printJson(items);
  const m = messagesFor(language);
  console.log(m.trashCount(items.length));
  for (const item of items) console.log(`  ${item.deletedAt.slice(0, 10)}  ${item.displayName}  (${m.trashUntil(item.purgeAt.slice(0, 10))})`);
}

export async function trashEmptyCommand(options: { email?: string; json?: boolean }) {
  const { deleted, language } = await withDatabase(
    'circulo trash empty',
    async ({ db }) => {
      const user = await cliUser(db, options.email);
      return { deleted: await emptyTrash(db, user.accountId), language: user.language };
    },
    { writes: true },
  );
  if (options.json) printJson({ deleted });
  else console.log(messagesFor(language).trashEmptied(deleted));
}
