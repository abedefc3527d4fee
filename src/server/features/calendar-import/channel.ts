// How a meeting happened, read from where it was held (docs/domain.md#calendar-import): a
// conference link is a video call, a telephone number a call, a place in person. A meeting that
// says none of these is `other`: guessing "in person" would move stages on no evidence.
import type { Channel } from '#shared/enums.js';

/** Hosts of the video-meeting services calendars link to (Google Meet, Zoom, Teams, Webex…). */
const VIDEO_HOSTS = /(^|\.)(meet\.google\.com|zoom\.us|zoom\.com|teams\.microsoft\.com|teams\.live\.com|webex\.com|whereby\.com|meet\.jit\.si|gotomeeting\.com|bluejeans\.com|chime\.aws|skype\.com|around\.co|jitsi\.org)$/i;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"')]+/gi;
/** A location that is only a telephone number (digits, spaces and the usual separators). */
const PHONE = /^(tel:)?\s*\+?[\d\s().\-/]{6,}$/i;

function isVideoUrl(url: string): boolean {
  try {
    return VIDEO_HOSTS.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

function hasVideoLink(text: string): boolean {
  return (text.match(URL_IN_TEXT) ?? []).some(isVideoUrl);
}

export interface WhereHeld {
  location: string;
  description: string;
  /** The event's URL property and RFC 7986 CONFERENCE values. */
  links: string[];
  /** A vendor's conference property was present (X-GOOGLE-CONFERENCE, Teams' meeting URL…). */
  conference: boolean;
}

export function channelOf(where: WhereHeld): Channel {
  const location = where.location.trim();
  const links = where.links.map((l) => l.trim()).filter(Boolean);
  if (where.conference || links.some(isVideoUrl) || hasVideoLink(location)) return 'video';
  if (PHONE.test(location) || (links.length > 0 && links.every((l) => l.toLowerCase().startsWith('tel:')))) return 'call';
  // A place (a room, an address) that is not itself a link.
  if (location && !/^https?:\/\//i.test(location)) return 'in_person';
  if (hasVideoLink(where.description)) return 'video';
  return 'other';
}
