// What the calendar feed says, in the account owner's language (calendar apps show it as is).
import type { FollowupKind, Language } from '#shared/enums.js';

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

export const calendarTexts = {
  name: (lang: Language) => (lang === 'es' ? 'Círculo: seguimientos' : 'Círculo: follow-ups'),
  description: (lang: Language) =>
    lang === 'es' ? 'Los seguimientos abiertos de tu red, el día que tocan.' : 'Open follow-ups with your network, on the day they are due.',
  followupKind: (lang: Language, kind: FollowupKind) => followupKindNames[lang][kind],
  contact: (lang: Language, name: string) => (lang === 'es' ? `Contacto: ${name}` : `Contact: ${name}`),
  snoozed: (lang: Language, dueOn: string) => (lang === 'es' ? `Pospuesto (vencía el ${dueOn})` : `Snoozed (was due ${dueOn})`),
};
