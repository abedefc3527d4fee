// The `circulo` command as a user runs it: a real process on a throwaway database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCirculo } from '../support/cli.js';
import { throwawayDatabaseEnv } from '../support/harness.js';

let env: Record<string, string>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ env, cleanup } = await throwawayDatabaseEnv());
});
afterAll(() => cleanup());

const circulo = (args: string[], extra: Record<string, string> = {}) => runCirculo(args, { ...env, ...extra });

const SLOW = 240_000;

describe('circulo CLI', () => {
  // Each command is a process that opens the database: seconds each on a busy machine.
  it('creates a user, then shows Today and the weekly review, as text and JSON', async () => {
    const created = await circulo(['user', 'create', '--email', 'cli@example.com', '--name', 'Carla López', '--time-zone', 'Europe/Madrid', '--language', 'es', '--json'], {
      CIRCULO_PASSWORD: 'a long enough password',
    });
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ email: 'cli@example.com', name: 'Carla López' });

    const today = await circulo(['today', '--json']);
    expect(today.code, today.stderr).toBe(0);
    expect(JSON.parse(today.stdout)).toMatchObject({ overdue: [], dueToday: [], keepInTouch: [], week: { newContacts: { count: 0, target: 3 } } });

    const text = await circulo(['today']);
    expect(text.stdout).toContain('Hoy,');
    expect(text.stdout).toContain('Esta semana');

    const review = await circulo(['review', '--week', '2026-W47', '--json']);
    expect(review.code, review.stderr).toBe(0);
    expect(JSON.parse(review.stdout)).toMatchObject({ week: '2026-W47', startsOn: '2026-11-16', history: expect.any(Array) });
  }, SLOW);

  it('fails with a clear message and a non-zero exit code on bad input', async () => {
    const badWeek = await circulo(['review', '--week', '2025-W53']);
    expect(badWeek.code).not.toBe(0);
    expect(badWeek.stderr).toContain('--week');
    const duplicate = await circulo(['user', 'create', '--email', 'cli@example.com', '--name', 'Again'], { CIRCULO_PASSWORD: 'a long enough password' });
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toContain('already exists');
    const weak = await circulo(['user', 'create', '--email', 'x@example.com', '--name', 'X'], { CIRCULO_PASSWORD: 'short' });
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toContain('password');
    const unknownUser = await circulo(['today', '--email', 'nobody@example.com']);
    expect(unknownUser.code).not.toBe(0);
    expect(unknownUser.stderr).toContain('nobody@example.com');
  }, SLOW);

  it('refuses an unreachable DATABASE_URL clearly', async () => {
    const result = await circulo(['today'], { DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Cannot reach the PostgreSQL server');
    expect(result.stderr).not.toContain('secret');
  });
});
