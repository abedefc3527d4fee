import { ActionIcon, AppShell, Box, Burger, Group, NavLink, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout, useMe } from '../features/auth/session';
import { notifySuccess } from './queryClient';
import { LanguageMenu } from './LanguageMenu';
import { Logo } from './Logo';
import { OutboxStatus, useOutboxSession } from './pwa/OutboxStatus';
import { mainNavigation, secondaryNavigation, type NavItem } from './navigation';
import classes from './AppLayout.module.css';

export function AppLayout() {
  const { t } = useTranslation();
  const [navOpen, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const me = useMe().data;
  const logout = useLogout();
  useOutboxSession(me?.user.id);

  useEffect(close, [pathname, close]); // A phone's drawer closes once the user picks a page.

  const isActive = (item: NavItem) =>
    item.matchPrefix ? pathname === item.to || pathname.startsWith(`${item.to}/`) : pathname === item.to;

  const renderLinks = (items: NavItem[]) =>
    items.map((item) => (
      <NavLink
        key={item.to}
        component={Link}
        to={item.to}
        label={t(item.labelKey)}
        leftSection={<item.icon size={20} stroke={1.6} aria-hidden />}
        active={isActive(item)}
        aria-current={isActive(item) ? 'page' : undefined}
        className={classes.navLink}
      />
    ));

  const onLogout = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        notifySuccess(t('app.loggedOut'));
        void navigate('/login', { replace: true });
      },
    });

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpen ? t('app.closeNavigation') : t('app.openNavigation')}
              aria-expanded={navOpen}
              aria-controls="main-navigation"
            />
            <Logo />
          </Group>
          <Group gap={4} wrap="nowrap">
            <OutboxStatus />
            <LanguageMenu />
            <Tooltip label={t('app.logOut')}>
              <ActionIcon variant="subtle" color="gray" size="lg" onClick={onLogout} aria-label={t('app.logOut')}>
                <IconLogout size={20} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" id="main-navigation" aria-label={t('app.mainNavigation')} className={classes.navbar}>
        <AppShell.Section grow>
          {renderLinks(mainNavigation)}
        </AppShell.Section>
        <AppShell.Section>
          {renderLinks(secondaryNavigation)}
          {me && (
            <Box px="sm" pt="sm" mt="xs" className={classes.userBox}>
              <Text size="xs" c="dimmed" truncate>
                {t('app.signedInAs', { name: me.user.name })}
              </Text>
            </Box>
          )}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Box maw={1120} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
