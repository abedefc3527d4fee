// A contact's links are web pages, e-mail addresses or phone numbers: `javascript:`, `data:` and
// the like are refused by the API (naming the field) and dropped, with a warning, by imports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { uploaderFor } from '../support/multipart.js';

let server: TestServer;
let ana: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  ana = await setupOwner(server.app);
});
afterAll(() => server.close());

describe('contact links', () => {
  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://files.example.org/cv.pdf',
    'https://example.org/a\u0000b',
    'mailto:',
  ])('%j is refused, naming the field', async (link) => {
    const reply = await ana.post('/api/contacts', { firstName: 'Eve', links: ['https://ok.example.org', link] });
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toContain('application/problem+json');
    expect(reply.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'links.1' })]));
  });

  it('web pages, e-mail and phone links are kept', async () => {
    const links = ['https://www.linkedin.com/in/ana', 'http://ana.example.org', 'mailto:ana@example.org', 'tel:+34600111222'];
    const reply = await ana.post('/api/contacts', { firstName: 'Ana', links });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.links).toEqual(links);
  });

  it('a line break in a link is dropped, as browsers do, so a stored link never holds one', async () => {
    const reply = await ana.post('/api/contacts', { firstName: 'Dora', links: ['https://example.org/a\r\nEND:VCARD'] });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.links).toEqual(['https://example.org/aEND:VCARD']);
  });

  it('an edit with a bad link is refused too', async () => {
    const { id } = (await ana.post('/api/contacts', { firstName: 'Bea' })).body;
    const reply = await ana.patch(`/api/contacts/${id}`, { links: ['javascript:alert(1)'] });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].field).toBe('links.0');
  });

  it('an import drops a bad link with a warning and keeps the contact', async () => {
    const uploader = await uploaderFor(server.app, ana);
    const csv = 'First Name,Last Name,E-mail 1 - Value,Website 1 - Value,Website 2 - Value\nCarla,Ruiz,carla@example.org,javascript:alert(1),https://carla.example.org\n';
    const reply = await uploader.upload('/api/imports', { source: 'csv' }, [{ name: 'google.csv', content: csv }]);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.created).toBe(1);
    expect(JSON.stringify(reply.body.warnings)).toContain('javascript:alert(1)');
    // The same warning as a code and values, for the report in the user's language.
    expect(reply.body.notices).toEqual([{ file: 'google.csv', line: 2, code: 'bad_link', values: { value: 'javascript:alert(1)' } }]);
    const [carla] = (await ana.get('/api/contacts?q=carla')).body.items;
    expect((await ana.get(`/api/contacts/${carla.id}`)).body.links).toEqual(['https://carla.example.org']);
  });
});
