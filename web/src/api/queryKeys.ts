// Query keys in one place so mutations invalidate exactly what they change.
import type { FavorDirection, InvitationDirection, LoopStatus } from '@shared/enums.js';
import type { ContactListQuery, FollowupStatus } from '@shared/schemas/index.js';

export type ContactFilters = Partial<Pick<ContactListQuery, 'q' | 'circle' | 'kind' | 'tag' | 'stage'>> & {
  due?: boolean;
};

export interface FavorFilters {
  contactId?: string;
  direction?: FavorDirection;
  loopStatus?: LoopStatus;
  noNews?: boolean;
}

export const queryKeys = {
  authStatus: ['auth', 'status'] as const,
  me: ['auth', 'me'] as const,
  today: ['today'] as const,
  contacts: ['contacts'] as const,
  contactList: (filters: ContactFilters) => ['contacts', 'list', filters] as const,
  contactSearch: (q: string) => ['contacts', 'search', q] as const,
  /** Not `contactList({})`: that one holds the infinite list's pages, this a single page. */
  contactCount: ['contacts', 'count'] as const,
  contact: (id: string) => ['contacts', 'detail', id] as const,
  timeline: (id: string) => ['contacts', 'timeline', id] as const,
  /** Under `contacts` so logging a touch (which refreshes contacts) refreshes these too. */
  contactTouches: (id: string) => ['contacts', 'touches', id] as const,
  deleteImpact: (id: string) => ['contacts', 'delete-impact', id] as const,
  /** Under `contacts`: a merge or a deletion refreshes them. */
  ties: (id: string) => ['contacts', 'ties', id] as const,
  intros: ['intros'] as const,
  introPaths: (query: Record<string, string>) => ['intros', query] as const,
  network: ['network'] as const,
  tags: ['contacts', 'tags'] as const,
  followups: ['followups'] as const,
  contactFollowups: (contactId: string, status: FollowupStatus) =>
    ['followups', { contactId, status }] as const,
  profile: ['profile'] as const,
  settings: ['settings'] as const,
  emailSettings: ['email', 'settings'] as const,
  tokens: ['tokens'] as const,
  trash: ['trash'] as const,
  davConnection: ['dav', 'connection'] as const,
  users: ['users'] as const,
  invitations: ['invitations'] as const,
  invitationList: (filters: { direction?: InvitationDirection; contactId?: string }) => ['invitations', 'list', filters] as const,
  invitation: (id: string) => ['invitations', 'detail', id] as const,
  funnel: ['invitations', 'funnel'] as const,
  welcomeDraft: (id: string) => ['invitations', 'welcome-draft', id] as const,
  commonPoints: (contactId: string) => ['contacts', 'common-points', contactId] as const,
  templates: ['templates'] as const,
  templatePreview: (body: unknown) => ['templates', 'preview', body] as const,
  favors: ['favors'] as const,
  favorList: (filters: FavorFilters) => ['favors', 'list', filters] as const,
  reciprocity: ['favors', 'reciprocity'] as const,
  review: ['review'] as const,
  weeklyReview: (week: string) => ['review', week] as const,
  calendarFeed: ['calendar-feed'] as const,
  calendarSubscriptions: ['calendar-subscriptions'] as const,
  peopleMet: ['calendar-people'] as const,
};
