// What the daily digest and the weekly review e-mails say (README "E-mail"), in the user's
// language. Dates and numbers are formatted with Intl in that language.
import type { Language, Stage } from '#shared/enums.js';

const stageNames: Record<Language, Record<Stage, string>> = {
  en: { new: 'New', in_conversation: 'In conversation', met_online: 'Met online', met_in_person: 'Met in person', relationship: 'Relationship', trusted: 'Trusted' },
  es: { new: 'Nuevo', in_conversation: 'En conversación', met_online: 'Conocido en línea', met_in_person: 'Conocido en persona', relationship: 'Relación', trusted: 'De confianza' },
};

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export interface EmailTexts {
  stage(stage: Stage): string;
  dailySubject(dateText: string, count: number): string;
  dailyEmptySubject(dateText: string): string;
  dailyIntro(name: string): string;
  dailyEmpty: string;
  overdue: string;
  dueToday: string;
  moreOverdue(n: number): string;
  dueOn(dateText: string): string;
  loopsToClose: string;
  thank(name: string): string;
  tellOutcome(name: string): string;
  keepInTouch: string;
  keepInTouchReason(days: number | null, cadence: number, overdueDays: number): string;
  events: string;
  briefing: string;
  weekSoFar: string;
  weeklyReviewLink: string;
  fullReview: string;
  weekTally(newContacts: number, target: number, touches: number, done: number): string;
  weeklySubject(startText: string, endText: string): string;
  weeklyIntro(name: string, startText: string, endText: string): string;
  newContacts(count: number, target: number): string;
  loopsClosed(n: number): string;
  replyRate(rate: number | null): string;
  touches(n: number): string;
  followups(done: number, overdue: number): string;
  stageMoves: string;
  noStageMoves: string;
  nudgeTitle: string;
  nudge(kind: 'target' | 'overdue' | 'in_person' | 'keep_going', n: number): string;
  openCirculo: string;
  whyDaily: string;
  whyWeekly: string;
  whyTest: string;
  unsubscribe: string;
  testSubject: string;
  testBody: string;
  /** The page the unsubscribe link opens, and its answer. */
  unsubscribePageTitle: string;
  unsubscribeQuestion(scope: 'daily' | 'weekly' | 'all'): string;
  unsubscribeButton: string;
  unsubscribed(scope: 'daily' | 'weekly' | 'all'): string;
  unsubscribeInvalid: string;
}

