// The SMTP connection (README "E-mail"): nodemailer, configured by CIRCULO_SMTP_URL alone, so TLS
// is what the URL says (`smtps://` on 465 is TLS from the start; `smtp://` upgrades with
// STARTTLS when the server offers it).
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailConfig } from '../../config.js';

export interface Mailer {
  /** null when CIRCULO_SMTP_URL is not set: nothing is sent, and Settings says why. */
  transport: Transporter | null;
  from: string;
  /** Links in e-mails start here (CIRCULO_PUBLIC_URL), without a trailing slash. */
  publicUrl: string;
}

/** How long one SMTP conversation may take: a dead server fails the send, it never hangs it. */
const SMTP_TIMEOUT_MS = 20_000;

export function createMailer(config: MailConfig): Mailer {
  const transport = config.smtpUrl
    ? nodemailer.createTransport({
        url: config.smtpUrl,
        connectionTimeout: SMTP_TIMEOUT_MS,
        greetingTimeout: SMTP_TIMEOUT_MS,
        socketTimeout: SMTP_TIMEOUT_MS,
      } as Parameters<typeof nodemailer.createTransport>[0])
    : null;
  return { transport, from: config.from, publicUrl: config.publicUrl };
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** RFC 8058 one-click unsubscribe: the URL both headers point at. */
  unsubscribeUrl: string;
  language: string;
}

/** Sends one e-mail; throws with the SMTP server's answer when it is refused. */
export async function sendMail(mailer: Mailer, mail: OutgoingMail): Promise<void> {
  if (!mailer.transport) throw new Error('CIRCULO_SMTP_URL is not set');
  await mailer.transport.sendMail({
    from: mailer.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: {
      'Content-Language': mail.language,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      // Marks it as an automatic message: no out-of-office replies to it.
      'Auto-Submitted': 'auto-generated',
    },
    list: { unsubscribe: mail.unsubscribeUrl },
  });
}
