// `circulo backup`, `restore` and `export` as a user runs them: real processes on a throwaway database.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCirculo } from '../support/cli.js';
import { BackupDocument } from '../../src/shared/schemas/backup.js';
import { throwawayDatabaseEnv } from '../support/harness.js';

let env: Record<string, string>;
let cleanup: () => Promise<void>;
let dir: string;

beforeAll(async () => {
  ({ env, cleanup } = await throwawayDatabaseEnv());
  dir = mkdtempSync(join(tmpdir(), 'circulo-backup-cli-'));
});
afterAll(async () => {
  await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const circulo = (args: string[], extra: Record<string, string> = {}) => runCirculo(args, { ...env, ...extra }, { timeout: 120_000 });

const at = '2026-11-20T10:00:00.000Z';
const contact = (id: string, firstName: string, extra: Record<string, unknown> = {}) => ({
  id, firstName, lastName: null, displayName: firstName, emails: [], phones: [], company: null, title: null, location: null, links: [],
  birthday: null, photo: null, notes: null, circle: 'professional', kind: null, tags: [], interests: [], communities: [], schools: [],
  pastCompanies: [], howMet: null, metOn: null, metAtEventId: null, introducedById: null, stage: 'new', cadenceDays: null, source: 'manual',
  linkedinKey: null, createdAt: at, updatedAt: at, ...extra,
});

/** A small backup written by hand, as another tool might. */
function handMadeBackup() {
  const [lucia, mateo, interaction, favor] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  return {
    format: 'circulo-backup',
    version: 1,
    exportedAt: at,
    profile: { name: 'Carla López', timeZone: 'Europe/Madrid', language: 'es', weeklyTarget: 4, pitchShort: null, pitchLong: null, goals: null, companies: [], schools: [], interests: [], places: [], communities: [] },
    settings: { cadences: { personal: 30, professional: 45, opportunity: 120 }, followupDelays: { thankYouDays: 2, outcomeReportDays: 14 } },
    contacts: [contact(lucia, 'Lucía', { tags: ['Clientes', 'Madrid'], notes: 'Dos\nlíneas' }), contact(mateo, 'Mateo', { introducedById: lucia })],
    interactions: [{ id: interaction, contactIds: [lucia, mateo].sort(), occurredAt: at, channel: 'coffee', direction: 'outbound', intent: 'nurture', summary: 'Café', notes: null, externalId: null, createdAt: at }],
    followups: [{ id: randomUUID(), contactId: lucia, dueOn: '2026-11-25', kind: 'thank_you', title: 'Agradecer a Lucía', notes: null, status: 'open', snoozedUntil: null, completedAt: null, favorId: favor, eventId: null, campaignId: null, invitationId: null, createdAt: at }],
    favors: [{ id: favor, contactId: lucia, direction: 'received', kind: 'introduction', effort: 'medium', occurredOn: '2026-11-20', description: 'Me presentó a Mateo', introducedToId: mateo, thankedOn: null, outcome: null, outcomeReportedOn: null, outcomeNotApplicable: false, loopStatus: 'open', closedAt: null, createdAt: at }],
    stageChanges: [],
    invitations: [],
    templates: [],
    events: [],
    eventAttendees: [],
    campaigns: [],
    campaignMembers: [],
    relationships: [{ id: randomUUID(), contactAId: lucia, contactBId: mateo, kind: 'former_colleague', note: 'Trabajaron juntos en Indra', createdAt: at }],
  };
}

// Each command opens the database (seconds on a busy machine): give the tests room.
const SLOW = 240_000;
/** A backup without its date, records in id order (records made in the same instant have no other order). */
const comparable = ({ exportedAt: _, ...rest }: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort((a, b) => String(a.id).localeCompare(String(b.id))) : v]));

describe('circulo backup and restore', () => {
  it('restores a backup, writes it back the same, and refuses to restore over data without --replace', async () => {
    const created = await circulo(['user', 'create', '--email', 'carla@example.com', '--name', 'Carla', '--language', 'es'], { CIRCULO_PASSWORD: 'a long enough password' });
    expect(created.code, created.stderr).toBe(0);
    const source = handMadeBackup();
    const input = join(dir, 'in.json');
    writeFileSync(input, JSON.stringify(source, null, 2));

    const restored = await circulo(['restore', input]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('Restaurado: contactos: 2, interacciones: 1, seguimientos: 1, favores: 1');

    const output = join(dir, 'out.json');
    const backup = await circulo(['backup', output, '--json']);
    expect(backup.code, backup.stderr).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({ path: output, written: { contacts: 2, interactions: 1 } });
    const written = JSON.parse(readFileSync(output, 'utf8'));
    expect(BackupDocument.safeParse(written).success).toBe(true);
    expect(comparable(written)).toEqual(comparable(source));

    const again = await circulo(['restore', input]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('--replace');
    const replaced = await circulo(['restore', input, '--replace', '--json']);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(JSON.parse(replaced.stdout)).toMatchObject({ replaced: true, idsChanged: 0, restored: { contacts: 2 } });
  }, SLOW);

  it('exports JSON and CSV to standard output or a file', async () => {
    const json = await circulo(['export', 'json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).contacts).toHaveLength(2);
    const csv = await circulo(['export', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split('\n')[0]).toMatch(/^First Name,Last Name,File As,Organization Name,/);
    expect(csv.stdout).toContain('Clientes ::: Madrid');
    const file = join(dir, 'contacts.csv');
    expect((await circulo(['export', 'csv', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(csv.stdout);
    const unknown = await circulo(['export', 'xml']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('json, csv');
  }, SLOW);

  it('refuses a bad file with a clear message, naming the fields, and changes nothing', async () => {
    const bad = handMadeBackup();
    (bad.contacts[0] as Record<string, unknown>).circle = 'acquaintance';
    bad.favors[0]!.introducedToId = randomUUID();
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify(bad));
    const result = await circulo(['restore', path, '--replace']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('nothing changed');
    expect(result.stderr).toContain('contacts.0.circle');

    writeFileSync(path, '{"format": "circulo-backup", "version": 1,');
    const truncated = await circulo(['restore', path, '--replace']);
    expect(truncated.code).not.toBe(0);
    expect(truncated.stderr).toContain('not valid JSON');
    const missing = await circulo(['restore', join(dir, 'nope.json')]);
    expect(missing.stderr).toContain('Cannot read');

    const still = await circulo(['export', 'json']);
    expect(JSON.parse(still.stdout).contacts.map((c: { firstName: string }) => c.firstName).sort()).toEqual(['Lucía', 'Mateo']);
  }, SLOW);
});
