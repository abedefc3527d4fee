// Importing a LinkedIn data export through the API, on both databases: the shared fixture files
// (tests/fixtures/linkedin, see its README), the zip, re-imports, and broken files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { fixture, uploaderFor, zipOf, type Uploader, type UploadFile } from '../support/multipart.js';
import { addUser } from '../support/users.js';

let server: TestServer;
const NOW = new Date('2026-11-23T09:00:00Z');
const linkedinFiles: UploadFile[] = ['Connections.csv', 'Invitations.csv', 'messages.csv'].map((name) => ({ name, content: fixture(`linkedin/${name}`) }));

interface Account {
  client: ApiClient;
  uploader: Uploader;
}

async function newAccount(): Promise<Account> {
  const client = await addUser(server, { name: 'Test Importer' });
  return { client, uploader: await uploaderFor(server.app, client) };
}

async function contactsOf(client: ApiClient) {
  const list = (await client.get('/api/contacts?limit=500')).body.items as { id: string; displayName: string }[];
  return Promise.all(list.map(async (c) => (await client.get(`/api/contacts/${c.id}`)).body));
}

const importLinkedin = (account: Account, files = linkedinFiles) => account.uploader.upload('/api/imports', { source: 'linkedin' }, files);

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  await setupOwner(server.app);
});
afterAll(() => server.close());

