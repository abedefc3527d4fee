import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { SetupPage } from '../features/auth/SetupPage';
import { TodayPage } from '../features/today/TodayPage';
import { AppLayout } from './AppLayout';
import { ErrorScreen, NotFoundScreen } from './ErrorScreen';
import { LoggedOutOnly, RequireSession, SetupOnly } from './RouteGuards';

/**
 * A screen loaded on first visit, so the first paint (Today) does not wait for every feature's
 * code and charts. `load` returns the module; `pick` names the page component in it.
 */
function lazyPage<M>(path: string, load: () => Promise<M>, pick: (module: M) => React.ComponentType): RouteObject {
  return { path, lazy: async () => ({ Component: pick(await load()) }) };
}

export const router = createBrowserRouter([
  {
    errorElement: <ErrorScreen />,
    children: [
      { path: '/setup', element: <SetupOnly><SetupPage /></SetupOnly> },
      { path: '/login', element: <LoggedOutOnly><LoginPage /></LoggedOutOnly> },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            errorElement: <ErrorScreen />,
            children: [
              { index: true, element: <TodayPage /> },
              lazyPage('contacts', () => import('../features/contacts/ContactsPage'), (m) => m.ContactsPage),
              lazyPage('contacts/new', () => import('../features/contacts/ContactFormPage'), (m) => m.ContactFormPage),
              lazyPage('contacts/trash', () => import('../features/trash/TrashPage'), (m) => m.TrashPage),
              lazyPage('contacts/duplicates', () => import('../features/contacts/duplicates/DuplicatesPage'), (m) => m.DuplicatesPage),
              lazyPage('contacts/:id', () => import('../features/contacts/ContactPage'), (m) => m.ContactPage),
              lazyPage('contacts/:id/edit', () => import('../features/contacts/ContactFormPage'), (m) => m.ContactFormPage),
              lazyPage('events', () => import('../features/events/EventsPage'), (m) => m.EventsPage),
              lazyPage('events/:id', () => import('../features/events/EventPage'), (m) => m.EventPage),
              lazyPage('events/:id/briefing', () => import('../features/events/BriefingPage'), (m) => m.BriefingPage),
              lazyPage('favors', () => import('../features/favors/FavorsPage'), (m) => m.FavorsPage),
              lazyPage('network', () => import('../features/relationships/NetworkPage'), (m) => m.NetworkPage),
              lazyPage('campaigns', () => import('../features/campaigns/CampaignsPage'), (m) => m.CampaignsPage),
              lazyPage('campaigns/:id', () => import('../features/campaigns/CampaignPage'), (m) => m.CampaignPage),
              lazyPage('review', () => import('../features/review/ReviewPage'), (m) => m.ReviewPage),
              lazyPage('invitations', () => import('../features/invitations/InvitationsPage'), (m) => m.InvitationsPage),
              lazyPage('invitations/:id', () => import('../features/invitations/InvitationPage'), (m) => m.InvitationPage),
              lazyPage('templates', () => import('../features/templates/TemplatesPage'), (m) => m.TemplatesPage),
              lazyPage('settings', () => import('../features/settings/SettingsPage'), (m) => m.SettingsPage),
              lazyPage('settings/security', () => import('../features/security/SecurityPage'), (m) => m.SecurityPage),
              lazyPage('import', () => import('../features/imports/ImportExportPage'), (m) => m.ImportExportPage),
              { path: '*', element: <NotFoundScreen /> },
            ],
          },
        ],
      },
    ],
  },
]);
