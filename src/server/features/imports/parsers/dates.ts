// Dates as exports write them. LinkedIn: `14 Nov 2019` (Connected On), `1/21/26, 9:15 AM`
// (Sent At, no time zone), `2026-01-21 10:02:11 UTC` (messages). Address books: ISO dates,
// `--06-30` without a year, `4/15/1985` (Outlook, month first).

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  // LinkedIn localises the export for Spanish-speaking members.
  ene: 1, abr: 4, ago: 8, dic: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** Two-digit years are this century: LinkedIn began in 2003. */
const fullYear = (y: number) => (y < 100 ? 2000 + y : y);

/** `14 Nov 2019`, `14-nov-2019`, `2019-11-14`, `11/14/19` → `2019-11-14`; null otherwise. */
export function parseDayMonthYear(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{1,2})[\s-]+([A-Za-zÀ-ÿ]{3,5})\.?[\s-]+(\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').slice(0, 4)] ?? MONTHS[m[2]!.toLowerCase().slice(0, 3)];
    return month ? validDate(Number(m[3]), month, Number(m[1])) : null;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return parseUsDate(t);
}

/** `1/21/26`, `1/21/2026, 9:15 AM` (month first, as LinkedIn and US Outlook write) → date. */
export function parseUsDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\b/.exec(text.trim());
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  // Month first unless that cannot be (15/04/1985 is day first).
  return a > 12 ? validDate(fullYear(Number(m[3])), b, a) : validDate(fullYear(Number(m[3])), a, b);
}

/**
 * A LinkedIn message date, in UTC: `2026-01-21 10:02:11 UTC`, ISO 8601, or `1/29/26, 2:37 PM`
 * (taken as UTC, as LinkedIn states its message dates are).
 */
export function parseUtcDateTime(text: string): Date | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(UTC|GMT|Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (m) {
    if (!validDate(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
    const zone = !m[7] || /^(utc|gmt|z)$/i.test(m[7]) ? 'Z' : m[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${pad(Number(m[4]))}:${m[5]}:${m[6] ?? '00'}${zone}`);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  m = /^(\d{1,2}\/\d{1,2}\/\d{2,4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?$/i.exec(t);
  if (m) {
    const date = parseUsDate(m[1]!);
    if (!date) return null;
    let hour = Number(m[2]);
    if (m[5]) hour = (hour % 12) + (m[5].toUpperCase() === 'PM' ? 12 : 0);
    if (hour > 23 || Number(m[3]) > 59) return null;
    return new Date(`${date}T${pad(hour)}:${m[3]}:${m[4] ?? '00'}Z`);
  }
  return null;
}

/** A birthday from an address book: full date or `--MM-DD`; null when unreadable. */
export function parseBirthday(text: string): string | null {
  const t = text.trim();
  if (!t || /^0{1,2}\/0{1,2}\/0{2,4}$/.test(t)) return null; // Outlook's "no birthday"
  let m = /^--(\d{2})-?(\d{2})$/.exec(t);
  if (m) return validDate(2000, Number(m[1]), Number(m[2])) ? `--${m[1]}-${m[2]}` : null;
  m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(t);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(t)) return parseUsDate(t);
  return null;
}
