// vCard and CSV imports and the vCard export through the API, on both databases: every shared
// fixture file with its expected result, merging across sources, the round trip, broken files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ImportReport } from '../../src/shared/schemas/imports.js';
import { queryRows, refreshStatistics } from '../../src/server/db/database.js';
import { statisticsToRefresh } from '../../src/server/features/imports/pipeline.js';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { fixture, uploaderFor, type Uploader } from '../support/multipart.js';
import { addUser } from '../support/users.js';

let server: TestServer;

interface Account {
  client: ApiClient;
  uploader: Uploader;
}

async function newAccount(): Promise<Account> {
  const client = await addUser(server);
  return { client, uploader: await uploaderFor(server.app, client) };
}

async function contactsOf(client: ApiClient) {
  const list = (await client.get('/api/contacts?limit=500')).body.items as { id: string }[];
  return Promise.all(list.map(async (c) => (await client.get(`/api/contacts/${c.id}`)).body));
}

const upload = (account: Account, source: string, name: string, content: Buffer | string, fields: Record<string, string> = {}) =>
  account.uploader.upload('/api/imports', { source, ...fields }, [{ name, content }]);

beforeAll(async () => {
  server = await startTestServer();
  await setupOwner(server.app);
});
afterAll(() => server.close());

describe('vCard fixtures', () => {
  const cases: [string, number, Record<string, unknown>[]][] = [
    ['apple-icloud-3.0.vcf', 2, [
      {
        displayName: 'Lucía Fernández Ortega', company: 'Ortega & Asociados, S.L.', title: 'Socia directora', emails: ['lucia.fo@example.org'],
        phones: ['+34 612 345 678'], location: 'Madrid, España', birthday: '1985-04-15', links: ['https://www.linkedin.com/in/lucia-fernandez-ortega'],
        notes: 'Nos conocimos en la boda de Marta.\nLe gusta el senderismo y el café de especialidad.', photo: expect.stringMatching(/^data:image\/jpeg;base64,\/9j\/4AAQ.*2Q==$/), source: 'vcard',
      },
      { displayName: 'Camila Rojas', company: 'Contoso', emails: ['camila@contoso.example'], birthday: '--08-23', tags: ['Data Summit 2026'] },
    ]],
    ['google-3.0.vcf', 1, [
      { displayName: 'Priya Raman', birthday: '--08-23', links: ['https://www.linkedin.com/in/priya-raman-7b1c2a'], tags: ['Data Summit 2026'], phones: ['+1 415-555-0134'], notes: expect.stringContaining('VP') },
    ]],
    ['android-2.1.vcf', 2, [
      { firstName: 'José Ignacio', lastName: 'Muñoz', displayName: 'José Ignacio Muñoz', company: 'Cafetería La Esquina', phones: ['+56912345678', '+5622345678'], notes: 'Dueño del café de la esquina. Conoce a todo el barrio.' },
      { firstName: 'Martín', lastName: 'Gómez', phones: ['+34699111222'], circle: 'personal' },
    ]],
    ['vcard-4.0.vcf', 1, [{ displayName: 'Wei Chen', phones: ['+44-20-7946-0958'], birthday: '--02-29', company: 'Fabrikam', title: 'Recruiter', links: ['https://www.linkedin.com/in/weichen88'] }]],
    ['outlook-2.1.vcf', 1, [{ displayName: 'Tom Becker', company: 'Becker Consulting', emails: ['tom@becker.example'], phones: ['(555) 010-2030'] }]],
  ];

  for (const [file, count, expected] of cases) {
    it(`imports ${file}`, async () => {
      const account = await newAccount();
      const reply = await upload(account, 'vcard', file, fixture(`vcard/${file}`));
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(reply.body).toMatchObject({ source: 'vcard', created: count, updated: 0, unchanged: 0, skippedTotal: 0 });
      const contacts = await contactsOf(account.client);
      for (const person of expected) expect(contacts).toContainEqual(expect.objectContaining(person));
      const again = await upload(account, 'vcard', file, fixture(`vcard/${file}`));
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: count });
    });
  }

  it('refuses a file whose last card is cut off, naming the card, and keeps none of it', async () => {
    const account = await newAccount();
    const text = fixture('vcard/apple-icloud-3.0.vcf').toString('utf8');
    const reply = await upload(account, 'vcard', 'cut.vcf', text.slice(0, text.lastIndexOf('END:VCARD')));
    expect(reply.status).toBe(400);
    expect(reply.body.detail).toBe('cut.vcf, card 2, line 22: the file ends inside a card (END:VCARD is missing: truncated?)');
    const garbage = await upload(account, 'vcard', 'photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]));
    expect(garbage.body.detail).toMatch(/^photo\.jpg.*binary/);
    expect((await account.client.get('/api/contacts')).body.items).toEqual([]);
  });
});

