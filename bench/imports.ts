// The import part of `npm run bench`: the heavy user's LinkedIn export (30,000 connections and a
// ~50 MB messages.csv) imported by the real CLI into a fresh embedded database, beside the floor
// a database can do at best: a raw `COPY` of the same rows into a bare table, with no parsing,
// matching or indexes. Peak memory is the importing process's maximum resident set size.
import { execFile } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { englishFirstNames, englishLastNames, companies, noteSentences, otherFirstNames, spanishFirstNames, spanishLastNames, titles } from './vocabulary.js';
import { progress, round } from './measure.js';
import { Rng } from './prng.js';

const run = promisify(execFile);
const OWNER = { name: 'Alex Rivera', url: 'https://www.linkedin.com/in/alexrivera' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A field as LinkedIn writes it: quoted when it holds a comma, a quote or a line break. */
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const csvLine = (fields: string[]) => fields.map(csvField).join(',');

interface Person {
  name: string;
  url: string;
}

interface LinkedinExport {
  dir: string;
  connections: { rows: number; bytes: number; body: string };
  messages: { rows: number; bytes: number; body: string };
}

/** Connections.csv (with LinkedIn's `Notes:` preamble) and messages.csv for `connections` people. */
function writeExport(dir: string, connections: number, messageBytes: number): LinkedinExport {
  const rng = new Rng(4242);
  const people: Person[] = [];
  const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
  const lines: string[] = [];
  for (let i = 0; i < connections; i++) {
    const spanish = rng.chance(0.6);
    const first = spanish ? rng.pick(rng.chance(0.1) ? otherFirstNames : spanishFirstNames) : rng.pick(englishFirstNames);
    const last = spanish ? `${rng.pick(spanishLastNames)} ${rng.pick(spanishLastNames)}` : rng.pick(englishLastNames);
    const url = `https://www.linkedin.com/in/${first}-${last}-${i.toString(36)}`.toLowerCase().replaceAll(' ', '-');
    const connectedOn = `${String(rng.int(1, 28)).padStart(2, '0')} ${rng.pick(MONTHS)} ${rng.int(2010, 2026)}`;
    const email = rng.chance(0.15) ? `${i.toString(36)}@example.org` : '';
    lines.push(csvLine([first, last, url, email, rng.pick(companies), rng.pick(titles), connectedOn]));
    people.push({ name: `${first} ${last}`, url });
  }
  const connectionsBody = `${header}\n${lines.join('\n')}\n`;
  const preamble = 'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n';
  writeFileSync(join(dir, 'Connections.csv'), preamble + connectionsBody);

  // Conversations of 2–12 messages between the owner and one connection, until the file is big enough.
  const messageHeader = 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER';
  const messages: string[] = [];
  let bytes = messageHeader.length + 1;
  let conversation = 0;
  const start = Date.UTC(2019, 0, 1);
  while (bytes < messageBytes) {
    const other = rng.pick(people);
    const id = `2-bench${(conversation++).toString(36)}==`;
    let at = start + rng.int(0, 7 * 365) * 86_400_000 + rng.int(0, 86_399) * 1000;
    for (let m = rng.int(2, 12); m > 0; m--) {
      const mine = rng.chance(0.5);
      const [from, to] = mine ? [OWNER, other] : [other, OWNER];
      const content = Array.from({ length: rng.int(1, 4) }, () => rng.pick(noteSentences)).join(rng.chance(0.3) ? '\n' : ' ');
      const date = new Date(at).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
      const line = csvLine([id, '', from.name, from.url, to.name, to.url, date, '', content, 'INBOX']);
      messages.push(line);
      bytes += line.length + 2;
      at += rng.int(60, 3 * 86_400) * 1000;
    }
  }
  const messagesBody = `${messageHeader}\r\n${messages.join('\r\n')}\r\n`;
  writeFileSync(join(dir, 'messages.csv'), messagesBody);
  return {
    dir,
    connections: { rows: connections, bytes: statSync(join(dir, 'Connections.csv')).size, body: connectionsBody },
    messages: { rows: messages.length, bytes: statSync(join(dir, 'messages.csv')).size, body: messagesBody },
  };
}

/** Runs `circulo …` under GNU time: wall seconds and the process's peak resident memory. */
async function timedCli(args: string[], env: NodeJS.ProcessEnv) {
  const { stdout, stderr } = await run('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, 'bin/circulo.mjs', ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const [, wall, kib] = /TIME ([\d.]+) (\d+)/.exec(stderr) ?? [];
  if (!wall || !kib) throw new Error(`no timing from /usr/bin/time: ${stderr.slice(-500)}`);
  return { stdout, seconds: Number(wall), peakRssMiB: round(Number(kib) / 1024) };
}

/** The floor: the same rows `COPY`ed into a bare table of text columns. */
async function copyFloor(dataDir: string, exported: LinkedinExport) {
  const db = await PGlite.create(dataDir);
  try {
    const result: Record<string, { rows: number; seconds: number; exactSeconds: number }> = {};
    const tables = [
      ['connections', exported.connections.body, 7],
      ['messages', exported.messages.body, 10],
    ] as const;
    for (const [name, body, columns] of tables) {
      await db.exec(`create table floor_${name} (${Array.from({ length: columns }, (_, i) => `c${i} text`).join(', ')})`);
      const started = performance.now();
      await db.query(`copy floor_${name} from '/dev/blob' with (format csv, header true)`, [], { blob: new Blob([body]) });
      const exactSeconds = (performance.now() - started) / 1000;
      const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from floor_${name}`);
      result[name] = { rows: rows[0]!.n, seconds: round(exactSeconds, 2), exactSeconds };
    }
    return result;
  } finally {
    await db.close();
  }
}

export async function measureImports(root: string, scale: number) {
  const dir = join(root, 'linkedin-export');
  mkdirSync(dir, { recursive: true });
  const exported = writeExport(dir, Math.round(30_000 * scale), Math.round(50 * 1024 * 1024 * scale));
  progress(`import: Connections.csv ${exported.connections.rows} rows (${round(exported.connections.bytes / 2 ** 20)} MiB), messages.csv ${exported.messages.rows} rows (${round(exported.messages.bytes / 2 ** 20)} MiB)`);

  const env = { CIRCULO_DATA_DIR: join(root, 'import-data'), CIRCULO_PASSWORD: 'bench password 1234' };
  await timedCli(['user', 'create', '--email', 'bench@example.org', '--name', OWNER.name], env);
  const steps = {
    connections: ['import', 'linkedin', join(dir, 'Connections.csv'), '--json'],
    messages: ['import', 'linkedin', join(dir, 'messages.csv'), '--json'],
    connectionsAgain: ['import', 'linkedin', join(dir, 'Connections.csv'), '--json'],
  };
  const result: Record<string, unknown> = {};
  for (const [name, args] of Object.entries(steps)) {
    const { stdout, seconds, peakRssMiB } = await timedCli(args, env);
    const report = JSON.parse(stdout) as { created: number; updated: number; unchanged: number; skippedTotal: number; interactions: { created: number } };
    result[name] = { seconds, peakRssMiB, created: report.created, updated: report.updated, unchanged: report.unchanged, skipped: report.skippedTotal, interactionsCreated: report.interactions.created };
    progress(`import ${name}: ${JSON.stringify(result[name])}`);
  }
  const measuredFloor = await copyFloor(join(root, 'copy-floor'), exported);
  const floor = Object.fromEntries(Object.entries(measuredFloor).map(([name, { rows, seconds }]) => [name, { rows, seconds }]));
  progress(`import floor (raw COPY): ${JSON.stringify(floor)}`);
  // How many times the floor each import took: the import's whole process against a raw COPY of
  // the same file's rows (the same Connections.csv for both connection imports).
  const floorOf: Record<string, keyof typeof measuredFloor> = { connections: 'connections', messages: 'messages', connectionsAgain: 'connections' };
  for (const [name, entry] of Object.entries(result) as [string, { seconds: number; floorRatio?: number }][]) {
    const copy = measuredFloor[floorOf[name]!]!;
    entry.floorRatio = round(entry.seconds / copy.exactSeconds, 0);
  }
  return {
    files: {
      connections: { rows: exported.connections.rows, MiB: round(exported.connections.bytes / 2 ** 20) },
      messages: { rows: exported.messages.rows, MiB: round(exported.messages.bytes / 2 ** 20) },
    },
    // Each step is a whole `circulo import` process: opening the database is part of it.
    cli: result,
    rawCopyFloor: floor,
  };
}
