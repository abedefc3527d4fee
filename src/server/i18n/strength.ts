// The words of a tie's strength ("met in person 3 weeks ago; 9 touches this year; helped you
// twice") in the user's language, from the reasons tieStrength() gives (src/shared/rules/tie-strength.ts).
import type { Language } from '#shared/enums.js';
import type { Depth, StrengthReason } from '#shared/rules/tie-strength.js';

const met: Record<Language, Record<Depth, string>> = {
  en: { in_person: 'met in person', video: 'video call', call: 'phone call', message: 'last message' },
  es: { in_person: 'visto en persona', video: 'videollamada', call: 'llamada', message: 'último mensaje' },
};

function ago(lang: Language, days: number): string {
  if (lang === 'es') {
    if (days === 0) return 'hoy';
    if (days < 14) return `hace ${days} ${days === 1 ? 'día' : 'días'}`;
    if (days < 60) return `hace ${Math.round(days / 7)} semanas`;
    if (days < 730) return `hace ${Math.round(days / 30)} meses`;
    return `hace ${Math.round(days / 365)} años`;
  }
  if (days === 0) return 'today';
  if (days < 14) return `${days} ${days === 1 ? 'day' : 'days'} ago`;
  if (days < 60) return `${Math.round(days / 7)} weeks ago`;
  if (days < 730) return `${Math.round(days / 30)} months ago`;
  return `${Math.round(days / 365)} years ago`;
}

const times = (lang: Language, n: number) =>
  lang === 'es' ? (n === 1 ? 'una vez' : n === 2 ? 'dos veces' : `${n} veces`) : n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;

function phrase(lang: Language, r: StrengthReason): string {
  const es = lang === 'es';
  switch (r.kind) {
    case 'lastTouch':
      return `${met[lang][r.depth]} ${ago(lang, r.days)}`;
    case 'neverTouched':
      return es ? 'ningún contacto registrado' : 'no touch recorded';
    case 'touches':
      return es ? `${r.count} ${r.count === 1 ? 'contacto' : 'contactos'} en 12 meses` : `${r.count} ${r.count === 1 ? 'touch' : 'touches'} in 12 months`;
    case 'twoWay':
      return es ? `${Math.round(r.inboundShare * 100)} % por su iniciativa` : `${Math.round(r.inboundShare * 100)}% started by them`;
    case 'oneWay':
      return es ? 'siempre por tu iniciativa' : 'always started by you';
    case 'helpedYou':
      return es ? `te ayudó ${times(lang, r.count)}` : `helped you ${times(lang, r.count)}`;
    case 'youHelped':
      return es ? `le ayudaste ${times(lang, r.count)}` : `you helped ${times(lang, r.count)}`;
  }
}

export function strengthWhy(lang: Language, reasons: readonly StrengthReason[]): string {
  return reasons.map((r) => phrase(lang, r)).join('; ');
}
