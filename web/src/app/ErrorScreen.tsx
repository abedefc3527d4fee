import { Button, Center, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMoodSmile, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** What a user sees when a screen crashes: calm words and a way back, no stack trace. */
export function ErrorScreen() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundScreen />;
  console.error(error); // Keep the details for whoever opens the console.
  return (
    <Center mih="70dvh" p="xl">
      <Stack align="center" gap="md" maw={440} ta="center">
        <ThemeIcon size={64} radius="xl" variant="light" color="coral">
          <IconMoodSmile size={36} aria-hidden />
        </ThemeIcon>
        <Title order={1} size="h2">
          {t('errors.title')}
        </Title>
        <Text c="dimmed">{t('errors.body')}</Text>
        <Group>
          <Button leftSection={<IconRefresh size={18} aria-hidden />} onClick={() => window.location.reload()}>
            {t('errors.reload')}
          </Button>
          <Button variant="default" component="a" href="/">
            {t('errors.goToday')}
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}

export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <Center mih="60dvh" p="xl">
      <Stack align="center" gap="sm" maw={420} ta="center">
        <Title order={1} size="h2">
          {t('errors.notFoundTitle')}
        </Title>
        <Text c="dimmed">{t('errors.notFoundBody')}</Text>
        <Button variant="light" component="a" href="/">
          {t('errors.goToday')}
        </Button>
      </Stack>
    </Center>
  );
}
