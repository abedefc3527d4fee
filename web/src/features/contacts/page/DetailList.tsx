import { Stack, Text } from '@mantine/core';
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

/**
 * One fact: a `<div>` holding only its `<dt>` and `<dd>`, as HTML allows inside a `<dl>`. The icon
 * sits in the label, placed beside both lines by the stylesheet (a wrapper would break the list).
 */
export function Detail({ icon, label, children }: { icon?: ReactNode; label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <div className={classes.row} data-with-icon={icon ? true : undefined}>
      <Text component="dt" size="xs" c="dimmed" fw={500}>
        {icon && (
          <span className={classes.icon} aria-hidden>
            {icon}
          </span>
        )}
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} className={classes.value}>
        {children}
      </Text>
    </div>
  );
}
