// What the daily digest and the weekly review say. The content comes from the same queries as
// the Today screen (features/today/queries.ts) and the weekly review (features/review), so an
// e-mail never disagrees with the screen it links to.
import type { Language } from '#shared/enums.js';
import { addDays, daysBetween, isoWeekOf, localDateOf } from '#shared/rules/time.js';
import type { WeeklyReview } from '#shared/schemas/review.js';
import type { Db } from '../../db/database.js';
import { emailTexts, longDate, shortDate, shortDateTime } from '../../i18n/email.js';
import { listEvents } from '../events/queries.js';
import { loadWeeklyReview } from '../review/queries.js';
import { loadUserContext, type UserContext } from '../settings/user-context.js';
import { today as loadToday } from '../today/queries.js';
import type { EmailContent, EmailItem, EmailSection } from './layout.js';

export interface Recipient {
  accountId: string;
  userId: string;
  email: string;
  name: string;
  language: Language;
}

/** The links an e-mail carries: the app's screens, and this e-mail's unsubscribe URL. */
export interface Links {
  to(path: string): string;
  unsubscribe: string;
}

/** Follow-ups listed per section; the rest are counted and linked. */
export const FOLLOWUPS_LISTED = 10;
/** Events this many days ahead appear in the digest (with their briefing). */
export const EVENT_DAYS = 7;

export async function userContextOf(db: Db, recipient: Recipient, now: Date): Promise<UserContext> {
  return loadUserContext(db, { accountId: recipient.accountId, userId: recipient.userId, via: 'session', csrfToken: null }, now);
}

/** The daily digest; `empty` when there is nothing to do today (the week's tally alone is not a reason to write). */
export async function composeDaily(db: Db, recipient: Recipient, user: UserContext, links: Links): Promise<{ content: EmailContent; empty: boolean }> {
  const t = emailTexts[recipient.language];
  const lang = recipient.language;
  const today = await loadToday(db, user);
  const horizon = user.now.getTime() + EVENT_DAYS * 86_400_000;
  const events = (await listEvents(db, user, { when: 'upcoming', limit: 20 })).items.filter(
    (event) => new Date(event.startsAt).getTime() < horizon,
  );
  const contactLink = (id: string) => links.to(`/contacts/${id}`);
  const followup = (f: (typeof today.overdue)[number]): EmailItem => ({
    label: `${f.title}`,
    detail: `${f.contact.displayName} · ${t.dueOn(shortDate(lang, f.snoozedUntil ?? f.dueOn))}`,
    href: contactLink(f.contactId),
  });
  const sections: EmailSection[] = [];
  // A phone screen's worth of each list; the rest is one link away (Today shows up to 50).
  const listed = (title: string, shown: typeof today.overdue, total: number) => {
    if (total === 0) return;
    const items = shown.slice(0, FOLLOWUPS_LISTED).map(followup);
    sections.push({ title: `${title} (${total})`, items, ...(total > items.length ? { more: { text: t.moreOverdue(total - items.length), href: links.to('/') } } : {}) });
  };
  listed(t.overdue, today.overdue, today.counts.overdue);
  listed(t.dueToday, today.dueToday, today.counts.dueToday);
  if (today.loopsToClose.length > 0) {
    sections.push({
      title: t.loopsToClose,
      items: today.loopsToClose.map((favor) => ({
        label: favor.loopStatus === 'open' ? t.thank(favor.contact.displayName) : t.tellOutcome(favor.contact.displayName),
        ...(favor.description ? { detail: favor.description } : {}),
        href: contactLink(favor.contactId),
      })),
    });
  }
  if (today.keepInTouch.length > 0) {
    sections.push({
      title: t.keepInTouch,
      items: today.keepInTouch.slice(0, 5).map((s) => ({
        label: s.company ? `${s.displayName} (${s.company})` : s.displayName,
        detail: t.keepInTouchReason(
          s.lastInteractionAt ? daysBetween(localDateOf(s.lastInteractionAt, user.timeZone), user.today) : null,
          s.cadenceDays,
          s.daysOverdue,
        ),
        href: contactLink(s.contactId),
      })),
    });
  }
  if (events.length > 0) {
    sections.push({
      title: t.events,
      items: events.map((event) => ({
        label: event.name,
        detail: [shortDateTime(lang, new Date(event.startsAt), user.timeZone), event.place].filter(Boolean).join(' · '),
        href: links.to(`/events/${event.id}`),
        extra: { text: t.briefing, href: links.to(`/events/${event.id}/briefing`) },
      })),
    });
  }
  const empty = sections.length === 0;
  const week = today.week;
  sections.push({
    title: t.weekSoFar,
    lines: [t.weekTally(week.newContacts.count, week.newContacts.target, week.touches, week.followupsDone)],
    more: { text: t.weeklyReviewLink, href: links.to('/review') },
  });
  const count = today.counts.overdue + today.counts.dueToday + today.loopsToClose.length + today.keepInTouch.length + events.length;
  const dateText = longDate(lang, user.today);
  return {
    empty,
    content: {
      language: lang,
      subject: empty ? t.dailyEmptySubject(dateText) : t.dailySubject(dateText, count),
      intro: empty ? `${t.dailyIntro(recipient.name)} ${t.dailyEmpty}` : t.dailyIntro(recipient.name),
      sections,
      open: { text: t.openCirculo, href: links.to('/') },
      why: t.whyDaily,
      unsubscribe: { text: t.unsubscribe, href: links.unsubscribe },
    },
  };
}