const en: EmailTexts = {
  stage: (stage) => stageNames.en[stage],
  dailySubject: (date, n) => `Your networking for ${date}: ${n} ${plural(n, 'thing', 'things')} to do`,
  dailyEmptySubject: (date) => `Your networking for ${date}: nothing due`,
  dailyIntro: (name) => `Good morning, ${name}. Here is what your network needs today.`,
  dailyEmpty: 'Nothing is due today. A good day to meet someone new.',
  overdue: 'Overdue follow-ups',
  dueToday: 'Due today',
  moreOverdue: (n) => `and ${n} more in Círculo`,
  dueOn: (date) => `due ${date}`,
  loopsToClose: 'Loops to close',
  thank: (name) => `Thank ${name}`,
  tellOutcome: (name) => `Tell ${name} how it went`,
  keepInTouch: 'Keep in touch',
  keepInTouchReason: (days, cadence, overdue) =>
    days === null
      ? `no touch yet; every ${cadence} days (${overdue} ${plural(overdue, 'day', 'days')} overdue)`
      : `last touch ${days} ${plural(days, 'day', 'days')} ago; every ${cadence} days`,
  events: 'Events in the next 7 days',
  briefing: 'Briefing',
  weekSoFar: 'This week so far',
  weeklyReviewLink: 'Weekly review',
  fullReview: 'See the full review',
  weekTally: (met, target, touches, done) =>
    `${met} of ${target} new contacts · ${touches} ${plural(touches, 'touch', 'touches')} · ${done} ${plural(done, 'follow-up', 'follow-ups')} done`,
  weeklySubject: (start, end) => `Your week in review: ${start} – ${end}`,
  weeklyIntro: (name, start, end) => `Hello ${name}. Your networking from ${start} to ${end}.`,
  newContacts: (count, target) => `New contacts: ${count} of ${target}${count >= target ? ' ✓' : ''}`,
  loopsClosed: (n) => `Loops closed: ${n}`,
  replyRate: (rate) => `Reply rate to your welcomes: ${rate === null ? '—' : `${Math.round(rate * 100)}%`}`,
  touches: (n) => `Touches: ${n}`,
  followups: (done, overdue) => `Follow-ups done: ${done} · still overdue: ${overdue}`,
  stageMoves: 'Stage moves',
  noStageMoves: 'No stage moves this week.',
  nudgeTitle: 'For the coming week',
  nudge: (kind, n) =>
    ({
      target: `Meet ${n} new ${plural(n, 'person', 'people')} to reach your weekly target.`,
      overdue: `Start Monday by clearing ${n} overdue ${plural(n, 'follow-up', 'follow-ups')}.`,
      in_person: 'Turn one online conversation into a coffee or a call.',
      keep_going: 'A strong week: keep the rhythm, and thank someone who helped you.',
    })[kind],
  openCirculo: 'Open Círculo',
  whyDaily: 'You get this e-mail because the daily digest is on in your Círculo settings.',
  whyWeekly: 'You get this e-mail because the weekly review is on in your Círculo settings.',
  whyTest: 'You asked for this test e-mail in your Círculo settings.',
  unsubscribe: 'Unsubscribe',
  testSubject: 'Círculo: test e-mail',
  testBody: 'E-mail from Círculo reaches you. Your daily digest and weekly review will arrive like this one.',
  unsubscribePageTitle: 'Círculo e-mails',
  unsubscribeQuestion: (scope) =>
    ({ daily: 'Stop the daily digest?', weekly: 'Stop the weekly review?', all: 'Stop all e-mails from Círculo?' })[scope],
  unsubscribeButton: 'Unsubscribe',
  unsubscribed: (scope) =>
    ({
      daily: 'Done: you will get no more daily digests. Turn it back on in Settings.',
      weekly: 'Done: you will get no more weekly reviews. Turn it back on in Settings.',
      all: 'Done: you will get no more e-mails from Círculo. Turn them back on in Settings.',
    })[scope],
  unsubscribeInvalid: 'This unsubscribe link is not valid. You can turn e-mails off in Settings.',
};

