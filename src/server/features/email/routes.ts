// E-mail settings, the test e-mail, and the unsubscribe link (README "E-mail").
import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Language } from '#shared/enums.js';
import { EmailSettings, EmailSettingsPatch, EmailTestResult, UnsubscribeParams } from '#shared/schemas/email.js';
import { users } from '../../db/schema.js';
import { emailTexts } from '../../i18n/email.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { conflict } from '../../http/problems.js';
import { escapeHtml } from './layout.js';
import { lastSend, recipientColumns, sendTestEmail } from './sends.js';
import type { UnsubscribeScope } from './unsubscribe.js';

const tags = ['email'];
/** A send claimed this long ago and still `sending` was cut short (the process stopped). */
const INTERRUPTED_AFTER_MS = 10 * 60_000;

export function emailRoutes(app: App, ctx: AppContext) {
  const { db, now } = ctx;
  const configured = () => Boolean(ctx.mailer?.transport);

  async function settingsOf(accountId: string, userId: string): Promise<EmailSettings> {
    const [user] = await db
      .select({ daily: users.emailDaily, weekly: users.emailWeekly, hour: users.emailHour, whenEmpty: users.emailWhenEmpty })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.accountId, accountId)));
    const last = await lastSend(db, accountId, userId);
    return {
      ...user!,
      configured: configured(),
      lastSend: last && {
        kind: last.kind,
        localDate: last.localDate,
        status: last.status,
        interrupted: last.status === 'sending' && now().getTime() - last.claimedAt.getTime() > INTERRUPTED_AFTER_MS,
        attempts: last.attempts,
        at: (last.sentAt ?? last.claimedAt).toISOString(),
        error: last.error,
        retryAt: last.retryAt?.toISOString() ?? null,
      },
    };
  }

  app.get('/api/email/settings', {
    schema: { tags, summary: 'My e-mails: the daily digest and the weekly review, their hour, and how the last one went', response: { 200: EmailSettings } },
    handler: async (request) => {
      const { accountId, userId } = authOf(request);
      return settingsOf(accountId, userId);
    },
  });

  app.patch('/api/email/settings', {
    schema: { tags, summary: 'Turn my e-mails on or off, or change their hour', body: EmailSettingsPatch, response: { 200: EmailSettings } },
    handler: async (request) => {
      const { accountId, userId } = authOf(request);
      const b = request.body;
      const changes = {
        ...(b.daily !== undefined && { emailDaily: b.daily }),
        ...(b.weekly !== undefined && { emailWeekly: b.weekly }),
        ...(b.hour !== undefined && { emailHour: b.hour }),
        ...(b.whenEmpty !== undefined && { emailWhenEmpty: b.whenEmpty }),
      };
      if (Object.keys(changes).length > 0) await db.update(users).set(changes).where(and(eq(users.id, userId), eq(users.accountId, accountId)));
      return settingsOf(accountId, userId);
    },
  });

  app.post('/api/email/test', {
    schema: {
      tags,
      summary: 'Send me a test e-mail now. `sent: false` carries the mail server’s error; 409 when the server has no SMTP configured.',
      response: { 200: EmailTestResult },
    },
    handler: async (request) => {
      const { accountId, userId } = authOf(request);
      if (!ctx.mailer?.transport) throw conflict('No e-mail can be sent: the server has no CIRCULO_SMTP_URL.');
      const [recipient] = await db.select(recipientColumns).from(users).where(and(eq(users.id, userId), eq(users.accountId, accountId)));
      try {
        await sendTestEmail({ db, now, mailer: ctx.mailer, unsubscribe: ctx.unsubscribe, log: request.log }, recipient!);
        return { sent: true, error: null };
      } catch (error) {
        request.log.warn({ err: error }, 'test e-mail failed');
        return { sent: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  });

  // The unsubscribe link, without a login (its signed token is the key; public routes are rate
  // limited). GET only shows a button: mail scanners fetch links, and must not unsubscribe anyone.
  // POST unsubscribes: the button's form, and RFC 8058 one-click from the mail app
  // (`List-Unsubscribe=One-Click` as a form body, which is read and ignored).
  app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'], { parseAs: 'string', bodyLimit: 4096 }, (_request, _body, done) =>
      done(null, {}),
    );
    const html = z.string().describe('text/html');

    scope.get('/api/email/unsubscribe/:token', {
      config: { public: true },
      schema: { tags, summary: 'The unsubscribe page an e-mail links to: a button that unsubscribes (no login)', security: [], params: UnsubscribeParams, response: { 200: html, 404: html } },
      handler: async (request, reply) => {
        const found = await unsubscribeTarget(request.params.token);
        if (!found) return page(reply, 404, languageOf(request), null, emailTexts[languageOf(request)].unsubscribeInvalid);
        const t = emailTexts[found.language];
        return page(reply, 200, found.language, { question: t.unsubscribeQuestion(found.scope), button: t.unsubscribeButton, action: request.url }, null);
      },
    });

    scope.post('/api/email/unsubscribe/:token', {
      config: { public: true },
      schema: { tags, summary: 'Unsubscribe (one-click, RFC 8058; no login): the e-mail of the link stops', security: [], params: UnsubscribeParams, response: { 200: html, 404: html } },
      handler: async (request, reply) => {
        const found = await unsubscribeTarget(request.params.token);
        if (!found) return page(reply, 404, languageOf(request), null, emailTexts[languageOf(request)].unsubscribeInvalid);
        const off = {
          ...(found.scope !== 'weekly' && { emailDaily: false }),
          ...(found.scope !== 'daily' && { emailWeekly: false }),
        };
        await db.update(users).set(off).where(and(eq(users.id, found.userId), eq(users.accountId, found.accountId)));
        request.log.info(`E-mail: user ${found.userId} unsubscribed from ${found.scope}`);
        return page(reply, 200, found.language, null, emailTexts[found.language].unsubscribed(found.scope));
      },
    });
  });

  async function unsubscribeTarget(token: string): Promise<{ userId: string; accountId: string; language: Language; scope: UnsubscribeScope } | null> {
    const signed = ctx.unsubscribe.verify(token);
    if (!signed) return null;
    const [user] = await db.select({ accountId: users.accountId, language: users.language }).from(users).where(eq(users.id, signed.userId));
    return user ? { ...signed, ...user } : null;
  }
}

const languageOf = (request: FastifyRequest): Language => (/^es\b/i.test(String(request.headers['accept-language'] ?? '')) ? 'es' : 'en');

/** A small page in the user's language: the unsubscribe button, or what happened. */
function page(reply: FastifyReply, status: number, language: Language, form: { question: string; button: string; action: string } | null, message: string | null) {
  const t = emailTexts[language];
  const body = form
    ? `<p>${escapeHtml(form.question)}</p><form method="post" action="${escapeHtml(form.action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit" style="font-size:16px;padding:10px 18px;">${escapeHtml(form.button)}</button></form>`
    : `<p role="status">${escapeHtml(message ?? '')}</p>`;
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(
      `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(t.unsubscribePageTitle)}</title></head>` +
        `<body style="font-family:system-ui,sans-serif;max-width:560px;margin:40px auto;padding:0 16px;font-size:16px;"><h1 style="font-size:20px;">Círculo</h1>${body}</body></html>`,
    );
}
