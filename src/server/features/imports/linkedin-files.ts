// Which file of a LinkedIn export is which, and whose export it is. In the zip the names are
// fixed (Connections.csv, Invitations.csv, messages.csv, Profile.csv); a file uploaded on its
// own may have been renamed by the browser ("Connections (1).csv"), so its header decides.
import { basename } from 'node:path';
import { ImportError } from './errors.js';
import { readCsv, type ImportContext } from './import-context.js';
import { isConnectionsHeader } from './parsers/linkedin-connections.js';
import { isInvitationsHeader, parseInvitations } from './parsers/linkedin-invitations.js';
import { isMessagesHeader, parseMessages } from './parsers/linkedin-messages.js';
import { OwnerVotes, type Owner } from './owner.js';
import { columnIndex, headerKey } from './csv-records.js';
import type { ImportFile } from './zip.js';

export interface LinkedinFiles {
  connections: ImportFile[];
  invitations: ImportFile[];
  messages: ImportFile[];
  profile: ImportFile[];
}

const KNOWN: Record<string, keyof LinkedinFiles> = {
  'connections.csv': 'connections',
  'invitations.csv': 'invitations',
  'messages.csv': 'messages',
  'profile.csv': 'profile',
};

/** The kind of a CSV from its first records (Connections.csv has a preamble before its header). */
async function sniff(file: ImportFile): Promise<keyof LinkedinFiles | null> {
  let seen = 0;
  for await (const row of await readCsv(file)) {
    if (isConnectionsHeader(row.cells)) return 'connections';
    if (isInvitationsHeader(row.cells)) return 'invitations';
    if (isMessagesHeader(row.cells)) return 'messages';
    if (++seen >= 5) break;
  }
  return null;
}

export async function classifyLinkedinFiles(files: { file: ImportFile; inExport: boolean }[]): Promise<LinkedinFiles> {
  const found: LinkedinFiles = { connections: [], invitations: [], messages: [], profile: [] };
  for (const { file, inExport } of files) {
    const known = KNOWN[basename(file.name).toLowerCase()];
    // A zip holds dozens of other files (Positions.csv, Skills.csv…) that are not imported.
    const kind = known ?? (inExport || !/\.csv$/i.test(file.name) ? null : await sniff(file));
    if (kind) found[kind].push(file);
    else if (!inExport) throw new ImportError('wrong_format', 'not a file of a LinkedIn export (expected Connections.csv, Invitations.csv or messages.csv, or the export zip)', file.name);
  }
  if (found.connections.length + found.invitations.length + found.messages.length === 0) {
    throw new ImportError('wrong_format', 'no Connections.csv, Invitations.csv or messages.csv found: is this a LinkedIn data export?', files[0]?.file.name);
  }
  return found;
}

/** The name in Profile.csv (the owner's own profile), when the export has it. */
async function profileName(files: ImportFile[]): Promise<string | null> {
  for (const file of files) {
    let column: ((name: string) => number) | undefined;
    for await (const row of await readCsv(file)) {
      if (!column) {
        if (!row.cells.map(headerKey).includes('first name')) break;
        column = columnIndex(row.cells);
        continue;
      }
      const name = [row.cells[column('First Name')], row.cells[column('Last Name')]].filter(Boolean).join(' ').trim();
      if (name) return name;
      break;
    }
  }
  return null;
}

/**
 * Reads just enough to recognise the owner (see owner.ts): Invitations.csv when there is one,
 * else a first pass over messages.csv that keeps only a count per participant.
 */
export async function recogniseOwner(ctx: ImportContext, files: LinkedinFiles): Promise<Owner | null> {
  if (files.invitations.length === 0 && files.messages.length === 0) return null;
  const votes = new OwnerVotes();
  for (const file of files.invitations) {
    for await (const item of parseInvitations(await readCsv(file), file.name)) if (item.kind === 'record') votes.addInvitation(item.value);
  }
  if (!votes.hasVotes) {
    for (const file of files.messages) {
      for await (const item of parseMessages(await readCsv(file), file.name)) if (item.kind === 'record') votes.addMessage(item.value);
    }
  }
  const { owner, note } = votes.decide({ profileName: await profileName(files.profile), userName: ctx.userName });
  if (!owner) {
    throw new ImportError('no_owner', 'could not recognise whose export this is: no invitation or message names its owner', (files.invitations[0] ?? files.messages[0])?.name);
  }
  ctx.report.warn(note);
  return owner;
}
