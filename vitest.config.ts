import { defineConfig } from 'vitest/config';

// API tests run once on the embedded database and, when TEST_DATABASE_URL is set, once more
// on that PostgreSQL server: the same tests, the same migrations.
const databases = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one on CI's 2-core runner. Most API,
    // CLI and durability tests wait on a child process, a socket or the PostgreSQL server rather
    // than compute, so three files at a time keep both cores busy (every file has its own
    // database and listens on port 0, so files never share anything).
    maxWorkers: 3,
    projects: [
      {
        test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' },
      },
      ...databases.map((db) => ({
        test: {
          name: `api-${db}`,
          include: ['tests/api/**/*.test.ts', 'tests/security/**/*.test.ts'],
          environment: 'node',
          env: { CIRCULO_TEST_DB: db },
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
      {
        test: { name: 'durability', include: ['tests/durability/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
      },
    ],
  },
});
