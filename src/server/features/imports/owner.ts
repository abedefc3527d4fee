// Whose LinkedIn export is it? The owner's messages are outbound and the owner is never a
// contact, so an import must recognise them from the files alone:
// 1. Invitations.csv says it outright: the sender of OUTGOING rows and the recipient of INCOMING
//    ones is the owner.
// 2. Otherwise messages.csv: the owner takes part in every conversation of their own export, so
//    the person (profile URL, else name) who appears in the most messages is the owner.
// 3. A tie (a single conversation between two people) is settled by the name in Profile.csv,
//    else the name of the Círculo user importing; failing that the import says whom it assumed.
import { fieldWarning, type FieldWarning } from './parsers/parsed.js';
import { linkedinKey } from '#shared/rules/linkedin.js';
import { foldText } from './contact-draft.js';
import type { InvitationRecord, LinkedinPerson } from './parsers/linkedin-invitations.js';
import type { MessageRecord } from './parsers/linkedin-messages.js';

export interface Owner {
  /** The normalised profile URL, when the files have it. */
  key: string | null;
  name: string;
}

const profileKeys = new Map<string, string | null>();

/**
 * linkedinKey() remembered: a messages.csv names the same people in every message, about six
 * URL parses per message (a second of the bench's 161,772 messages). Bounded, so a long-lived
 * server does not keep every URL it has seen.
 */
export function profileKey(url: string): string | null {
  let key = profileKeys.get(url);
  if (key === undefined) {
    if (profileKeys.size >= 50_000) profileKeys.clear();
    key = linkedinKey(url);
    profileKeys.set(url, key);
  }
  return key;
}

/** One identity per person: the profile URL when known, else the name. */
export function personKey(person: LinkedinPerson): string | null {
  const key = person.url ? profileKey(person.url) : null;
  if (key) return key;
  const name = foldText(person.name);
  return name ? `name:${name}` : null;
}

export function isOwner(owner: Owner | null, person: LinkedinPerson): boolean {
  if (!owner) return false;
  const key = person.url ? profileKey(person.url) : null;
  if (key && owner.key) return key === owner.key;
  return foldText(person.name) === foldText(owner.name);
}

export class OwnerVotes {
  private readonly invitationVotes = new Map<string, number>();
  private readonly messageVotes = new Map<string, number>();
  private readonly names = new Map<string, string>();

  private vote(votes: Map<string, number>, person: LinkedinPerson) {
    const key = personKey(person);
    if (!key) return;
    votes.set(key, (votes.get(key) ?? 0) + 1);
    if (person.name && !this.names.has(key)) this.names.set(key, person.name);
  }

  addInvitation(invitation: InvitationRecord) {
    if (invitation.direction === 'outgoing') this.vote(this.invitationVotes, invitation.from);
    if (invitation.direction === 'incoming') this.vote(this.invitationVotes, invitation.to);
  }

  addMessage(message: MessageRecord) {
    const seen = new Set<string>();
    for (const person of [message.from, ...message.to]) {
      const key = personKey(person);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      this.vote(this.messageVotes, person);
    }
  }

  get hasVotes() {
    return this.invitationVotes.size > 0 || this.messageVotes.size > 0;
  }

  /** The owner, and a sentence for the report saying how they were recognised. */
  decide(hints: { profileName?: string | null; userName?: string | null }): { owner: Owner | null; note: FieldWarning } {
    const fromInvitations = this.invitationVotes.size > 0;
    const votes = fromInvitations ? this.invitationVotes : this.messageVotes;
    const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
    if (ranked.length === 0) return { owner: null, note: fieldWarning('owner_assumed', { name: '' }, 'could not tell whose export this is') };
    const top = ranked.filter(([, n]) => n === ranked[0]![1]).map(([key]) => key);
    const ownerOf = (key: string): Owner => ({ key: key.startsWith('name:') ? null : key, name: this.names.get(key) ?? '' });
    const source = fromInvitations ? 'Invitations.csv' : 'messages.csv';
    if (top.length === 1) {
      const owner = ownerOf(top[0]!);
      const name = owner.name || owner.key || '';
      return { owner, note: fieldWarning('owner_recognised', { name, from: source }, `recognised ${name} as the owner of this export (from ${source})`) };
    }
    for (const [hint, label] of [[hints.profileName, 'Profile.csv'], [hints.userName, 'your name in Círculo']] as const) {
      if (!hint) continue;
      const match = top.filter((key) => foldText(this.names.get(key) ?? '') === foldText(hint));
      if (match.length === 1) {
        const owner = ownerOf(match[0]!);
        return {
          owner,
          note: fieldWarning('owner_recognised', { name: owner.name, from: `${source} + ${label}` }, `recognised ${owner.name} as the owner of this export (from ${source} and ${label})`),
        };
      }
    }
    const owner = ownerOf(top[0]!);
    const assumed = owner.name || owner.key || '';
    return { owner, note: fieldWarning('owner_assumed', { name: assumed }, `could not tell for sure whose export this is; assumed ${assumed}`) };
  }
}
