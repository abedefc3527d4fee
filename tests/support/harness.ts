// Builds a real server on a throwaway database for one test file: PGlite copied from the
// template, or a fresh database on the PostgreSQL server of TEST_DATABASE_URL.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type BuildOptions } from '../../src/server/http/app.js';
import type { App } from '../../src/server/http/context.js';
import type { InputLimits } from '../../src/server/http/limits.js';
import { openDatabase, type Database } from '../../src/server/db/database.js';
import type { MailConfig } from '../../src/server/config.js';
import { createMailer } from '../../src/server/features/email/mailer.js';
import type { CalendarFetchOptions } from '../../src/server/features/calendar-import/fetch-calendar.js';

/** The CIRCULO_SECRET of every test server (unsubscribe links are signed with it). */
export const TEST_SECRET = 'test-secret-test-secret-test-secret';


export interface TestServer {
  app: App;
  database: Database;
  /** The PostgreSQL database's URL (on PostgreSQL only), for a second process on the same data. */
  databaseUrl: string | null;
  /** Moves the server's clock; `null` goes back to the real one. */
  setNow(now: Date | null): void;
  /** The server's clock: what it takes as now (the fixed day, or the real time). */
  now(): Date;
  close(): Promise<void>;
}

/** A new, empty database on the PostgreSQL server of `url`, and how to drop it. */
export async function freshPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `circulo_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        // pool.end() resolves before its connections have closed: a plain DROP waits (up to 5 s)
        // for them to go. WITH (FORCE) at once would kill them mid-goodbye, and the closing client
        // throws "terminating connection due to administrator command" with nobody listening.
        await c.query(`DROP DATABASE IF EXISTS ${name}`);
      } catch (error) {
        if ((error as { code?: string }).code !== '55006') throw error;
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Environment for a process (the CLI) to run on a throwaway database of the current kind. */
export async function throwawayDatabaseEnv(): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'circulo-cli-'));
  if (process.env.CIRCULO_TEST_DB === 'postgres') {
    const fresh = await freshPostgres(process.env.TEST_DATABASE_URL!);
    return {
      env: { DATABASE_URL: fresh.url, CIRCULO_DATA_DIR: dir },
      cleanup: async () => {
        await fresh.drop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  cpSync(inject('templateDir'), dir, { recursive: true });
  return { env: { DATABASE_URL: '', CIRCULO_DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestServerOptions {
  /** Body caps other than the defaults (src/server/http/limits.ts). */
  limits?: Partial<InputLimits>;
  /** Receives the server's log lines (at level info) instead of silencing them. */
  logStream?: { write(line: string): void };
  /** Serve this folder as the web app (default none). */
  webRoot?: string;
  /** As when served over HTTPS (CIRCULO_SECURE_COOKIES=true). */
  https?: boolean;
  /** Whose forwarded headers to believe (CIRCULO_TRUST_PROXY); nobody's by default. */
  trustProxy?: BuildOptions['trustProxy'];
  /** How calendar subscriptions fetch; the object is kept, so a test may change it between requests. */
  calendarFetch?: CalendarFetchOptions;
  /** E-mail, as CIRCULO_SMTP_URL / CIRCULO_MAIL_FROM / CIRCULO_PUBLIC_URL would set it. */
  mail?: MailConfig;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  let clock: Date | null = null;
  let database: Database;
  let cleanup: () => Promise<void>;
  let databaseUrl: string | null = null;
  if (process.env.CIRCULO_TEST_DB === 'postgres') {
    const fresh = await freshPostgres(process.env.TEST_DATABASE_URL!);
    databaseUrl = fresh.url;
    database = await openDatabase({ databaseUrl: fresh.url, dataDir: tmpdir(), command: 'test' });
    cleanup = fresh.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'circulo-test-'));
    cpSync(inject('templateDir'), dir, { recursive: true });
    database = await openDatabase({ dataDir: dir, command: 'test', snapshots: false, log: () => {} });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const now = () => clock ?? new Date();
  const app = await buildApp({
    ctx: {
      db: database.db,
      secureCookies: options.https ?? false,
      now,
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.mail ? { mailer: createMailer(options.mail) } : {}),
      ...(options.calendarFetch ? { calendarFetch: options.calendarFetch } : {}),
    },
    secret: TEST_SECRET,
    logLevel: options.logStream ? 'info' : 'silent',
    ...(options.logStream ? { logStream: options.logStream } : {}),
    webRoot: options.webRoot ?? null,
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
  });
  await app.ready();
  return {
    app,
    database,
    databaseUrl,
    setNow: (fixed) => {
      clock = fixed;
    },
    now,
    close: async () => {
      await app.close();
      await database.close();
      await cleanup();
    },
  };
}
