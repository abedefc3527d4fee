import type { Today } from '../shared/schemas/today.js';
import { today } from '../server/features/today/queries.js';
import { messagesFor, type Messages } from './messages.js';
import { printJson, withDatabase } from './shared.js';
import { cliUser } from './user-context.js';

export async function todayCommand(options: { email?: string; json?: boolean }) {
  const { result, language } = await withDatabase('circulo today', async ({ db }) => {
    const user = await cliUser(db, options.email);
    return { result: await today(db, user), language: user.language };
  });
  if (options.json) printJson(result);
  else printToday(result, messagesFor(language));
}

function section<T>(title: string, items: T[], line: (item: T) => string) {
  console.log(`\n${title}`);
  if (items.length === 0) console.log(`  —`);
  items.forEach((item) => console.log(`  ${line(item)}`));
}

function printToday(t: Today, m: Messages) {
  console.log(m.today(t.date));
  const followup = (f: Today['overdue'][number]) => `${f.dueOn}  ${f.title} — ${f.contact.displayName}`;
  section(m.overdue(t.overdue.length), t.overdue, followup);
  section(m.dueToday(t.dueToday.length), t.dueToday, followup);
  section(m.loopsToClose(t.loopsToClose.length), t.loopsToClose, (f) =>
    `${f.contact.displayName}: ${f.description ?? f.kind} (${f.loopStatus === 'open' ? m.loopOpen : m.loopThanked})`,
  );
  section(m.giveBack(t.giveBack.length), t.giveBack, (c) => `${c.displayName}: ${m.helpedTimes(c.received)}`);
  section(m.keepInTouch(t.keepInTouch.length), t.keepInTouch, (k) =>
    `${k.displayName}${k.company ? ` (${k.company})` : ''}: ${m.overdueBy(k.daysOverdue, k.cadenceDays)}`,
  );
  const w = t.week;
  console.log(`\n${m.thisWeek(w.week, w.newContacts.count, w.newContacts.target, w.touches, w.followupsDone)}`);
}
