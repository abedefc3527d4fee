import { IsoWeek, type WeeklyReview } from '../shared/schemas/review.js';
import { loadWeeklyReview } from '../server/features/review/queries.js';
import { messagesFor, type Messages } from './messages.js';
import { CliError, printJson, withDatabase } from './shared.js';
import { cliUser } from './user-context.js';

export async function reviewCommand(options: { week?: string; email?: string; json?: boolean }) {
  if (options.week && !IsoWeek.safeParse(options.week).success) throw new CliError(`--week: use an existing ISO week like 2026-W47 (got ${options.week}).`);
  const { review, language } = await withDatabase('circulo review', async ({ db }) => {
    const user = await cliUser(db, options.email);
    return { review: await loadWeeklyReview(db, user, options.week), language: user.language };
  });
  if (options.json) printJson(review);
  else printReview(review, messagesFor(language));
}

const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || '—';

function printReview(r: WeeklyReview, m: Messages) {
  console.log(m.review(r.week, r.startsOn, r.endsOn));
  console.log(`  ${m.newContacts(r.newContacts.count, r.newContacts.target)}`);
  console.log(`  ${m.touches(r.touches.total)} — ${m.byChannel}: ${counts(r.touches.byChannel)}; ${m.byIntent}: ${counts(r.touches.byIntent)}`);
  console.log(`  ${m.followups(r.followupsDone, r.followupsOverdue)}`);
  console.log(`  ${m.loops(r.loopsClosed)}`);
  console.log(`  ${m.favors(r.favorsGiven, r.favorsReceived)}`);
  console.log(`  ${m.stageMoves(r.stageMoves.length)}`);
  r.stageMoves.forEach((s) => console.log(`    ${s.displayName}: ${s.from} → ${s.to}${s.toInPerson ? ' ★' : ''}`));
  console.log(`  ${m.replyRate(r.replyRate)}`);
  console.log(`\n${m.history}`);
  const max = Math.max(1, ...r.history.map((h) => h.newContacts));
  for (const h of r.history) console.log(`  ${h.week}  ${'█'.repeat(Math.round((h.newContacts / max) * 30))} ${h.newContacts}`);
}
