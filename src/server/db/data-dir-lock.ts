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

interface LockInfo {
  pid: number;
  hostname: string;
  command: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
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
export function lockDataDir(lockPath: string, command: string): () => void {
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
        (holder.hostname === me.hostname && (holder.pid === process.pid ? !heldByThisProcess.has(key) : !isAlive(holder.pid)));
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
