// The server and CLI prebuilt as JavaScript (main.mjs and its chunks), so a start does not compile TypeScript.
// Measured on the heavy user's machine (README "Performance"): loading the server's modules
// through tsx's loader costs ~1.2 s of CPU and ~85 MiB of resident memory (a loader thread, the
// per-module hooks); the same modules bundled by esbuild load in ~0.45 s and ~0 MiB extra. npm
// packages stay outside the bundle (`packages: 'external'`), loaded from node_modules as usual.
// bin/circulo.mjs uses the bundle only when it is newer than every source file, else tsx, so
// an edited source is never shadowed by an old bundle.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Three folders deep like src/server/db/database.ts and src/server/http/app.ts, whose
// `new URL('../../../migrations', import.meta.url)` and `../../../dist/web` then still point
// at the repository's folders from inside the bundle.
export const serverBundle = join(root, 'dist', 'server', 'cli', 'main.mjs');
const sources = ['src', 'package.json', 'tsconfig.json'].map((path) => join(root, path));

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** The bundle's path when it exists and is newer than every source, else null. */
export function freshServerBundle() {
  if (!existsSync(serverBundle)) return null;
  const built = statSync(serverBundle).mtimeMs;
  return sources.filter(existsSync).every((path) => newestMtime(path) <= built) ? serverBundle : null;
}

/**
 * Builds the bundle (esbuild): `main.mjs` and the chunks it loads when a command runs (src/cli/main.ts
 * loads each command's module lazily, so `circulo import` never loads the web server's packages).
 * The chunks sit beside it, three folders deep too. `outfile` (tests) must also be three folders
 * below the repository; its folder holds only the build and is emptied first (old chunks go).
 */
export async function buildServerBundle(outfile = serverBundle) {
  const { build } = await import('esbuild');
  const outdir = dirname(outfile);
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { [basename(outfile, '.mjs')]: join(root, 'src', 'cli', 'main.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: '[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Error classes keep their names (messages and logs print them).
    keepNames: true,
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

// `node scripts/server-bundle.mjs [--if-needed]`
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!process.argv.includes('--if-needed') || !freshServerBundle()) {
    console.error('Building the server…');
    await buildServerBundle();
  }
}
