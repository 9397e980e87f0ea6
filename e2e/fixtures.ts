// The `oars` fixture: a fresh Oars server with its own empty data folder for every test, so a test
// never sees another's org, users or sessions. `page` and `request` use it as their baseURL.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test as base } from "@playwright/test";

export { expect } from "@playwright/test";

const repoRoot = path.resolve(import.meta.dirname, "..");
const oarsBin = path.join(repoRoot, "packages/server/bin/oars.js");
// The contract `oars serve` keeps: this line on stdout once the server accepts requests.
const listening = /Oars listening on (http:\/\/127\.0\.0\.1:\d+)/;
const startTimeoutMs = 30_000;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface OarsServer {
  url: string;
  dataDir: string;
  /** Runs `oars ...args` against this server's data folder. */
  cli(args: string[]): Promise<CliResult>;
}

export const test = base.extend<{ oars: OarsServer }>({
  // Playwright reads the fixtures a fixture needs from this pattern; this one needs none.
  // eslint-disable-next-line no-empty-pattern
  oars: async ({}, use, testInfo) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "oars-e2e-"));
    const env = oarsEnv(dataDir);
    // No scheduler: a weekly digest landing mid-test would change the bell's unread count; a test
    // that wants one runs it (POST /api/v1/progress/digest/run).
    const server = spawn(
      process.execPath,
      [oarsBin, "serve", "--port", "0", "--host", "127.0.0.1", "--no-scheduler"],
      {
        cwd: repoRoot,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    try {
      const url = await waitForListening(server, () => output);
      await use({ url, dataDir, cli: (args) => runCli(args, env) });
    } finally {
      await stop(server);
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach("server-output", { body: output, contentType: "text/plain" });
      }
      await rm(dataDir, { recursive: true, force: true });
    }
  },
  baseURL: async ({ oars }, use) => {
    await use(oars.url);
  },
});

function oarsEnv(dataDir: string): NodeJS.ProcessEnv {
  // Drop settings from the caller's shell that would point the server at another database or port.
  const { OARS_DATABASE_URL: _db, PORT: _port, HOST: _host, ...rest } = process.env;
  return { ...rest, OARS_DATA_DIR: dataDir, OARS_LOG_LEVEL: "warn" };
}

function waitForListening(server: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      cleanup();
      reject(new Error(`oars serve ${why}. Its output:\n${output()}`));
    };
    const onData = () => {
      const match = listening.exec(output());
      if (match?.[1]) {
        cleanup();
        resolve(match[1]);
      }
    };
    const onExit = (code: number | null) => fail(`exited (code ${code}) before listening`);
    const timer = setTimeout(
      () => fail(`did not print its listening line in ${startTimeoutMs} ms`),
      startTimeoutMs,
    );
    const cleanup = () => {
      clearTimeout(timer);
      server.stdout?.off("data", onData);
      server.off("exit", onExit);
    };
    server.stdout?.on("data", onData);
    server.once("exit", onExit);
  });
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  // A server that ignores SIGTERM must not outlive the test.
  const timer = setTimeout(() => server.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [oarsBin, ...args], {
      cwd: repoRoot,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}
