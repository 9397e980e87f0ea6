// CSV import through the HTTP API: CRM presets, idempotent re-import, malformed rows rejected with
// reasons, encodings and delimiters, dry run, permissions.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
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

const count = async (table: "deals" | "accounts" | "contacts" | "activities") =>
  Number(
    (
      await t.db.k
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .where("org_id", "=", w.orgId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const salesforceAccounts = (w: World) =>
  [
    "Account ID,Account Name,Industry,Employees,Annual Revenue,Billing Country,Account Owner,Parent Account ID",
    `001A,Acme Holdings,Manufacturing,"12,000","$1,500,000",France,${w.people.memberA.email},`,
    `001B,Acme France,Manufacturing,800,"$90,000",France,${w.people.memberA.email},001A`,
    `001C,Globex,Energy,40,,Germany,${w.people.memberB.email},`,
  ].join("\r\n");

const salesforceOpportunities = (w: World) =>
  [
    "Opportunity ID,Opportunity Name,Account ID,Opportunity Owner,Amount,Stage,Probability (%),Close Date,Created Date,Type,Forecast Category",
    `006A,Acme expansion,001A,${w.people.memberA.email},"12,500.50",Negotiation,80,3/31/2026,1/15/2026,Existing Customer - Upgrade,Commit`,
    `006B,Acme France pilot,001B,${w.people.memberA.email},9000,Closed Won,100,2/28/2026,1/2/2026,New Customer,Closed`,
    `006C,Globex grid,001C,${w.people.memberB.email},"45,000",Prospecting,10,6/30/2026,2/1/2026,New Customer,Pipeline`,
  ].join("\r\n");

describe("CRM presets and re-import", () => {
  it("imports Salesforce accounts and opportunities; the same files again change nothing", async () => {
    const accounts = await importCsv(w.as.admin, "accounts", salesforceAccounts(w), { dateFormat: "us" });
    expect(accounts).toMatchObject({ status: "done", counts: { created: 3, rejected: 0 } });
    expect(accounts.detected.preset).toBe("salesforce");
    const deals = await importCsv(w.as.admin, "deals", salesforceOpportunities(w), { dateFormat: "us" });
    expect(deals).toMatchObject({ status: "done", counts: { created: 3, updated: 0, rejected: 0 } });
    const acme = await t.db.k
      .selectFrom("deals")
      .where("org_id", "=", w.orgId)
      .selectAll()
      .where("external_id", "=", "006A")
      .executeTakeFirstOrThrow();
    expect(acme).toMatchObject({
      amount_minor: 1_250_050,
      close_date: "2026-03-31",
      business_type: "existing",
      status: "open",
      probability: 80,
      forecast_category: "commit",
      team_id: w.teams.a,
    });
    const won = await t.db.k
      .selectFrom("deals")
      .where("org_id", "=", w.orgId)
      .selectAll()
      .where("external_id", "=", "006B")
      .executeTakeFirstOrThrow();
    expect(won).toMatchObject({
      status: "won",
      forecast_category: "closed",
      stage_changed_at: "2026-02-28T00:00:00.000Z",
    });
    const child = await t.db.k
      .selectFrom("accounts")
      .where("org_id", "=", w.orgId)
      .selectAll()
      .where("external_id", "=", "001B")
      .executeTakeFirstOrThrow();
    const parent = await t.db.k
      .selectFrom("accounts")
      .where("org_id", "=", w.orgId)
      .select("id")
      .where("external_id", "=", "001A")
      .executeTakeFirstOrThrow();
    expect(child).toMatchObject({
      parent_id: parent.id,
      employee_count: 800,
      annual_revenue_minor: 9_000_000,
      region: "France",
    });

    const before = await t.db.k
      .selectFrom("deals")
      .where("org_id", "=", w.orgId)
      .select(["id", "version", "updated_at"])
      .orderBy("id")
      .execute();
    const again = await importCsv(w.as.admin, "deals", salesforceOpportunities(w), { dateFormat: "us" });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(
      await t.db.k
        .selectFrom("deals")
        .where("org_id", "=", w.orgId)
        .select(["id", "version", "updated_at"])
        .orderBy("id")
        .execute(),
    ).toEqual(before);
    expect(
      (await importCsv(w.as.admin, "accounts", salesforceAccounts(w), { dateFormat: "us" })).counts.unchanged,
    ).toBe(3);
    expect(await count("deals")).toBe(3);
    expect(
      await t.db.k.selectFrom("deal_stage_history").where("org_id", "=", w.orgId).select("id").execute(),
    ).toHaveLength(3);
    const audit = await t.db.k
      .selectFrom("audit_log")
      .where("org_id", "=", w.orgId)
      .select(["action", "after"])
      .where("entity", "=", "import")
      .execute();
    expect(audit.filter((a) => a.action === "import-batch")).toHaveLength(4);
  });

  it("imports a HubSpot deals export with its preset, stage names and owner names mapped", async () => {
    const stages = (await w.as.admin.get("/api/v1/pipeline/stages")).json<{
      items: { id: string; name: string }[];
    }>().items;
    const stage = (name: string) => stages.find((s) => s.name === name)?.id ?? "";
    const csv = [
      "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Deal Type,Pipeline",
      "9001,Initech upgrade,contractsent,25000,2026-04-30 00:00,2026-01-05 10:22,Mia Member,existingbusiness,Sales Pipeline",
      "9002,Initrode trial,appointmentscheduled,4000.5,2026-07-15,2026-02-10,Mia Member,newbusiness,Sales Pipeline",
      "9003,Umbrella,closedlost,1000,2026-01-20,2025-12-01,Mia Member,newbusiness,Sales Pipeline",
    ].join("\n");
    const up = (await upload(w.as.admin, "deals", csv)).json<{
      id: string;
      detected: { preset: string; columns: Record<string, string> };
    }>();
    expect(up.detected.preset).toBe("hubspot");
    expect(up.detected.columns).toMatchObject({
      "Deal Stage": "stage",
      "Deal owner": "owner",
      "Record ID": "externalId",
    });
    const options = {
      stageMap: { contractsent: stage("Negotiation"), appointmentscheduled: stage("Qualification") },
      saveValueMaps: true,
    };
    const preview = (await w.as.admin.post(`/api/v1/imports/${up.id}/preview`, { options: {} })).json<{
      rows: { action: string; problems: { field: string }[] }[];
    }>();
    expect(preview.rows.map((r) => r.action)).toEqual(["reject", "reject", "create"]);
    expect(preview.rows[0]?.problems[0]?.field).toBe("stage");
    const run = await w.as.admin.post(`/api/v1/imports/${up.id}/run`, { options });
    expect(run.status).toBe(202);
    expect((await waitForJob(w.as.admin, up.id)).counts.created).toBe(3);
    const again = await importCsv(w.as.admin, "deals", csv, {});
    // The first run saved its stage map, so the second needs none: nothing to change.
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    const deals = await t.db.k
      .selectFrom("deals")
      .where("org_id", "=", w.orgId)
      .select(["external_id", "stage_id", "status", "business_type", "owner_id"])
      .orderBy("external_id")
      .execute();
    expect(deals.map((d) => [d.external_id, d.stage_id, d.status, d.business_type])).toEqual([
      ["9001", stage("Negotiation"), "open", "existing"],
      ["9002", stage("Qualification"), "open", "new"],
      ["9003", stage("Closed lost"), "lost", "new"],
    ]);
    expect(new Set(deals.map((d) => d.owner_id))).toEqual(new Set([w.people.memberA.id]));
    const maps = (await w.as.admin.get("/api/v1/imports/value-maps?kind=stage")).json<{ items: unknown[] }>();
    expect(maps.items).toHaveLength(2);
  });

  it("reads Windows-1252 with semicolons, European dates and decimal commas", async () => {
    const text = [
      "Name;Industry;Employees;Annual revenue;Region",
      "Société Générale;Banque;1.200;3.500.000,50 €;Île-de-France",
      "Müller GmbH;Maschinenbau;85;;Bayern",
    ].join("\r\n");
    const job = await importCsv(w.as.admin, "accounts", iconv.encode(text, "win1252"), {
      decimalSeparator: ",",
    });
    expect(job.detected).toMatchObject({ encoding: "windows-1252", delimiter: ";", bom: false });
    expect(job.counts.created).toBe(2);
    const sg = await t.db.k
      .selectFrom("accounts")
      .where("org_id", "=", w.orgId)
      .selectAll()
      .where("name_key", "=", "societe generale")
      .executeTakeFirstOrThrow();
    expect(sg).toMatchObject({
      name: "Société Générale",
      employee_count: 1200,
      annual_revenue_minor: 350_000_050,
      region: "Île-de-France",
    });
    const bom = await importCsv(
      w.as.admin,
      "contacts",
      `\uFEFFName\tEmail\tAccount\r\nZoë Ärger\tzoe@example.com\tMüller GmbH\r\n`,
    );
    expect(bom.detected).toMatchObject({ encoding: "utf-8", bom: true, delimiter: "\t" });
    expect(bom.counts.created).toBe(1);
  });

  it("a deal repeated in a later chunk of the batch updates the one an earlier chunk created", async () => {
    // 1,500 rows are one batch of two 1,000-row chunks; the first chunk's inserts are sent
    // without waiting (upsert.ts sendInserts), so the second's lookup must come after them.
    const rows = Array.from(
      { length: 1499 },
      (_, n) => `X-${n},Deal ${n},${w.people.memberA.email},${100 + n},2026-06-30`,
    );
    rows.push(`X-5,Deal 5,${w.people.memberA.email},777,2026-06-30`);
    const job = await importCsv(
      w.as.admin,
      "deals",
      ["External ID,Name,Owner,Amount,Close date", ...rows].join("\n"),
    );
    expect(job).toMatchObject({
      status: "done",
      counts: { created: 1499, updated: 1, unchanged: 0, rejected: 0 },
    });
    expect(await count("deals")).toBe(1499);
    const five = await t.db.k
      .selectFrom("deals")
      .where("org_id", "=", w.orgId)
      .select(["id", "amount_minor", "version"])
      .where("external_id", "=", "X-5")
      .executeTakeFirstOrThrow();
    expect(five).toMatchObject({ amount_minor: 77_700, version: 2 });
    const history = await t.db.k
      .selectFrom("deal_stage_history")
      .innerJoin("deals", "deals.id", "deal_stage_history.deal_id")
      .where("deals.org_id", "=", w.orgId)
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(history.n)).toBe(1499);
  });
});