describe('LinkedIn export', () => {
  let alex: Account;
  beforeAll(async () => {
    alex = await newAccount();
  });

  it('turns connections, invitations and messages into contacts, invitations and linkedin touches', async () => {
    const reply = await importLinkedin(alex);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({
      source: 'linkedin',
      // 8 connections, and the 2 people met only through invitations (Rosa, Daniel).
      created: 10,
      updated: 0,
      unchanged: 0,
      interactions: { created: 4, unchanged: 0 },
      invitations: { created: 4, updated: 0, unchanged: 0 },
      skippedTotal: 2,
    });
    expect(reply.body.skipped).toEqual([
      { file: 'Connections.csv', line: 10, code: 'hidden_profile', reason: expect.stringContaining('07 Jun 2026') },
      { file: 'messages.csv', line: 7, code: 'sponsored_message', reason: expect.stringContaining('LinkedIn Member') },
    ]);
    expect(reply.body.warnings.join('\n')).toContain('Alex Rivera');
    expect(reply.body.notices).toEqual([{ code: 'owner_recognised', values: { name: 'Alex Rivera', from: expect.any(String) } }]);

    const contacts = await contactsOf(alex.client);
    const named = (name: string) => contacts.find((c) => c.displayName === name);
    expect(contacts.map((c) => c.displayName).sort()).toEqual(
      ['Ana Smith, PhD', 'Camila Rojas', 'Daniel Okoro', 'José Ignacio Muñoz', 'Lucía Fernández Ortega', 'Martín Gómez', 'Priya Raman', 'Rosa Villalobos', 'Tom Becker', 'Wei Chen'].sort(),
    );
    expect(named('Lucía Fernández Ortega')).toMatchObject({
      circle: 'professional',
      source: 'linkedin',
      metOn: '2019-11-14',
      company: 'Ortega & Asociados, S.L.',
      title: 'Socia directora',
      emails: ['lucia.fo@example.org'],
      links: ['https://www.linkedin.com/in/lucia-fernandez-ortega'],
    });
    expect(named('Martín Gómez')).toMatchObject({ title: 'Analista, Riesgos', metOn: '2021-02-03' });
    expect(named('Ana Smith, PhD')).toMatchObject({ firstName: 'Ana', lastName: 'Smith, PhD' });
    expect(named('Rosa Villalobos')).toMatchObject({ circle: 'professional', source: 'linkedin', links: ['https://www.linkedin.com/in/rosavillalobos'], metOn: null });

    const search = (await alex.client.get(`/api/contacts?q=${encodeURIComponent('jose munoz')}`)).body.items;
    expect(search.map((c: { displayName: string }) => c.displayName)).toEqual(['José Ignacio Muñoz']);
  });

  it('links each message to every participant who is a contact, outbound when the owner wrote it', async () => {
    const contacts = await contactsOf(alex.client);
    const idOf = (name: string) => contacts.find((c) => c.displayName === name)!.id;
    const touches = (await alex.client.get('/api/interactions?limit=100')).body.items;
    expect(touches).toHaveLength(4);
    expect(touches.every((t: { channel: string }) => t.channel === 'linkedin')).toBe(true);
    const group = touches.find((t: { contactIds: string[] }) => t.contactIds.length === 2);
    expect(group).toMatchObject({ direction: 'outbound', intent: 'nurture', occurredAt: '2024-12-10T19:00:00.000Z' });
    expect(group.contactIds.sort()).toEqual([idOf('Martín Gómez'), idOf('Wei Chen')].sort());
    const priya = (await alex.client.get(`/api/interactions?contactId=${idOf('Priya Raman')}`)).body.items;
    expect(priya.map((t: { direction: string; intent: string }) => `${t.direction}/${t.intent}`)).toEqual(['inbound/reply', 'outbound/nurture']);
    expect(priya[0].notes).toBe('Sure — Thursday works.\nI can also introduce you to our VP of Data.');
    expect((await alex.client.get(`/api/contacts/${idOf('Priya Raman')}`)).body.lastInteractionAt).toBe('2026-01-22T08:40:00.000Z');
  });

  it('leaves out unsent drafts: no touch, no keep-in-touch date moved, counted in the report', async () => {
    const account = await newAccount();
    const header = 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT';
    const messages = [
      header,
      '2-c2VudA==,,Alex Rivera,https://www.linkedin.com/in/alexrivera,Priya Raman,https://www.linkedin.com/in/priya-raman-7b1c2a,2026-01-21 10:02:11 UTC,,Sent for real,INBOX,,No,No',
      '2-c2VudA==,,Alex Rivera,https://www.linkedin.com/in/alexrivera,Priya Raman,https://www.linkedin.com/in/priya-raman-7b1c2a,2026-03-02 09:00:00 UTC,,Half a thought,DRAFT,,Yes,No',
      '2-ZHJhZnQ=,,Alex Rivera,https://www.linkedin.com/in/alexrivera,Wei Chen,https://www.linkedin.com/in/weichen88,2026-03-03 09:00:00 UTC,,Never sent,DRAFT,,No,Yes',
    ].join('\n');
    const files = linkedinFiles.filter((f) => f.name === 'Connections.csv').concat({ name: 'messages.csv', content: Buffer.from(messages) });
    const reply = await importLinkedin(account, files);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.interactions).toMatchObject({ created: 1 });
    expect(reply.body.skipped.filter((s: { code: string }) => s.code === 'draft')).toEqual([
      { file: 'messages.csv', line: 3, code: 'draft', reason: 'an unsent draft, not a message' },
      { file: 'messages.csv', line: 4, code: 'draft', reason: 'an unsent draft, not a message' },
    ]);
    const contacts = await contactsOf(account.client);
    expect(contacts.find((c) => c.displayName === 'Priya Raman').lastInteractionAt).toBe('2026-01-21T10:02:11.000Z');
    expect(contacts.find((c) => c.displayName === 'Wei Chen').lastInteractionAt).toBeNull();
  });

  it('records invitations both ways; an outgoing one to a connection was accepted', async () => {
    const list = (await alex.client.get('/api/invitations?limit=100')).body.items;
    const of = (name: string) => list.find((i: { contact: { displayName: string } }) => i.contact.displayName === name);
    expect(of('Priya Raman')).toMatchObject({ direction: 'incoming', receivedOn: '2026-01-21', message: expect.stringContaining('Data Summit') });
    expect(of('Rosa Villalobos')).toMatchObject({ direction: 'incoming', receivedOn: '2026-11-03', acceptedOn: null });
    expect(of('Camila Rojas')).toMatchObject({ direction: 'outgoing', receivedOn: '2025-09-29', acceptedOn: '2025-09-30' });
    expect(of('Daniel Okoro')).toMatchObject({ direction: 'outgoing', acceptedOn: null, message: expect.stringContaining('logística') });
    // A recent incoming invitation deserves a welcome: a follow-up to write it.
    const followups = (await alex.client.get('/api/followups?kind=reply_invitation')).body.items;
    expect(followups.map((f: { contact: { displayName: string } }) => f.contact.displayName)).toEqual(['Rosa Villalobos']);
  });

  it('gives the same result when the same files are imported again', async () => {
    const again = await importLinkedin(alex);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 10, interactions: { created: 0, unchanged: 4 }, invitations: { created: 0, updated: 0, unchanged: 4 } });
    expect((await alex.client.get('/api/contacts?limit=500')).body.items).toHaveLength(10);
    expect((await alex.client.get('/api/interactions?limit=100')).body.items).toHaveLength(4);
    expect((await alex.client.get('/api/invitations?limit=100')).body.items).toHaveLength(4);
    expect((await alex.client.get('/api/followups?kind=reply_invitation')).body.items).toHaveLength(1);
  });

  it('links a message imported before to a participant who became a contact since', async () => {
    const account = await newAccount();
    const [connections, , messages] = linkedinFiles as [UploadFile, UploadFile, UploadFile];
    // Martín first: the group message to Martín and Wei is a touch with Martín alone.
    const lines = connections.content.toString().split('\n');
    const header = lines.findIndex((l) => l.startsWith('First Name,'));
    const martin = [...lines.slice(0, header + 1), ...lines.filter((l) => l.startsWith('Martín,'))].join('\n');
    const first = await importLinkedin(account, [{ name: 'Connections.csv', content: Buffer.from(martin) }, messages]);
    expect(first.body).toMatchObject({ created: 1, interactions: { created: 1, unchanged: 0 } });
    const before = (await account.client.get('/api/interactions?limit=100')).body.items;
    expect(before.map((t: { contacts: { displayName: string }[] }) => t.contacts.map((c) => c.displayName).sort())).toEqual([['Martín Gómez']]);
    // Then everyone: the same touch gains Wei (found by its external id), the others are new.
    const again = await importLinkedin(account, [connections, messages]);
    expect(again.body).toMatchObject({ interactions: { created: 3, unchanged: 1 } });
    const group = (await account.client.get(`/api/interactions/${before[0].id}`)).body;
    expect(group.contacts.map((c: { displayName: string }) => c.displayName).sort()).toEqual(['Martín Gómez', 'Wei Chen']);
    expect(group).toMatchObject({ channel: 'linkedin', direction: 'outbound', intent: 'nurture' });
  });

  it('never overwrites what the user typed', async () => {
    const lucia = (await alex.client.get(`/api/contacts?q=lucia`)).body.items[0];
    await alex.client.patch(`/api/contacts/${lucia.id}`, { company: 'Mi propia empresa', title: null });
    const again = await importLinkedin(alex, [linkedinFiles[0]!]);
    // The title the user cleared is empty again, so the import fills it back; the company stays.
    expect(again.body).toMatchObject({ created: 0, updated: 1, unchanged: 7 });
    expect((await alex.client.get(`/api/contacts/${lucia.id}`)).body).toMatchObject({ company: 'Mi propia empresa', title: 'Socia directora' });
  });
});

