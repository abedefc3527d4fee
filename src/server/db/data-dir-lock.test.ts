// The lock's liveness rule with real processes: a zombie (killed, not yet reaped), a live process
// that is not node, and a pid that started after the lock was written do not hold the lock.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, holderIsAlive, lockDataDir } from './data-dir-lock.js';

const linux = existsSync('/proc/self/stat');
const children: ChildProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), 'circulo-lock-'));
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const longAgo = () => new Date(Date.now() - 60 * 60_000).toISOString();
const state = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
};

/** A node process that lives until killed. */
function nodeChild(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

/**
 * A process killed with SIGKILL whose parent never reaps it: `sh` starts it in the background
 * and then becomes `sleep`, which never waits for children.
 */
function zombie(): number {
  const parent = spawn('sh', ['-c', 'sleep 60 & echo $!; exec sleep 60'], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(parent);
  const pid = Number(spawnSync('sh', ['-c', `until [ -n "$(cat /proc/${parent.pid}/task/${parent.pid}/children 2>/dev/null)" ]; do sleep 0.05; done; cat /proc/${parent.pid}/task/${parent.pid}/children`], { encoding: 'utf8' }).stdout.trim().split(' ')[0]);
  process.kill(pid, 'SIGKILL');
  spawnSync('sh', ['-c', `until grep -q ') Z' /proc/${pid}/stat; do sleep 0.05; done`]);
  return pid;
}

describe.runIf(linux)('holderIsAlive', () => {
  it('a running node process that took the lock before now holds it', () => {
    const child = nodeChild();
    expect(holderIsAlive({ pid: child.pid!, startedAt: new Date(Date.now() + 5_000).toISOString() })).toBe(true);
  });

  it('a zombie does not, although kill(pid, 0) still finds it', () => {
    const pid = zombie();
    expect(state(pid)).toBe('Z');
    expect(() => process.kill(pid, 0)).not.toThrow();
    expect(holderIsAlive({ pid, startedAt: longAgo() })).toBe(false);
  });

  it('a live process that is not node (the pid was reused) does not', () => {
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    children.push(sleeper);
    expect(holderIsAlive({ pid: sleeper.pid!, startedAt: new Date(Date.now() + 5_000).toISOString() })).toBe(false);
  });

  it('a node process started after the lock was written does not (the pid was reused)', () => {
    const child = nodeChild();
    expect(holderIsAlive({ pid: child.pid!, startedAt: longAgo() })).toBe(false);
  });

  it('a process that has gone does not', () => {
    const pid = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    expect(holderIsAlive({ pid, startedAt: longAgo() })).toBe(false);
  });
});

describe.runIf(linux)('lockDataDir', () => {
  const writeLock = (path: string, pid: number, startedAt: string) =>
    writeFileSync(path, JSON.stringify({ pid, hostname: hostname(), command: 'circulo serve (test)', startedAt }));

  it('takes over a lock left by a killed server that is not reaped yet', () => {
    const lock = join(dir, 'zombie.lock');
    writeLock(lock, zombie(), longAgo());
    const release = lockDataDir(lock, 'test', { waitForExitMs: 0 });
    expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('waits for a holder that exits within the wait, then takes the lock', () => {
    const lock = join(dir, 'exiting.lock');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300)'], { stdio: 'ignore' });
    writeLock(lock, child.pid!, new Date(Date.now() + 5_000).toISOString());
    const release = lockDataDir(lock, 'test', { waitForExitMs: 20_000 });
    expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('refuses, naming it, a holder that stays', () => {
    const lock = join(dir, 'held.lock');
    const child = nodeChild();
    writeLock(lock, child.pid!, new Date(Date.now() + 5_000).toISOString());
    expect(() => lockDataDir(lock, 'test', { waitForExitMs: 200 })).toThrow(DataDirLockedError);
    expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(child.pid);
  });
});
