// What `circulo backup`, `restore` and `export` print for people, in the user's language.
import type { Language } from '../shared/enums.js';

const sectionNames = {
  en: {
    contacts: 'contacts',
    interactions: 'touches',
    followups: 'follow-ups',
    favors: 'favors',
    stageChanges: 'stage changes',
    invitations: 'invitations',
    templates: 'templates',
    events: 'events',
    eventAttendees: 'event attendees',
    campaigns: 'campaigns',
    campaignMembers: 'campaign members',
  },
  es: {
    contacts: 'contactos',
    interactions: 'interacciones',
    followups: 'seguimientos',
    favors: 'favores',
    stageChanges: 'cambios de etapa',
    invitations: 'invitaciones',
    templates: 'plantillas',
    events: 'eventos',
    eventAttendees: 'asistentes a eventos',
    campaigns: 'campañas',
    campaignMembers: 'miembros de campañas',
  },
};
type SectionName = keyof (typeof sectionNames)['en'];

const counts = (lang: Language, record: Record<string, number>) =>
  Object.entries(record)
    .filter(([, n]) => n > 0)
    // "label: n" reads right in both languages whatever the number (no "1 contactos").
    .map(([key, n]) => `${sectionNames[lang][key as SectionName] ?? key}: ${n}`)
    .join(', ') || (lang === 'es' ? 'nada' : 'nothing');

export const backupMessages = {
  section: (lang: Language, key: string) => sectionNames[lang][key as SectionName] ?? key,
  written: (lang: Language, path: string, record: Record<string, number>) =>
    lang === 'es' ? `Copia de seguridad guardada en ${path}: ${counts(lang, record)}.` : `Backup written to ${path}: ${counts(lang, record)}.`,
  restored: (lang: Language, record: Record<string, number>, idsChanged: number) =>
    (lang === 'es' ? `Restaurado: ${counts(lang, record)}.` : `Restored: ${counts(lang, record)}.`) +
    (idsChanged > 0
      ? lang === 'es'
        ? ` ${idsChanged} registros recibieron un id nuevo (el suyo ya lo usaba otra cuenta).`
        : ` ${idsChanged} records got a new id (another account already used theirs).`
      : ''),
};
