// What the calendar feed says, in the account owner's language (calendar apps show it as is).
import type { EventKind, FollowupKind, Language } from '#shared/enums.js';

const followupKindNames: Record<Language, Record<FollowupKind, string>> = {
  en: {
    thank_you: 'Thank you',
    report_outcome: 'Report the outcome',
    keep_in_touch: 'Keep in touch',
    after_event: 'After an event',
    reply_invitation: 'Reply to an invitation',
    campaign: 'Campaign',
    custom: 'Follow-up',
  },
  es: {
    thank_you: 'Agradecer',
    report_outcome: 'Contar el resultado',
    keep_in_touch: 'Mantener el contacto',
    after_event: 'Después de un evento',
    reply_invitation: 'Responder una invitación',
    campaign: 'Campaña',
    custom: 'Seguimiento',
  },
};

const eventKindNames: Record<Language, Record<EventKind, string>> = {
  en: { conference: 'Conference', meetup: 'Meetup', networking: 'Networking event', wedding: 'Wedding', party: 'Party', trip: 'Trip', other: 'Event' },
  es: { conference: 'Congreso', meetup: 'Meetup', networking: 'Evento de networking', wedding: 'Boda', party: 'Fiesta', trip: 'Viaje', other: 'Evento' },
};

export const calendarTexts = {
  name: (lang: Language) => (lang === 'es' ? 'Círculo: seguimientos y eventos' : 'Círculo: follow-ups and events'),
  description: (lang: Language) =>
    lang === 'es'
      ? 'Los seguimientos abiertos de tu red, el día que tocan, y tus eventos.'
      : 'Open follow-ups with your network, on the day they are due, and your events.',
  eventKind: (lang: Language, kind: EventKind) => eventKindNames[lang][kind],
  targets: (lang: Language, n: number) =>
    lang === 'es' ? `Quieres conocer a ${n} ${n === 1 ? 'persona' : 'personas'} allí` : `You want to meet ${n} ${n === 1 ? 'person' : 'people'} there`,
  briefing: (lang: Language, url: string) => (lang === 'es' ? `Tu resumen: ${url}` : `Your briefing: ${url}`),
  followupKind: (lang: Language, kind: FollowupKind) => followupKindNames[lang][kind],
  contact: (lang: Language, name: string) => (lang === 'es' ? `Contacto: ${name}` : `Contact: ${name}`),
  snoozed: (lang: Language, dueOn: string) => (lang === 'es' ? `Pospuesto (vencía el ${dueOn})` : `Snoozed (was due ${dueOn})`),
};
