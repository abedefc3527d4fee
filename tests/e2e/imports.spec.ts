// Bringing a network in (docs/domain.md#imports-and-exports): a new user uploads the LinkedIn export zip, reads the report,
// and finds a connection by typing without accents; a broken zip is refused and changes nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, test, type Locator, type Page } from './csp.js';
import { ZipFile } from 'yazl';
import { TIME_ZONE, setUpAccount, englishWords } from './foundation-flow.js';

test.use({ locale: 'en-US', timezoneId: TIME_ZONE });
// The second test logs into the account the first one set up.
test.describe.configure({ mode: 'serial' });

const words = englishWords;

const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'linkedin');
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

/** Drops a file from "the desktop" onto the import panel, as a drag from a file manager does. */
async function dropFile(page: Page, panel: Locator, path: string) {
  const bytes = readFileSync(path).toString('base64');
  const transfer = await page.evaluateHandle(
    ({ name, data }) => {
      const dt = new DataTransfer();
      const raw = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      dt.items.add(new File([raw], name, { type: 'application/zip' }));
      return dt;
    },
    { name: basename(path), data: bytes },
  );
  const zone = panel.getByTestId('import-dropzone');
  await expect(zone).toContainText('Or drop the zip or its files here');
  for (const type of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(type, { dataTransfer: transfer });
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
  await dropFile(page, first, brokenZip);
  await first.getByRole('button', { name: 'Import', exact: true }).click();
  const error = page.getByTestId('import-error');
  await expect(error).toBeVisible({ timeout: 30_000 });
  await expect(error).toContainText('Nothing was imported');
  await expect(error).toContainText('Basic_LinkedInDataExport_broken.zip');
  // Said by the app from the refusal's code and place (the server's English follows as the detail).
  await expect(error).toContainText('The zip file is damaged or incomplete (was the download cut short?). In Basic_LinkedInDataExport_broken.zip.');
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
  // Warnings come as codes and are worded in the user's language.
  await expect(report.getByText('This export is Alex Rivera’s (recognised from Invitations.csv)')).toBeVisible();
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

/**
 * Logs in as Lucía (the account of the first test), picks a CSV of no known format on the import
 * screen and goes on to matching its columns. Answers the import panel.
 */
async function openCsvMapping(page: Page, fileName: string): Promise<Locator> {
  const login = await page.request.post('/api/auth/login', { data: { email: 'lucia@example.com', password: 'correct horse battery' } });
  expect(login.ok()).toBe(true);
  await page.goto('/import');
  const panel = page.getByTestId('import-panel');
  const csv = join(dir, fileName);
  writeFileSync(csv, 'Nombre completo;Correo;Empresa;Ciudad de origen\nMarta Ibáñez;marta@ibanez.example;Bodegas Ibáñez;Logroño\nPablo Serrano;pablo@serrano.example;Serrano Arquitectos;Valencia\n');
  await panel.getByRole('radio', { name: 'CSV' }).check();
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'File', exact: true }).click();
  await (await chooser).setFiles(csv);
  await panel.getByRole('button', { name: 'Next: match the columns' }).click();
  return panel;
}

