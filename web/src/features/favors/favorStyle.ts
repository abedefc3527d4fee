// Colours and icons shared by every view of a favor, so a loop looks the same everywhere.
import { IconArrowDownLeft, IconArrowUpRight, type Icon } from '@tabler/icons-react';
import type { FavorDirection, LoopStatus } from '@shared/enums.js';

export const loopColor: Record<LoopStatus, string> = { open: 'coral', thanked: 'blue', closed: 'sage' };
export const directionColor: Record<FavorDirection, string> = { received: 'grape', given: 'green' };
export const directionIcon: Record<FavorDirection, Icon> = { received: IconArrowDownLeft, given: IconArrowUpRight };
export const effortColor = { small: 'gray', medium: 'blue', large: 'violet' } as const;

/** Where a received favor's loop stands, as steps: 1 to thank, 2 to report back, 3 closed. */
export const loopStep: Record<LoopStatus, number> = { open: 1, thanked: 2, closed: 3 };