describe('CSV', () => {
  it('imports a Google Contacts export: labels become tags, birthdays without a year, multi-line notes', async () => {
    const account = await newAccount();
    const reply = await upload(account, 'csv', 'contacts.csv', fixture('csv/google-contacts.csv'));
    expect(reply.body).toMatchObject({ source: 'csv', created: 3, skippedTotal: 0 });
    const contacts = await contactsOf(account.client);
    expect(contacts).toContainEqual(
      expect.objectContaining({
        displayName: 'Rosa Villalobos', company: 'Villalobos Logística', title: 'CEO', birthday: '1979-02-11', tags: ['Clientes'],
        emails: ['rosa@villalobos.example', 'rosi@example.net'], phones: ['+52 55 1234 5678'], notes: 'Clienta desde 2022.\nPrefiere WhatsApp.',
        links: ['https://www.linkedin.com/in/rosavillalobos'], source: 'csv',
      }),
    );
    expect(contacts).toContainEqual(expect.objectContaining({ displayName: 'Daniel Okoro', birthday: '--06-30', tags: [] }));
    expect(contacts).toContainEqual(expect.objectContaining({ displayName: 'Wei Chen', tags: ['Recruiters'] }));
  });

  it('imports an Outlook export recognised by its header', async () => {
    const account = await newAccount();
    const outlook = [
      'First Name,Middle Name,Last Name,Title,Suffix,E-mail Address,E-mail 2 Address,Business Phone,Mobile Phone,Company,Job Title,Birthday,Notes,Categories,Web Page,Business City',
      'Ana,María,García López,,,ana@example.es,,+34 91 555 0101,,"Telefónica, S.A.",Ingeniera,4/15/1985,"Vino al meetup\r\nde PyData",Clientes;Madrid,www.anagarcia.es,Madrid',
      'Bob,,,,,bob@example.com,,,,,,0/0/00,,,,',
    ].join('\r\n');
    const reply = await upload(account, 'csv', 'outlook.csv', `\uFEFF${outlook}`);
    expect(reply.body).toMatchObject({ created: 2 });
    const contacts = await contactsOf(account.client);
    expect(contacts).toContainEqual(
      expect.objectContaining({
        firstName: 'Ana María', lastName: 'García López', company: 'Telefónica, S.A.', title: 'Ingeniera', birthday: '1985-04-15', tags: ['Clientes', 'Madrid'],
        links: ['https://www.anagarcia.es'], location: 'Madrid', notes: 'Vino al meetup\nde PyData', circle: 'professional',
      }),
    );
    expect(contacts).toContainEqual(expect.objectContaining({ firstName: 'Bob', birthday: null, circle: 'personal' }));
  });

  it('asks for a mapping for any other CSV, listing its columns, and previews it', async () => {
    const account = await newAccount();
    const csv = 'Nombre;Correo;Empresa;Etiquetas\n"Lola Flores";lola@example.es;Copla S.L.;amigos, música\nSin datos;;;\n';
    const refused = await upload(account, 'csv', 'lista.csv', csv);
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toContain('"Nombre", "Correo", "Empresa", "Etiquetas"');
    const preview = await account.uploader.upload('/api/imports/preview', {}, [{ name: 'lista.csv', content: csv }]);
    expect(preview.body).toEqual({
      format: 'generic',
      delimiter: ';',
      headers: ['Nombre', 'Correo', 'Empresa', 'Etiquetas'],
      rows: [['Lola Flores', 'lola@example.es', 'Copla S.L.', 'amigos, música'], ['Sin datos', '', '', '']],
      suggestedMapping: { Nombre: 'firstName', Correo: 'emails', Empresa: 'company', Etiquetas: 'tags' },
    });
    const badMapping = await upload(account, 'csv', 'lista.csv', csv, { mapping: JSON.stringify({ Apellido: 'lastName' }) });
    expect(badMapping.body.detail).toContain('"Apellido"');
    const mapping = JSON.stringify({ Nombre: 'fullName', Correo: 'emails', Empresa: 'company', Etiquetas: 'tags' });
    const reply = await upload(account, 'csv', 'lista.csv', csv, { mapping });
    expect(reply.body).toMatchObject({ created: 2 });
    expect(await contactsOf(account.client)).toContainEqual(expect.objectContaining({ firstName: 'Lola', lastName: 'Flores', emails: ['lola@example.es'], tags: ['amigos', 'música'] }));
    const google = await account.uploader.upload('/api/imports/preview', {}, [{ name: 'g.csv', content: fixture('csv/google-contacts.csv') }]);
    expect(google.body).toMatchObject({ format: 'google', delimiter: ',', suggestedMapping: {} });
  });

  it('refuses a CSV with an unclosed quote, or in another encoding, naming the line', async () => {
    const account = await newAccount();
    const unclosed = await upload(account, 'csv', 'c.csv', 'First Name,Last Name,E-mail 1 - Value,Labels\nAna,"García,ana@x.es,\nLuis,Pérez,luis@x.es,\n');
    expect(unclosed.status).toBe(400);
    expect(unclosed.body.detail).toMatch(/^c\.csv, line \d: a quoted field is never closed/);
    const latin1 = Buffer.from('First Name,Last Name,E-mail 1 - Value,Labels\nJos\xe9,Mu\xf1oz,jose@x.es,\n', 'latin1');
    const encoding = await upload(account, 'csv', 'latin1.csv', latin1);
    expect(encoding.body.detail).toBe('latin1.csv, line 2: the text is not valid UTF-8: save the file as UTF-8 and try again');
    expect((await account.client.get('/api/contacts')).body.items).toEqual([]);
  });
});

