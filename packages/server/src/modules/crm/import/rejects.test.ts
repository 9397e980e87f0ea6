// Malformed rows are rejected with reasons and never crash an import; rejects download as CSV;
// dry runs write nothing; who may import what.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ImportJob } from "@oars/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../../../../test/factory";
import { testApp, type TestApp } from "../../../../test/harness";
import { importCsv, upload, waitForJob } from "../../../../test/import-helpers";

let t: TestApp;
let w: World;
let dataDir: string;
beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "oars-import-"));
  t = await testApp({ config: { dataDir } });
  w = await buildWorld(t.app, t.db);
});
afterEach(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const deals = () =>
  t.db.k
    .selectFrom("deals")
    .select(["external_id", "name"])
    .where("org_id", "=", w.orgId)
    .orderBy("external_id")
    .execute();

describe("malformed rows", () => {
  it("rejects bad dates, unknown owners, line breaks, a 1 MB cell and broken quoting, with reasons", async () => {
    const mia = w.people.memberA.email;
    const csv = [
      "External ID,Name,Owner,Amount,Close date",
      `D1,Good deal,${mia},100,2026-05-01`,
      `D2,Bad date,${mia},100,2026-13-45`,
      `D3,Nobody's deal,ghost@nowhere.example,100,2026-05-01`,
      `D4,"Two\nlines",${mia},100,2026-05-01`,
      `D5,${"x".repeat(1024 * 1024)},${mia},100,2026-05-01`,
      `D6,Too,many,cells,here,and,more`,
      `D7,Negative,${mia},-5,2026-05-01`,
      `D8,"Unbalanced "quote" inside",${mia},100,2026-05-01`,
      `D9,Also good,${mia},"1,000.25",2026-05-02`,
      `D10,"never closed,${mia},100,2026-05-01`,
    ].join("\n");
    const job = await importCsv(w.as.admin, "deals", csv);
    expect(job.status).toBe("done");
    expect(job.counts).toMatchObject({ created: 3, rejected: 7 });
    expect((await deals()).map((d) => d.external_id)).toEqual(["D1", "D8", "D9"]);
    const res = await w.as.admin.request("GET", `/api/v1/imports/${job.id}/rejects.csv`);
    expect(res.status).toBe(200);
    const text = String(res.body);
    expect(text.startsWith("\uFEFFExternal ID,Name,Owner,Amount,Close date,Row,Line,Reason")).toBe(true);
    expect(text).toMatch(/D2,.*closeDate: "+2026-13-45"+ is not a real day/);
    expect(text).toMatch(/D3,.*owner: unknown owner "+ghost@nowhere\.example"+/);
    expect(text).toMatch(/name: contains a line break/);
    expect(text).toMatch(/cell of 1,048,576 characters; at most 10,000/);
    expect(text).toMatch(/has 7 cells but the header has 5/);
    expect(text).toMatch(/amount: "+-5"+ is negative/);
    expect(text).toMatch(/malformed CSV: .*[Qq]uote/);
    expect(text.length).toBeLessThan(20_000); // the 1 MB cell is cut in the report
    const rows = await t.db.k
      .selectFrom("import_rejects")
      .select("row_number")
      .where("job_id", "=", job.id)
      .orderBy("row_number")
      .execute();
    expect(rows.map((r) => r.row_number)).toEqual([2, 3, 4, 5, 6, 7, 10]);
  });

  it("answers a file without the columns a deal needs with a 400 naming the option", async () => {
    const up = (await upload(w.as.admin, "deals", "Title,Notes\nx,y\n")).json<{ id: string }>();
    const run = await w.as.admin.post(`/api/v1/imports/${up.id}/run`, {});
    expect(run.status).toBe(400);
    expect(run.json<{ error: { field: string; message: string } }>().error).toMatchObject({
      field: "options.columns",
    });
    const mapped = await w.as.admin.post(`/api/v1/imports/${up.id}/run`, {
      options: { columns: { Title: "nonsense" } },
    });
    expect(mapped.status).toBe(400);
    expect((await upload(w.as.admin, "deals", "")).status).toBe(400);
    expect((await upload(w.as.admin, "planets", "a\n1")).status).toBe(400);
  });
});

describe("dry runs, cancels and permissions", () => {
  it("a dry run counts what would happen and writes nothing", async () => {
    const csv = `External ID,Name,Amount,Close date\nA,One,1,2026-01-01\nB,Two,2,not a date\n`;
    const job = await importCsv(w.as.admin, "deals", csv, {}, true);
    expect(job).toMatchObject({ dryRun: true, status: "done", counts: { created: 1, rejected: 1 } });
    expect(await deals()).toEqual([]);
    const audit = await t.db.k
      .selectFrom("audit_log")
      .select("action")
      .where("org_id", "=", w.orgId)
      .where("entity", "=", "import")
      .orderBy("id")
      .execute();
    // The upload and the dry run are on record; no batch was written.
    expect(audit.map((a) => a.action)).toEqual(["upload", "dry-run"]);
  });

  it("runs a dry-run job for real afterwards, from its first row, without uploading again", async () => {
    const csv = `External ID,Name,Amount,Close date\nA,One,1,2026-01-01\nB,Two,2,not a date\n`;
    const dry = await importCsv(w.as.admin, "deals", csv, {}, true);
    expect(dry).toMatchObject({ dryRun: true, status: "done", counts: { created: 1, rejected: 1 } });
    const run = await w.as.admin.post(`/api/v1/imports/${dry.id}/run`, { options: {}, dryRun: false });
    expect(run.status).toBe(202);
    const real = await waitForJob(w.as.admin, dry.id);
    expect(real).toMatchObject({
      dryRun: false,
      status: "done",
      counts: { created: 1, updated: 0, rejected: 1 },
      progress: { rowsDone: 2 },
    });
    expect((await deals()).map((d) => d.name)).toEqual(["One"]);
    // The rejects are the real run's, once each.
    const rejects = await w.as.admin.get(`/api/v1/imports/${dry.id}/rejects.csv`);
    expect(String(rejects.body).trim().split("\n")).toHaveLength(2);
    // Done for real, it does not run a second time.
    expect((await w.as.admin.post(`/api/v1/imports/${dry.id}/run`, { dryRun: false })).status).toBe(409);
  });

  it("a manager imports for their subtree only; a member may not import; jobs are their creator's", async () => {
    const csv = [
      "External ID,Name,Owner,Amount,Close date",
      `M1,Mine to give,${w.people.memberA.email},10,2026-05-01`,
      `M2,Not mine to give,${w.people.memberB.email},10,2026-05-01`,
    ].join("\n");
    const job = await importCsv(w.as.managerA, "deals", csv);
    expect(job.counts).toMatchObject({ created: 1, rejected: 1 });
    expect((await upload(w.as.memberA, "deals", csv)).status).toBe(403);
    expect((await upload(w.as.managerA, "people", "Email\nx@y.example\n")).status).toBe(403);
    expect((await upload(w.as.viewer, "deals", csv)).status).toBe(403);
    expect((await w.as.director.get(`/api/v1/imports/${job.id}`)).status).toBe(404);
    expect((await w.as.admin.get(`/api/v1/imports/${job.id}`)).status).toBe(200);
    expect((await w.as.otherAdmin.get(`/api/v1/imports/${job.id}`)).status).toBe(404);
    const mine = (await w.as.managerA.get("/api/v1/imports")).json<{ items: ImportJob[] }>();
    expect(mine.items.map((j) => j.id)).toEqual([job.id]);
  });

  it("cancels an import before it runs; a finished one cannot run again", async () => {
    const up = (await upload(w.as.admin, "accounts", "Name\nA\nB\n")).json<ImportJob>();
    expect((await w.as.admin.post(`/api/v1/imports/${up.id}/cancel`)).json()).toMatchObject({
      status: "cancelled",
    });
    const resumed = await w.as.admin.post(`/api/v1/imports/${up.id}/run`, {});
    expect(resumed.status).toBe(202);
    expect((await waitForJob(w.as.admin, up.id)).counts.created).toBe(2);
    expect((await w.as.admin.post(`/api/v1/imports/${up.id}/run`, {})).status).toBe(409);
  });

  it("saves a mapping and uses it by id", async () => {
    const saved = await w.as.admin.post("/api/v1/imports/mappings", {
      entity: "accounts",
      name: "Our sheet",
      columns: { Firma: "name", Branche: "industry" },
    });
    expect(saved.status).toBe(201);
    const dup = await w.as.admin.post("/api/v1/imports/mappings", {
      entity: "accounts",
      name: "Our sheet",
      columns: {},
    });
    expect(dup.json<{ error: { field: string } }>().error.field).toBe("name");
    const job = await importCsv(w.as.admin, "accounts", "Firma,Branche\nHansa AG,Logistik\n", {
      mappingId: saved.json<{ id: string }>().id,
    });
    expect(job.counts.created).toBe(1);
    const acct = await t.db.k
      .selectFrom("accounts")
      .select(["name", "industry"])
      .where("org_id", "=", w.orgId)
      .executeTakeFirstOrThrow();
    expect(acct).toEqual({ name: "Hansa AG", industry: "Logistik" });
    const list = (await w.as.managerA.get("/api/v1/imports/mappings?entity=accounts")).json<{
      items: unknown[];
    }>();
    expect(list.items).toHaveLength(1);
  });
});