const es: EmailTexts = {
  stage: (stage) => stageNames.es[stage],
  dailySubject: (date, n) => `Tu networking del ${date}: ${n} ${plural(n, 'cosa', 'cosas')} por hacer`,
  dailyEmptySubject: (date) => `Tu networking del ${date}: nada pendiente`,
  dailyIntro: (name) => `Buenos días, ${name}. Esto es lo que tu red necesita hoy.`,
  dailyEmpty: 'Hoy no hay nada pendiente. Buen día para conocer a alguien nuevo.',
  overdue: 'Seguimientos atrasados',
  dueToday: 'Para hoy',
  moreOverdue: (n) => `y ${n} más en Círculo`,
  dueOn: (date) => `vence el ${date}`,
  loopsToClose: 'Ciclos por cerrar',
  thank: (name) => `Agradecer a ${name}`,
  tellOutcome: (name) => `Contar a ${name} cómo salió`,
  keepInTouch: 'Mantener el contacto',
  keepInTouchReason: (days, cadence, overdue) =>
    days === null
      ? `sin contacto aún; cada ${cadence} días (${overdue} ${plural(overdue, 'día', 'días')} de retraso)`
      : `último contacto hace ${days} ${plural(days, 'día', 'días')}; cada ${cadence} días`,
  events: 'Eventos en los próximos 7 días',
  briefing: 'Resumen',
  weekSoFar: 'Tu semana hasta hoy',
  weeklyReviewLink: 'Resumen semanal',
  fullReview: 'Ver el resumen completo',
  weekTally: (met, target, touches, done) =>
    `${met} de ${target} contactos nuevos · ${touches} ${plural(touches, 'contacto', 'contactos')} · ${done} ${plural(done, 'seguimiento hecho', 'seguimientos hechos')}`,
  weeklySubject: (start, end) => `Tu semana en resumen: ${start} – ${end}`,
  weeklyIntro: (name, start, end) => `Hola, ${name}. Tu networking del ${start} al ${end}.`,
  newContacts: (count, target) => `Contactos nuevos: ${count} de ${target}${count >= target ? ' ✓' : ''}`,
  loopsClosed: (n) => `Ciclos cerrados: ${n}`,
  replyRate: (rate) => `Tasa de respuesta a tus bienvenidas: ${rate === null ? '—' : `${Math.round(rate * 100)} %`}`,
  touches: (n) => `Contactos: ${n}`,
  followups: (done, overdue) => `Seguimientos hechos: ${done} · aún atrasados: ${overdue}`,
  stageMoves: 'Cambios de etapa',
  noStageMoves: 'Ningún cambio de etapa esta semana.',
  nudgeTitle: 'Para la semana que empieza',
  nudge: (kind, n) =>
    ({
      target: `Conoce a ${n} ${plural(n, 'persona nueva', 'personas nuevas')} para llegar a tu objetivo semanal.`,
      overdue: `Empieza el lunes poniéndote al día con ${n} ${plural(n, 'seguimiento atrasado', 'seguimientos atrasados')}.`,
      in_person: 'Convierte una conversación en línea en un café o una llamada.',
      keep_going: 'Una gran semana: mantén el ritmo y agradece a alguien que te haya ayudado.',
    })[kind],
  openCirculo: 'Abrir Círculo',
  whyDaily: 'Recibes este correo porque el resumen diario está activado en tus ajustes de Círculo.',
  whyWeekly: 'Recibes este correo porque el resumen semanal está activado en tus ajustes de Círculo.',
  whyTest: 'Pediste este correo de prueba en tus ajustes de Círculo.',
  unsubscribe: 'Darse de baja',
  testSubject: 'Círculo: correo de prueba',
  testBody: 'Los correos de Círculo te llegan. Tu resumen diario y tu resumen semanal llegarán como este.',
  unsubscribePageTitle: 'Correos de Círculo',
  unsubscribeQuestion: (scope) =>
    ({ daily: '¿Dejar de recibir el resumen diario?', weekly: '¿Dejar de recibir el resumen semanal?', all: '¿Dejar de recibir todos los correos de Círculo?' })[scope],
  unsubscribeButton: 'Darme de baja',
  unsubscribed: (scope) =>
    ({
      daily: 'Hecho: no recibirás más resúmenes diarios. Puedes volver a activarlo en Ajustes.',
      weekly: 'Hecho: no recibirás más resúmenes semanales. Puedes volver a activarlo en Ajustes.',
      all: 'Hecho: no recibirás más correos de Círculo. Puedes volver a activarlos en Ajustes.',
    })[scope],
  unsubscribeInvalid: 'Este enlace para darse de baja no es válido. Puedes desactivar los correos en Ajustes.',
};

export const emailTexts: Record<Language, EmailTexts> = { en, es };

/** A calendar date as people read it: "Monday 23 November" / "lunes, 23 de noviembre". */
export function longDate(language: Language, date: string): string {
  return new Intl.DateTimeFormat(language === 'es' ? 'es-ES' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** A short date: "23 Nov" / "23 nov". */
export function shortDate(language: Language, date: string): string {
  return new Intl.DateTimeFormat(language === 'es' ? 'es-ES' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** An instant in the user's zone: "Thu 26 Nov, 18:30". */
export function shortDateTime(language: Language, instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'es' ? 'es-ES' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(instant);
}