describe('merging and the round trip', () => {
  let account: Account;
  beforeAll(async () => {
    account = await newAccount();
  });

  it('merges other sources into LinkedIn contacts without duplicating them', async () => {
    const linkedin = await account.uploader.upload('/api/imports', { source: 'linkedin' }, ['Connections.csv', 'Invitations.csv', 'messages.csv'].map((name) => ({ name, content: fixture(`linkedin/${name}`) })));
    expect(linkedin.body.created).toBe(10);
    const google = await upload(account, 'csv', 'google.csv', fixture('csv/google-contacts.csv'));
    // Rosa by her LinkedIn URL, Wei by name + company; Daniel's LinkedIn contact has no company.
    expect(google.body).toMatchObject({ created: 1, updated: 2, unchanged: 0 });
    const rosa = (await contactsOf(account.client)).find((c) => c.displayName === 'Rosa Villalobos');
    expect(rosa).toMatchObject({ source: 'linkedin', company: 'Villalobos Logística', emails: ['rosa@villalobos.example', 'rosi@example.net'], tags: ['Clientes'] });
    // José by e-mail; Priya by URL; Lucía by URL; Camila by name + company; Wei by URL.
    for (const file of ['android-2.1.vcf', 'google-3.0.vcf', 'apple-icloud-3.0.vcf', 'vcard-4.0.vcf', 'outlook-2.1.vcf']) {
      await upload(account, 'vcard', file, fixture(`vcard/${file}`));
    }
    const names = (await contactsOf(account.client)).map((c) => c.displayName).sort();
    expect(names.filter((n) => n === 'José Ignacio Muñoz' || n === 'Priya Raman' || n === 'Lucía Fernández Ortega' || n === 'Camila Rojas' || n === 'Wei Chen')).toHaveLength(5);
  });

  it('exports every contact as vCard 4.0 and 3.0, and importing the export changes nothing', async () => {
    const count = (await account.client.get('/api/contacts?limit=500')).body.items.length;
    for (const version of ['4.0', '3.0']) {
      const exported = await account.client.get(`/api/exports/vcard?version=${version}`);
      expect(exported.status).toBe(200);
      expect(exported.headers['content-type']).toContain('text/vcard');
      const text = exported.body as string;
      expect(text.match(/BEGIN:VCARD/g)).toHaveLength(count);
      expect(text).toContain(`VERSION:${version}`);
      expect(text).toMatch(version === '4.0' ? /PHOTO:data:image\/jpeg;base64/ : /PHOTO;ENCODING=b;TYPE=JPEG:/);
      const reply = await upload(account, 'vcard', `export-${version}.vcf`, text);
      expect(reply.body, version).toMatchObject({ created: 0, updated: 0, unchanged: count, skippedTotal: 0 });
    }
  });
});

  it('merges into the oldest of two contacts that share an e-mail, whatever order they were written in', async () => {
    const shared = await newAccount();
    // The newer contact is written first, so the table's own order would put it first.
    server.setNow(new Date('2026-06-01T10:00:00Z'));
    const newer = (await shared.client.post('/api/contacts', { firstName: 'Ana', lastName: 'Nueva', emails: ['ana@shared.example'] })).body;
    server.setNow(new Date('2026-01-01T10:00:00Z'));
    const older = (await shared.client.post('/api/contacts', { firstName: 'Ana', lastName: 'Antigua', emails: ['ana@shared.example'] })).body;
    server.setNow(null);
    const vcard = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nN:;Ana;;;\r\nEMAIL:ana@shared.example\r\nTITLE:Directora\r\nEND:VCARD\r\n';
    const reply = await upload(shared, 'vcard', 'ana.vcf', vcard);
    expect(reply.body).toMatchObject({ created: 0, updated: 1 });
    expect((await shared.client.get(`/api/contacts/${older.id}`)).body.title).toBe('Directora');
    expect((await shared.client.get(`/api/contacts/${newer.id}`)).body.title).toBeNull();
  });

