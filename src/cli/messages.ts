// What the CLI prints for people, in the user's language (their profile, else LANG).
import type { Language } from '../shared/enums.js';

const en = {
  today: (date: string) => `Today, ${date}`,
  overdue: (n: number) => `Overdue (${n})`,
  dueToday: (n: number) => `Due today (${n})`,
  loopsToClose: (n: number) => `Loops to close (${n})`,
  loopOpen: 'to thank',
  loopThanked: 'tell them how it went',
  giveBack: (n: number) => `Give back to (${n})`,
  helpedTimes: (n: number) => `helped you ${n} times, nothing given back yet`,
  keepInTouch: (n: number) => `Keep in touch (${n})`,
  overdueBy: (days: number, cadence: number) => `${days} days past a ${cadence}-day cadence`,
  strongTie: (score: number) => `a strong tie (${score}/100) cooling`,
  notNagged: (n: number) => `(${n} imported connections you never talked to are left out until you engage with them)`,
  toEngage: (n: number) => `Worth a handshake: connections to turn into relationships (${n})`,
  thisWeek: (week: string, count: number, target: number, touches: number, done: number) =>
    `This week (${week}): ${count}/${target} new contacts, ${touches} touches, ${done} follow-ups done`,
  review: (week: string, start: string, end: string) => `Weekly review ${week} (${start} → ${end})`,
  newContacts: (count: number, target: number) => `New contacts: ${count} of ${target}`,
  touches: (n: number) => `Touches: ${n}`,
  byChannel: 'by channel',
  byIntent: 'by intent',
  followups: (done: number, overdue: number) => `Follow-ups: ${done} done, ${overdue} overdue`,
  loops: (n: number) => `Loops closed: ${n}`,
  favors: (given: number, received: number) => `Favors: ${given} given, ${received} received`,
  stageMoves: (n: number) => `Stage moves: ${n}`,
  replyRate: (rate: number | null) => `Invitation reply rate: ${rate === null ? '—' : `${Math.round(rate * 100)} %`}`,
  history: 'Last 12 weeks (new contacts)',
  digestSent: (weekly: boolean, date: string, email: string) => `Sent the ${weekly ? 'weekly review' : 'daily digest'} for ${date} to ${email}.`,
  digestAlready: (weekly: boolean, date: string, status: string) =>
    `The ${weekly ? 'weekly review' : 'daily digest'} for ${date} was already ${status === 'sent' ? 'sent' : `taken (${status})`}: nothing sent again.`,
  digestFailed: (weekly: boolean, error: string) => `The ${weekly ? 'weekly review' : 'daily digest'} could not be sent: ${error}. The server will try again.`,
  trashCount: (n: number) => (n === 0 ? 'The trash is empty.' : `Deleted contacts (${n}), restorable in the web app:`),
  trashUntil: (date: string) => `until ${date}`,
  trashEmptied: (n: number) => (n === 1 ? 'Emptied the trash: 1 contact is gone for good.' : `Emptied the trash: ${n} contacts are gone for good.`),
};

const es: typeof en = {
  today: (date) => `Hoy, ${date}`,
  overdue: (n) => `Atrasados (${n})`,
  dueToday: (n) => `Para hoy (${n})`,
  loopsToClose: (n) => `Círculos por cerrar (${n})`,
  loopOpen: 'agradecer',
  loopThanked: 'contarle cómo salió',
  giveBack: (n) => `Devolver el favor a (${n})`,
  helpedTimes: (n) => `te ayudó ${n} veces y aún no le has devuelto nada`,
  keepInTouch: (n) => `Mantener el contacto (${n})`,
  overdueBy: (days, cadence) => `${days} días pasada una cadencia de ${cadence} días`,
  strongTie: (score) => `un vínculo fuerte (${score}/100) que se enfría`,
  notNagged: (n) => `(${n} conexiones importadas con las que nunca hablaste quedan fuera hasta que te relaciones con ellas)`,
  toEngage: (n) => `Merecen un apretón de manos: conexiones para convertir en relaciones (${n})`,
  thisWeek: (week, count, target, touches, done) =>
    `Esta semana (${week}): ${count}/${target} contactos nuevos, ${touches} contactos, ${done} seguimientos hechos`,
  review: (week, start, end) => `Revisión semanal ${week} (${start} → ${end})`,
  newContacts: (count, target) => `Contactos nuevos: ${count} de ${target}`,
  touches: (n) => `Contactos realizados: ${n}`,
  byChannel: 'por canal',
  byIntent: 'por intención',
  followups: (done, overdue) => `Seguimientos: ${done} hechos, ${overdue} atrasados`,
  loops: (n) => `Círculos cerrados: ${n}`,
  favors: (given, received) => `Favores: ${given} hechos, ${received} recibidos`,
  stageMoves: (n) => `Cambios de etapa: ${n}`,
  replyRate: (rate) => `Tasa de respuesta a invitaciones: ${rate === null ? '—' : `${Math.round(rate * 100)} %`}`,
  history: 'Últimas 12 semanas (contactos nuevos)',
  digestSent: (weekly, date, email) => `Enviado el ${weekly ? 'resumen semanal' : 'resumen diario'} del ${date} a ${email}.`,
  digestAlready: (weekly, date, status) =>
    `El ${weekly ? 'resumen semanal' : 'resumen diario'} del ${date} ya ${status === 'sent' ? 'se envió' : `estaba en curso (${status})`}: no se envía de nuevo.`,
  digestFailed: (weekly, error) => `No se pudo enviar el ${weekly ? 'resumen semanal' : 'resumen diario'}: ${error}. El servidor lo volverá a intentar.`,
  trashCount: (n) => (n === 0 ? 'La papelera está vacía.' : `Contactos borrados (${n}), recuperables en la aplicación web:`),
  trashUntil: (date) => `hasta el ${date}`,
  trashEmptied: (n) => (n === 1 ? 'Papelera vaciada: 1 contacto borrado para siempre.' : `Papelera vaciada: ${n} contactos borrados para siempre.`),
};

export type Messages = typeof en;

export function messagesFor(language: Language | string | undefined): Messages {
  const lang = language ?? process.env.LANG ?? 'en';
  return lang.startsWith('es') ? es : en;
}
