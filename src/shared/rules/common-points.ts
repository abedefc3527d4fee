// Common points between the user and a contact (docs/domain.md#invitations): the material of a personalised
// welcome. Matching ignores accents, case and punctuation, and never matches on filler words
// alone: "Universidad de Chile" and "Universidad de Valparaíso" share nothing that counts.

export type CommonPointKind = 'mutual_contact' | 'company' | 'school' | 'community' | 'event' | 'interest' | 'place';

export interface CommonPoint {
  kind: CommonPointKind;
  /** As the contact's side spells it (the user's spelling when only the profile has it). */
  value: string;
  /** Higher is a stronger reason to talk: a mutual contact beats a shared city. */
  strength: number;
}

const STRENGTH: Record<CommonPointKind, number> = {
  mutual_contact: 6,
  company: 5,
  school: 4,
  event: 4,
  community: 3,
  interest: 2,
  place: 1,
};

/** Words that never make a match on their own, in Spanish and English. */
const FILLER = new Set(
  ('de del la las los el y e en a al con por para un una the of and in at for on to an & ' +
    'universidad university universitat escuela school college colegio instituto institute facultad faculty ' +
    'empresa company grupo group inc ltd llc sl sa gmbh corp corporation asociacion association club comunidad community')
    .split(/\s+/),
);

export function normaliseWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function significant(text: string): string[] {
  return normaliseWords(text).filter((w) => !FILLER.has(w) && w.length > 1);
}

/**
 * Whether two names denote the same thing: the same words once normalised, or one name's
 * significant words all found in the other (`Acme` ~ `Acme Corp`), never on filler words alone.
 */
export function sameThing(a: string, b: string): boolean {
  const sigA = significant(a);
  const sigB = significant(b);
  if (sigA.length === 0 || sigB.length === 0) return false;
  if (normaliseWords(a).join(' ') === normaliseWords(b).join(' ')) return true;
  const [shorter, longer] = sigA.length <= sigB.length ? [sigA, new Set(sigB)] : [sigB, new Set(sigA)];
  return shorter.every((w) => longer.has(w)) && shorter.join('').length >= 3;
}

export interface ProfileSide {
  companies: string[];
  schools: string[];
  interests: string[];
  places: string[];
  communities: string[];
}

export interface ContactSide {
  company: string | null;
  pastCompanies: string[];
  schools: string[];
  interests: string[];
  communities: string[];
  location: string | null;
}

export interface SharedContext {
  /** Names of people who connect us (e.g. who introduced them). */
  mutualContacts?: string[];
  /** Names of events we both attended. */
  sharedEvents?: string[];
}

function overlap(kind: CommonPointKind, mine: string[], theirs: string[]): CommonPoint[] {
  return theirs.flatMap((value) => (mine.some((m) => sameThing(m, value)) ? [{ kind, value, strength: STRENGTH[kind] }] : []));
}

export function commonPoints(profile: ProfileSide, contact: ContactSide, shared: SharedContext = {}): CommonPoint[] {
  const theirCompanies = [contact.company, ...contact.pastCompanies].filter((c): c is string => Boolean(c));
  const points = [
    ...(shared.mutualContacts ?? []).map((value) => ({ kind: 'mutual_contact' as const, value, strength: STRENGTH.mutual_contact })),
    ...overlap('company', profile.companies, theirCompanies),
    ...overlap('school', profile.schools, contact.schools),
    ...(shared.sharedEvents ?? []).map((value) => ({ kind: 'event' as const, value, strength: STRENGTH.event })),
    ...overlap('community', profile.communities, contact.communities),
    ...overlap('interest', profile.interests, contact.interests),
    ...overlap('place', profile.places, contact.location ? [contact.location] : []),
  ];
  // One entry per thing, strongest first (stable within a strength).
  const seen = new Set<string>();
  return points
    .filter((p) => {
      const key = `${p.kind}:${normaliseWords(p.value).join(' ')}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => b.strength - a.strength);
}
