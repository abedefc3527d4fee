import { ActionIcon, Group, Input, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface LineListEditorProps {
  label: string;
  description?: string;
  placeholder: string;
  /** The accessible name of the "add" button and of each line's "remove" button. */
  addLabel: string;
  removeLabel: (line: string) => string;
  value: string[];
  onChange: (value: string[]) => void;
  maxLength?: number;
  /** Removing is held off while a change is being saved; typing never is (focus stays put). */
  disabled?: boolean;
  /** A heading nearby already says what the list is; the label still names it for screen readers. */
  hideLabel?: boolean;
}

/** A short list of lines (talking points, questions): type one and press Enter to add it. */
export function LineListEditor({ label, description, placeholder, addLabel, removeLabel, value, onChange, maxLength = 500, disabled, hideLabel }: LineListEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState('');
  const add = () => {
    const line = draft.trim();
    if (!line) return;
    if (!value.includes(line)) onChange([...value, line]);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault(); // Enter adds the line; it does not submit a surrounding form.
    add();
  };

  return (
    <Input.Wrapper label={hideLabel ? undefined : label} description={description} labelElement="div" id={id}>
      <Stack gap={6} mt={hideLabel ? 0 : 6}>
        {value.length > 0 && (
          <Stack component="ol" gap={4} p={0} m={0} style={{ listStyle: 'none' }} {...(hideLabel ? { 'aria-label': label } : { 'aria-labelledby': `${id}-label` })}>
            {value.map((line, index) => (
              <Group component="li" key={line} gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" c="dimmed" w={18} ta="right" aria-hidden>
                  {index + 1}.
                </Text>
                <Text size="sm" style={{ flex: 1, overflowWrap: 'anywhere' }}>
                  {line}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={removeLabel(line)}
                  onClick={() => onChange(value.filter((l) => l !== line))}
                  disabled={disabled}
                >
                  <IconX size={14} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        )}
        <Group gap={6} wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            aria-label={addLabel}
            placeholder={placeholder}
            value={draft}
            maxLength={maxLength}
            onChange={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={onKeyDown}
          />
          <ActionIcon variant="light" size="lg" onClick={add} aria-label={addLabel} disabled={!draft.trim()} title={t('common.add')}>
            <IconPlus size={18} aria-hidden />
          </ActionIcon>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
