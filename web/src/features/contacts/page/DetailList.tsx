import { Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './DetailList.module.css';

/** A definition list: each fact of a profile with its label, skipped when empty. */
export function DetailList({ children }: { children: ReactNode }) {
  return (
    <Stack component="dl" gap="sm" m={0}>
      {children}
    </Stack>
  );
}

export function Detail({ icon, label, children }: { icon?: ReactNode; label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" className={classes.row}>
      {icon && <span className={classes.icon}>{icon}</span>}
      <div className={classes.body}>
        <Text component="dt" size="xs" c="dimmed" fw={500}>
          {label}
        </Text>
        <Text component="dd" size="sm" m={0} className={classes.value}>
          {children}
        </Text>
      </div>
    </Group>
  );
}
