// The templates every account starts with, in Spanish and English. Written to sound like a
// person, short, specific and with no pressure: the tone of someone worth replying to.
import type { Language, TemplatePurpose } from '#shared/enums.js';

export interface DefaultTemplate {
  key: string;
  purpose: TemplatePurpose;
  language: Language;
  name: string;
  subject: string | null;
  body: string;
}

export const DEFAULT_TEMPLATES: DefaultTemplate[] = [
  {
    key: 'welcome.en',
    purpose: 'welcome',
    language: 'en',
    name: 'Welcome a new connection',
    subject: 'Good to connect, {{firstName}}',
    body:
      'Hi {{firstName}},\n\nThanks for connecting. I noticed we have {{commonPoints}} in common, which made me smile.\n\n' +
      "I'd enjoy hearing what you are working on these days. Would you be up for a short call, or a coffee if we are ever in the same city?\n\nBest,\n{{myFirstName}}",
  },
  {
    key: 'welcome.es',
    purpose: 'welcome',
    language: 'es',
    name: 'Dar la bienvenida a un contacto nuevo',
    subject: 'Encantado de conectar, {{firstName}}',
    body:
      'Hola {{firstName}}:\n\nGracias por conectar. Vi que tenemos en común {{commonPoints}}, y me hizo ilusión.\n\n' +
      'Me encantaría saber en qué andas ahora. ¿Te apetece una llamada corta, o un café si coincidimos en la misma ciudad?\n\nUn abrazo,\n{{myFirstName}}',
  },
  {
    key: 'thank_you.en',
    purpose: 'thank_you',
    language: 'en',
    name: 'Thank you',
    subject: 'Thank you, {{firstName}}',
    body: 'Hi {{firstName}},\n\nI wanted to thank you for {{favor}}. It really made a difference, and I will let you know how it turns out.\n\nIf there is ever anything I can do for you, just say the word.\n\n{{myFirstName}}',
  },
  {
    key: 'thank_you.es',
    purpose: 'thank_you',
    language: 'es',
    name: 'Agradecimiento',
    subject: 'Gracias, {{firstName}}',
    body: 'Hola {{firstName}}:\n\nQuería darte las gracias por {{favor}}. De verdad me ha ayudado, y te contaré cómo sale.\n\nSi alguna vez puedo echarte una mano, dímelo.\n\n{{myFirstName}}',
  },
  {
    key: 'report_outcome.en',
    purpose: 'report_outcome',
    language: 'en',
    name: 'Tell them how it went',
    subject: 'How it went, thanks to you',
    body: 'Hi {{firstName}},\n\nA while ago you helped me with {{favor}}. I wanted you to know how it turned out: {{outcome}}\n\nThank you again for your help.\n\n{{myFirstName}}',
  },
  {
    key: 'report_outcome.es',
    purpose: 'report_outcome',
    language: 'es',
    name: 'Contar cómo salió',
    subject: 'Cómo salió, gracias a ti',
    body: 'Hola {{firstName}}:\n\nHace un tiempo me ayudaste con {{favor}}. Quería contarte cómo salió: {{outcome}}\n\nGracias otra vez por tu ayuda.\n\n{{myFirstName}}',
  },
  {
    key: 'keep_in_touch.en',
    purpose: 'keep_in_touch',
    language: 'en',
    name: 'Keep in touch',
    subject: 'Thinking of you, {{firstName}}',
    body: "Hi {{firstName}},\n\nIt's been a while and you came to mind. How are things at {{company}}?\n\nNo agenda, I'd just love to catch up when you have a moment.\n\n{{myFirstName}}",
  },
  {
    key: 'keep_in_touch.es',
    purpose: 'keep_in_touch',
    language: 'es',
    name: 'Mantener el contacto',
    subject: 'Me acordé de ti, {{firstName}}',
    body: 'Hola {{firstName}}:\n\nHace tiempo que no hablamos y me acordé de ti. ¿Qué tal todo por {{company}}?\n\nNada en concreto, solo me encantaría ponernos al día cuando tengas un momento.\n\n{{myFirstName}}',
  },
  {
    key: 'advice_request.en',
    purpose: 'advice_request',
    language: 'en',
    name: 'Ask for advice',
    subject: 'Could I ask your advice?',
    body:
      "Hi {{firstName}},\n\n{{myPitch}}\n\nYou know this field far better than I do, and I'd value your advice: 20 minutes of your time, whenever suits you. " +
      "I'm not asking for a job, just for your perspective and who else you think I should talk to.\n\nThank you,\n{{myFirstName}}",
  },
  {
    key: 'advice_request.es',
    purpose: 'advice_request',
    language: 'es',
    name: 'Pedir consejo',
    subject: '¿Puedo pedirte consejo?',
    body:
      'Hola {{firstName}}:\n\n{{myPitch}}\n\nConoces este campo mucho mejor que yo y valoraría tu consejo: 20 minutos, cuando te venga bien. ' +
      'No te pido trabajo, solo tu punto de vista y a quién más crees que debería conocer.\n\nGracias,\n{{myFirstName}}',
  },
  {
    key: 'after_event.en',
    purpose: 'after_event',
    language: 'en',
    name: 'After an event',
    subject: 'Great to meet you at {{eventName}}',
    body: 'Hi {{firstName}},\n\nIt was great to meet you at {{eventName}}. I enjoyed our conversation and would like to keep it going.\n\nShall we find a time for a coffee?\n\n{{myFirstName}}',
  },
  {
    key: 'after_event.es',
    purpose: 'after_event',
    language: 'es',
    name: 'Después de un evento',
    subject: 'Un placer conocerte en {{eventName}}',
    body: 'Hola {{firstName}}:\n\nFue un placer conocerte en {{eventName}}. Disfruté de la conversación y me gustaría continuarla.\n\n¿Buscamos un momento para un café?\n\n{{myFirstName}}',
  },
  {
    key: 'intro_request.en',
    purpose: 'intro_request',
    language: 'en',
    name: 'Ask for an introduction',
    subject: 'Could you introduce me to {{target}}?',
    body:
      "Hi {{firstName}},\n\nI'd love to meet {{target}}: {{reason}}. Would you be comfortable introducing us? Only if it feels right to you.\n\n" +
      'To make it easy, here is a short paragraph you can forward as it is:\n\n"{{myPitch}}"\n\nThank you either way,\n{{myFirstName}}',
  },
  {
    key: 'intro_request.es',
    purpose: 'intro_request',
    language: 'es',
    name: 'Pedir una presentación',
    subject: '¿Me presentarías a {{target}}?',
    body:
      'Hola {{firstName}}:\n\nMe encantaría conocer a {{target}}: {{reason}}. ¿Te parecería bien presentarnos? Solo si lo ves oportuno.\n\n' +
      'Para ponértelo fácil, aquí va un párrafo que puedes reenviar tal cual:\n\n«{{myPitch}}»\n\nGracias en cualquier caso,\n{{myFirstName}}',
  },
];
