// Runs the real server (`node bin/circulo.mjs serve`) as a child process on the bench data.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { progress } from './measure.js';

const cli = fileURLToPath(new URL('../bin/circulo.mjs', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ChildServer {
  pid: number;
  url: string;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. Resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
  /** The first line of its output (from the start) matching `pattern`; null after `timeoutMs`. */
  lineMatching(pattern: RegExp, timeoutMs: number): Promise<string | null>;
}

export interface ChildServerOptions {
  /** A PostgreSQL server instead of the embedded database in `dataDir`. */
  databaseUrl?: string;
  /** CIRCULO_SECRET: the same for every process of an organisation. */
  secret?: string;
  timeoutMs?: number;
  /** Another checkout's server (bench/ab.ts: the code before a change), with its own bundle. */
  repoRoot?: string;
}

export async function startChildServer(dataDir: string, options: ChildServerOptions = {}): Promise<ChildServer> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const port = await freePort();
  const host = '127.0.0.1';
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: host, CIRCULO_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.CIRCULO_SECRET;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.secret) env.CIRCULO_SECRET = options.secret;
  const root = options.repoRoot ?? repoRoot;
  const child: ChildProcess = spawn(process.execPath, [options.repoRoot ? join(root, 'bin', 'circulo.mjs') : cli, 'serve'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  // The server logs to stdout; ours is reserved for the JSON result.
  const output: string[] = [];
  const relay = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n'));
    process.stderr.write(chunk.toString().replace(/^(?=.)/gm, '[server] '));
  };
  child.stdout?.on('data', relay);
  child.stderr?.on('data', relay);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const url = `http://${host}:${port}`;
  const server: ChildServer = {
    pid: child.pid!,
    url,
    async lineMatching(pattern, timeoutMs) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const line = output.find((l) => pattern.test(l));
        if (line || hasExited || Date.now() > until) return line ?? null;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop(graceMs = 120_000) {
      if (hasExited) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        progress(`server did not stop within ${graceMs / 1000} s: SIGKILL`);
        child.kill('SIGKILL');
      }, graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (hasExited) throw new Error(`the server exited before answering (code ${await exited})`);
    try {
      const response = await fetch(`${url}/api/auth/status`);
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop(5_000);
      throw new Error(`the server did not answer within ${timeoutMs / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
