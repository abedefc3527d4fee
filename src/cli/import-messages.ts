// What `circulo import` prints for people, in the user's language.
import type { Language } from '../shared/enums.js';
import type { ImportReport } from '../shared/schemas/imports.js';

const sourceNames = {
  en: { linkedin: 'LinkedIn', vcard: 'vCard', csv: 'CSV', json: 'backup', ical: 'a calendar' },
  es: { linkedin: 'LinkedIn', vcard: 'vCard', csv: 'CSV', json: 'copia de seguridad', ical: 'un calendario' },
};

const en = {
  contacts: (r: ImportReport) =>
    `Imported from ${sourceNames.en[r.source]}: ${r.created} contacts created, ${r.updated} updated, ${r.unchanged} unchanged`,
  interactions: (created: number, unchanged: number) => `Touches (messages): ${created} created, ${unchanged} already there`,
  invitations: (created: number, updated: number, unchanged: number) => `Invitations: ${created} created, ${updated} updated, ${unchanged} already there`,
  meetings: (c: { created: number; updated?: number | undefined; unchanged: number; removed?: number | undefined }) =>
    `Touches (meetings): ${c.created} created, ${c.updated ?? 0} updated, ${c.unchanged} already there, ${c.removed ?? 0} removed (cancelled)`,
  peopleMet: (n: number) => `People you met who are not contacts (${n}); add them in the web app (Import and export) if you like:`,
  skipped: (n: number) => `Skipped (${n}):`,
  notes: 'Notes:',
  reading: (file: string, n: number) => `${file}: ${n} records…`,
};

const es: typeof en = {
  contacts: (r) => `Importado de ${sourceNames.es[r.source]}: ${r.created} contactos creados, ${r.updated} actualizados, ${r.unchanged} sin cambios`,
  interactions: (created, unchanged) => `Contactos registrados (mensajes): ${created} creados, ${unchanged} ya estaban`,
  invitations: (created, updated, unchanged) => `Invitaciones: ${created} creadas, ${updated} actualizadas, ${unchanged} ya estaban`,
  meetings: (c) =>
    `Contactos registrados (reuniones): ${c.created} creados, ${c.updated ?? 0} actualizados, ${c.unchanged} ya estaban, ${c.removed ?? 0} quitados (canceladas)`,
  peopleMet: (n) => `Personas con las que te reuniste y que no son contactos (${n}); puedes añadirlas en la web (Importar y exportar):`,
  skipped: (n) => `Omitidos (${n}):`,
  notes: 'Notas:',
  reading: (file, n) => `${file}: ${n} registros…`,
};

export type ImportMessages = typeof en;

export function importMessagesFor(language: Language | string | undefined): ImportMessages {
  return (language ?? process.env.LANG ?? 'en').startsWith('es') ? es : en;
}

export function formatReport(r: ImportReport, m: ImportMessages): string {
  const lines = r.source === 'ical' ? [] : [m.contacts(r)];
  if (r.source === 'ical') {
    lines.push(m.meetings(r.interactions));
    const people = r.peopleMet ?? [];
    if (people.length > 0) {
      lines.push(m.peopleMet(people.length));
      for (const p of people) lines.push(`  ${p.name ? `${p.name} <${p.email}>` : p.email}${p.lastMeeting ? `: ${p.lastMeeting}` : ''}`);
    }
  }
  if (r.source === 'linkedin') {
    lines.push(m.interactions(r.interactions.created, r.interactions.unchanged));
    lines.push(m.invitations(r.invitations.created, r.invitations.updated, r.invitations.unchanged));
  }
  if (r.skippedTotal > 0) {
    lines.push(m.skipped(r.skippedTotal));
    for (const s of r.skipped) {
      const place = [s.file, s.card !== undefined ? `card ${s.card}` : undefined, s.line !== undefined ? `line ${s.line}` : undefined].filter(Boolean).join(', ');
      lines.push(`  ${place}: ${s.reason}`);
    }
  }
  if (r.warnings.length > 0) {
    lines.push(m.notes);
    for (const w of r.warnings) lines.push(`  ${w}`);
  }
  return lines.join('\n');
}