describe('LinkedIn export as a zip, or one file at a time', () => {
  it('imports the export zip like its files', async () => {
    const account = await newAccount();
    const zip = await zipOf([...linkedinFiles.map((f) => ({ ...f, name: `Basic_LinkedInDataExport_11-23-2026/${f.name}` })), { name: 'Basic_LinkedInDataExport_11-23-2026/Skills.csv', content: 'Name\nSQL\n' }]);
    const reply = await importLinkedin(account, [{ name: 'Basic_LinkedInDataExport.zip', content: zip }]);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({ created: 10, interactions: { created: 4 }, invitations: { created: 4 } });
  });

  it('ends in the same place when the files come one by one, in any order', async () => {
    const account = await newAccount();
    const [connections, invitations, messages] = linkedinFiles as [UploadFile, UploadFile, UploadFile];
    const first = await importLinkedin(account, [messages]);
    // Nobody is a contact yet: every conversation is skipped, and said so.
    expect(first.body).toMatchObject({ created: 0, interactions: { created: 0 }, skippedTotal: 5 });
    expect(first.body.warnings.join()).toContain('Alex Rivera');
    await importLinkedin(account, [{ ...connections, name: 'Connections (1).csv' }]);
    await importLinkedin(account, [invitations]);
    const last = await importLinkedin(account, [messages]);
    expect(last.body).toMatchObject({ interactions: { created: 4, unchanged: 0 } });
    expect((await account.client.get('/api/contacts?limit=500')).body.items).toHaveLength(10);
    expect((await account.client.get('/api/invitations?limit=100')).body.items).toHaveLength(4);
  });
});

