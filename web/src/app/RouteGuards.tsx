// Where a visitor may go: a fresh install goes to /setup, a logged-out visitor to /login,
// a logged-in one never sees either again.
import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useAuthStatus, useMe } from '../features/auth/session';

function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100dvh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** Throwing hands the failure to the router's polite error screen. */
function useSessionState() {
  const status = useAuthStatus();
  const me = useMe();
  if (status.error) throw status.error;
  if (me.error) throw me.error;
  if (status.isPending || me.isPending) return 'loading' as const;
  if (status.data.needsSetup) return 'needs-setup' as const;
  return me.data ? ('logged-in' as const) : ('logged-out' as const);
}

export function RequireSession() {
  const state = useSessionState();
  const location = useLocation();
  if (state === 'loading') return <FullPageLoader />;
  if (state === 'needs-setup') return <Navigate to="/setup" replace />;
  if (state === 'logged-out') {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

export function SetupOnly({ children }: { children: ReactNode }) {
  const state = useSessionState();
  if (state === 'loading') return <FullPageLoader />;
  if (state === 'logged-in') return <Navigate to="/" replace />;
  if (state === 'logged-out') return <Navigate to="/login" replace />;
  return children;
}

export function LoggedOutOnly({ children }: { children: ReactNode }) {
  const state = useSessionState();
  const next = new URLSearchParams(useLocation().search).get('next');
  if (state === 'loading') return <FullPageLoader />;
  if (state === 'needs-setup') return <Navigate to="/setup" replace />;
  // Only follow local paths, so a crafted link can't bounce the user to another site.
  if (state === 'logged-in') return <Navigate to={next?.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
  return children;
}
