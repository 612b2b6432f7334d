import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("./", import.meta.url));
const pgUrl = process.env.TEST_DATABASE_URL;

export default defineConfig({
  resolve: {
    alias: [
      // `server-only` throws outside a React Server Component bundle; tests call server code directly.
      { find: "server-only", replacement: `${root}tests/support/empty-module.ts` },
      { find: /^@\//, replacement: root },
    ],
  },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        // Every test file gets its own in-memory PGlite, migrated from db/migrations.
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          env: { PGLITE_DIR: "memory://", DATABASE_URL: "" },
        },
      },
      // The same files again against a real Postgres server when TEST_DATABASE_URL is set (CI).
      ...(pgUrl
        ? [
            {
              extends: true as const,
              test: {
                name: "integration-pg",
                include: ["tests/integration/**/*.test.ts"],
                env: { DATABASE_URL: pgUrl },
                globalSetup: ["tests/support/postgres-global-setup.ts"],
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 600_000,
          globalSetup: ["tests/e2e/global-setup.ts"],
        },
      },
    ],
  },
});
