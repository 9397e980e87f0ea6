#!/usr/bin/env node
// `npm test`: the whole suite — unit tests, the HTTP suite on SQLite and on PostgreSQL, and the
// browser tests — with nothing silently skipped. Ends with one line the CI reads:
// `Tests: N passed, M failed`, and exits non-zero exactly when M > 0.
//
//   npm test                          everything: prerequisites, web build, vitest, Playwright
//   npm test -- --project core        only vitest, with the arguments passed through
//   npm test -- e2e [args]            only the web build and Playwright, arguments passed through
//
// With arguments, filters may legitimately skip tests, so skips are reported but allowed then.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules/.bin", name);
// The projects of vitest.config.ts, run one at a time so each reports its own counts.
const vitestProjects = ["core", "sqlite", "postgres"];
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const args = process.argv.slice(2);
const mode = args[0] === "e2e" ? "e2e" : args.length > 0 ? "vitest" : "all";
const reports = mkdtempSync(path.join(tmpdir(), "oars-test-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
const timings = [];

try {
  ensurePrerequisites();
  // The browser tests need the built web app; vitest alone (a filtered run) does not.
  if (mode !== "vitest") step("build web app", buildWebApp);
  if (mode === "all") for (const project of vitestProjects) runVitest(project, ["--project", project]);
  if (mode === "vitest") runVitest("filtered", args);
  if (mode !== "vitest") runPlaywright(mode === "e2e" ? args.slice(1) : []);
} catch (error) {
  problems.push(error instanceof Error ? error.message : String(error));
} finally {
  rmSync(reports, { recursive: true, force: true });
}

for (const { name, seconds } of timings) console.log(`time  ${name}: ${seconds.toFixed(1)} s`);
for (const problem of problems) console.log(`FAIL  ${problem}`);
if (totals.skipped > 0) {
  console.log(`${mode === "all" ? "FAIL" : "note"}  ${totals.skipped} tests skipped or todo`);
}
// A skipped test (in a full run) or a broken step with no failed test to show for it still counts
// as a failure, so that the line alone tells the CI whether the run passed.
const failed = totals.failed + problems.length + (mode === "all" ? totals.skipped : 0);
console.log(`Tests: ${totals.passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

function buildWebApp() {
  const code = run("npm", ["run", "build", "-w", "@oars/web"]);
  return code === 0 || fail(`web app build exited with code ${code}`);
}

function runVitest(name, vitestArgs) {
  const report = path.join(reports, `${name}.json`);
  step(`vitest ${name}`, () => {
    const reporters = ["--reporter=default", "--reporter=json", `--outputFile.json=${report}`];
    const code = run(bin("vitest"), ["run", ...reporters, ...vitestArgs]);
    if (!existsSync(report)) return fail(`vitest ${name} exited with code ${code} and wrote no report`);
    const r = JSON.parse(readFileSync(report, "utf8"));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    if (mode === "all" && r.numTotalTests === 0) return fail(`vitest ${name} ran no tests`);
    if (r.numFailedTests === 0 && (code !== 0 || r.numFailedTestSuites > 0)) {
      return fail(`vitest ${name} exited with code ${code} (a file failed to load or a hook failed)`);
    }
    return code === 0;
  });
}

function runPlaywright(playwrightArgs) {
  const report = path.join(reports, "e2e.json");
  step("playwright", () => {
    const config = path.join(root, "e2e/playwright.config.ts");
    const code = run(bin("playwright"), ["test", "-c", config, "--reporter=list,json", ...playwrightArgs], {
      PLAYWRIGHT_JSON_OUTPUT_FILE: report,
    });
    if (!existsSync(report)) return fail(`playwright exited with code ${code} and wrote no report`);
    const { stats } = JSON.parse(readFileSync(report, "utf8"));
    totals.passed += stats.expected;
    totals.failed += stats.unexpected + stats.flaky;
    totals.skipped += stats.skipped;
    if (mode === "all" && stats.expected + stats.unexpected + stats.flaky === 0)
      return fail("playwright ran no tests");
    if (stats.unexpected + stats.flaky === 0 && code !== 0) {
      return fail(`playwright exited with code ${code} (a file failed to load or a global hook failed)`);
    }
    return code === 0;
  });
}

/** Chromium and PostgreSQL's server: installed with apt-get when we may, else named and stopped. */
function ensurePrerequisites() {
  const missing = [];
  if (mode !== "vitest" && !existsSync(chromiumPath)) {
    if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${chromiumPath} does not exist`);
    missing.push("chromium");
  }
  if (needsPostgres() && !findPostgresBinaries()) missing.push("postgresql");
  if (missing.length === 0) return;
  const canInstall = process.getuid?.() === 0 && existsSync("/etc/debian_version");
  if (!canInstall) {
    throw new Error(
      `missing ${missing.join(" and ")}: install ${missing.join(", ")} (Debian: apt-get install ${missing.join(" ")}; ` +
        "or set CHROMIUM_PATH / OARS_TEST_PG_URL)",
    );
  }
  step(`apt-get install ${missing.join(" ")}`, () => {
    const env = { DEBIAN_FRONTEND: "noninteractive" };
    if (run("apt-get", ["update"], env) !== 0) return fail("apt-get update failed");
    const installed = run("apt-get", ["install", "-y", "--no-install-recommends", ...missing], env) === 0;
    return installed || fail(`apt-get install ${missing.join(" ")} failed`);
  });
  if (missing.includes("chromium") && !existsSync(chromiumPath))
    throw new Error(`${chromiumPath} still missing`);
  if (missing.includes("postgresql") && !findPostgresBinaries())
    throw new Error("initdb and pg_ctl still missing");
}

function needsPostgres() {
  if (process.env.OARS_TEST_PG_URL || mode === "e2e") return false;
  if (mode === "all") return true;
  // `--project core` or `--project=sqlite` alone does not start PostgreSQL.
  const named = args.flatMap((a, i) =>
    a === "--project" ? [args[i + 1]] : a.startsWith("--project=") ? [a.slice(10)] : [],
  );
  return named.length === 0 || named.some((p) => p !== "core" && p !== "sqlite");
}

/** Same search as packages/server/test/pg-global-setup.ts, which starts the server. */
function findPostgresBinaries() {
  const candidates = [];
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8", stdio: "pipe" }).trim());
  } catch {
    // No pg_config: look in Debian's folders and on PATH.
  }
  const debianRoot = "/usr/lib/postgresql";
  if (existsSync(debianRoot))
    candidates.push(...readdirSync(debianRoot).map((v) => path.join(debianRoot, v, "bin")));
  candidates.push(...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean));
  return candidates.find((d) => existsSync(path.join(d, "initdb")) && existsSync(path.join(d, "pg_ctl")));
}

function step(name, body) {
  const started = performance.now();
  console.log(`\n==> ${name}`);
  let ok = false;
  try {
    ok = body();
  } finally {
    timings.push({ name: `${name}${ok ? "" : " (failed)"}`, seconds: (performance.now() - started) / 1000 });
  }
  return ok;
}

function fail(message) {
  problems.push(message);
  return false;
}

function run(command, commandArgs, env = {}) {
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (result.error) problems.push(`${command}: ${result.error.message}`);
  return result.status ?? 1;
}
