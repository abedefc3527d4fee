// Creates one migrated embedded database to copy for each test file: initdb takes seconds,
// a copy a fraction of that. Each run gets its own template, so concurrent runs never share one.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'circulo-template-'));
  project.provide('templateDir', dir);
  if (process.env.CIRCULO_TEST_DB !== 'postgres') {
    const database = await openDatabase({ dataDir: dir, command: 'test template', snapshots: false, log: () => {} });
    await database.close();
    if (!existsSync(join(dir, 'pgdata', 'PG_VERSION'))) throw new Error('template database was not created');
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
