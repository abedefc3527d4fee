// Text the server writes into the user's data (titles of the follow-ups it creates), in the
// user's language. The web app translates everything else itself.
import type { Circle, FavorKind, Language } from '#shared/enums.js';

export const favorKindNames: Record<Language, Record<FavorKind, string>> = {
  en: {
    introduction: 'the introduction',
    advice: 'the advice',
    reference: 'the reference',
    job_lead: 'the job lead',
    client_referral: 'the client referral',
    information: 'the information',
    recommendation: 'the recommendation',
    feedback: 'the feedback',
    endorsement: 'the endorsement',
    other: 'the help',
  },
  es: {
    introduction: 'la presentación',
    advice: 'el consejo',
    reference: 'la referencia',
    job_lead: 'la pista de empleo',
    client_referral: 'el cliente recomendado',
    information: 'la información',
    recommendation: 'la recomendación',
    feedback: 'los comentarios',
    endorsement: 'el aval',
    other: 'la ayuda',
  },
};

export const followupTitles = {
  welcome: (lang: Language, name: string) =>
    lang === 'es' ? `Dar la bienvenida a ${name} con un mensaje personal` : `Welcome ${name} with a personal message`,
  thankYou: (lang: Language, name: string, kind: FavorKind) =>
    lang === 'es' ? `Agradecer a ${name} ${favorKindNames.es[kind]}` : `Thank ${name} for ${favorKindNames.en[kind]}`,
  reportOutcome: (lang: Language, name: string, kind: FavorKind) =>
    lang === 'es'
      ? `Contar a ${name} cómo salió ${favorKindNames.es[kind]}`
      : `Tell ${name} how ${favorKindNames.en[kind]} turned out`,
  afterEvent: (lang: Language, name: string, eventName: string) =>
    lang === 'es' ? `Escribir a ${name} después de ${eventName}` : `Follow up with ${name} after ${eventName}`,
  thankForAdvice: (lang: Language, name: string) =>
    lang === 'es' ? `Agradecer a ${name} sus consejos` : `Thank ${name} for the advice`,
};

/** Other text the server writes into records it creates for the user. */
export const recordTexts = {
  /** `howMet` of someone captured after an event. */
  metAtEvent: (lang: Language, eventName: string) => (lang === 'es' ? `En ${eventName}` : `At ${eventName}`),
  /** `howMet` of a referral. */
  referredBy: (lang: Language, name: string) => (lang === 'es' ? `Recomendación de ${name}` : `Referred by ${name}`),
  /** Summary of the interaction logged when a campaign member reaches `met`. */
  adviceMeeting: (lang: Language, campaignName: string) =>
    lang === 'es' ? `Reunión para pedir consejo (${campaignName})` : `Advice meeting (${campaignName})`,
};

/** Circles as a phone shows them: a CardDAV card carries its circle as a CATEGORIES value (features/dav). */
export const circleNames: Record<Language, Record<Circle, string>> = {
  en: { personal: 'Personal', professional: 'Professional', opportunity: 'Opportunity' },
  es: { personal: 'Personal', professional: 'Profesional', opportunity: 'Oportunidad' },
};
