// The embedded database: PGlite (PostgreSQL in WebAssembly) in a directory of its own.
// Its known weak spots on Node (see README "Durability") are handled here: an exclusive lock,
// creation in a temporary directory renamed into place, and a snapshot of the last good state.
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { lockDataDir } from './data-dir-lock.js';
import { markTransactions } from './prepared.js';

export interface EmbeddedPaths {
  root: string;
  pgdata: string;
  snapshot: string;
  lock: string;
}

export function embeddedPaths(dataDir: string): EmbeddedPaths {
  return {
    root: dataDir,
    pgdata: join(dataDir, 'pgdata'),
    snapshot: join(dataDir, 'snapshots', 'last-good'),
    lock: join(dataDir, 'circulo.lock'),
  };
}

const extensions = { pg_trgm, unaccent };

// Durability, as measured (README "Durability", tests/durability): on Node, PGlite's NodeFS is
// Emscripten's NODEFS, which passes every write() straight to fs.writeSync on the real file.
// PostgreSQL writes the WAL up to the commit record before a COMMIT returns, so a write the API
// acknowledged is in the kernel's page cache and survives kill -9 / OOM-kill of this process
// (hundreds of kill -9 cycles, no acknowledged write lost, WAL replay on every reopen). PGlite's
// `relaxedDurability` and `syncToFs` do not apply here: they batch copies from an in-memory FS
// to IndexedDB/OPFS; NodeFS's syncToFs is a no-op. What is NOT guaranteed is surviving a power
// loss or kernel crash: PGlite starts PostgreSQL with -F (fsync=off), and NODEFS has no fsync.
// The snapshot below is the answer to that, and it is old: the state of the last clean stop.
type Log = (message: string) => void;

/**
 * PostgreSQL settings for the embedded database, passed at every start (measured with the
 * heavy user, README "Performance"):
 * - `shared_buffers` 64 MB instead of initdb's 128 MB. PGlite's shared memory is zero-filled
 *   WebAssembly memory, resident from the first moment and never given back (WebAssembly memory
 *   only grows): 128 MB cost ~90 MiB more resident memory than 64 MB, for the same server CPU
 *   per screen. 32 MB saved ~40 MiB more but cost the busiest contact's page and Today 15–30 %
 *   more CPU (pages re-read from the kernel's page cache through NODEFS).
 */
export const embeddedSettings: Readonly<Record<string, string>> = {
  shared_buffers: '64MB',
};

const startParams = [...PGlite.defaultStartParams, ...Object.entries(embeddedSettings).flatMap(([name, value]) => ['-c', `${name}=${value}`])];

async function create(dir: string): Promise<PGlite> {
  const pg = await PGlite.create({ dataDir: dir, extensions, startParams });
  markTransactions(pg); // db/prepared.ts
  return pg;
}

/** Initialises a new cluster aside and moves it into place only once it is complete. */
async function initialise(paths: EmbeddedPaths, log: Log): Promise<void> {
  const pending = `${paths.pgdata}.initialising`;
  rmSync(pending, { recursive: true, force: true });
  log('Creating a new embedded database (first start, a few seconds)…');
  const pg = await create(pending);
  await pg.close();
  renameSync(pending, paths.pgdata);
}

const WAL_SEGMENT = /^([0-9A-F]{8})([0-9A-F]{16})$/;

/**
 * After a clean stop, removes the WAL segments PostgreSQL keeps ready for future writes (it
 * renames old segments to future names instead of deleting them, up to `max_wal_size`, 1 GB:
 * after the heavy user's load, 27 segments of 16 MiB, 433 MiB, against 255 MiB of data). A
 * cleanly shut down cluster needs only the segment holding its shutdown checkpoint; a missing
 * future segment is simply created when the WAL reaches it. Nothing is removed unless
 * `global/pg_control` says the cluster was shut down and its checkpoint's segment is there, so
 * a cluster that did not stop cleanly keeps every segment for its recovery.
 *
 * pg_control layout (PostgreSQL's `ControlFileData`, unchanged since 9.x): system identifier
 * (8 bytes), version (4), catalog version (4), state (4, `DB_SHUTDOWNED` = 1), padding (4),
 * time (8), then the last checkpoint's LSN (8) at byte 32. Little-endian in WebAssembly.
 */
export function pruneRecycledWal(pgdata: string): number {
  const control = readFileSync(join(pgdata, 'global', 'pg_control'));
  const DB_SHUTDOWNED = 1;
  if (control.length < 40 || control.readUInt32LE(16) !== DB_SHUTDOWNED) return 0;
  const checkpoint = control.readBigUInt64LE(32);
  const walDir = join(pgdata, 'pg_wal');
  const segments = readdirSync(walDir).filter((name) => WAL_SEGMENT.test(name));
  const segmentBytes = 16n * 1024n * 1024n;
  const segmentsPerId = 0x1_0000_0000n / segmentBytes;
  const number = checkpoint / segmentBytes;
  const position = `${(number / segmentsPerId).toString(16).padStart(8, '0')}${(number % segmentsPerId).toString(16).padStart(8, '0')}`.toUpperCase();
  // The checkpoint's own segment must be there (with the 16 MiB segments of a default cluster),
  // or something is not as expected: then keep everything.
  if (!segments.some((name) => name.slice(8) === position)) return 0;
  let removed = 0;
  for (const name of segments) {
    if (name.slice(8) > position) {
      rmSync(join(walDir, name));
      removed++;
    }
  }
  return removed;
}

/** When the snapshot beside it was taken (written last, removed first: see takeSnapshot). */
const takenAtFile = (paths: EmbeddedPaths) => `${paths.snapshot}.taken-at`;