describe('LinkedIn files that cannot be read', () => {
  let account: Account;
  beforeAll(async () => {
    account = await newAccount();
  });
  const contactCount = async () => (await account.client.get('/api/contacts?limit=500')).body.items.length;

  it('refuses a truncated zip clearly and changes nothing', async () => {
    const zip = await zipOf(linkedinFiles);
    const reply = await importLinkedin(account, [{ name: 'export.zip', content: zip.subarray(0, Math.floor(zip.length * 0.6)) }]);
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toContain('application/problem+json');
    expect(reply.body.detail).toMatch(/export\.zip: the zip file is damaged or incomplete/);
    expect(await contactCount()).toBe(0);
  });

  it('refuses a file broken after its first batches, and keeps none of it', async () => {
    const rows = Array.from({ length: 1_200 }, (_, i) => `Person${i},Tester,https://www.linkedin.com/in/person-${i},,Acme,Engineer,01 Jan 2024`);
    const broken = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows, 'Bad,"Quote,https://x,,,,01 Jan 2024'].join('\n');
    const reply = await importLinkedin(account, [{ name: 'Connections.csv', content: broken }]);
    expect(reply.status).toBe(400);
    expect(reply.body.detail).toMatch(/^Connections\.csv, line 1202: a quoted field is never closed/);
    expect(await contactCount()).toBe(0);
  });

  it('refuses binary garbage, another file, or a bad encoding, naming the file', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const binary = await importLinkedin(account, [{ name: 'Connections.csv', content: garbage }]);
    expect(binary.status).toBe(400);
    expect(binary.body.detail).toMatch(/^Connections\.csv/);
    const other = await importLinkedin(account, [{ name: 'notes.csv', content: 'Title,Body\nx,y\n' }]);
    expect(other.body.detail).toContain('not a file of a LinkedIn export');
    const latin1 = Buffer.concat([fixture('linkedin/Connections.csv').subarray(0, 400), Buffer.from('\nJos\xe9,Mu\xf1oz,https://www.linkedin.com/in/x,,,,01 Jan 2024\n', 'latin1')]);
    const encoding = await importLinkedin(account, [{ name: 'Connections.csv', content: latin1 }]);
    expect(encoding.status).toBe(400);
    expect(encoding.body.detail).toMatch(/Connections\.csv, line \d+: the text is not valid UTF-8/);
    // The code and the place, for the web app to say it in the user's language.
    expect(encoding.body.errors).toEqual([{ field: 'file', code: 'encoding', file: 'Connections.csv', line: expect.any(Number), message: encoding.body.detail }]);
    const missing = await account.uploader.upload('/api/imports', { source: 'linkedin' }, []);
    expect(missing.status).toBe(400);
    expect(await contactCount()).toBe(0);
  });
});
