// A real SMTP server for the e-mail tests (smtp-server), keeping every message it accepts parsed
// by mailparser. `refuseNext(n)` answers the next n messages with a temporary failure (451).
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail['headers'];
  /** Each header as sent, by its lower-case name (`list-unsubscribe`: `<https://…>`). */
  raw: Record<string, string>;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  /** Messages sent to one address, in order. */
  to(address: string): ReceivedMail[];
  refuseNext(count: number): void;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals -= 1;
          const error = new Error('Mailbox busy, try later') as Error & { responseCode: number };
          error.responseCode = 451;
          return callback(error);
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            const to = Array.isArray(mail.to) ? mail.to[0]?.text : mail.to?.text;
            received.push({ to: to ?? '', subject: mail.subject ?? '', text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '', headers: mail.headers, raw: rawHeaders(mail) });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    to: (address) => received.filter((mail) => mail.to.toLowerCase().includes(address.toLowerCase())),
    refuseNext: (count) => {
      refusals = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function rawHeaders(mail: ParsedMail): Record<string, string> {
  return Object.fromEntries(mail.headerLines.map(({ key, line }) => [key, line.slice(line.indexOf(':') + 1).replace(/\r?\n\s+/g, ' ').trim()]));
}
