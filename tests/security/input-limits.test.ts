// Every input has a cap (src/server/http/limits.ts, imports/zip.ts, imports/text.ts): a body, an
// upload or a zip past it is refused with a 413 or 400 problem document, and nothing is written.
// Uploads are tested on a server with small caps so no test sends 100 MB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ZIP_ENTRIES } from '../../src/server/features/imports/zip.js';
import { rawCall, setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { fixture, uploaderFor, zipOf, type Uploader, type UploadFile } from '../support/multipart.js';

const SMALL = { uploadBytes: 256 * 1024, restoreBytes: 64 * 1024 };
let server: TestServer;
let ana: ApiClient;
let uploader: Uploader;

beforeAll(async () => {
  server = await startTestServer({ limits: SMALL });
  ana = await setupOwner(server.app);
  uploader = await uploaderFor(server.app, ana);
});
afterAll(() => server.close());

const contactCount = async () => (await ana.get('/api/contacts?limit=500')).body.items.length as number;

function expectProblem(reply: { status: number; headers: Record<string, unknown>; body: any }, status: number) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(reply.headers['content-type']).toContain('application/problem+json');
  expect(reply.body.status).toBe(status);
}

const linkedin = (files: UploadFile[]) => uploader.upload('/api/imports', { source: 'linkedin' }, files);
const connections = () => fixture('linkedin/Connections.csv');

/** Rewrites every occurrence of a byte string (a file name, a size) in a zip's headers. */
function patch(zip: Buffer, from: Buffer, to: Buffer): Buffer {
  expect(from.length).toBe(to.length);
  const out = Buffer.from(zip);
  let at = out.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  while (at !== -1) {
    to.copy(out, at);
    at = out.indexOf(from, at + to.length);
  }
  return out;
}

/** Sets the uncompressed size the central directory declares for every entry. */
function declareUncompressedSize(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at !== -1; at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
    out.writeUInt32LE(size, at + 24);
  }
  return out;
}

describe('JSON bodies', () => {
  it('a JSON body over the cap is refused with 413 before anything is read', async () => {
    const before = await contactCount();
    const reply = await ana.post('/api/contacts', { firstName: 'Big', notes: 'x'.repeat(2 * 1024 * 1024) });
    expectProblem(reply, 413);
    expect(reply.body.title).toBe('Payload Too Large');
    expect(await contactCount()).toBe(before);
  });

  it('a contact with the largest photo the schema allows still fits', async () => {
    const photo = `data:image/png;base64,${'A'.repeat(999_000)}`;
    const reply = await ana.post('/api/contacts', { firstName: 'Photo', photo });
    expect(reply.status, JSON.stringify(reply.body).slice(0, 300)).toBe(201);
    await ana.del(`/api/contacts/${reply.body.id}`);
  });

  it('a backup restore over its own cap is refused with 413', async () => {
    const reply = await ana.post('/api/backup/restore', { format: 'circulo-backup', padding: 'x'.repeat(100 * 1024) });
    expectProblem(reply, 413);
  });
});

describe('uploads', () => {
  it('an upload over the cap answers 413 and imports nothing', async () => {
    const before = await contactCount();
    const cards = Array.from({ length: 6_000 }, (_, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i}\r\nN:${i};Person;;;\r\nEND:VCARD\r\n`).join('');
    expect(cards.length).toBeGreaterThan(SMALL.uploadBytes);
    const reply = await uploader.upload('/api/imports', { source: 'vcard' }, [{ name: 'many.vcf', content: cards }]);
    expectProblem(reply, 413);
    expect(reply.body.errors[0]).toMatchObject({ field: 'file', code: 'too_large' });
    expect(await contactCount()).toBe(before);
  });

  it('the cap is for the whole upload, not each file', async () => {
    const before = await contactCount();
    const half = Array.from({ length: 3_000 }, (_, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half ${i}\r\nEND:VCARD\r\n`).join('');
    expect(half.length).toBeLessThan(SMALL.uploadBytes);
    expect(half.length * 2).toBeGreaterThan(SMALL.uploadBytes);
    const reply = await uploader.upload('/api/imports', { source: 'vcard' }, [{ name: 'a.vcf', content: half }, { name: 'b.vcf', content: half }]);
    expectProblem(reply, 413);
    expect(await contactCount()).toBe(before);
  });

  it('a backup sent as an import (source=json) has the restore cap, not the import one', async () => {
    const backup = JSON.stringify({ format: 'circulo-backup', padding: 'x'.repeat(100 * 1024) });
    expect(backup.length).toBeGreaterThan(SMALL.restoreBytes);
    expect(backup.length).toBeLessThan(SMALL.uploadBytes);
    expectProblem(await uploader.upload('/api/imports', { source: 'json' }, [{ name: 'backup.json', content: backup }]), 413);
  });

  it('a CSV preview over the cap answers 413', async () => {
    const csv = `name,mail\n${'Ana,ana@example.org\n'.repeat(15_000)}`;
    expectProblem(await uploader.upload('/api/imports/preview', {}, [{ name: 'big.csv', content: csv }]), 413);
  });
});

