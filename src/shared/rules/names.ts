// One "name" field typed fast (quick capture after an event) split into first and last names.
// Spanish names usually have one or two given names and two surnames, and surnames carry
// particles ("de la Fuente"); English ones a first, maybe a middle, and a last name.

/** Words that belong to the surname that follows them. */
const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'da', 'das', 'do', 'dos', 'di', 'du', 'van', 'von', 'der', 'den', 'le', 'st.', 'san', 'mac', 'bin', 'al', 'el']);

/** Words that join two surnames. */
const JOINERS = new Set(['y', 'i', 'e']);

export interface SplitName {
  firstName: string;
  lastName: string | null;
}

/**
 * `Ana` → Ana; `Ana García` → Ana | García; `Ana García López` → Ana | García López;
 * `Ana María García López` → Ana María | García López; `Juan de la Fuente` → Juan | de la Fuente;
 * `García López, Ana` → Ana | García López. With three parts the middle one is taken as a
 * surname (one given name and two surnames is the commonest Spanish form); the user can fix it.
 */
export function splitFullName(name: string): SplitName {
  const cleaned = name.replace(/\s+/g, ' ').trim();
  const comma = cleaned.indexOf(',');
  if (comma > 0 && comma < cleaned.length - 1) {
    const last = cleaned.slice(0, comma).trim();
    const first = cleaned.slice(comma + 1).trim();
    if (first && last) return { firstName: first, lastName: last };
  }
  const words = cleaned.replace(/,/g, ' ').split(' ').filter(Boolean);
  if (words.length === 0) return { firstName: cleaned, lastName: null };
  // The first word is always a given name; the surname starts at the first particle after it,
  // or at the surname before an "y" that joins two surnames (Ortega y Gasset).
  const particleAt = words.findIndex((w, i) => i > 0 && PARTICLES.has(w.toLowerCase()));
  const joinerAt = words.findIndex((w, i) => i > 1 && JOINERS.has(w.toLowerCase()));
  const givenCount = particleAt > 0 ? particleAt : joinerAt > 1 ? joinerAt - 1 : words.length >= 4 ? 2 : 1;
  const firstName = words.slice(0, givenCount).join(' ');
  const lastName = words.slice(givenCount).join(' ');
  return { firstName, lastName: lastName || null };
}
