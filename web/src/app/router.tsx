import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { SetupPage } from '../features/auth/SetupPage';
import { ContactFormPage } from '../features/contacts/ContactFormPage';
import { ContactPage } from '../features/contacts/ContactPage';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { FavorsPage } from '../features/favors/FavorsPage';
import { ReviewPage } from '../features/review/ReviewPage';
import { InvitationPage } from '../features/invitations/InvitationPage';
import { InvitationsPage } from '../features/invitations/InvitationsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TemplatesPage } from '../features/templates/TemplatesPage';
import { TodayPage } from '../features/today/TodayPage';
import { AppLayout } from './AppLayout';
import { ErrorScreen, NotFoundScreen } from './ErrorScreen';
import { LoggedOutOnly, RequireSession, SetupOnly } from './RouteGuards';

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
              { path: 'contacts', element: <ContactsPage /> },
              { path: 'contacts/new', element: <ContactFormPage /> },
              { path: 'contacts/:id', element: <ContactPage /> },
              { path: 'contacts/:id/edit', element: <ContactFormPage /> },
              { path: 'favors', element: <FavorsPage /> },
              { path: 'review', element: <ReviewPage /> },
              { path: 'invitations', element: <InvitationsPage /> },
              { path: 'invitations/:id', element: <InvitationPage /> },
              { path: 'templates', element: <TemplatesPage /> },
              { path: 'settings', element: <SettingsPage /> },
              { path: '*', element: <NotFoundScreen /> },
            ],
          },
        ],
      },
    ],
  },
]);
