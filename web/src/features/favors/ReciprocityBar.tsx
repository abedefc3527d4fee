import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { directionColor } from './favorStyle';

interface ReciprocityBarProps {
  given: number;
  received: number;
  /** A one-line verdict under the bar ("Nicely balanced."). */
  withVerdict?: boolean;
}

/** Given vs received over 12 months as one split bar: the wider side is where the balance leans. */
export function ReciprocityBar({ given, received, withVerdict = true }: ReciprocityBarProps) {
  const { t } = useTranslation();
  const total = given + received;
  const label = t('reciprocity.label', { given, received });
  const verdict =
    total === 0 ? t('reciprocity.empty') : given === received ? t('reciprocity.balanced') : given > received ? t('reciprocity.moreGiven') : t('reciprocity.moreReceived');

  return (
    <Stack gap={6} data-testid="reciprocity-bar">
      <Group justify="space-between" gap="xs" aria-hidden>
        <Text size="sm" fw={600} c={directionColor.given}>
          {t('reciprocity.given', { count: given })}
        </Text>
        <Text size="sm" fw={600} c={directionColor.received}>
          {t('reciprocity.received', { count: received })}
        </Text>
      </Group>
      <Progress.Root size={14} radius="xl" aria-label={label} role="img">
        {total === 0 ? (
          <Progress.Section value={100} color="gray.2" aria-hidden />
        ) : (
          <>
            <Progress.Section value={(given / total) * 100} color={directionColor.given} aria-hidden />
            <Progress.Section value={(received / total) * 100} color={directionColor.received} aria-hidden />
          </>
        )}
      </Progress.Root>
      {withVerdict && (
        <Text size="xs" c={total > 0 && received > given ? 'coral.8' : 'dimmed'}>
          {verdict}
        </Text>
      )}
    </Stack>
  );
}
