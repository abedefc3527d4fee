// Configuration comes from the environment only (SPEC §4), validated once at start-up.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  CIRCULO_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  CIRCULO_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Set behind a TLS-terminating proxy so cookies get the Secure flag. */
  CIRCULO_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  secureCookies: boolean;
  logLevel: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.CIRCULO_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    secureCookies: e.CIRCULO_SECURE_COOKIES === 'true',
    logLevel: e.LOG_LEVEL,
  };
}

/** Fails early, with the path in the message, when the data directory cannot be written. */
export function ensureWritableDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    const probe = join(dataDir, `.write-test-${process.pid}`);
    writeFileSync(probe, 'ok');
    readFileSync(probe);
    rmSync(probe, { force: true });
  } catch (error) {
    throw new ConfigError(
      `The data directory ${dataDir} is not writable (${(error as NodeJS.ErrnoException).code ?? error}). ` +
        `Set CIRCULO_DATA_DIR to a directory this user can write.`,
    );
  }
}

/** CIRCULO_SECRET, else a random one kept in the data directory so restarts keep it. */
export function loadSecret(env: NodeJS.ProcessEnv, dataDir: string): string {
  if (env.CIRCULO_SECRET) return env.CIRCULO_SECRET;
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
