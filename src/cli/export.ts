// `circulo export <format> [path]`: the account's data in an outside format, to a file or stdout.
import { Readable } from 'node:stream';
import type { Db } from '../server/db/database.js';
import { contactsCsvStream } from '../server/features/backup/contacts-csv.js';
import { backupStream } from '../server/features/backup/export-json.js';
import { vcardExport } from '../server/features/imports/vcard-export.js';
import type { UserContext } from '../server/features/settings/user-context.js';
import { writeOut } from './output-file.js';
import { CliError, withDatabase } from './shared.js';
import { cliUser } from './user-context.js';

/** Each format `circulo export` writes: a stream of the file's text. */
const exporters: Record<string, (db: Db, user: UserContext) => Readable> = {
  json: (db, user) => backupStream(db, user, user.now),
  csv: (db, user) => contactsCsvStream(db, user.accountId),
  vcard: (db, user) => Readable.from(vcardExport(db, user.accountId, '4.0')),
};

export async function exportCommand(format: string, path: string | undefined, options: { email?: string }) {
  const exporter = exporters[format];
  if (!exporter) throw new CliError(`Unknown export format "${format}": use one of ${Object.keys(exporters).join(', ')}.`);
  await withDatabase(`circulo export ${format}`, async ({ db }) => {
    const user = await cliUser(db, options.email);
    await writeOut(exporter(db, user), path);
  });
}
