import { createInterface } from 'node:readline/promises';
import { SetupBody } from '../shared/schemas/auth.js';
import { EmailTakenError, createUserWithAccount } from '../server/features/auth/users.js';
import { CliError, printJson, withDatabase } from './shared.js';

async function askPassword(): Promise<string> {
  if (process.env.CIRCULO_PASSWORD) return process.env.CIRCULO_PASSWORD;
  if (!process.stdin.isTTY) throw new CliError('Set CIRCULO_PASSWORD, or run in a terminal to type the password.');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await rl.question('Password (at least 10 characters): ');
  } finally {
    rl.close();
  }
}

export async function userCreateCommand(options: { email: string; name: string; timeZone: string; language: string; json?: boolean }) {
  const parsed = SetupBody.safeParse({ ...options, password: await askPassword() });
  if (!parsed.success) {
    throw new CliError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const user = await withDatabase('circulo user create', async ({ db }) => {
    try {
      return await createUserWithAccount(db, parsed.data, new Date());
    } catch (error) {
      if (error instanceof EmailTakenError) throw new CliError(error.message);
      throw error;
    }
  }, { writes: true });
  if (!user) throw new CliError('The user could not be created.');
  if (options.json) printJson({ id: user.id, accountId: user.accountId, email: user.email, name: user.name, isOwner: user.isOwner });
  else console.log(`Created ${user.name} <${user.email}> with an account of their own.`);
}
