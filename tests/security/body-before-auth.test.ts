// An anonymous caller is refused in onRequest, before the body is read: uploads (imports),
// a backup to restore, any JSON write. Proved two ways: the 401 arrives while most of a large
// declared body has not even been sent, and the body-parsing and handler hooks never run.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/http/app.js';
import type { App } from '../../src/server/http/context.js';
import { setupOwner } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let app: App;
let port: number;
let token: string;
const reached = { preParsing: 0, preHandler: 0 };

beforeAll(async () => {
  server = await startTestServer();
  const owner = await setupOwner(server.app);
  token = (await owner.post('/api/tokens', { name: 'uploads' })).body.token;
  // The same app, with two counters: a body being parsed, a handler about to run.
  app = await buildApp({ ctx: { db: server.database.db, secureCookies: false, now: () => new Date() }, secret: 'test-secret-test-secret-test-secret', logLevel: 'silent', webRoot: null });
  app.addHook('preParsing', async (_request, _reply, payload) => {
    reached.preParsing += 1;
    return payload;
  });
  app.addHook('preHandler', async () => {
    reached.preHandler += 1;
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await app.close();
  await server.close();
});

const DECLARED = 40 * 1024 * 1024;
const SENT = 256 * 1024;

/**
 * Sends the head of a request declaring DECLARED bytes of body, then only SENT bytes, and waits
 * for the answer: a server that read the body first would still be waiting for the rest.
 */
function partialUpload(path: string, contentType: string, headers: Record<string, string> = {}): Promise<{ status: number; head: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('error', (error) => (received ? undefined : reject(error)));
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1]);
      socket.destroy();
      resolve({ status, head: received.slice(0, end) });
    });
    socket.on('close', () => (received ? undefined : reject(new Error('closed without an answer'))));
    const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${contentType}\r\nContent-Length: ${DECLARED}\r\n${extra}\r\n`);
    socket.write(Buffer.alloc(SENT, 'a'));
    // The rest of the body is never sent.
  });
}

describe('a private route with no caller', () => {
  it.each([
    ['/api/imports', 'multipart/form-data; boundary=xyz'],
    ['/%61pi/imports', 'multipart/form-data; boundary=xyz'],
    ['/api/imports/preview', 'multipart/form-data; boundary=xyz'],
    ['/%61pi/imports/preview', 'multipart/form-data; boundary=xyz'],
    ['/api/backup/restore', 'application/json'],
    ['/%61pi/backup/restore', 'application/json'],
    ['/api/contacts', 'application/json'],
  ])('POST %s (%s, 40 MiB declared) is refused before its body is read', async (path, type) => {
    const before = { ...reached };
    const reply = await partialUpload(path, type);
    expect(reply.status).toBe(401);
    expect(reply.head).toMatch(/content-type: application\/problem\+json/i);
    expect(reached).toEqual(before);
  });

  it('a forged bearer token is refused just as early', async () => {
    const before = { ...reached };
    const reply = await partialUpload('/api/imports', 'multipart/form-data; boundary=xyz', { authorization: 'Bearer circ_forged' });
    expect(reply.status).toBe(401);
    expect(reached).toEqual(before);
  });

  it('(control) with a caller, the same request does reach the body parser', async () => {
    const before = reached.preParsing;
    const reply = await app.inject({
      method: 'POST',
      // (A token may not restore a backup: a JSON write it may make.)
      url: '/api/contacts',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: '{"circle":"not a circle"}',
    });
    expect(reply.statusCode).toBe(400);
    expect(reached.preParsing).toBe(before + 1);
  });
});
