import { Badge, Box, Group, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LoopStatus } from '@shared/enums.js';
import { loopColor, loopStep } from './favorStyle';

/** A received favor's loop: open → thanked → closed, with three dots showing how far it got. */
export function LoopStatusBadge({ status, ...props }: { status: LoopStatus } & BadgeProps) {
  const { t } = useTranslation();
  const step = loopStep[status];
  const label = t(`enums.loopStatus.${status}`);
  return (
    <Badge
      color={loopColor[status]}
      leftSection={
        <Group gap={3} wrap="nowrap" aria-hidden>
          {[1, 2, 3].map((dot) => (
            <Box
              key={dot}
              w={6}
              h={6}
              style={{
                borderRadius: '50%',
                background: dot <= step ? 'currentColor' : 'transparent',
                border: '1.5px solid currentColor',
              }}
            />
          ))}
        </Group>
      }
      aria-label={t('favors.loopLabel', { status: label })}
      data-loop-status={status}
      {...props}
    >
      {label}
    </Badge>
  );
}