/** The one line for the coming week, from what last week's review shows. */
export function nudgeOf(review: WeeklyReview): { kind: 'target' | 'overdue' | 'in_person' | 'keep_going'; n: number } {
  const missing = review.newContacts.target - review.newContacts.count;
  if (missing > 0) return { kind: 'target', n: review.newContacts.target };
  if (review.followupsOverdue > 0) return { kind: 'overdue', n: review.followupsOverdue };
  if (!review.stageMoves.some((move) => move.toInPerson)) return { kind: 'in_person', n: 0 };
  return { kind: 'keep_going', n: 0 };
}

/** The weekly review of the week before `user.today` (sent on Monday morning). */
export async function composeWeekly(db: Db, recipient: Recipient, user: UserContext, links: Links): Promise<EmailContent> {
  const t = emailTexts[recipient.language];
  const lang = recipient.language;
  const week = isoWeekOf(addDays(user.today, -7));
  const review = await loadWeeklyReview(db, user, week);
  const start = shortDate(lang, review.startsOn);
  const end = shortDate(lang, review.endsOn);
  const nudge = nudgeOf(review);
  return {
    language: lang,
    subject: t.weeklySubject(start, end),
    intro: t.weeklyIntro(recipient.name, start, end),
    sections: [
      {
        title: week,
        lines: [
          t.newContacts(review.newContacts.count, review.newContacts.target),
          t.loopsClosed(review.loopsClosed),
          t.replyRate(review.replyRate),
          t.touches(review.touches.total),
          t.followups(review.followupsDone, review.followupsOverdue),
        ],
        more: { text: t.fullReview, href: links.to(`/review?week=${week}`) },
      },
      review.stageMoves.length > 0
        ? {
            title: t.stageMoves,
            items: review.stageMoves.map((move) => ({
              label: move.displayName,
              detail: `${t.stage(move.from)} → ${t.stage(move.to)}`,
              href: links.to(`/contacts/${move.contactId}`),
            })),
          }
        : { title: t.stageMoves, lines: [t.noStageMoves] },
      { title: t.nudgeTitle, lines: [t.nudge(nudge.kind, nudge.n)] },
    ],
    open: { text: t.openCirculo, href: links.to('/') },
    why: t.whyWeekly,
    unsubscribe: { text: t.unsubscribe, href: links.unsubscribe },
  };
}

export function composeTest(recipient: Recipient, links: Links): EmailContent {
  const t = emailTexts[recipient.language];
  return {
    language: recipient.language,
    subject: t.testSubject,
    intro: t.testBody,
    sections: [],
    open: { text: t.openCirculo, href: links.to('/settings') },
    why: t.whyTest,
    unsubscribe: { text: t.unsubscribe, href: links.unsubscribe },
  };
}