describe('JSON backup as an import (source=json)', () => {
  const contactCount = async (client: ApiClient) => (await client.get('/api/contacts?limit=500')).body.items.length as number;

  it('restores into an empty account, refuses a non-empty one unless replace=true, and refuses a broken file', async () => {
    const from = await newAccount();
    await from.client.post('/api/contacts', { firstName: 'Ana', lastName: 'Muñoz', emails: ['ana@example.com'] });
    await from.client.post('/api/contacts', { firstName: 'Bruno' });
    const backup = JSON.stringify((await from.client.get('/api/exports/json')).body);

    const into = await newAccount();
    const first = await upload(into, 'json', 'backup.json', backup);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ source: 'json', created: 2, skippedTotal: 0, restored: { replaced: false, restored: { contacts: 2 } } });
    expect(await contactCount(into.client)).toBe(2);

    await into.client.post('/api/contacts', { firstName: 'Carla' });
    const again = await upload(into, 'json', 'backup.json', backup);
    expect(again.status).toBe(409);
    expect(again.body.title).toBe('Account not empty');
    expect(await contactCount(into.client)).toBe(3);

    const replaced = await upload(into, 'json', 'backup.json', backup, { replace: 'true' });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect(replaced.body).toMatchObject({ created: 2, restored: { replaced: true } });
    expect(await contactCount(into.client)).toBe(2);

    const broken = await upload(into, 'json', 'backup.json', backup.slice(0, backup.length / 2), { replace: 'true' });
    expect(broken.status).toBe(400);
    expect(broken.body.title).toBe('Not a Círculo backup');
    const badFlag = await upload(into, 'json', 'backup.json', backup, { replace: 'yes' });
    expect(badFlag.status).toBe(400);
    expect(badFlag.body.errors[0].field).toBe('replace');
    expect(await contactCount(into.client)).toBe(2);
  });
});

