// Configuration comes from the environment only (docs/architecture.md#configuration), validated once at start-up.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
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
  /** Forces the Secure flag on cookies (it is set anyway when a trusted proxy says https). */
  CIRCULO_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /**
   * Which proxies' X-Forwarded-For / X-Forwarded-Proto to believe: off by default (the socket's
   * address is the client), `true` (any), a hop count, or addresses/CIDRs separated by commas.
   */
  CIRCULO_TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .transform((value, ctx): TrustProxy => {
      const parsed = parseTrustProxy(value);
      if (parsed === null) {
        ctx.addIssue({ code: 'custom', message: 'must be true, false, a hop count (1) or addresses/CIDRs separated by commas' });
        return z.NEVER;
      }
      return parsed;
    }),
  /** Where e-mail goes out (`smtp://user:pass@host:587`, `smtps://…:465`); unset: no e-mail. */
  CIRCULO_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The From of every e-mail, e.g. `Círculo <circulo@example.org>`. */
  CIRCULO_MAIL_FROM: z.string().trim().min(3).optional().or(z.literal('').transform(() => undefined)),
  /** The address people open Círculo at, for the links in e-mails (e.g. `https://circulo.example.org`). */
  CIRCULO_PUBLIC_URL: z
    .string()
    .url('must be a URL like https://circulo.example.org')
    .regex(/^https?:\/\//, 'must be an http:// or https:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Calendar subscriptions may fetch private, loopback and link-local addresses (a calendar server on your own network). */
  CIRCULO_ALLOW_PRIVATE_CALENDAR_URLS: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty` lines for a person, `json` for a log collector; default: pretty on a terminal. */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  secureCookies: boolean;
  trustProxy: TrustProxy;
  logLevel: string;
  logFormat: 'pretty' | 'json';
  /** E-mail (README "E-mail"): nothing is sent without `smtpUrl`. */
  mail: MailConfig;
  /** CIRCULO_ALLOW_PRIVATE_CALENDAR_URLS (README "Calendar subscriptions"). */
  allowPrivateCalendarUrls: boolean;
  /** CIRCULO_PUBLIC_URL as set (no trailing slash): the address "Connect your phone" shows. */
  publicUrl: string | undefined;
}

export interface MailConfig {
  smtpUrl: string | undefined;
  from: string;
  /** Links in e-mails start here; without CIRCULO_PUBLIC_URL, the address the server listens on. */
  publicUrl: string;
}

/** What Fastify's `trustProxy` accepts: off, any proxy, a hop count, or addresses/CIDRs. */
export type TrustProxy = boolean | number | string[];

/** `CIRCULO_TRUST_PROXY` as Fastify's `trustProxy`; null when it is none of the accepted forms. */
export function parseTrustProxy(raw: string): TrustProxy | null {
  const value = raw.trim();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  const valid = entries.every((entry) => {
    const [address, bits, ...rest] = entry.split('/');
    if (!address || rest.length > 0) return false;
    const family = isIP(address);
    if (family === 0) return false;
    if (bits === undefined) return true;
    return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
  });
  return valid ? entries : null;
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
    trustProxy: e.CIRCULO_TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
    allowPrivateCalendarUrls: e.CIRCULO_ALLOW_PRIVATE_CALENDAR_URLS === 'true',
    mail: {
      smtpUrl: e.CIRCULO_SMTP_URL,
      from: e.CIRCULO_MAIL_FROM ?? 'Círculo <circulo@localhost>',
      publicUrl: (e.CIRCULO_PUBLIC_URL ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    },
    publicUrl: e.CIRCULO_PUBLIC_URL?.replace(/\/+$/, ''),
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
