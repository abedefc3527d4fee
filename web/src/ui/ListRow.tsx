import { Group, Paper, Stack, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

/** A plain list of `ListRow`s, named for screen readers. */
export function RowList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {children}
    </Stack>
  );
}

interface ListRowProps {
  /** The row's accessible name (the person, token or device). */
  label: string;
  icon: ReactNode;
  iconColor: string;
  /** The first line: the name and its badges. */
  title: ReactNode;
  /** The lines under it. */
  children?: ReactNode;
  /** The button at the end of the row. */
  action?: ReactNode;
  testId?: string;
}

/**
 * One thing in a Settings list (a user, an API token, a device logged in): an icon, a title line
 * with badges, detail lines, and one action at the end.
 */
export function ListRow({ label, icon, iconColor, title, children, action, testId }: ListRowProps) {
  return (
    <Paper component="li" withBorder p="sm" aria-label={label} data-testid={testId}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <ThemeIcon variant="light" color={iconColor} radius="xl" aria-hidden>
            {icon}
          </ThemeIcon>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="wrap">
              {title}
            </Group>
            {children}
          </Stack>
        </Group>
        {action}
      </Group>
    </Paper>
  );
}
