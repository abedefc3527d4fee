import { z } from 'zod';
import { EmailKind, EmailSendStatus } from '../enums.js';
import { IsoDate, IsoDateTime } from './common.js';

/** The e-mails a user gets (README "E-mail"), and how the last one went. */
export const EmailSettings = z.object({
  daily: z.boolean(),
  weekly: z.boolean(),
  /** The local hour (0–23, the user's time zone) at which the e-mails go out. */
  hour: z.number().int().min(0).max(23),
  /** Send the daily digest even on a day with nothing to do. */
  whenEmpty: z.boolean(),
  /** False when the server has no CIRCULO_SMTP_URL: nothing is sent. */
  configured: z.boolean(),
  lastSend: z
    .object({
      kind: EmailKind,
      localDate: IsoDate,
      status: EmailSendStatus,
      /** A send that started and never finished (the process stopped): not sent again. */
      interrupted: z.boolean(),
      attempts: z.number().int(),
      at: IsoDateTime,
      error: z.string().nullable(),
      /** When a failed send is tried again; null when it will not be. */
      retryAt: IsoDateTime.nullable(),
    })
    .nullable(),
});
export type EmailSettings = z.infer<typeof EmailSettings>;

export const EmailSettingsPatch = z.object({
  daily: z.boolean().optional(),
  weekly: z.boolean().optional(),
  hour: z.number().int().min(0).max(23).optional(),
  whenEmpty: z.boolean().optional(),
});
export type EmailSettingsPatch = z.infer<typeof EmailSettingsPatch>;

export const EmailTestResult = z.object({ sent: z.boolean(), error: z.string().nullable() });
export type EmailTestResult = z.infer<typeof EmailTestResult>;

export const UnsubscribeParams = z.object({ token: z.string().min(10).max(100).regex(/^[A-Za-z0-9_.-]+$/, 'not an unsubscribe token') });
