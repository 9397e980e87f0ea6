// Child processes the benchmark measures: the real `oars` CLI and server, with their peak memory
// (VmHWM, Linux) and wall time.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import startPostgres from "../../packages/server/test/pg-global-setup";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const OARS = path.join(ROOT, "packages/server/bin/oars.js");

function peakKb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
  peakMb: number | null;
}

/** Runs `oars …` to the end, sampling its peak resident memory. */
export function runOars(args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [OARS, ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    let peak: number | null = null;
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setInterval(() => {
      const kb = child.pid ? peakKb(child.pid) : null;
      if (kb !== null) peak = Math.max(peak ?? 0, kb);
    }, 50);
    child.on("exit", (code) => {
      clearInterval(timer);
      resolve({
        code: code ?? 1,
        stdout,
        stderr,
        seconds: (performance.now() - started) / 1000,
        peakMb: peak === null ? null : peak / 1024,
      });
    });
  });
}

/** Starts `oars serve` on a free port and waits for /api/health. */
export async function startServer(
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [OARS, "serve", "--port", String(port), "--host", "127.0.0.1"], {
    env: { ...process.env, OARS_LOG_LEVEL: "silent", ...env },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  // Boot migrates first; a migration over millions of rows takes a while on a busy machine.
  for (let i = 0; i < 3000; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, stop: () => child.kill("SIGTERM") };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error("oars serve did not come up");
}

export async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const a = probe.address();
      const port = typeof a === "object" && a ? a.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The PostgreSQL server a bench runs against: `given` (an admin URL, from --pg or
 * OARS_BENCH_PG_URL) when set, else a throwaway server started as the test suite starts one.
 * `stop` ends the throwaway one and does nothing for a given server.
 */
export async function benchPostgres(given: string | undefined): Promise<{ admin: string; stop: () => void }> {
  if (given) return { admin: given, stop: () => {} };
  const provided: Record<string, string> = {};
  const project = { provide: (key: string, v: string) => (provided[key] = v) };
  const stop = await startPostgres(project as unknown as Parameters<typeof startPostgres>[0]);
  const admin = provided.pgUrl;
  if (!admin) throw new Error("no PostgreSQL server");
  return { admin, stop };
}
