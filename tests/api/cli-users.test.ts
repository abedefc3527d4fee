// `circulo user list | disable | enable` as an administrator runs them: real processes on a
// throwaway database, next to `circulo user create`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCirculo } from '../support/cli.js';
import { throwawayDatabaseEnv } from '../support/harness.js';

let env: Record<string, string>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ env, cleanup } = await throwawayDatabaseEnv());
});
afterAll(() => cleanup());

const circulo = (args: string[], extra: Record<string, string> = {}) => runCirculo(args, { ...env, CIRCULO_PASSWORD: 'a long enough password', ...extra });

const SLOW = 240_000;

describe('circulo user list, disable, enable', () => {
  it('lists users with the first as owner, disables and enables by e-mail, as text and JSON', async () => {
    const first = await circulo(['user', 'create', '--email', 'olga@example.com', '--name', 'Olga Dueña', '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ email: 'olga@example.com', isOwner: true });
    const second = await circulo(['user', 'create', '--email', 'pablo@example.com', '--name', 'Pablo Pérez', '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ email: 'pablo@example.com', isOwner: false });

    const disabled = await circulo(['user', 'disable', '--email', 'PABLO@example.com', '--json']);
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(JSON.parse(disabled.stdout)).toMatchObject({ email: 'pablo@example.com', status: 'disabled', disabledAt: expect.any(String) });

    const listed = await circulo(['user', 'list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { name: 'Olga Dueña', email: 'olga@example.com', isOwner: true, status: 'active' },
      { name: 'Pablo Pérez', email: 'pablo@example.com', isOwner: false, status: 'disabled' },
    ]);
    const text = await circulo(['user', 'list']);
    expect(text.stdout).toMatch(/Olga Dueña <olga@example.com>.*\(owner\)/);
    expect(text.stdout).toMatch(/Pablo Pérez <pablo@example.com>.*\(disabled \d{4}-\d\d-\d\d\)/);

    const enabled = await circulo(['user', 'enable', '--email', 'pablo@example.com']);
    expect(enabled.code, enabled.stderr).toBe(0);
    expect(enabled.stdout).toContain('Enabled Pablo Pérez');
    expect(JSON.parse((await circulo(['user', 'list', '--json'])).stdout)[1]).toMatchObject({ status: 'active', disabledAt: null });
  }, SLOW);

  it('refuses to disable the owner or an unknown e-mail, with a clear message and a non-zero exit', async () => {
    const owner = await circulo(['user', 'disable', '--email', 'olga@example.com']);
    expect(owner.code).not.toBe(0);
    expect(owner.stderr).toContain('owner cannot be disabled');
    const unknown = await circulo(['user', 'enable', '--email', 'nobody@example.com']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('nobody@example.com');
    const missing = await circulo(['user', 'disable']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('--email');
  }, SLOW);
});
