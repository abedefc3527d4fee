// A LinkedIn data export (the zip, its folder, or some of its files), in the order the files
// depend on each other: connections first (they are the contacts), then invitations (which
// add the people not yet connected), then messages (linked to the contacts that now exist).
import { linkedinKeyOf } from '#shared/rules/linkedin.js';
import { PROGRESS_EVERY, readCsv, type ImportContext } from './import-context.js';
import { classifyLinkedinFiles, recogniseOwner } from './linkedin-files.js';
import { importInvitations } from './linkedin-invitations-import.js';
import { importMessages } from './linkedin-messages-import.js';
import { isOwner, type Owner } from './owner.js';
import { parseConnections } from './parsers/linkedin-connections.js';
import type { ImportFile } from './zip.js';

/** Connections.csv → contacts; returns each connection's profile key → the day they connected. */
async function importConnections(ctx: ImportContext, files: ImportFile[], owner: Owner | null): Promise<Map<string, string | null>> {
  const connected = new Map<string, string | null>();
  for (const file of files) {
    let count = 0;
    for await (const item of parseConnections(await readCsv(file), file.name)) {
      if (++count % PROGRESS_EVERY === 0) ctx.progress(file.name, count);
      if (item.kind === 'skip') {
        ctx.report.skip(file.name, item.at, item.code, item.reason);
        continue;
      }
      const draft = item.value;
      const key = linkedinKeyOf(draft.links);
      if (owner && isOwner(owner, { name: [draft.firstName, draft.lastName].filter(Boolean).join(' '), url: draft.links[0] ?? null })) {
        ctx.report.skip(file.name, item.at, 'owner', 'the owner of the export is not their own contact');
        continue;
      }
      ctx.report.warnAt(file.name, item.at, item.warnings);
      await ctx.batcher.add(draft);
      if (key) connected.set(key, draft.metOn);
    }
    ctx.progress(file.name, count);
  }
  return connected;
}

export async function importLinkedin(ctx: ImportContext, files: { file: ImportFile; inExport: boolean }[]) {
  const found = await classifyLinkedinFiles(files);
  const owner = await recogniseOwner(ctx, found);
  const connections = await importConnections(ctx, found.connections, owner);
  await importInvitations(ctx, found.invitations, owner, connections);
  await ctx.batcher.flush();
  await importMessages(ctx, found.messages, owner);
}