test('a spreadsheet is imported after matching its columns; a backup replaces everything after a warning; the calendar link', async ({ page, baseURL }) => {
  // A CSV of no known format: its columns, guessed from their names, then matched by hand.
  const panel = await openCsvMapping(page, 'clientes.csv');
  const mapping = page.getByTestId('csv-mapping');
  await expect(mapping.getByRole('heading', { name: 'Match the columns of clientes.csv' })).toBeVisible();
  await expect(mapping.getByRole('cell', { name: 'Bodegas Ibáñez' })).toBeVisible();
  await expect(mapping.getByRole('textbox', { name: 'Field for column "Nombre completo"' })).toHaveValue('Full name');
  await expect(mapping.getByRole('textbox', { name: 'Field for column "Correo"' })).toHaveValue('E-mail');
  const city = mapping.getByRole('textbox', { name: 'Field for column "Ciudad de origen"' });
  await city.click();
  await page.getByRole('option', { name: 'Location' }).click();
  await mapping.getByRole('button', { name: 'Import with these columns' }).click();
  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('stat-created')).toContainText('2');
  await report.getByRole('link', { name: 'See your contacts' }).click();
  await page.getByLabel('Search contacts').fill('marta');
  await page.getByRole('link', { name: /Marta Ibáñez/ }).click();
  await expect(page.getByText('Logroño')).toBeVisible();

  // A backup of the account now, then a contact added after it: restoring must ask, then replace.
  const backup = join(dir, 'circulo-backup.json');
  writeFileSync(backup, await (await page.request.get('/api/exports/json')).body());
  await page.getByRole('link', { name: 'Contacts', exact: true }).click();
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('First name', { exact: true }).fill('Después');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Después' })).toBeVisible();

  await page.getByRole('link', { name: 'Import & export' }).click();
  await panel.getByRole('radio', { name: 'Círculo backup' }).check();
  const backupChooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'File', exact: true }).click();
  await (await backupChooser).setFiles(backup);
  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(panel.getByText('Your account already has data')).toBeVisible();
  await panel.getByRole('button', { name: 'Replace everything…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace everything with the backup?' });
  await expect(dialog.getByText('every contact, with their notes, tags and photos')).toBeVisible();
  await dialog.getByRole('button', { name: 'Replace everything', exact: true }).click();
  await expect(report.getByRole('heading', { name: 'Backup restored' })).toBeVisible();
  await expect(report.getByTestId('stat-created')).toContainText('12');
  await report.getByRole('link', { name: 'See your contacts' }).click();
  await expect(page.getByText('12 contacts shown')).toBeVisible();
  await page.getByLabel('Search contacts').fill('Después');
  await expect(page.getByText('No contacts match')).toBeVisible();

  // The calendar feed: on, an absolute link that serves iCalendar, a new one on demand, shown once, off.
  await page.getByRole('link', { name: 'Import & export' }).click();
  const feed = page.getByTestId('calendar-feed');
  await feed.getByRole('button', { name: 'Turn on the calendar feed' }).click();
  const link = feed.getByRole('textbox', { name: 'Subscription link' });
  const first = await link.inputValue();
  expect(first).toMatch(new RegExp(`^${baseURL!.replace(/\./g, '\\.')}/api/calendar/[\\w-]+\\.ics$`));
  expect((await page.request.get(first)).headers()['content-type']).toContain('text/calendar');
  await feed.getByRole('button', { name: 'Get a new link' }).click();
  await page.getByRole('dialog', { name: 'Get a new link?' }).getByRole('button', { name: 'Get a new link' }).click();
  await expect(link).not.toHaveValue(first);
  expect((await page.request.get(first)).status()).toBe(404);
  // Only the link's hash is kept: once the page is left, the link cannot be shown again.
  await expect(feed.getByText('cannot be shown again once you leave this page')).toBeVisible();
  await page.reload();
  await expect(feed.getByTestId('calendar-feed-hidden')).toContainText('cannot be shown again');
  await expect(link).toHaveCount(0);
  await feed.getByRole('button', { name: 'Turn off' }).click();
  await page.getByRole('dialog', { name: 'Turn off the calendar feed?' }).getByRole('button', { name: 'Turn off' }).click();
  await expect(feed.getByRole('button', { name: 'Turn on the calendar feed' })).toBeVisible();
});

test('on a phone, the column matching is one card per column instead of a table scrolled sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await openCsvMapping(page, 'socios.csv');
  const columns = page.getByTestId('csv-mapping').getByRole('list', { name: 'The columns of the file' });
  const city = columns.getByRole('listitem').filter({ hasText: 'Ciudad de origen' });
  await expect(city).toContainText('For example: Logroño · Valencia');
  await expect(city.getByRole('textbox', { name: 'Field for column "Ciudad de origen"' })).toHaveValue('Ignore');
  await expect(page.getByTestId('csv-mapping').getByRole('table')).toHaveCount(0);
  // Nothing on the page is wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
