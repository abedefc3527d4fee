import { ActionIcon, Button, Group, Input, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface MultiTextInputProps {
  label: string;
  description?: string;
  /** The accessible name of row n, e.g. `n => "Email 2"`. */
  itemLabel: (n: number) => string;
  addLabel: string;
  type: 'email' | 'tel' | 'url';
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}

/** A list of single-line values (emails, phones, links): one input per value, add and remove. */
export function MultiTextInput({ label, description, itemLabel, addLabel, type, value, onChange, error }: MultiTextInputProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const rows = value.length > 0 ? value : [''];
  const setRow = (index: number, text: string) => onChange(rows.map((row, i) => (i === index ? text : row)));
  const removeRow = (index: number) => onChange(rows.filter((_, i) => i !== index));

  return (
    <Input.Wrapper label={label} description={description} error={error} labelElement="div" id={labelId}>
      <Stack gap={6} mt={4} role="group" aria-labelledby={`${labelId}-label`}>
        {rows.map((row, index) => (
          <Group key={index} gap={6} wrap="nowrap">
            <TextInput
              type={type}
              aria-label={itemLabel(index + 1)}
              value={row}
              onChange={(e) => setRow(index, e.currentTarget.value)}
              error={Boolean(error)}
              style={{ flex: 1 }}
              autoComplete="off"
              inputMode={type === 'tel' ? 'tel' : type === 'email' ? 'email' : 'url'}
            />
            {(rows.length > 1 || row !== '') && (
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                onClick={() => removeRow(index)}
                aria-label={t('contactForm.removeItem', { label: itemLabel(index + 1) })}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => onChange([...rows, ''])}
          >
            {addLabel}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
