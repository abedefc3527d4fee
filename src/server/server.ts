// Starts Círculo: configuration, database (migrated), HTTP server, and a clean stop on signals.
import pretty from 'pino-pretty';
import { buildApp } from './http/app.js';
import type { App } from './http/context.js';
import { ensureWritableDataDir, loadConfig, loadSecret, type Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { createMailer } from './features/email/mailer.js';
import { createScheduler, type Scheduler } from './features/email/scheduler.js';
import { createCalendarScheduler, type CalendarScheduler } from './features/calendar-import/scheduler.js';
import { subscriptionDeps } from './features/calendar-import/routes.js';
import { secretBox } from './features/auth/secret-box.js';
import { periodicPass } from './periodic-pass.js';
import { unsubscribeSigner } from './features/email/unsubscribe.js';

/** How often a running server looks for tables to vacuum and analyze (db/database.ts, maintain). */
const DATABASE_MAINTENANCE_INTERVAL_MS = 60 * 60 * 1000;

export interface RunningServer {
  app: App;
  database: Database;
  url: string;
  /** Sends the scheduled e-mails; null without CIRCULO_SMTP_URL (README "E-mail"). */
  scheduler: Scheduler | null;
  /** Fetches the calendar subscriptions every hour (README "Calendar subscriptions"). */
  calendarScheduler: CalendarScheduler;
  stop(): Promise<void>;
}

export async function startServer(config: Config = loadConfig(), env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  ensureWritableDataDir(config.dataDir);
  const secret = loadSecret(env, config.dataDir);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    command: `circulo serve on ${config.host}:${config.port}`,
    // The VACUUM and ANALYZE a first start after an import needs (~2.3 s of CPU on the heavy
    // user) run once the server listens, a table at a time, instead of delaying it.
    maintenance: 'deferred',
  });
  let app: App;
  const now = () => new Date();
  const mailer = createMailer(config.mail);
  try {
    app = await buildApp({
      ctx: { db: database.db, secureCookies: config.secureCookies, now, mailer, calendarFetch: { allowPrivateAddresses: config.allowPrivateCalendarUrls }, ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}) },
      secret,
      logLevel: config.logLevel,
      // Written in-process (no transport worker): one line per request a person can read.
      ...(config.logFormat === 'pretty' ? { logStream: pretty({
              translateTime: 'SYS:HH:MM:ss',
              ignore: 'pid,hostname,reqId,req,res,responseTime',
              messageFormat: '{msg}{if req.method} {req.method} {req.url}{end}{if res.statusCode} → {res.statusCode}{end}',
              singleLine: true,
            }) } : {}),
      trustProxy: config.trustProxy,
    });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await database.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  app.log.info(`Círculo is running at ${url} (database: ${database.kind}, ${database.location})`);
  // PGlite has no autovacuum: what the open found due runs now that the server listens, and every
  // hour the tables are looked at again (db/database.ts). On PostgreSQL its own autovacuum does it.
  const upkeep = periodicPass('Database maintenance', () => database.maintain(), DATABASE_MAINTENANCE_INTERVAL_MS, app.log);
  upkeep.start();

  const scheduler = mailer.transport
    ? createScheduler({ db: database.db, now, mailer, unsubscribe: unsubscribeSigner(secret), log: app.log })
    : null;
  if (scheduler) {
    scheduler.start();
    app.log.info(`E-mail: daily digests and weekly reviews go out through ${new URL(config.mail.smtpUrl!).host}, with links to ${config.mail.publicUrl}`);
  } else {
    app.log.info('E-mail: off (set CIRCULO_SMTP_URL to send the daily digest and the weekly review)');
  }

  const calendarScheduler = createCalendarScheduler({
    ...subscriptionDeps({ db: database.db, now, calendarBox: secretBox(secret, 'calendar-subscriptions'), calendarFetch: { allowPrivateAddresses: config.allowPrivateCalendarUrls } }),
    log: app.log,
  });
  calendarScheduler.start();

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      // A pass in progress finishes its sends (and records them) before the database closes.
      await scheduler?.stop();
      await calendarScheduler.stop();
      // Its timer at once; a maintenance in flight ends between two tables when the database closes.
      const upkeepStopped = upkeep.stop();
      await app.close();
      mailer.transport?.close();
      await database.close();
      await upkeepStopped;
    })());
  return { app, database, url, scheduler, calendarScheduler, stop };
}

/** Stops cleanly on Ctrl-C / SIGTERM: the embedded database must CHECKPOINT and close. */
export function stopOnSignals(server: RunningServer) {
  const onSignal = (signal: NodeJS.Signals) => {
    server.app.log.info(`${signal} received, stopping…`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
