// The words of an introduction path ("Ana knows Bruno (former colleague; 3 touches with both)"),
// in the user's language, and the texts the server writes when the user asks for one.
import type { Language, RelationshipKind, TieSource } from '#shared/enums.js';

const kinds: Record<Language, Record<RelationshipKind, string>> = {
  en: { colleague: 'colleague', former_colleague: 'former colleague', friend: 'friend', family: 'family', partner: 'partner', classmate: 'classmate', introduced: 'introduced', other: 'know each other' },
  es: { colleague: 'compañeros de trabajo', former_colleague: 'excompañeros', friend: 'amistad', family: 'familia', partner: 'pareja', classmate: 'compañeros de estudios', introduced: 'presentados', other: 'se conocen' },
};

const sources: Record<Language, Record<Exclude<TieSource, 'explicit'>, string>> = {
  en: { introduced_by: 'one introduced the other', referral: 'a referral', introduction_favor: 'introduced through a favor', shared_touch: 'touches with both', same_event: 'same event', same_company: 'same company only (weak evidence)' },
  es: { introduced_by: 'uno presentó al otro', referral: 'una recomendación', introduction_favor: 'presentados gracias a un favor', shared_touch: 'contactos con ambos', same_event: 'mismo evento', same_company: 'solo la misma empresa (indicio débil)' },
};

export interface StepWords {
  from: string;
  to: string;
  kind: RelationshipKind | null;
  sources: Exclude<TieSource, 'explicit'>[];
}

export function pathWhy(lang: Language, firstStrength: number, steps: readonly StepWords[]): string {
  const first = steps[0]!;
  const opening = lang === 'es' ? `tu vínculo con ${first.from}: ${firstStrength}/100` : `your tie with ${first.from}: ${firstStrength}/100`;
  const links = steps.map((s) => {
    const evidence = [...(s.kind ? [kinds[lang][s.kind]] : []), ...s.sources.map((x) => sources[lang][x])].join(', ');
    return lang === 'es' ? `${s.from} conoce a ${s.to} (${evidence})` : `${s.from} knows ${s.to} (${evidence})`;
  });
  return [opening, ...links].join('; ');
}

export const introTexts = {
  askSummary: (lang: Language, target: string) =>
    lang === 'es' ? `Pedí una presentación a ${target}` : `Asked for an introduction to ${target}`,
  followupTitle: (lang: Language, introducer: string, target: string) =>
    lang === 'es' ? `Preguntar a ${introducer} por la presentación a ${target}` : `Check with ${introducer} about the introduction to ${target}`,
};
