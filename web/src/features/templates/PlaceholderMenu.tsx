import { Button, Code, Group, Menu, Stack, Text } from '@mantine/core';
import { IconBraces, IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Placeholder } from '@shared/rules/templates.js';
import { placeholderGroups } from './placeholders';

/** A menu of every placeholder, with a translated name and what it is filled with. */
export function PlaceholderMenu({ onInsert }: { onInsert: (placeholder: Placeholder) => void }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" width={320} shadow="md" withinPortal keepMounted={false}>
      <Menu.Target>
        <Button
          variant="light"
          size="compact-sm"
          leftSection={<IconBraces size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          {t('templates.insert')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={420} style={{ overflowY: 'auto' }}>
        {placeholderGroups.map((group, index) => (
          <div key={group.key}>
            {index > 0 && <Menu.Divider />}
            <Menu.Label>{t(`templates.${group.key}`)}</Menu.Label>
            {group.items.map((name) => (
              <Menu.Item key={name} onClick={() => onInsert(name)} aria-label={`${t(`templates.placeholder.${name}.label`)}: ${t(`templates.placeholder.${name}.hint`)}`}>
                <Stack gap={0}>
                  <Group gap={6} justify="space-between" wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {t(`templates.placeholder.${name}.label`)}
                    </Text>
                    <Code fz="xs">{`{{${name}}}`}</Code>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t(`templates.placeholder.${name}.hint`)}
                  </Text>
                </Stack>
              </Menu.Item>
            ))}
          </div>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
