// takeSnapshot() hard-links the files a clean stop did not write since the previous snapshot and
// copies the others (embedded.ts says why). A changed file must never be linked: not when its size
// changed, not when only its content did, and not when it kept its old modification time because
// it was written just after the previous snapshot (a file system that keeps times to the second).
import { mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedPaths, takeSnapshot } from '../../src/server/db/embedded.js';
import { tempDataDir } from './support.js';

describe('a snapshot after a previous one', () => {
  const dataDir = tempDataDir('snapshot-links');
  const paths = embeddedPaths(dataDir);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const write = (name: string, text: string, mtime?: Date) => {
    const file = join(paths.pgdata, name);
    writeFileSync(file, text);
    if (mtime) utimesSync(file, mtime, mtime);
  };
  const snapshotFile = (name: string) => join(paths.snapshot, name);

  it('links what was not written since and copies the rest', () => {
    mkdirSync(join(paths.pgdata, 'base', '5'), { recursive: true });
    const hourAgo = new Date(Date.now() - 3_600_000);
    write('PG_VERSION', '17\n', hourAgo);
    write('base/5/old', 'untouched relation', hourAgo);
    write('base/5/same-size', 'aaaa', hourAgo);
    write('base/5/grown', 'short', hourAgo);
    write('base/5/just-written', 'bbbb');
    takeSnapshot(paths);
    const inode = (name: string) => statSync(snapshotFile(name)).ino;
    const before = { old: inode('base/5/old'), sameSize: inode('base/5/same-size'), justWritten: inode('base/5/just-written') };

    write('base/5/same-size', 'cccc'); // same size, new time
    write('base/5/grown', 'much longer now', hourAgo); // same (old) time, new size
    // Written again right after the snapshot and within the same tick of a coarse clock: same
    // size and the very same modification time as the copy in the snapshot.
    const justWrittenTime = statSync(join(paths.pgdata, 'base/5/just-written')).mtime;
    write('base/5/just-written', 'dddd', justWrittenTime);
    write('base/5/new', 'a new relation');
    takeSnapshot(paths);

    expect(inode('base/5/old')).toBe(before.old);
    expect(readFileSync(snapshotFile('base/5/old'), 'utf8')).toBe('untouched relation');
    expect(inode('base/5/same-size')).not.toBe(before.sameSize);
    expect(readFileSync(snapshotFile('base/5/same-size'), 'utf8')).toBe('cccc');
    expect(readFileSync(snapshotFile('base/5/grown'), 'utf8')).toBe('much longer now');
    expect(inode('base/5/just-written')).not.toBe(before.justWritten);
    expect(readFileSync(snapshotFile('base/5/just-written'), 'utf8')).toBe('dddd');
    expect(readFileSync(snapshotFile('base/5/new'), 'utf8')).toBe('a new relation');
    // A linked file is not the data directory's: writing the database never writes the snapshot.
    expect(inode('base/5/old')).not.toBe(statSync(join(paths.pgdata, 'base/5/old')).ino);
  });

  it('copies everything when it does not know when the previous snapshot was taken', () => {
    const before = statSync(snapshotFile('base/5/old')).ino;
    rmSync(`${paths.snapshot}.taken-at`);
    takeSnapshot(paths);
    expect(statSync(snapshotFile('base/5/old')).ino).not.toBe(before);
    expect(readFileSync(snapshotFile('base/5/old'), 'utf8')).toBe('untouched relation');
  });
});
