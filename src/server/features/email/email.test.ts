import { describe, expect, it } from 'vitest';
import type { WeeklyReview } from '#shared/schemas/review.js';
import { nudgeOf } from './compose.js';
import { escapeHtml, renderHtml, renderText, type EmailContent } from './layout.js';
import { dueKinds } from './scheduler.js';
import { keyDate } from './sends.js';
import { unsubscribeSigner } from './unsubscribe.js';

describe('dueKinds: the user’s hour in their own zone', () => {
  const user = (timeZone: string, emailHour = 8) => ({ timeZone, emailHour, emailDaily: true, emailWeekly: true });
  it.each([
    // Monday 23 November 2026: Madrid is UTC+1, Santiago UTC-3 (southern summer time).
    ['Europe/Madrid', '2026-11-23T06:59:00Z', []],
    ['Europe/Madrid', '2026-11-23T07:00:00Z', ['daily', 'weekly']],
    ['America/Santiago', '2026-11-23T07:00:00Z', []],
    ['America/Santiago', '2026-11-23T11:00:00Z', ['daily', 'weekly']],
    // Tuesday in Madrid, still Monday evening in Santiago: both past their hour, one a Monday.
    ['Europe/Madrid', '2026-11-24T02:30:00Z', []],
    ['America/Santiago', '2026-11-24T02:30:00Z', ['daily', 'weekly']],
    ['Europe/Madrid', '2026-11-24T07:30:00Z', ['daily']],
    // Summer time in Madrid (UTC+2): 08:00 local is 06:00 UTC.
    ['Europe/Madrid', '2026-07-06T06:00:00Z', ['daily', 'weekly']],
    ['Not/AZone', '2026-11-23T12:00:00Z', []],
  ] as const)('%s at %s', (zone, at, expected) => {
    expect(dueKinds(user(zone), new Date(at))).toEqual(expected);
  });

  it('respects each switch and the hour', () => {
    expect(dueKinds({ ...user('UTC', 0), emailDaily: false }, new Date('2026-11-23T00:00:00Z'))).toEqual(['weekly']);
    expect(dueKinds({ ...user('UTC', 23), emailWeekly: false }, new Date('2026-11-23T22:59:59Z'))).toEqual([]);
    expect(dueKinds({ ...user('UTC', 23), emailWeekly: false }, new Date('2026-11-23T23:00:00Z'))).toEqual(['daily']);
  });

  it('keys the digest by the day and the review by its week’s Monday', () => {
    expect(keyDate('daily', '2026-11-25')).toBe('2026-11-25');
    expect(keyDate('weekly', '2026-11-25')).toBe('2026-11-23');
    expect(keyDate('weekly', '2026-11-23')).toBe('2026-11-23');
  });
});

describe('unsubscribe tokens', () => {
  const signer = unsubscribeSigner('a-secret-of-sixteen-chars');
  const id = '0b6f8a4e-1d2c-4e5f-9a8b-7c6d5e4f3a2b';

  it('round-trip the user and the scope, and stay short enough for a path parameter', () => {
    for (const scope of ['daily', 'weekly', 'all'] as const) {
      const token = signer.sign(id, scope);
      expect(token.length).toBeLessThanOrEqual(100);
      expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      expect(signer.verify(token)).toEqual({ userId: id, scope });
    }
  });

  it('refuse a changed scope, user or signature, and another secret’s tokens', () => {
    const token = signer.sign(id, 'daily');
    const [payload, mac] = token.split('.') as [string, string];
    const bytes = Buffer.from(payload, 'base64url');
    bytes[16] = 2; // daily → all
    expect(signer.verify(`${bytes.toString('base64url')}.${mac}`)).toBeNull();
    bytes[16] = 0;
    bytes[0] = bytes[0]! ^ 1; // another user
    expect(signer.verify(`${bytes.toString('base64url')}.${mac}`)).toBeNull();
    expect(signer.verify(`${payload}.${mac.slice(0, -2)}AA`)).toBeNull();
    expect(unsubscribeSigner('another-secret-entirely').verify(token)).toBeNull();
    for (const junk of ['', '.', 'a.b.c', `${payload}.`, `.${mac}`]) expect(signer.verify(junk)).toBeNull();
  });
});

describe('the weekly nudge', () => {
  const review = (over: Partial<WeeklyReview>): WeeklyReview => ({
    week: '2026-W47',
    startsOn: '2026-11-16',
    endsOn: '2026-11-22',
    newContacts: { count: 3, target: 3 },
    touches: { total: 0, byChannel: {}, byIntent: {} },
    followupsDone: 0,
    followupsOverdue: 0,
    loopsClosed: 0,
    favorsGiven: 0,
    favorsReceived: 0,
    stageMoves: [],
    replyRate: null,
    history: [],
    ...over,
  });
  const inPerson = { contactId: '0b6f8a4e-1d2c-4e5f-9a8b-7c6d5e4f3a2b', displayName: 'Ana', from: 'met_online', to: 'met_in_person', at: '2026-11-18T10:00:00Z', toInPerson: true } as const;
  it.each([
    [{ newContacts: { count: 1, target: 3 }, followupsOverdue: 4 }, { kind: 'target', n: 3 }],
    [{ followupsOverdue: 4 }, { kind: 'overdue', n: 4 }],
    [{}, { kind: 'in_person', n: 0 }],
    [{ stageMoves: [inPerson] }, { kind: 'keep_going', n: 0 }],
  ] as const)('%j → %j', (over, expected) => {
    expect(nudgeOf(review(over as Partial<WeeklyReview>))).toEqual(expected);
  });
});

describe('the e-mail layout', () => {
  const content: EmailContent = {
    language: 'en',
    subject: 'Subject <b>',
    intro: 'Hello & welcome',
    sections: [{ title: 'Due "today"', items: [{ label: '<script>x</script>', detail: 'O’Brien', href: 'https://c.example/contacts/1?a=1&b=2' }] }],
    open: { text: 'Open', href: 'https://c.example/' },
    why: 'Why',
    unsubscribe: { text: 'Unsubscribe', href: 'https://c.example/u/t' },
  };

  it('escapes every value in the HTML and keeps the text as typed', () => {
    const html = renderHtml(content);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('href="https://c.example/contacts/1?a=1&amp;b=2"');
    expect(html).toContain('Due &quot;today&quot;');
    expect(html).not.toMatch(/<img|<link|src=/);
    const text = renderText(content);
    expect(text).toContain('- <script>x</script> (O’Brien)\n  https://c.example/contacts/1?a=1&b=2');
    expect(text).toContain('Unsubscribe: https://c.example/u/t');
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
