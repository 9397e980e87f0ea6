// The grid editor's speed in a real browser: a team of 200 reps × 12 months, each cell edit timed
// from the keystroke that commits it to the next frame after React has re-rendered the totals;
// and a change of weighting, which recomputes the whole grid with the core in the browser.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { migrate, openSqlite } from "../../packages/server/src/db/database";
import { hashPassword } from "../../packages/server/src/modules/auth/passwords";
import { ROOT } from "./proc";
import { buildTacticsWorld } from "./tactics-world";

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

export async function gridBrowserBench(argv: string[]): Promise<number> {
  const value = (flag: string, fallback: number) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const rows = value("--rows", 200);
  const edits = value("--edits", 60);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "oars-bench-grid-"));
  const db = openSqlite(path.join(dataDir, "oars.db"));
  await migrate(db);
  const password = "bench grid password";
  const w = await buildTacticsWorld(db, {
    people: rows,
    teamSize: rows,
    year: 2027,
    passwordHash: await hashPassword(password),
  });
  await db.close();
  const server = spawn(
    process.execPath,
    [path.join(ROOT, "packages/server/bin/oars.js"), "serve", "--port", "0", "--host", "127.0.0.1"],
    {
      env: { ...process.env, OARS_DATA_DIR: dataDir, OARS_LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    server.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/[\d.:]+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    server.once("exit", () => reject(new Error(`oars serve exited: ${out}`)));
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage({ baseURL: url, viewport: { width: 1440, height: 900 } });
    // tsx names the functions it compiles with a __name helper; the functions evaluated in the page need it too.
    await page.addInitScript({ content: "globalThis.__name = (f) => f;" });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("bench.admin@bench.example");
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("navigation", { name: "Main" }).waitFor();
    await page.goto(`/tactics/${w.tacticalPlanId}`);
    await page.getByTestId("split-grid").waitFor();
    if (process.env.BENCH_CSS) await page.addStyleTag({ content: process.env.BENCH_CSS });
    const size = await page.evaluate(() => ({
      rows:
        Number(document.querySelector("[data-testid=split-grid]")?.getAttribute("aria-rowcount") ?? 2) - 2,
      columns: document.querySelectorAll("[data-testid=split-grid] thead th.grid-num").length - 1,
    }));
    // Each edit: type a value into a cell and press Enter, as a person would; timed inside the page.
    const editMs: number[] = await page.evaluate(async (n) => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const r = (i * 37) % 200;
        const c = (i * 5) % 12;
        // Bring the row into view first (only rows near the viewport are rendered); not timed.
        const scroller = document.querySelector<HTMLElement>(".grid-scroll");
        if (scroller) scroller.scrollTop = Math.max(0, r * 37 - 200);
        let input: HTMLInputElement | null = null;
        for (let tries = 0; tries < 20 && !input; tries++) {
          await frame();
          input = document.querySelector<HTMLInputElement>(`input[data-r="${r}"][data-c="${c}"]`);
        }
        if (!input || !setValue) continue;
        input.focus();
        setValue.call(input, String(1000 + i));
        input.dispatchEvent(new Event("input", { bubbles: true }));
        await frame();
        const t = performance.now();
        input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
        await frame();
        out.push(performance.now() - t);
      }
      return out;
    }, edits);
    // A change of weighting recomputes every cell with the core's splitTargetGrid in the browser.
    const recomputeMs: number[] = [];
    for (const weighting of ["capacity", "equal", "capacity", "equal", "capacity"]) {
      const t = await page.evaluate(async (value) => {
        const select = [...document.querySelectorAll("label")]
          .find((l) => l.textContent?.startsWith("Over rows"))
          ?.querySelector("select");
        if (!select) return -1;
        const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const t0 = performance.now();
        select.value = value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
        await frame();
        return performance.now() - t0;
      }, weighting);
      recomputeMs.push(t);
    }
    const report = [
      `Grid ${size.rows} rows × ${size.columns} columns (${size.rows * size.columns} cells), headless Chromium, production build; timed in the page from the committing keystroke to the next frame.`,
      "",
      "| action | runs | p50 ms | p95 ms | max ms | goal |",
      "|---|---|---|---|---|---|",
      `| edit a cell (Enter commits, totals re-render) | ${editMs.length} | ${quantile(editMs, 0.5).toFixed(1)} | ${quantile(editMs, 0.95).toFixed(1)} | ${Math.max(...editMs).toFixed(1)} | < 100 ${Math.max(...editMs) < 100 ? "✓" : "✗"} |`,
      `| change the weighting (whole grid recomputed) | ${recomputeMs.length} | ${quantile(recomputeMs, 0.5).toFixed(1)} | ${quantile(recomputeMs, 0.95).toFixed(1)} | ${Math.max(...recomputeMs).toFixed(1)} | — |`,
    ].join("\n");
    process.stdout.write(`${report}\n`);
    return 0;
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
