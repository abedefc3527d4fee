// Real `circulo` processes on a real data directory, for the durability tests: spawned with
// `node bin/circulo.mjs`, so a kill -9 kills exactly what a user runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export function tempDataDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `circulo-${prefix}-`));
}

function envFor(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', CIRCULO_DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  // Whatever the test runner runs against, these processes use the embedded database.
  delete env.DATABASE_URL;
  delete env.CIRCULO_SECRET;
  return env;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  /** Resolves with the base URL once the server listens; rejects if it exits first. */
  ready: Promise<string>;
  exited: Promise<Exit>;
  stdout(): string;
  stderr(): string;
}

export function spawnServer(dataDir: string): ServerProcess {
  const child = spawn(process.execPath, ['bin/circulo.mjs', 'serve'], { cwd: root, env: envFor(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /running at (http:\/\/\S+) /.exec(out);
      if (match) resolve(match[1]!);
    });
    void exited.then((exit) => reject(new Error(`the server exited (${exit.code ?? exit.signal}) before listening:\n${err}\n${out}`)));
  });
  ready.catch(() => {}); // observed by whoever awaits it
  return { child, pid: child.pid!, ready, exited, stdout: () => out, stderr: () => err };
}

/** Sends a signal and waits for the process to end. */
export async function stop(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<Exit> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  return server.exited;
}

export interface CliResult extends Exit {
  stdout: string;
  stderr: string;
}

export function runCli(dataDir: string, args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/circulo.mjs', ...args], { cwd: root, env: envFor(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

async function request(url: string, init: RequestInit & { token?: string } = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  const res = await fetch(url, { ...init, headers });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, body, headers: res.headers };
}

/** First-time setup, then an API token for everything else. */
export async function setupOwnerToken(url: string): Promise<string> {
  const setup = await request(`${url}/api/auth/setup`, {
    method: 'POST',
    body: JSON.stringify({ email: 'owner@example.com', password: 'correct horse battery staple', name: 'Owner' }),
  });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${JSON.stringify(setup.body)}`);
  const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;
  const token = await request(`${url}/api/tokens`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': setup.body.csrfToken },
    body: JSON.stringify({ name: 'durability' }),
  });
  if (token.status !== 201) throw new Error(`token: ${token.status} ${JSON.stringify(token.body)}`);
  return token.body.token as string;
}

export async function createContact(url: string, token: string, firstName: string): Promise<string> {
  const reply = await request(`${url}/api/contacts`, { method: 'POST', token, body: JSON.stringify({ firstName }) });
  if (reply.status !== 201) throw new Error(`create contact: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.id as string;
}

export async function getStatus(url: string, token: string, path: string): Promise<number> {
  return (await request(`${url}${path}`, { token })).status;
}

/** Every contact id, through the cursor pages. */
export async function listContactIds(url: string, token: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '500', ...(cursor ? { cursor } : {}) });
    const reply = await request(`${url}/api/contacts?${query}`, { token });
    if (reply.status !== 200) throw new Error(`list contacts: ${reply.status} ${JSON.stringify(reply.body)}`);
    for (const item of reply.body.items as { id: string }[]) ids.add(item.id);
    cursor = reply.body.nextCursor as string | null;
  } while (cursor);
  return ids;
}

export interface Acknowledged {
  contacts: string[];
  interactions: string[];
}

/**
 * Writes with `concurrency` requests in flight until the server goes away, recording only what
 * it acknowledged (a 201 fully received). Every third contact also gets an interaction.
 * `firstAck` settles with the first acknowledged write (or when all writers gave up).
 */
export function hammer(url: string, token: string, concurrency: number, into: Acknowledged): { firstAck: Promise<void>; done: Promise<void> } {
  let stopped = false;
  let n = 0;
  let acked!: () => void;
  const firstAck = new Promise<void>((resolve) => (acked = resolve));
  const worker = async () => {
    while (!stopped) {
      try {
        const i = ++n;
        const contact = await request(`${url}/api/contacts`, { method: 'POST', token, body: JSON.stringify({ firstName: `Crash ${i}` }) });
        if (contact.status !== 201) continue;
        into.contacts.push(contact.body.id as string);
        acked();
        if (i % 3 === 0) {
          const interaction = await request(`${url}/api/interactions`, {
            method: 'POST',
            token,
            body: JSON.stringify({ contactIds: [contact.body.id], channel: 'call', direction: 'outbound', intent: 'nurture' }),
          });
          if (interaction.status === 201) into.interactions.push(interaction.body.id as string);
        }
      } catch {
        stopped = true; // connection refused or reset: the server is gone
      }
    }
  };
  const done = Promise.all(Array.from({ length: concurrency }, worker)).then(() => {});
  return { firstAck: Promise.race([firstAck, done]), done };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
