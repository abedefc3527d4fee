import { z } from 'zod';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { BackupDocument, RestoreQuery, RestoreReport } from '#shared/schemas/backup.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { limitsOf } from '../../http/limits.js';
import { userOf } from '../settings/user-context.js';
import { contactsCsvStream } from './contacts-csv.js';
import { backupStream } from './export-json.js';
import { restoreBackup } from './restore.js';

const tags = ['backup'];

export function backupRoutes(app: App, ctx: AppContext) {
  const { db, limits } = ctx;
  const attachment = (name: string) => `attachment; filename="${name}"`;

  app.get('/api/exports/json', {
    schema: {
      tags,
      summary: 'Download a backup of the whole account (every record except secrets), to restore with POST /api/backup/restore',
      response: { 200: BackupDocument },
    },
    handler: async (request, reply) => {
      const auth = authOf(request);
      const user = await userOf(ctx, request);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', attachment(`circulo-backup-${user.today}.json`))
        .send(backupStream(db, auth, user.now) as never); // a stream: Fastify pipes it unserialised
    },
  });

  app.get('/api/exports/csv', {
    schema: {
      tags,
      summary: "Download the contacts as CSV, with Google Contacts' column names (tags in Labels, separated by \" ::: \")",
      response: { 200: z.string().describe('text/csv') },
    },
    handler: async (request, reply) => {
      const auth = authOf(request);
      const user = await userOf(ctx, request);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(`circulo-contacts-${user.today}.csv`))
        .send(contactsCsvStream(db, auth.accountId) as never);
    },
  });

  app.post('/api/backup/restore', {
    bodyLimit: limitsOf(limits).restoreBytes,
    // Replacing a whole account is for a person logged in, never an API token.
    config: { sessionOnly: true },
    schema: {
      tags,
      summary:
        'Restore a backup into this account, all or nothing. A non-empty account is refused (409) unless replace=true, which deletes everything it has first.',
      description: 'Only from a logged-in session: an API token cannot restore a backup (403).',
      querystring: RestoreQuery,
      body: BackupDocument,
      response: { 200: RestoreReport },
    },
    // The body is validated by restoreBackup itself (as for the CLI and imports), which also
    // checks references and words its refusals for a file rather than a request.
    validatorCompiler: (route) => (route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : validatorCompiler(route as never)),
    handler: async (request) => restoreBackup(db, authOf(request), request.body as unknown, { replace: request.query.replace }),
  });
}
