// Runs the real `circulo` command as a process, the way a person or a cron job would, and gives
// back its exit code and output whatever happened.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `env` chooses the database (see throwawayDatabaseEnv); logs are silenced. */
export async function runCirculo(args: string[], env: Record<string, string>, options: { timeout?: number } = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/circulo.mjs', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      timeout: options.timeout ?? 60_000,
      maxBuffer: 50 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
