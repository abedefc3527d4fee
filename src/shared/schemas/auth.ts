import { z } from 'zod';
import { Language, TokenScope } from '../enums.js';
import { Id, IsoDateTime } from './common.js';

export const Email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));
export const Password = z.string().min(10, 'at least 10 characters').max(200);

/** An IANA time zone the runtime knows, e.g. `Europe/Madrid`. */
export const TimeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone');

export const SetupBody = z.object({
  email: Email,
  password: Password,
  name: z.string().trim().min(1).max(120),
  timeZone: TimeZone.optional(),
  language: Language.optional(),
});
export type SetupBody = z.infer<typeof SetupBody>;

/** The 6 digits an authenticator app shows (spaces allowed: "123 456"). */
export const TotpCode = z
  .string()
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'the 6 digits from the authenticator app'));
/** One of the ten recovery codes, as printed (`abcd-efgh-jkmn-pqrs`); case and dashes do not matter. */
export const RecoveryCode = z.string().trim().min(8).max(40);

export const LoginBody = z.object({
  email: Email,
  password: z.string().min(1).max(200),
  /** Once two-factor is on: the authenticator app's 6 digits, or one of the recovery codes. */
  totpCode: TotpCode.optional(),
  recoveryCode: RecoveryCode.optional(),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const User = z.object({
  id: Id,
  accountId: Id,
  email: z.string(),
  name: z.string(),
  timeZone: z.string(),
  language: Language,
  weeklyTarget: z.number().int(),
  /** The installation's first user, who manages the others (Settings → Users). */
  isOwner: z.boolean(),
  createdAt: IsoDateTime,
});
export type User = z.infer<typeof User>;

export const Me = z.object({
  user: User,
  /** Send back as `X-CSRF-Token` on every cookie-authenticated write. */
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const SetupStatus = z.object({ needsSetup: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatus>;

export const TokenCreateBody = z.object({
  name: z.string().trim().min(1).max(80),
  /** `read`: GET and HEAD only. Default `write`. */
  scope: TokenScope.default('write'),
  /** When the token stops working (in the future); absent or null: never. */
  expiresAt: IsoDateTime.nullable().optional(),
});
export type TokenCreateBody = z.input<typeof TokenCreateBody>;
export const TokenCreated = z.object({
  id: Id,
  name: z.string(),
  /** Shown once; only its hash is stored. */
  token: z.string(),
  scope: TokenScope,
  expiresAt: IsoDateTime.nullable(),
});
export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  scope: TokenScope,
  /** Null: never expires. */
  expiresAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  lastUsedAt: IsoDateTime.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export type TokenCreated = z.infer<typeof TokenCreated>;
