// Bringing a network in (SPEC §5): a new user uploads the LinkedIn export zip, reads the report,
// and finds a connection by typing without accents; a broken zip is refused and changes nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ZipFile } from 'yazl';
import { TIME_ZONE, setUpAccount, type Words } from './foundation-flow.js';

test.use({ locale: 'en-US', timezoneId: TIME_ZONE });

const words: Words = {
  yourName: 'Your name',
  email: 'Email',
  password: 'Password',
  createAccount: 'Create account',
  today: 'Today',
  addFirstContact: 'Add your first contact',
  firstName: 'First name',
  lastName: 'Last name',
  company: 'Company',
  email1: 'Email 1',
  save: 'Save',
  channel: 'Channel',
  coffee: 'Coffee',
  summary: 'Summary',
  logTouch: 'Log touch',
  touchLogged: 'Touch logged',
  addFollowup: 'Add follow-up',
  followupTitle: 'What to do',
  dueDate: 'Due date',
  dueToday: 'Due today',
  done: 'Done',
  followupDone: 'Follow-up done',
  nothingDue: 'Nothing due today',
};

const FIXTURES = join(process.cwd(), '..', 'shared', 'fixtures', 'linkedin');
const linkedinFiles = ['Connections.csv', 'Invitations.csv', 'messages.csv'];

/** The export as LinkedIn e-mails it: one zip of the CSV files. */
async function zipOf(names: string[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const name of names) zip.addBuffer(readFileSync(join(FIXTURES, name)), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

let dir: string;
let goodZip: string;
let brokenZip: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'circulo-e2e-imports-'));
  const zip = await zipOf(linkedinFiles);
  goodZip = join(dir, 'Basic_LinkedInDataExport_11-23-2026.zip');
  writeFileSync(goodZip, zip);
  // Cut short, as a download that stopped halfway: the central directory at the end is gone.
  brokenZip = join(dir, 'Basic_LinkedInDataExport_broken.zip');
  writeFileSync(brokenZip, zip.subarray(0, Math.floor(zip.length / 2)));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pickLinkedin(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Import & export' })).toBeVisible();
  const panel = page.getByTestId('import-panel');
  await panel.getByRole('radio', { name: 'LinkedIn export' }).check();
  await expect(panel.getByText('Settings & Privacy → Data privacy → Get a copy of your data')).toBeVisible();
  return panel;
}

/** Picks files the way a user does: the file input opens the browser's file chooser. */
async function chooseFiles(page: Page, panel: Locator, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Files' }).click();
  await (await chooser).setFiles(path);
  await expect(panel.getByRole('button', { name: 'Files' })).toContainText(basename(path));
}

test('a broken zip is refused and changes nothing; the LinkedIn export zip becomes contacts', async ({ page }) => {
  await setUpAccount(page, words);

  // The empty Contacts page points to the import.
  await page.getByRole('link', { name: 'Contacts', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Your network starts here' })).toBeVisible();
  await page.getByRole('link', { name: /Import it/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import & export' })).toBeVisible();

  // A truncated zip first, into the empty account: the server's reason, "nothing changed", and
  // indeed no contact appeared (the broken half holds Connections.csv's rows).
  const first = await pickLinkedin(page);
  await chooseFiles(page, first, brokenZip);
  await first.getByRole('button', { name: 'Import', exact: true }).click();
  const error = page.getByTestId('import-error');
  await expect(error).toBeVisible({ timeout: 30_000 });
  await expect(error).toContainText('Nothing was imported');
  await expect(error).toContainText('Basic_LinkedInDataExport_broken.zip');
  await expect(error).toContainText('nothing in your account changed');
  await page.getByRole('link', { name: 'Contacts', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Your network starts here' })).toBeVisible();

  await page.getByRole('link', { name: 'Import & export' }).click();
  const panel = await pickLinkedin(page);
  await chooseFiles(page, panel, goodZip);
  await panel.getByRole('button', { name: 'Import', exact: true }).click();

  // fixtures/README.md: 8 connections + Rosa (incoming invitation) + Daniel (outgoing), 4
  // conversations, 4 invitations; the hidden-profile row and the sponsored message left out.
  const report = page.getByTestId('import-report');
  await expect(report.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 30_000 });
  await expect(report.getByTestId('stat-created')).toContainText('10');
  await expect(report.getByTestId('stat-interactions')).toContainText('4');
  await expect(report.getByTestId('stat-invitations')).toContainText('4');
  const skipped = report.getByRole('region', { name: /Left out/ });
  await expect(skipped.getByRole('row', { name: /Connections\.csv, line \d+ Hidden profile/ })).toBeVisible();
  await expect(skipped.getByRole('row', { name: /messages\.csv, line \d+ Sponsored message/ })).toBeVisible();

  await report.getByRole('link', { name: 'See your contacts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  await expect(page.getByText('10 contacts shown')).toBeVisible();
  await page.getByLabel('Search contacts').fill('jose munoz');
  await expect(page.getByRole('link', { name: /José Ignacio Muñoz/ })).toBeVisible();
  await expect(page.getByText('1 contact shown')).toBeVisible();
});
