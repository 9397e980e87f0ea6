// Browser tests drive Debian's chromium (CHROMIUM_PATH to change): Playwright never downloads a
// browser here. Each test starts its own Oars server (see fixtures.ts), so tests share no state.
import path from "node:path";
import { defineConfig } from "@playwright/test";

const repoRoot = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  testDir: import.meta.dirname,
  outputDir: path.join(repoRoot, "test-results"),
  // Two cores: each worker runs a browser plus a fresh server, so two workers already fill them.
  workers: 2,
  fullyParallel: true,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  reporter: "list",
  use: {
    browserName: "chromium",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
});