describe('every sample file in one account', () => {
  it('offers the people the files name twice as possible duplicates (one with a company, one without)', async () => {
    const account = await newAccount();
    const linkedin = ['Connections.csv', 'Invitations.csv', 'messages.csv'].map((name) => ({ name, content: fixture(`linkedin/${name}`) }));
    expect((await account.uploader.upload('/api/imports', { source: 'linkedin' }, linkedin)).status).toBe(200);
    for (const file of ['apple-icloud-3.0.vcf', 'google-3.0.vcf', 'android-2.1.vcf', 'vcard-4.0.vcf', 'outlook-2.1.vcf']) {
      expect((await upload(account, 'vcard', file, fixture(`vcard/${file}`))).status).toBe(200);
    }
    expect((await upload(account, 'csv', 'contacts.csv', fixture('csv/google-contacts.csv'))).status).toBe(200);

    const pairs = (await account.client.get('/api/contacts/duplicates?limit=100')).body.items as { reasons: string[]; contacts: { displayName: string }[] }[];
    const named = pairs.map((p) => `${p.contacts.map((c) => c.displayName).join(' = ')} (${p.reasons.join(', ')})`).sort();
    expect(named).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Daniel Okoro = Daniel Okoro \(same_name\)$/),
        expect.stringMatching(/^Martín Gómez = Martín Gómez \(same_name\)$/),
        expect.stringMatching(/^Tom Becker = Tom Becker \(same_name\)$/),
      ]),
    );
  });
});

describe('statistics after a large import', () => {
  it('the ANALYZE each kind of import asks for runs on this database', async () => {
    const counts = [{ created: 2_000 }, { touches: 2_000 }, { updated: 1_000, touches: 1_000, invitations: 1_000 }];
    for (const written of counts) {
      const report = { created: 0, updated: 0, interactions: { created: written.touches ?? 0 }, invitations: { created: written.invitations ?? 0 }, ...written };
      const targets = statisticsToRefresh(report as unknown as ImportReport);
      expect(targets.length).toBeGreaterThan(0);
      await refreshStatistics(server.database.db, targets);
    }
  });

  it('keeps none for the columns of contacts that no query filters on, and the search text’s fine ones', async () => {
    // Migration 0030: ANALYZE skips what is only shown and exported (schema.ts, contacts).
    const targets = await queryRows<{ column: string; target: number }>(
      server.database.db,
      sql`select attname as column, coalesce(attstattarget, -1)::int as target from pg_attribute
          where attrelid = 'contacts'::regclass and attnum > 0 and not attisdropped and coalesce(attstattarget, -1) <> -1 order by attname`,
    );
    const unfiltered = ['birthday', 'communities', 'first_name', 'how_met', 'interests', 'last_name', 'links', 'location', 'notes', 'past_companies', 'photo', 'schools', 'title', 'updated_at'];
    expect(targets).toEqual([...unfiltered.map((column) => ({ column, target: 0 })), { column: 'search_text', target: 1000 }].sort((a, b) => a.column.localeCompare(b.column)));
    await refreshStatistics(server.database.db, ['contacts']);
    const kept = await queryRows<{ column: string }>(server.database.db, sql`select attname as column from pg_stats where tablename = 'contacts' order by attname`);
    expect(kept.map((k) => k.column)).toEqual(expect.arrayContaining(['account_id', 'search_text', 'met_on', 'keep_in_touch_due_on']));
    expect(kept.map((k) => k.column).filter((c) => unfiltered.includes(c))).toEqual([]);
  });
});