/**
 * A file this much older than the previous snapshot, with the same size and modification time
 * there and here, was not written since: PostgreSQL writing it later would have given it a
 * later time, even on a file system that keeps times to the second or two.
 */
const UNCHANGED_SLACK_MS = 5_000;

/**
 * Copies the closed database to the snapshot folder (atomically, via a rename). Files not written
 * since the previous snapshot (same size and modification time, kept by the copy, and older than
 * that snapshot by UNCHANGED_SLACK_MS) are hard-linked from it instead of copied, as rsync's quick
 * check would skip them: an import that changes nothing then copies a few files instead of the
 * whole database (the heavy user's: 270–320 MiB, ~3 s of CPU to copy and to delete the old
 * copy). A snapshot is never written in place (restoring copies it), so the links are safe.
 */
export function takeSnapshot(paths: EmbeddedPaths): void {
  const pending = `${paths.snapshot}.pending`;
  rmSync(pending, { recursive: true, force: true });
  mkdirSync(join(paths.snapshot, '..'), { recursive: true });
  const previousTakenAt = readTakenAt(paths);
  rmSync(takenAtFile(paths), { force: true });
  const takenAt = Date.now();
  const previous = previousTakenAt !== null && existsSync(join(paths.snapshot, 'PG_VERSION')) ? { dir: paths.snapshot, before: previousTakenAt - UNCHANGED_SLACK_MS } : null;
  copyTree(paths.pgdata, pending, previous);
  rmSync(paths.snapshot, { recursive: true, force: true });
  renameSync(pending, paths.snapshot);
  writeFileSync(takenAtFile(paths), String(takenAt));
}

function readTakenAt(paths: EmbeddedPaths): number | null {
  try {
    const value = Number(readFileSync(takenAtFile(paths), 'utf8'));
    return Number.isFinite(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

function copyTree(from: string, to: string, previous: { dir: string; before: number } | null): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      copyTree(source, target, previous && { dir: join(previous.dir, entry.name), before: previous.before });
    } else if (entry.isFile()) {
      const stat = statSync(source);
      if (previous && linkUnchanged(stat, join(previous.dir, entry.name), target, previous.before)) continue;
      copyFileSync(source, target);
      utimesSync(target, stat.atime, stat.mtime);
    } else {
      cpSync(source, target, { recursive: true });
    }
  }
}

function linkUnchanged(stat: Stats, old: string, target: string, before: number): boolean {
  try {
    const kept = statSync(old);
    // utimes keeps the time to the millisecond: a difference below that is the same time.
    if (kept.size !== stat.size || Math.abs(kept.mtimeMs - stat.mtimeMs) >= 1 || stat.mtimeMs >= before) return false;
    linkSync(old, target);
    return true;
  } catch {
    return false;
  }
}

async function restoreFromSnapshot(paths: EmbeddedPaths, cause: unknown, log: Log): Promise<PGlite> {
  if (!existsSync(paths.snapshot)) throw cause;
  const aside = `${paths.pgdata}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  log(
    `The embedded database could not be opened (${String(cause)}). ` +
      `Moving it to ${aside} and restoring the last good snapshot.`,
  );
  renameSync(paths.pgdata, aside);
  copySnapshotIntoPlace(paths);
  return create(paths.pgdata);
}

/** Copied aside and renamed into place, like a new database: a crash during the copy must not
 * leave a half directory that looks like a database (PG_VERSION is among the first files). */
function copySnapshotIntoPlace(paths: EmbeddedPaths): void {
  const pending = `${paths.pgdata}.initialising`;
  rmSync(pending, { recursive: true, force: true });
  cpSync(paths.snapshot, pending, { recursive: true });
  renameSync(pending, paths.pgdata);
}

export interface EmbeddedDatabase {
  client: PGlite;
  paths: EmbeddedPaths;
  /** CHECKPOINT, close, snapshot the clean state, release the lock. */
  close(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Keep a copy of the cleanly closed database to recover from (off for throwaway test databases). */
  snapshots?: boolean;
}

export async function openEmbedded(dataDir: string, command: string, log: Log, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const paths = embeddedPaths(dataDir);
  mkdirSync(paths.root, { recursive: true });
  const release = lockDataDir(paths.lock, command);
  try {
    // Leftovers of an interrupted first start are never a database.
    for (const name of readdirSync(paths.root)) {
      if (name.endsWith('.initialising')) rmSync(join(paths.root, name), { recursive: true, force: true });
    }
    if (!existsSync(join(paths.pgdata, 'PG_VERSION'))) {
      rmSync(paths.pgdata, { recursive: true, force: true });
      if (existsSync(join(paths.snapshot, 'PG_VERSION'))) {
        // No database but a snapshot: a restore was interrupted (pgdata already moved aside).
        // Starting empty would look like every contact vanished; the snapshot is the better guess.
        log(`The embedded database ${paths.pgdata} is missing; restoring the last good snapshot.`);
        copySnapshotIntoPlace(paths);
      } else {
        await initialise(paths, log);
      }
    }
    let client: PGlite | undefined;
    try {
      client = await create(paths.pgdata);
      await client.query('SELECT 1');
    } catch (error) {
      // An instance that opened but cannot answer still holds the files: let go of them first.
      await client?.close().catch(() => {});
      client = await restoreFromSnapshot(paths, error, log);
    }
    const opened = client;
    let closed = false;
    return {
      client: opened,
      paths,
      async close() {
        if (closed) return;
        closed = true;
        try {
          await opened.query('CHECKPOINT');
          await opened.close();
          pruneRecycledWal(paths.pgdata);
          if (options.snapshots !== false) takeSnapshot(paths);
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
