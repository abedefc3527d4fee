import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';

/** A deleted contact, restorable until `purgeAt` (docs/domain.md, "Trash"). */
export const TrashItem = z.object({
  id: Id,
  contactId: Id,
  displayName: z.string(),
  deletedAt: IsoDateTime,
  /** From this instant the contact and its history are gone for good. */
  purgeAt: IsoDateTime,
});
export type TrashItem = z.infer<typeof TrashItem>;

export const TrashRestored = z.object({ contactId: Id });
export type TrashRestored = z.infer<typeof TrashRestored>;

export const TrashEmptied = z.object({ deleted: z.number().int() });
export type TrashEmptied = z.infer<typeof TrashEmptied>;
