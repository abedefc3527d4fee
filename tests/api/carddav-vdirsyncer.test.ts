// Two-way sync with vdirsyncer, a real CardDAV client (a Debian package; .ci/run installs it):
// the server against a folder of .vcf files, as a phone's address book would be. Discovery from
// the server's address, a first sync, an edit, a new card and a delete on each side, a conflict,
// and a sync with nothing to do that transfers nothing.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';

const VDIRSYNCER = '/usr/bin/vdirsyncer';
const inCi = Boolean(process.env.CI || process.env.CIRCULO_CI);
const available = existsSync(VDIRSYNCER);
if (!available && !inCi) {
  console.warn(`Skipping the vdirsyncer test: ${VDIRSYNCER} is missing (apt-get install vdirsyncer). In CI it always runs.`);
}

let server: TestServer;
let alice: ApiClient;
let dir: string;
let phoneDir: string;
let config: string;

/**
 * One `vdirsyncer` command; its output (what it copied, updated, deleted) for the test to read.
 * `discover` asks whether to create the phone's folder: the answer is yes.
 */
function vdirsyncer(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(VDIRSYNCER, ['-c', config, ...args], { env: { ...process.env, HOME: dir, LC_ALL: 'C.UTF-8' }, timeout: 60_000 });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdin.end('y\ny\ny\n');
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`vdirsyncer ${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

/** The phone side: the one collection's folder, and its cards by file name. */
function phoneCards(): Map<string, string> {
  const collections = readdirSync(phoneDir);
  expect(collections).toHaveLength(1);
  const folder = join(phoneDir, collections[0]!);
  return new Map(readdirSync(folder).filter((f) => f.endsWith('.vcf')).map((f) => [join(folder, f), readFileSync(join(folder, f), 'utf8')]));
}
const phoneCard = (text: string) => [...phoneCards()].find(([, card]) => card.includes(text));
const transfers = (output: string) => output.split('\n').filter((line) => /^(Copying|Deleting item)/.test(line));

describe.skipIf(!available && !inCi)('sync with vdirsyncer', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    server = await startTestServer();
    server.setNow(new Date('2031-04-01T08:00:00Z'));
    alice = await setupOwner(server.app);
    const token = (await alice.post('/api/tokens', { name: 'vdirsyncer' })).body.token;
    await alice.post('/api/contacts', { firstName: 'Elena', lastName: 'Server', emails: ['elena@example.com'], stage: 'trusted', tags: ['book-club'] });
    await alice.post('/api/contacts', { firstName: 'Félix', lastName: 'Server', phones: ['+34 622 000 000'] });
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    dir = mkdtempSync(join(tmpdir(), 'circulo-vdirsyncer-'));
    phoneDir = join(dir, 'phone');
    config = join(dir, 'config');
    writeFileSync(
      config,
      [
        '[general]',
        `status_path = "${join(dir, 'status')}/"`,
        '',
        '[pair circulo]',
        'a = "phone"',
        'b = "server"',
        'collections = ["from b"]',
        'conflict_resolution = "a wins"',
        '',
        '[storage phone]',
        'type = "filesystem"',
        `path = "${phoneDir}/"`,
        'fileext = ".vcf"',
        '',
        '[storage server]',
        'type = "carddav"',
        // Only the server's address: vdirsyncer finds the address book itself (RFC 6764).
        `url = "${base}/"`,
        `username = "${alice.user.email}"`,
        `password = "${token}"`,
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('discovers the address book and copies every contact to the phone', async () => {
    await vdirsyncer('discover', 'circulo');
    await vdirsyncer('sync');
    const cards = [...phoneCards().values()];
    expect(cards).toHaveLength(2);
    expect(cards.find((c) => c.includes('Elena'))).toContain('CATEGORIES:Professional,book-club');
  });

  it('a second sync with nothing changed transfers nothing', async () => {
    expect(transfers(await vdirsyncer('sync'))).toEqual([]);
  });

  it('carries an edit, a new card and a delete from the phone to Círculo, keeping what a card does not carry', async () => {
    const [elenaFile, elena] = phoneCard('Elena')!;
    writeFileSync(elenaFile, elena.replace('elena@example.com', 'elena@new.example.com'));
    writeFileSync(
      join(elenaFile, '..', 'new-on-phone.vcf'),
      ['BEGIN:VCARD', 'VERSION:3.0', 'UID:new-on-phone', 'FN:Gema Phone', 'N:Phone;Gema;;;', 'TEL:+34 633 000 000', 'END:VCARD', ''].join('\r\n'),
    );
    unlinkSync(phoneCard('Félix')![0]);
    const output = await vdirsyncer('sync');
    expect(transfers(output), output).toHaveLength(3);

    const [elenaNow] = (await alice.get('/api/contacts?q=Elena')).body.items;
    expect((await alice.get(`/api/contacts/${elenaNow.id}`)).body).toMatchObject({ emails: ['elena@new.example.com'], stage: 'trusted', tags: ['book-club'] });
    const [gema] = (await alice.get('/api/contacts?q=Gema')).body.items;
    expect((await alice.get(`/api/contacts/${gema.id}`)).body).toMatchObject({ source: 'carddav', phones: ['+34 633 000 000'] });
    expect((await alice.get('/api/contacts?q=Félix')).body.items).toEqual([]);
    expect((await alice.get('/api/trash')).body.map((t: { displayName: string }) => t.displayName)).toEqual(['Félix Server']);
    // And nothing comes back to the phone (it already has its own version of each).
    expect(transfers(await vdirsyncer('sync'))).toEqual([]);
    expect(phoneCard('Gema')![1]).toContain('UID:new-on-phone');
  });

  it('carries an edit, a new contact and a delete from Círculo to the phone', async () => {
    const [elena] = (await alice.get('/api/contacts?q=Elena')).body.items;
    const [gema] = (await alice.get('/api/contacts?q=Gema')).body.items;
    await alice.patch(`/api/contacts/${elena.id}`, { title: 'Librarian' });
    await alice.post('/api/contacts', { firstName: 'Hugo', lastName: 'Web' });
    await alice.del(`/api/contacts/${gema.id}`);
    expect(transfers(await vdirsyncer('sync'))).toHaveLength(3);
    expect(phoneCard('Elena')![1]).toContain('TITLE:Librarian');
    expect(phoneCard('Hugo')).toBeDefined();
    expect(phoneCard('Gema')).toBeUndefined();
    expect(transfers(await vdirsyncer('sync'))).toEqual([]);
  });

  it('resolves a card changed on both sides as configured (the phone wins), without losing Círculo’s own fields', async () => {
    const [elena] = (await alice.get('/api/contacts?q=Elena')).body.items;
    await alice.patch(`/api/contacts/${elena.id}`, { company: 'City Library' });
    const [file, card] = phoneCard('Elena')!;
    writeFileSync(file, card.replace('TITLE:Librarian', 'TITLE:Head librarian'));
    await vdirsyncer('sync');
    const after = (await alice.get(`/api/contacts/${elena.id}`)).body;
    expect(after).toMatchObject({ title: 'Head librarian', stage: 'trusted', tags: ['book-club'] });
    expect(transfers(await vdirsyncer('sync'))).toEqual([]);
  });
});
