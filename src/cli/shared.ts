import { loadConfig } from '../server/config.js';
import { openDatabase, type Database } from '../server/db/database.js';

/** An error whose message is for the user: printed without a stack trace. */
export class CliError extends Error {}

/**
 * Opens the configured database for one command and always closes it. Commands that write ask
 * for a snapshot of the clean state on close; read-only ones skip the copy.
 */
export async function withDatabase<T>(command: string, work: (database: Database) => Promise<T>, options: { writes?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    command,
    log: (m) => console.error(m),
    snapshots: options.writes ?? false,
    statistics: 'when-missing',
  });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

export function printJson(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
