import { Alert, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mappableFields, type CsvMapping, type CsvPreview, type MappableField } from '@shared/schemas/index.js';

const IGNORE = 'ignore';
/** Fields that let a row become a contact; without any, every row is left out as `no_name`. */
const identifying: readonly MappableField[] = ['firstName', 'lastName', 'fullName', 'displayName', 'emails'];

interface CsvMappingStepProps {
  fileName: string;
  preview: CsvPreview;
  onBack: () => void;
  onImport: (mapping: CsvMapping) => void;
}

/** The column-mapping step of a generic CSV: its first rows, with one field picker per column. */
export function CsvMappingStep({ fileName, preview, onBack, onImport }: CsvMappingStepProps) {
  const { t } = useTranslation();
  const [mapping, setMapping] = useState<CsvMapping>(preview.suggestedMapping);
  const [error, setError] = useState<string>();
  const options = useMemo(
    () => [{ value: IGNORE, label: t('imports.ignore') }, ...mappableFields.map((field) => ({ value: field, label: t(`imports.fields.${field}`) }))],
    [t],
  );
  const mapped = Object.values(mapping);
  const setColumn = (column: string, value: string | null) => {
    setError(undefined);
    setMapping((current) => {
      const { [column]: _, ...rest } = current;
      return value && value !== IGNORE ? { ...rest, [column]: value as MappableField } : rest;
    });
  };
  const submit = () => {
    if (mapped.length === 0) return setError(t('imports.noColumnMapped'));
    onImport(mapping);
  };
  // A table of many columns scrolls sideways on a phone; there, one card per column instead.
  const wide = useMediaQuery('(min-width: 48em)', true);
  const fieldPicker = (header: string) => (
    <Select
      size="xs"
      aria-label={t('imports.mappingField', { column: header })}
      data={options}
      value={mapping[header] ?? IGNORE}
      onChange={(value) => setColumn(header, value)}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      styles={{ input: { fontWeight: mapping[header] ? 600 : 400 } }}
    />
  );

  return (
    <Stack gap="md" data-testid="csv-mapping">
      <Stack gap={4}>
        <Title order={3} size="h5">
          {t('imports.mappingTitle', { file: fileName })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('imports.mappingHint')}
        </Text>
      </Stack>
      {!wide && (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('imports.columns')}>
          {preview.headers.map((header, c) => (
            <Paper key={c} component="li" withBorder p="sm" radius="md">
              <Stack gap={6}>
                <Text fw={600} size="sm" lineClamp={2}>
                  {header}
                </Text>
                {fieldPicker(header)}
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {preview.rows.length === 0
                    ? t('imports.noRows')
                    : t('imports.columnSamples', { values: preview.rows.map((row) => row[c] ?? '').filter(Boolean).slice(0, 3).join(' · ') })}
                </Text>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {wide && (
        <Table.ScrollContainer minWidth={preview.headers.length * 190} type="native">
          <Table withTableBorder withColumnBorders striped verticalSpacing={6} fz="sm" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                {preview.headers.map((header, i) => (
                  <Table.Th key={i} style={{ verticalAlign: 'top' }}>
                    <Stack gap={6}>
                      <Text fw={600} size="sm" lineClamp={2}>
                        {header}
                      </Text>
                      {fieldPicker(header)}
                    </Stack>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((row, r) => (
                <Table.Tr key={r}>
                  {row.map((cell, c) => (
                    <Table.Td key={c} c={mapping[preview.headers[c] ?? ''] ? undefined : 'dimmed'}>
                      <Text size="sm" lineClamp={2} inherit>
                        {cell}
                      </Text>
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Caption>{preview.rows.length === 0 ? t('imports.noRows') : t('imports.firstRows', { count: preview.rows.length })}</Table.Caption>
          </Table>
        </Table.ScrollContainer>
      )}
      {mapped.length > 0 && !mapped.some((field) => identifying.includes(field)) && (
        <Alert variant="light" color="yellow" icon={<IconInfoCircle aria-hidden />}>
          {t('imports.noNameMapped')}
        </Alert>
      )}
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack}>
          {t('imports.back')}
        </Button>
        <Button onClick={submit}>{t('imports.importMapped')}</Button>
      </Group>
    </Stack>
  );
}
