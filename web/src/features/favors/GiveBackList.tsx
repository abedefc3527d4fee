import { Anchor, Avatar, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContactRef } from '@shared/schemas/index.js';
import { initials } from '../contacts/initials';
import { FavorFormModal } from './FavorFormModal';

/** People who helped you twice or more this year with nothing given back, each with a "Give back". */
export function GiveBackList({ people }: { people: (ContactRef & { received: number })[] }) {
  const { t } = useTranslation();
  const [giving, setGiving] = useState<ContactRef | null>(null);
  return (
    <>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('reciprocity.giveBack')} data-testid="give-back">
        {people.map((person) => (
          <Paper component="li" key={person.id} withBorder p="sm" aria-label={person.displayName}>
            <Group justify="space-between" gap="sm" wrap="wrap">
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 180px' }}>
                <Avatar color="grape" radius="xl" size="md" aria-hidden>
                  {initials(person.displayName)}
                </Avatar>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/contacts/${person.id}`} fw={600} truncate>
                    {person.displayName}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {t('reciprocity.helpedTimes', { count: person.received })}
                  </Text>
                </Stack>
              </Group>
              <Button
                size="compact-sm"
                variant="light"
                color="green"
                leftSection={<IconHeartHandshake size={15} aria-hidden />}
                onClick={() => setGiving(person)}
                aria-label={t('reciprocity.giveTo', { name: person.displayName })}
              >
                {t('reciprocity.give')}
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
      {giving && <FavorFormModal opened contact={giving} direction="given" onClose={() => setGiving(null)} />}
    </>
  );
}
