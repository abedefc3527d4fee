import { Box, Card, Center, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageMenu } from '../../app/LanguageMenu';
import { Logo } from '../../app/Logo';

/** The frame of the setup and login screens: the brand, one card, the language switch. */
export function AuthLayout({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · Círculo`);
  return (
    <Box mih="100dvh" bg="#f6f7f5" component="main" id="main">
      <Group justify="flex-end" p="md">
        <LanguageMenu />
      </Group>
      <Center px="md" pb="xl">
        <Stack w="100%" maw={460} gap="lg">
          <Stack align="center" gap={4}>
            <Logo size="xl" />
            <Text c="dimmed" size="sm" ta="center">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Card p="xl">
            <Title order={1} size="h3">
              {title}
            </Title>
            <Text c="dimmed" size="sm" mt={4} mb="lg">
              {intro}
            </Text>
            {children}
          </Card>
        </Stack>
      </Center>
    </Box>
  );
}
