// Starts a server for browser tests on a fresh embedded database in a temporary directory.
import { spawn, execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = process.argv[2] ?? '3100';
execSync('node scripts/build-web-if-needed.mjs', { stdio: 'inherit' });
const dataDir = mkdtempSync(join(tmpdir(), `circulo-e2e-${port}-`));
const child = spawn(process.execPath, ['bin/circulo.mjs', 'serve'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: port, HOST: '127.0.0.1', CIRCULO_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
});
// Playwright stops its servers by signalling this process group (playwright.config.ts,
// gracefulShutdown): the data is throwaway, so the server is stopped outright and its directory
// removed below. Without the signal (Playwright's default is SIGKILL for the group) every run left
// each server's ~40 MB directory in the temporary folder.
const stop = () => child.kill('SIGKILL');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
