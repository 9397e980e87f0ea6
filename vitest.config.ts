// One Vitest run, three projects: the pure core, the HTTP suite on SQLite, and the same HTTP suite
// on a real PostgreSQL server (started by the global set-up unless OARS_TEST_PG_URL is given).
import { defineConfig } from "vitest/config";

const server = {
  include: ["packages/server/**/*.test.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    projects: [
      { test: { name: "core", include: ["packages/core/**/*.test.ts"] } },
      { test: { ...server, name: "sqlite", env: { OARS_TEST_DB: "sqlite" } } },
      {
        test: {
          ...server,
          name: "postgres",
          env: { OARS_TEST_DB: "postgres" },
          globalSetup: ["packages/server/test/pg-global-setup.ts"],
        },
      },
    ],
  },
});
