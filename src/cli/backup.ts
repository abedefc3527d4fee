// `circulo backup <path>`, `circulo restore <path>`: the whole account to a JSON file and back.
import { readFile } from 'node:fs/promises';
import { backupStream } from '../server/features/backup/export-json.js';
import type { BackupDocument } from '../shared/schemas/backup.js';
import { restoreValidBackup } from '../server/features/backup/restore.js';
import { parseBackupJson, validateBackup } from '../server/features/backup/validate.js';
import { HttpProblem } from '../server/http/problems.js';
import { backupMessages } from './backup-messages.js';
import { writeOut } from './output-file.js';
import { CliError, printJson, withDatabase } from './shared.js';
import { cliUser } from './user-context.js';

/** A one-line counter on a terminal (nothing when stderr is a file or a pipe). */
export function terminalProgress() {
  const tty = Boolean(process.stderr.isTTY);
  let shownAt = 0;
  return {
    show(text: string) {
      if (!tty || Date.now() - shownAt < 100) return;
      shownAt = Date.now();
      process.stderr.write(`\r\x1b[K${text}`);
    },
    clear() {
      if (tty) process.stderr.write('\r\x1b[K');
    },
  };
}

/** A refusal from the server code, worded for the terminal: the problem, then each bad field. */
export function cliErrorOf(error: unknown): unknown {
  if (!(error instanceof HttpProblem)) return error;
  const fields = (error.errors ?? []).length > 5 ? (error.errors ?? []).map((e) => `\n  ${e.field}: ${e.message}`).join('') : '';
  return new CliError(`${error.detail ?? error.title}${fields}`);
}

export async function backupCommand(path: string, options: { email?: string; json?: boolean }) {
  const written: Record<string, number> = {};
  const progress = terminalProgress();
  const language = await withDatabase('circulo backup', async ({ db }) => {
    const user = await cliUser(db, options.email);
    const stream = backupStream(db, user, user.now, (section, n) => {
      written[section] = n;
      progress.show(`${backupMessages.section(user.language, section)}: ${n}`);
    });
    await writeOut(stream, path).finally(() => progress.clear());
    return user.language;
  });
  if (options.json) printJson({ path, written });
  else console.log(backupMessages.written(language, path, written));
}

export async function restoreCommand(path: string, options: { replace?: boolean; email?: string; json?: boolean }) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  // A bad file is refused before the database is even opened.
  let backup: BackupDocument;
  try {
    backup = validateBackup(parseBackupJson(text));
  } catch (error) {
    throw cliErrorOf(error);
  }
  const progress = terminalProgress();
  const { report, language } = await withDatabase(
    'circulo restore',
    async ({ db }) => {
      const user = await cliUser(db, options.email);
      try {
        const report = await restoreValidBackup(db, user, backup, {
          replace: options.replace ?? false,
          onProgress: (section, n, total) => progress.show(`${backupMessages.section(user.language, section)}: ${n}/${total}`),
        });
        return { report, language: user.language };
      } catch (error) {
        throw cliErrorOf(error);
      } finally {
        progress.clear();
      }
    },
    { writes: true },
  );
  if (options.json) printJson(report);
  else console.log(backupMessages.restored(language, report.restored, report.idsChanged));
}
