// The main navigation: the shell renders whatever is here.
import { IconAffiliate, IconArrowsExchange, IconCalendarEvent, IconChartBar, IconHeartHandshake, IconSettings, IconSnowflake, IconSun, IconTemplate, IconUserPlus, IconUsers, type Icon } from '@tabler/icons-react';

export interface NavItem {
  to: string;
  labelKey: 'nav.today' | 'nav.contacts' | 'nav.favors' | 'nav.review' | 'nav.settings' | 'invitations.title' | 'templates.title' | 'imports.nav' | 'events.title' | 'campaigns.title' | 'network.title';
  icon: Icon;
  /** Also active on nested routes (`/contacts/123`). */
  matchPrefix: boolean;
}

export const mainNavigation: NavItem[] = [
  { to: '/', labelKey: 'nav.today', icon: IconSun, matchPrefix: false },
  { to: '/contacts', labelKey: 'nav.contacts', icon: IconUsers, matchPrefix: true },
  { to: '/favors', labelKey: 'nav.favors', icon: IconHeartHandshake, matchPrefix: true },
  { to: '/events', labelKey: 'events.title', icon: IconCalendarEvent, matchPrefix: true },
  { to: '/campaigns', labelKey: 'campaigns.title', icon: IconSnowflake, matchPrefix: true },
  { to: '/network', labelKey: 'network.title', icon: IconAffiliate, matchPrefix: true },
  { to: '/invitations', labelKey: 'invitations.title', icon: IconUserPlus, matchPrefix: true },
  { to: '/templates', labelKey: 'templates.title', icon: IconTemplate, matchPrefix: true },
  { to: '/review', labelKey: 'nav.review', icon: IconChartBar, matchPrefix: true },
];

export const secondaryNavigation: NavItem[] = [
  { to: '/import', labelKey: 'imports.nav', icon: IconArrowsExchange, matchPrefix: true },
  { to: '/settings', labelKey: 'nav.settings', icon: IconSettings, matchPrefix: true },
];
