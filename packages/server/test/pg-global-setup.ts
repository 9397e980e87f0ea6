// Vitest global set-up of the "postgres" project: gives the tests the admin URL of a PostgreSQL
// server — OARS_TEST_PG_URL when set, otherwise a throwaway one started from the local binaries.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL (superuser `postgres`, database `postgres`) of the test PostgreSQL server. */
    pgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.OARS_TEST_PG_URL;
  if (given) {
    project.provide("pgUrl", given);
    return () => {};
  }
  const server = await startThrowawayPostgres();
  project.provide("pgUrl", server.url);
  return server.stop;
}

interface ThrowawayPostgres {
  url: string;
  stop: () => void;
}

async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = findPostgresBinaries() ?? installPostgresOrExplain();
  const owner = serverOwner();
  const dir = mkdtempSync(path.join(tmpdir(), "oars-pg-"));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const run = (tool: string, args: string[]) => {
    // initdb and pg_ctl refuse to run as root, so as root they run as the `postgres` user; cwd is
    // the temp folder because that user may not be allowed into ours.
    const result = spawnSync(path.join(bin, tool), args, { cwd: dir, encoding: "utf8", ...owner });
    if (result.status !== 0) {
      const log = existsSync(logFile) ? readFileSync(logFile, "utf8").slice(-2000) : "";
      throw new Error(`${tool} failed: ${result.error?.message ?? ""}${result.stderr}${result.stdout}${log}`);
    }
  };
  const stop = () => {
    spawnSync(path.join(bin, "pg_ctl"), ["stop", "-D", dataDir, "-m", "immediate"], { cwd: dir, ...owner });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // --no-sync and fsync=off: the data is thrown away, so durability buys nothing but seconds.
    run("initdb", ["-D", dataDir, "--auth=trust", "-U", "postgres", "--locale=C", "-E", "UTF8", "--no-sync"]);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      "-c listen_addresses=127.0.0.1",
      `-c unix_socket_directories=${dir}`,
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c shared_buffers=64MB",
    ].join(" ");
    // -w waits until the server accepts connections.
    run("pg_ctl", ["start", "-w", "-t", "30", "-D", dataDir, "-l", logFile, "-o", options]);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/** The folder holding initdb and pg_ctl, or undefined when PostgreSQL's server is not installed. */
function findPostgresBinaries(): string | undefined {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim());
  } catch {
    // pg_config is absent or belongs to a client-only install; try the other places.
  }
  const debianRoot = "/usr/lib/postgresql";
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debianRoot, v, "bin")));
  }
  candidates.push(...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean));
  return candidates.find((d) => existsSync(path.join(d, "initdb")) && existsSync(path.join(d, "pg_ctl")));
}

function installPostgresOrExplain(): string {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync("/etc/debian_version")) {
    throw new Error(
      "PostgreSQL server binaries (initdb, pg_ctl) not found. Install PostgreSQL 15 or newer " +
        "(Debian/Ubuntu: apt-get install postgresql) or set OARS_TEST_PG_URL to a server's admin URL.",
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () =>
    spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], {
      stdio: "inherit",
      env,
    });
  // A fresh machine has empty package lists: update once and try again.
  if (install().status !== 0) {
    execFileSync("apt-get", ["update"], { stdio: "inherit", env });
    if (install().status !== 0) throw new Error("apt-get install postgresql failed");
  }
  const bin = findPostgresBinaries();
  if (!bin) throw new Error("postgresql was installed but initdb and pg_ctl are still not found");
  return bin;
}

/** The uid/gid to run the server as: `postgres` when we are root, ourselves otherwise. */
function serverOwner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const entry = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .map((line) => line.split(":"))
    .find((fields) => fields[0] === "postgres");
  if (!entry) throw new Error("Running as root, but there is no `postgres` user to run initdb as");
  return { uid: Number(entry[2]), gid: Number(entry[3]) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
