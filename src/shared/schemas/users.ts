// Settings → Users: the owner's view of every user of the installation.
import { z } from 'zod';
import { SetupBody } from './auth.js';
import { Id, IsoDateTime, pageOf } from './common.js';

export const userStatuses = ['active', 'disabled'] as const;
export const UserStatus = z.enum(userStatuses);
export type UserStatus = z.infer<typeof UserStatus>;

export const UserSummary = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  isOwner: z.boolean(),
  /** `disabled`: cannot log in, sessions ended, tokens refused; the data stays. */
  status: UserStatus,
  createdAt: IsoDateTime,
  disabledAt: IsoDateTime.nullable(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserPage = pageOf(UserSummary);
export type UserPage = z.infer<typeof UserPage>;

/** A new user gets an account of their own, as `circulo user create` does. */
export const UserCreateBody = SetupBody;
export type UserCreateBody = z.infer<typeof UserCreateBody>;
