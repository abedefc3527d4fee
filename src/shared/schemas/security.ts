// Account security: password change, the user's sessions, two-factor authentication (TOTP).
import { z } from 'zod';
import { Id, IsoDateTime, Problem } from './common.js';
import { Password, RecoveryCode, TotpCode } from './auth.js';

/** A second factor, sent with the password to log in once two-factor is on. */
export const SecondFactor = z.object({
  totpCode: TotpCode.optional(),
  recoveryCode: RecoveryCode.optional(),
});

/** A 401 from login; `totpRequired` says the password was right and a code is needed. */
export const LoginProblem = Problem.extend({ totpRequired: z.boolean().optional() });
export type LoginProblem = z.infer<typeof LoginProblem>;

export const PasswordChangeBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});
export type PasswordChangeBody = z.infer<typeof PasswordChangeBody>;

export const PasswordChanged = z.object({
  /** How many other sessions were ended (this one stays). */
  endedSessions: z.number().int(),
});
export type PasswordChanged = z.infer<typeof PasswordChanged>;

export const DeviceType = z.enum(['desktop', 'mobile', 'tablet', 'other']);
export type DeviceType = z.infer<typeof DeviceType>;

export const SessionInfo = z.object({
  /** An opaque id for revoking it: neither the cookie nor anything derived from it. */
  id: Id,
  /** "Chrome on Android", in English; `browser`, `os` and `deviceType` for other words. */
  device: z.string(),
  browser: z.string().nullable(),
  os: z.string().nullable(),
  deviceType: DeviceType,
  ipAddress: z.string().nullable(),
  createdAt: IsoDateTime,
  lastSeenAt: IsoDateTime,
  expiresAt: IsoDateTime,
  /** The session making this request. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SessionsEnded = z.object({ ended: z.number().int() });
export type SessionsEnded = z.infer<typeof SessionsEnded>;

export const TotpStatus = z.object({
  enabled: z.boolean(),
  enabledAt: IsoDateTime.nullable(),
  recoveryCodesLeft: z.number().int(),
});
export type TotpStatus = z.infer<typeof TotpStatus>;

/** Proof that the caller is the user: the password, or a current code. */
export const Reauthentication = SecondFactor.extend({ password: z.string().min(1).max(200).optional() }).refine(
  (v) => v.password !== undefined || v.totpCode !== undefined || v.recoveryCode !== undefined,
  { message: 'send password, totpCode or recoveryCode', path: ['password'] },
);
export type Reauthentication = z.infer<typeof Reauthentication>;

export const TotpEnrolBody = z.object({ password: z.string().min(1).max(200) });
export type TotpEnrolBody = z.infer<typeof TotpEnrolBody>;

export const TotpEnrolment = z.object({
  /** `otpauth://totp/…`: what the QR code holds. */
  uri: z.string(),
  /** The base32 secret, for typing into the app by hand. */
  secret: z.string(),
  /** The QR code as an SVG data URL (`data:image/svg+xml;base64,…`). */
  qrCode: z.string(),
});
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const TotpConfirmBody = z.object({ totpCode: TotpCode });
export type TotpConfirmBody = z.infer<typeof TotpConfirmBody>;

export const RecoveryCodes = z.object({
  /** Ten single-use codes, shown this once: only their hashes are kept. */
  recoveryCodes: z.array(z.string()),
});
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;
