import { Badge, Card, Group, NavLink, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '@shared/enums.js';
import { templatePurposes } from '@shared/enums.js';
import type { Template } from '@shared/schemas/index.js';

export type LanguageFilter = Language | 'all';

interface TemplateListProps {
  templates: Template[];
  language: LanguageFilter;
  onLanguageChange: (language: LanguageFilter) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** Templates grouped by purpose, in the order a relationship unfolds, filtered by language. */
export function TemplateList({ templates, language, onLanguageChange, selectedId, onSelect }: TemplateListProps) {
  const { t } = useTranslation();
  const shown = templates.filter((tpl) => language === 'all' || tpl.language === language);
  const groups = templatePurposes
    .map((purpose) => ({ purpose, items: shown.filter((tpl) => tpl.purpose === purpose).sort((a, b) => a.name.localeCompare(b.name)) }))
    .filter((group) => group.items.length > 0);

  return (
    <Card component="nav" aria-labelledby="template-list-heading" p="md">
      <Title order={2} size="h5" id="template-list-heading" mb="sm">
        {t('templates.list')}
      </Title>
      <SegmentedControl
        fullWidth
        size="xs"
        mb="md"
        aria-label={t('templates.language')}
        value={language}
        onChange={(v) => onLanguageChange(v as LanguageFilter)}
        data={[
          { value: 'all', label: t('templates.allLanguages') },
          { value: 'es', label: t('enums.language.es') },
          { value: 'en', label: t('enums.language.en') },
        ]}
      />
      {groups.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('templates.empty')}
        </Text>
      )}
      <Stack gap="sm">
        {groups.map(({ purpose, items }) => (
          <div key={purpose}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs" mb={4} style={{ letterSpacing: '0.04em' }} id={`purpose-${purpose}`}>
              {t(`templates.purposes.${purpose}`)}
            </Text>
            <ul aria-labelledby={`purpose-${purpose}`} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((tpl) => (
                <li key={tpl.id}>
                  <NavLink
                    component="button"
                    type="button"
                    onClick={() => onSelect(tpl.id)}
                    active={tpl.id === selectedId}
                    aria-current={tpl.id === selectedId ? 'true' : undefined}
                    label={tpl.name}
                    styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
                    rightSection={
                      <Group gap={4} wrap="nowrap">
                        {language === 'all' && (
                          <Badge size="xs" color="gray" variant="outline">
                            {tpl.language.toUpperCase()}
                          </Badge>
                        )}
                        {!tpl.defaultKey && (
                          <Badge size="xs" color="coral" variant="light">
                            {t('templates.own')}
                          </Badge>
                        )}
                      </Group>
                    }
                  />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </Stack>
    </Card>
  );
}
