// A LinkedIn profile URL identifies a person across imports: `https://www.linkedin.com/in/Ana/`
// and `http://linkedin.com/in/ana?trk=x` are the same profile.

/** The normalised key of a LinkedIn profile URL, or null when the URL is not one. */
export function linkedinKey(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim().includes('://') ? url.trim() : `https://${url.trim()}`);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase().replace(/^(www|[a-z]{2})\./, '');
  if (host !== 'linkedin.com') return null;
  const path = decodeURIComponent(parsed.pathname).toLowerCase().replace(/\/+$/, '');
  if (!/^\/(in|pub)\/[^/]+/.test(path)) return null;
  return `linkedin.com${path}`;
}

/** The key of the first LinkedIn profile among a contact's links. */
export function linkedinKeyOf(links: readonly string[]): string | null {
  for (const link of links) {
    const key = linkedinKey(link);
    if (key) return key;
  }
  return null;
}
