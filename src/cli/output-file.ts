// Where an export goes: a file, written whole or not at all (a half-written backup that looks
// complete is worse than none), or standard output.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export async function writeOut(source: Readable, path: string | undefined): Promise<void> {
  if (!path || path === '-') {
    // Not pipeline(): it would end the process's stdout.
    for await (const chunk of source) {
      if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
    return;
  }
  const partial = `${path}.partial-${process.pid}`;
  try {
    await pipeline(source, createWriteStream(partial));
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
