// The prebuilt server (scripts/server-bundle.mjs) is the same program: built aside, it runs a
// command that creates and migrates a database, which also proves the bundle finds the
// repository's migrations folder from where it lives.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServerBundle } from '../../scripts/server-bundle.mjs';
import { tempDataDir } from './support.js';

const root = join(import.meta.dirname, '..', '..');
// Three folders below the repository, like the real bundle (dist/server/cli/main.mjs).
const outfile = join(root, 'dist', 'test-server', 'cli', 'main.mjs');
const dataDir = tempDataDir('bundle');

afterAll(() => {
  rmSync(join(root, 'dist', 'test-server'), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the server bundle', () => {
  it('runs the CLI on a new database, migrations included', async () => {
    await buildServerBundle(outfile);
    const env: NodeJS.ProcessEnv = { ...process.env, CIRCULO_DATA_DIR: dataDir, CIRCULO_PASSWORD: 'bundle password 1234', LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    const run = (args: string[]) => spawnSync(process.execPath, [outfile, ...args], { cwd: root, env, encoding: 'utf8' });
    const created = run(['user', 'create', '--email', 'bundle@example.org', '--name', 'Bundle', '--json']);
    expect(created.stderr).not.toMatch(/error/i);
    expect(created.status).toBe(0);
    const listed = run(['user', 'list', '--json']);
    expect(listed.status).toBe(0);
    expect(JSON.stringify(JSON.parse(listed.stdout))).toContain('bundle@example.org');
  });
});