describe('zip files', () => {
  it(`a zip of more than ${MAX_ZIP_ENTRIES} files is refused and imports nothing`, async () => {
    const before = await contactCount();
    const files = [{ name: 'Connections.csv', content: connections() }, ...Array.from({ length: MAX_ZIP_ENTRIES }, (_, i) => ({ name: `junk/${i}.txt`, content: '' }))];
    const reply = await linkedin([{ name: 'export.zip', content: await zipOf(files) }]);
    expectProblem(reply, 413);
    expect(reply.body.detail).toMatch(/export\.zip: the zip holds 1001 files/);
    expect(await contactCount()).toBe(before);
  });

  it('a zip that declares gigabytes inside (a zip bomb) is refused before anything is unpacked', async () => {
    const zip = declareUncompressedSize(await zipOf([{ name: 'Connections.csv', content: connections() }, { name: 'messages.csv', content: 'x' }]), 0x7fff_ffff);
    const reply = await linkedin([{ name: 'bomb.zip', content: zip }]);
    expectProblem(reply, 413);
    expect(reply.body.detail).toMatch(/bomb\.zip: the zip unpacks to more than 1 GB/);
    expect(await contactCount()).toBe(0);
  });

  it('a zip whose entry inflates past the size it declares is refused and imports nothing', async () => {
    const zip = declareUncompressedSize(await zipOf([{ name: 'Connections.csv', content: connections() }]), 200);
    const reply = await linkedin([{ name: 'liar.zip', content: zip }]);
    expectProblem(reply, 400);
    expect(reply.body.detail).toMatch(/liar\.zip|Connections\.csv/);
    expect(await contactCount()).toBe(0);
  });

  it.each([
    ['../Connections.csv', 'aa/Connections.csv', '../Connections.csv'],
    ['/etc/Connections.csv', 'xetc/Connections.csv', '/etc/Connections.csv'],
    ['C:/Connections.csv', 'xx/Connections.csv', 'C:/Connections.csv'],
  ])('a zip with an entry named %s is refused', async (_name, safe, unsafe) => {
    const zip = patch(await zipOf([{ name: safe, content: connections() }]), Buffer.from(safe), Buffer.from(unsafe));
    const reply = await linkedin([{ name: 'tricky.zip', content: zip }]);
    expectProblem(reply, 400);
    expect(reply.body.errors[0]).toMatchObject({ field: 'file', code: 'unsafe_name' });
    expect(await contactCount()).toBe(0);
  });
});

describe('lines and cells', () => {
  it('a vCard line over 2 million characters is refused with its line', async () => {
    const server2 = await startTestServer();
    try {
      const owner = await setupOwner(server2.app);
      const up = await uploaderFor(server2.app, owner);
      const card = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nNOTE:${'a'.repeat(2_000_001)}\r\nEND:VCARD\r\n`;
      const reply = await up.upload('/api/imports', { source: 'vcard' }, [{ name: 'long.vcf', content: card }]);
      expectProblem(reply, 413);
      expect(reply.body.detail).toMatch(/long\.vcf, line 4: a line is longer than 2,000,000 characters/);
      expect((await owner.get('/api/contacts')).body.items).toHaveLength(0);
    } finally {
      await server2.close();
    }
  });

  it('an unauthenticated caller gets 401 before any body is read', async () => {
    const reply = await rawCall(server.app, 'POST', '/api/contacts', { body: { firstName: 'x', notes: 'y'.repeat(10) } });
    expectProblem(reply, 401);
  });
});
