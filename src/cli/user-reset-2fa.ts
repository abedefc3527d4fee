// `circulo user reset-2fa --email E`: for a user who lost the phone with their authenticator app.
import { Email } from '../shared/schemas/auth.js';
import { turnOffTwoFactor } from '../server/features/auth/totp.js';
import { findUserByEmail } from '../server/features/auth/users.js';
import { CliError, printJson, withDatabase } from './shared.js';

export async function userResetTwoFactorCommand(options: { email: string; json?: boolean }) {
  const email = Email.safeParse(options.email);
  if (!email.success) throw new CliError(`--email: ${options.email} is not an e-mail address.`);
  const result = await withDatabase(
    'circulo user reset-2fa',
    async ({ db }) => {
      const user = await findUserByEmail(db, email.data);
      if (!user) throw new CliError(`No user has the e-mail ${email.data}.`);
      return { user, ...(await turnOffTwoFactor(db, user.id)) };
    },
    { writes: true },
  );
  const { user, wasOn, recoveryCodesDeleted } = result;
  if (options.json) {
    printJson({ email: user.email, twoFactorWasOn: wasOn, recoveryCodesDeleted });
  } else if (wasOn) {
    console.log(
      `Two-factor authentication is now off for ${user.name} <${user.email}>: ${recoveryCodesDeleted} recovery codes deleted. ` +
        'They log in with their password and can turn it on again in Settings → Security.',
    );
  } else {
    console.log(`Two-factor authentication was already off for ${user.name} <${user.email}>; nothing changed.`);
  }
}
