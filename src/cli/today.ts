import type { ConnectionsToEngage, Today } from '../shared/schemas/today.js';
import { connectionsToOffer } from '../server/features/today/connections.js';
import { today } from '../server/features/today/queries.js';
import { messagesFor, type Messages } from './messages.js';
import { printJson, withDatabase } from './shared.js';
import { cliUser } from './user-context.js';

export async function todayCommand(options: { email?: string; json?: boolean }) {
  const { result, connections, language } = await withDatabase('circulo today', async ({ db }) => {
    const user = await cliUser(db, options.email);
    // --json answers exactly GET /api/today; the connections to engage are for people reading.
    return { result: await today(db, user), connections: options.json ? null : await connectionsToOffer(db, user), language: user.language };
  });
  if (options.json) printJson(result);
  else printToday(result, connections!, messagesFor(language));
}

function section<T>(title: string, items: T[], line: (item: T) => string) {
  console.log(`\n${title}`);
  if (items.length === 0) console.log(`  —`);
  items.forEach((item) => console.log(`  ${line(item)}`));
}

function printToday(t: Today, connections: ConnectionsToEngage, m: Messages) {
  console.log(m.today(t.date));
  const followup = (f: Today['overdue'][number]) => `${f.dueOn}  ${f.title} — ${f.contact.displayName}`;
  section(m.overdue(t.overdue.length), t.overdue, followup);
  section(m.dueToday(t.dueToday.length), t.dueToday, followup);
  section(m.loopsToClose(t.loopsToClose.length), t.loopsToClose, (f) =>
    `${f.contact.displayName}: ${f.description ?? f.kind} (${f.loopStatus === 'open' ? m.loopOpen : m.loopThanked})`,
  );
  section(m.giveBack(t.giveBack.length), t.giveBack, (c) => `${c.displayName}: ${m.helpedTimes(c.received)}`);
  section(m.keepInTouch(t.keepInTouch.length), t.keepInTouch, (k) =>
    `${k.displayName}${k.company ? ` (${k.company})` : ''}: ${m.overdueBy(k.daysOverdue, k.cadenceDays)}${k.why === 'strong_tie_cooling' ? ` — ${m.strongTie(k.strength.score)}` : ''}`,
  );
  if (connections.notNagged > 0) console.log(`  ${m.notNagged(connections.notNagged)}`);
  if (connections.items.length > 0) {
    section(m.toEngage(connections.items.length), connections.items, (c) =>
      `${c.displayName}${c.company ? ` (${c.company})` : ''}${c.commonPoints.length ? `: ${c.commonPoints.map((p) => p.value).join(', ')}` : ''}`,
    );
  }
  const w = t.week;
  console.log(`\n${m.thisWeek(w.week, w.newContacts.count, w.newContacts.target, w.touches, w.followupsDone)}`);
}
