import { defineConfig } from 'vitest/config';

// API tests run once on the embedded database and, when TEST_DATABASE_URL is set, once more
// on that PostgreSQL server: the same tests, the same migrations.
const databases = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
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
