// One opener at a time, and what a crash leaves behind (a half first start, a stale lock) never
// blocks or breaks the next start. Real processes on one data directory, in order.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../src/server/db/data-dir-lock.js';
import {
  createContact,
  getStatus,
  listContactIds,
  runCli,
  setupOwnerToken,
  sleep,
  spawnServer,
  stop,
  tempDataDir,
  type ServerProcess,
} from './support.js';

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await sleep(10);
  }
}

/** The pid of a process that has ended (and, this soon, not been reused). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the data directory lock and leftovers, with real processes', () => {
  const dataDir = tempDataDir('lock');
  const pgdata = join(dataDir, 'pgdata');
  const pending = join(dataDir, 'pgdata.initialising');
  const lockFile = join(dataDir, 'circulo.lock');
  let server: ServerProcess;
  let url = '';
  let token = '';
  const contacts: string[] = [];

  afterAll(async () => {
    if (server) await stop(server, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('an interrupted first start leaves no half database, and its leftover is removed', async () => {
    const first = spawnServer(dataDir);
    // PGlite creates the directory first, runs initdb in memory for seconds, then writes the
    // files out: killed as soon as the directory appears, the first start is mid-initdb.
    await waitFor(() => existsSync(pending), 60_000);
    await stop(first, 'SIGKILL');
    expect(existsSync(pgdata), 'a half database was left as pgdata').toBe(false);
    expect(existsSync(pending)).toBe(true);

    server = spawnServer(dataDir);
    url = await server.ready;
    expect(existsSync(join(pgdata, 'PG_VERSION'))).toBe(true);
    expect(existsSync(pending)).toBe(false);
    token = await setupOwnerToken(url);
    contacts.push(await createContact(url, token, 'Ada'));
  });

  it('refuses a second opener (the CLI) while the server runs, naming it, and damages nothing', async () => {
    const cli = await runCli(dataDir, ['today']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`in use by process ${server.pid} (circulo serve on 127.0.0.1:0`);
    expect(cli.stderr).toContain(`kill ${server.pid}`);
    expect(cli.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace

    const second = spawnServer(dataDir);
    await expect(second.ready).rejects.toThrow(`in use by process ${server.pid}`);
    expect((await second.exited).code).toBe(1);

    // The running server is untouched: still the lock holder, still reading and writing.
    expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(server.pid);
    contacts.push(await createContact(url, token, 'Grace'));
    expect([...(await listContactIds(url, token))].sort()).toEqual([...contacts].sort());
  });

  it('takes over the lock of a server that was killed, with the data intact', async () => {
    const killed = server.pid;
    await stop(server, 'SIGKILL');
    expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(killed);

    const cli = await runCli(dataDir, ['today', '--json']);
    // Nothing went wrong on the way in (a note that statistics were refreshed is fine).
    expect(cli.stderr).not.toMatch(/error|could not|restor|lock/i);
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toHaveProperty('week');
    expect(existsSync(lockFile), 'the CLI released the lock').toBe(false);
  });

  it('takes over a stale lock of a dead pid, and ignores a leftover pgdata.initialising', async () => {
    writeFileSync(
      lockFile,
      JSON.stringify({ pid: deadPid(), hostname: hostname(), command: 'circulo serve (crashed)', startedAt: new Date(0).toISOString() }),
    );
    mkdirSync(join(pending, 'base'), { recursive: true });
    writeFileSync(join(pending, 'PG_VERSION'), '18\n');
    writeFileSync(join(pending, 'base', 'garbage'), 'half a database');

    server = spawnServer(dataDir);
    url = await server.ready;
    expect(server.stderr()).not.toMatch(/could not be opened|restoring/);
    expect(existsSync(pending)).toBe(false);
    expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(server.pid);
    expect([...(await listContactIds(url, token))].sort()).toEqual([...contacts].sort());
    expect(await getStatus(url, token, `/api/contacts/${contacts[0]}`)).toBe(200);

    expect(await stop(server, 'SIGTERM')).toEqual({ code: 0, signal: null });
    expect(existsSync(lockFile)).toBe(false);
    expect(readdirSync(dataDir).filter((name) => name.includes('.damaged-'))).toEqual([]);
  });
});

describe('lockDataDir', () => {
  const dir = tempDataDir('lockfile');
  const lockPath = join(dir, 'circulo.lock');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second lock in the same process', () => {
    const release = lockDataDir(lockPath, 'first');
    try {
      expect(() => lockDataDir(lockPath, 'second')).toThrow(DataDirLockedError);
      expect(() => lockDataDir(lockPath, 'second')).toThrow(`in use by process ${process.pid} (first,`);
    } finally {
      release();
    }
    expect(existsSync(lockPath)).toBe(false);
  });

  it('treats a lock with our own pid that we do not hold as stale (a restarted container gets the same pid)', () => {
    writeFileSync(lockPath, JSON.stringify({ pid: process.pid, hostname: hostname(), command: 'before the restart', startedAt: new Date(0).toISOString() }));
    const release = lockDataDir(lockPath, 'after the restart');
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).command).toBe('after the restart');
    release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('does not take over a live lock from another host, and says how to clear it', () => {
    writeFileSync(lockPath, JSON.stringify({ pid: deadPid(), hostname: 'elsewhere', command: 'circulo serve', startedAt: new Date(0).toISOString() }));
    expect(() => lockDataDir(lockPath, 'here')).toThrow(`delete ${lockPath}`);
    rmSync(lockPath);
  });

  it('a release after a takeover by someone else leaves their lock alone', () => {
    const release = lockDataDir(lockPath, 'mine');
    writeFileSync(lockPath, JSON.stringify({ pid: 1, hostname: hostname(), command: 'theirs', startedAt: new Date().toISOString() }));
    release();
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).command).toBe('theirs');
    rmSync(lockPath);
  });
});
