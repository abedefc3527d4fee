// PGlite takes no lock on its data directory, and two processes writing to it corrupt it
// (electric-sql/pglite#1106). We take an exclusive lock file holding our pid before opening.
// Hand-written because the lock must be checked for liveness by pid (a crashed server must not
// block the next start) and must name the process holding it; proper-lockfile's mtime-based
// staleness does neither.
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The data directory is in use by process ${holder.pid} (${holder.command}, started ${holder.startedAt}).\n` +
        `Stop that process first (e.g. \`kill ${holder.pid}\`), or, for the CLI, run the command against that server ` +
        `through its HTTP API with an API token. Opening the embedded database twice would corrupt it.\n` +
        `If you are sure no Círculo process uses this directory (e.g. it was copied from ${holder.hostname}), delete ${lockPath}.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface LockInfo {
  pid: number;
  hostname: string;
  command: string;
  startedAt: string;
}

/** How long a new opener waits for a holder that may be exiting (killed, stopping) before refusing. */
export const HOLDER_EXIT_WAIT_MS = 3_000;
const POLL_MS = 100;

/**
 * Whether the process a lock names still holds it. A pid answering `kill(pid, 0)` is not enough:
 * after `kill -9` the process stays a zombie until its parent reaps it, and a pid can be reused
 * by an unrelated process. On Linux /proc tells: a zombie (or dead) process, one that is not
 * node, or one that started after the lock was taken, is not the holder.
 */
export function holderIsAlive(holder: Pick<LockInfo, 'pid' | 'startedAt'>, procRoot = '/proc'): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = readProc(`${procRoot}/${holder.pid}/stat`);
  if (stat === null) return true; // no /proc (not Linux): kill(pid, 0) is all there is
  // "pid (comm) state ppid … starttime …": comm may hold spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  if (state === 'Z' || state === 'X' || state === 'x') return false;
  const cmdline = readProc(`${procRoot}/${holder.pid}/cmdline`);
  if (cmdline !== null && !/node|circulo|tsx/i.test(cmdline)) return false;
  const started = processStartMs(fields[19], procRoot);
  const lockedAt = Date.parse(holder.startedAt);
  // Started after the lock was written: another process got the pid. (1 s for tick rounding.)
  if (started !== null && Number.isFinite(lockedAt) && started > lockedAt + 1_000) return false;
  return true;
}

function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return null;
  }
}

/** A process's start time from its /proc stat field (clock ticks since boot, 100 a second). */
function processStartMs(ticks: string | undefined, procRoot: string): number | null {
  const bootLine = readProc(`${procRoot}/stat`)?.split('\n').find((line) => line.startsWith('btime '));
  if (!ticks || !bootLine || !/^\d+$/.test(ticks)) return null;
  return Number(bootLine.slice(6)) * 1000 + Number(ticks) * 10;
}

/** Blocks this thread for `ms` (the lock is taken synchronously, once, at start-up). */
function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Whether `holder` still holds the lock, giving a holder that is exiting a few seconds to go. */
function holderStaysAlive(holder: LockInfo, waitMs: number): boolean {
  const until = Date.now() + waitMs;
  while (holderIsAlive(holder)) {
    if (Date.now() >= until) return true;
    sleepSync(POLL_MS);
  }
  return false;
}

function readLock(lockPath: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/** Lock files this process holds: a lock naming our own pid that is not in here is stale. */
const heldByThisProcess = new Set<string>();

/** Takes the lock or throws `DataDirLockedError`; returns the function that releases it. */
export function lockDataDir(lockPath: string, command: string, options: { waitForExitMs?: number } = {}): () => void {
  const key = resolve(lockPath);
  const me: LockInfo = {
    pid: process.pid,
    hostname: hostname(),
    command,
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // Written aside then hard-linked: the lock appears atomically, never half-written.
      const pending = `${lockPath}.${process.pid}`;
      writeFileSync(pending, JSON.stringify(me));
      try {
        linkSync(pending, lockPath);
      } finally {
        rmSync(pending, { force: true });
      }
      heldByThisProcess.add(key);
      return () => {
        if (!heldByThisProcess.delete(key)) return;
        if (readLock(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(lockPath);
      // Our own pid in a lock we do not hold is a previous run that got the same pid: a container
      // restarted after a crash gives the server the same pid (often 1) every time.
      const stale =
        !holder ||
        (holder.hostname === me.hostname && (holder.pid === process.pid ? !heldByThisProcess.has(key) : !holderStaysAlive(holder, options.waitForExitMs ?? HOLDER_EXIT_WAIT_MS)));
      if (!stale) throw new DataDirLockedError(lockPath, holder);
      // A crashed process left it behind: take it over. Moved aside rather than deleted, so that
      // when another opener took it over a moment ago we notice (not the lock we judged stale)
      // and give its lock back instead of both going ahead.
      const aside = `${lockPath}.stale-${process.pid}`;
      try {
        renameSync(lockPath, aside);
      } catch (renameError) {
        if ((renameError as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw renameError;
      }
      const moved = readLock(aside);
      if (moved && (moved.pid !== holder?.pid || moved.startedAt !== holder.startedAt)) {
        try {
          linkSync(aside, lockPath);
        } catch {
          // A third opener holds it by now: the next attempt sees whoever it is.
        }
      }
      rmSync(aside, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
