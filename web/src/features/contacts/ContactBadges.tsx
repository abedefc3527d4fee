import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Circle, Stage } from '@shared/enums.js';
import { circleColor } from '../../app/theme';

export function CircleBadge({ value: circle, ...props }: { value: Circle } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={circleColor[circle]} {...props}>
      {t(`enums.circle.${circle}`)}
    </Badge>
  );
}

export function StageBadge({ value: stage, ...props }: { value: Stage } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color="gray" variant="outline" {...props}>
      {t(`enums.stage.${stage}`)}
    </Badge>
  );
}
