// The `circulo` command line. Each command is a small module; this file is the table of contents.
import { Command } from 'commander';
import { CliError } from './shared.js';

/**
 * A command's module is loaded when that command runs, not before: `circulo import` or `today`
 * then never load the web server's packages (fastify and its plugins, nodemailer, qrcode…), ~0.2 s
 * of every start (docs/performance.md). scripts/server-bundle.mjs splits the bundle the same way.
 */
function lazy<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return async (...args: unknown[]) => ((await load())[name] as (...commandArgs: unknown[]) => Promise<void>)(...args);
}

const serveCommand = lazy(() => import('./serve.js'), 'serveCommand');
const userCreateCommand = lazy(() => import('./user-create.js'), 'userCreateCommand');
const userResetTwoFactorCommand = lazy(() => import('./user-reset-2fa.js'), 'userResetTwoFactorCommand');
const userListCommand = lazy(() => import('./user-manage.js'), 'userListCommand');
const userDisableCommand = lazy(() => import('./user-manage.js'), 'userDisableCommand');
const userEnableCommand = lazy(() => import('./user-manage.js'), 'userEnableCommand');
const todayCommand = lazy(() => import('./today.js'), 'todayCommand');
const digestSendCommand = lazy(() => import('./digest.js'), 'digestSendCommand');
const reviewCommand = lazy(() => import('./review.js'), 'reviewCommand');
const backupCommand = lazy(() => import('./backup.js'), 'backupCommand');
const restoreCommand = lazy(() => import('./backup.js'), 'restoreCommand');
const importCommand = lazy(() => import('./import.js'), 'importCommand');
const exportCommand = lazy(() => import('./export.js'), 'exportCommand');
const trashListCommand = lazy(() => import('./trash.js'), 'trashListCommand');
const trashEmptyCommand = lazy(() => import('./trash.js'), 'trashEmptyCommand');

const program = new Command('circulo')
  .description('Círculo: no relationship goes cold, and every loop gets closed.')
  .showHelpAfterError();

program.command('serve').description('run the web app and API').action(serveCommand);

const user = program.command('user').description('manage users');

user
  .command('create')
  .description('create a user with an account of their own (the password is read from CIRCULO_PASSWORD or asked for)')
  .requiredOption('--email <email>', 'e-mail to log in with')
  .requiredOption('--name <name>', 'full name')
  .option('--time-zone <zone>', 'IANA time zone, e.g. Europe/Madrid', Intl.DateTimeFormat().resolvedOptions().timeZone)
  .option('--language <es|en>', 'interface language', 'en')
  .option('--json', 'machine-readable output')
  .action(userCreateCommand);

user
  .command('reset-2fa')
  .description('turn two-factor authentication off for a user who lost their phone (their recovery codes are deleted too)')
  .requiredOption('--email <email>', "the user's e-mail")
  .option('--json', 'machine-readable output')
  .action(userResetTwoFactorCommand);

user.command('list').description('every user: name, e-mail, created, owner, disabled').option('--json', 'machine-readable output').action(userListCommand);

user
  .command('disable')
  .description('stop a user from logging in: their sessions end and their API tokens are refused; their data stays')
  .requiredOption('--email <email>', 'whose user')
  .option('--json', 'machine-readable output')
  .action(userDisableCommand);

user
  .command('enable')
  .description('let a disabled user log in again')
  .requiredOption('--email <email>', 'whose user')
  .option('--json', 'machine-readable output')
  .action(userEnableCommand);

program
  .command('today')
  .description("what to do today: follow-ups due, who to keep in touch with, this week's tally")
  .option('--email <email>', 'whose Today (needed when there are several users)')
  .option('--json', 'machine-readable output')
  .action(todayCommand);

program
  .command('digest')
  .description('the e-mails Círculo sends (README "E-mail")')
  .command('send')
  .description("send a user's daily digest now (at most once a day, shared with the server's own sending)")
  .requiredOption('--email <email>', 'whose digest')
  .option('--weekly', "last week's review instead of the daily digest")
  .action(digestSendCommand);

program
  .command('review')
  .description('the weekly review: new contacts against your target, touches, follow-ups, loops closed, favors')
  .option('--week <week>', 'ISO week, e.g. 2026-W47 (default: this week)')
  .option('--email <email>', 'whose review (needed when there are several users)')
  .option('--json', 'machine-readable output')
  .action(reviewCommand);

program
  .command('backup')
  .description('write a backup of the whole account (everything but passwords and tokens) to a JSON file')
  .argument('<path>', 'the file to write')
  .option('--email <email>', 'whose account (needed when there are several users)')
  .option('--json', 'machine-readable output')
  .action(backupCommand);

program
  .command('restore')
  .description('restore a backup into the account, all or nothing (an account with data needs --replace)')
  .argument('<path>', 'a backup written by `circulo backup` or downloaded from the web app')
  .option('--replace', 'delete everything the account has, then restore the backup')
  .option('--email <email>', 'whose account (needed when there are several users)')
  .option('--json', 'machine-readable output')
  .action(restoreCommand);

program
  .command('import')
  .description('import contacts, or past meetings as touches (all or nothing; importing the same file again creates no duplicates)')
  .argument('<source>', 'linkedin (the export zip, its folder or one of its files) | vcard | csv | ical (a calendar .ics: past meetings become touches) | json (a backup, as restore)')
  .argument('<path>', 'the file or folder to import')
  .option('--mapping <file.json>', 'a CSV that is not a Google or Outlook export: {"column name": "contactField"}')
  .option('--email <email>', 'whose account (needed when there are several users)')
  .option('--json', 'machine-readable output')
  .action(importCommand);

program
  .command('export')
  .description('export the account: json (the full backup), csv (contacts, Google Contacts columns) or vcard (contacts as vCard 4.0, photos included)')
  .argument('<format>', 'json | csv | vcard')
  .argument('[path]', 'the file to write (default: standard output)')
  .option('--email <email>', 'whose account (needed when there are several users)')
  .action(exportCommand);

const trash = program.command('trash').description('deleted contacts, kept 30 days (restore them in the web app)');
trash
  .command('list')
  .description('the deleted contacts and until when each can be restored')
  .option('--email <email>', 'whose account (needed when there are several users)')
  .option('--json', 'machine-readable output')
  .action(trashListCommand);
trash
  .command('empty')
  .description('empty the trash: its contacts and their history are gone for good')
  .option('--email <email>', 'whose account (needed when there are several users)')
  .option('--json', 'machine-readable output')
  .action(trashEmptyCommand);

program.parseAsync().catch((error: unknown) => {
  if (error instanceof CliError || (error instanceof Error && error.name === 'DataDirLockedError')) {
    console.error(`circulo: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
