// What the web's edit dialogs and admin sections send, through the HTTP API: every field of an
// account, a contact and a deal; a stale version answers 409 and changes nothing; stages, products
// and rates edited by an admin; owner and stage value maps set, used by an import and forgotten.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ImportJob } from "@oars/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildCrmWorld, type CrmWorld } from "../../../test/crm-world";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";
import { importCsv } from "../../../test/import-helpers";

let t: TestApp;
let w: World;
let c: CrmWorld;
let dataDir: string;
beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "oars-edits-"));
  t = await testApp({ config: { dataDir } });
  w = await buildWorld(t.app, t.db);
  c = await buildCrmWorld(t.db, w);
});
afterEach(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Versioned = { id: string; version: number };
type Err = { error: { code: string; field?: string } };

describe("editing records", () => {
  it("saves every field of an account; a manager gives it away; a stale save is 409", async () => {
    const account = (await w.as.memberA.get(`/api/v1/accounts/${c.accountA}`)).json<Versioned>();
    const parent = (await w.as.memberA.post("/api/v1/accounts", { name: "Alpha Group" })).json<Versioned>();
    const patch = {
      version: account.version,
      name: "Alpha Industries SA",
      industry: "Manufacturing",
      segment: "Enterprise",
      employeeCount: 1200,
      annualRevenueMinor: 150_000_000,
      region: "EMEA",
      tier: "major",
      website: "https://alpha.example",
      parentId: parent.id,
      tags: ["key", "fleet"],
      externalId: "001ALPHA",
    };
    const saved = await w.as.memberA.patch(`/api/v1/accounts/${c.accountA}`, patch);
    expect(saved.status).toBe(200);
    const { version: _v, ...fields } = patch;
    expect(saved.json()).toMatchObject({ ...fields, version: account.version + 1 });
    // The form still holds the old version: 409, and nothing changes.
    const stale = await w.as.memberA.patch(`/api/v1/accounts/${c.accountA}`, { ...patch, name: "Lost" });
    expect([stale.status, stale.json<Err>().error.code]).toEqual([409, "conflict"]);
    expect((await w.as.memberA.get(`/api/v1/accounts/${c.accountA}`)).json()).toMatchObject({
      name: "Alpha Industries SA",
    });
    const given = await w.as.memberA.patch(`/api/v1/accounts/${c.accountA}`, {
      version: account.version + 1,
      ownerId: w.people.memberA2.id,
    });
    expect(given.status).toBe(403);
    const reassigned = await w.as.managerA.patch(`/api/v1/accounts/${c.accountA}`, {
      version: account.version + 1,
      ownerId: w.people.memberA2.id,
    });
    expect(reassigned.json()).toMatchObject({ ownerId: w.people.memberA2.id });
  });

  it("adds a contact to an account and edits it; a stale save is 409", async () => {
    const made = await w.as.memberA.post("/api/v1/contacts", {
      accountId: c.accountA,
      name: "Ines Ortega",
      title: "COO",
      email: "ines@alpha.example",
      phone: "+33 1 23 45 67 89",
      buyingRole: "champion",
      relationshipStrength: 4,
      externalId: "003INES",
    });
    expect(made.status).toBe(201);
    const contact = made.json<Versioned>();
    const listed = (await w.as.memberA.get(`/api/v1/contacts?accountId=${c.accountA}&sort=name`)).json<{
      items: { name: string }[];
    }>();
    expect(listed.items.map((i) => i.name)).toContain("Ines Ortega");
    const edited = await w.as.memberA.patch(`/api/v1/contacts/${contact.id}`, {
      version: contact.version,
      title: "CEO",
      buyingRole: "decision_maker",
      relationshipStrength: 5,
      email: null,
    });
    expect(edited.json()).toMatchObject({
      title: "CEO",
      buyingRole: "decision_maker",
      relationshipStrength: 5,
      email: null,
      phone: "+33 1 23 45 67 89",
    });
    const stale = await w.as.memberA.patch(`/api/v1/contacts/${contact.id}`, {
      version: contact.version,
      title: "CTO",
    });
    expect(stale.status).toBe(409);
    const bad = await w.as.memberA.patch(`/api/v1/contacts/${contact.id}`, {
      version: contact.version + 1,
      relationshipStrength: 9,
    });
    expect([bad.status, bad.json<Err>().error.field]).toEqual([400, "relationshipStrength"]);
  });

  it("saves every field of a deal, products too; lost needs a reason; a stale save is 409", async () => {
    const deal = (await w.as.memberA.get(`/api/v1/deals/${c.dealA}`)).json<Versioned>();
    const product = (
      await w.as.admin.post("/api/v1/products", { name: "Fleet tracker", listPriceMinor: 120_000 })
    ).json<Versioned>();
    const patch = {
      version: deal.version,
      name: "Alpha fleet renewal",
      accountId: c.accountA,
      amountMinor: 5_100_000,
      probability: 35,
      forecastCategory: "best_case",
      closeDate: "2031-06-30",
      createdDate: "2026-01-15",
      businessType: "existing",
      externalId: "OPP-77",
      products: [{ productId: product.id, quantity: 3, unitPriceMinor: 100_000 }],
    };
    const saved = await w.as.memberA.patch(`/api/v1/deals/${c.dealA}`, patch);
    expect(saved.status).toBe(200);
    const { version: _v, ...fields } = patch;
    expect(saved.json()).toMatchObject(fields);
    const stale = await w.as.memberA.patch(`/api/v1/deals/${c.dealA}`, { ...patch, name: "Lost" });
    expect(stale.status).toBe(409);
    const lost = await w.as.memberA.patch(`/api/v1/deals/${c.dealA}`, {
      version: deal.version + 1,
      stageId: c.stages.lost,
      closeDate: "2026-11-01",
    });
    expect([lost.status, lost.json<Err>().error.field]).toEqual([400, "lostReason"]);
    const withReason = await w.as.memberA.patch(`/api/v1/deals/${c.dealA}`, {
      version: deal.version + 1,
      stageId: c.stages.lost,
      closeDate: "2026-11-01",
      lostReason: "Budget cut",
    });
    expect(withReason.json()).toMatchObject({
      status: "lost",
      lostReason: "Budget cut",
      products: fields.products,
    });
  });
});

describe("the admin's sales settings", () => {
  it("adds, reorders and edits stages, products and dated rates; stale saves are 409", async () => {
    const stage = (
      await w.as.admin.post("/api/v1/pipeline/stages", { name: "Legal review", probability: 70 })
    ).json<Versioned & { kind: string }>();
    expect(stage.kind).toBe("open");
    const stages = (await w.as.admin.get("/api/v1/pipeline/stages")).json<{ items: Versioned[] }>();
    const ids = stages.items.map((s) => s.id);
    const at = ids.indexOf(stage.id);
    [ids[at - 1], ids[at]] = [ids[at] ?? "", ids[at - 1] ?? ""];
    const reordered = await w.as.admin.request("PUT", "/api/v1/pipeline/stages/order", { ids });
    expect(reordered.json<{ items: Versioned[] }>().items.map((s) => s.id)).toEqual(ids);
    const moved = (await w.as.admin.get("/api/v1/pipeline/stages")).json<{ items: Versioned[] }>();
    const now = moved.items.find((s) => s.id === stage.id);
    const edited = await w.as.admin.patch(`/api/v1/pipeline/stages/${stage.id}`, {
      version: now?.version,
      probability: 75,
      forecastCategory: "commit",
    });
    expect(edited.json()).toMatchObject({ probability: 75, forecastCategory: "commit" });
    const staleStage = await w.as.admin.patch(`/api/v1/pipeline/stages/${stage.id}`, {
      version: now?.version,
      name: "Legal",
    });
    expect(staleStage.status).toBe(409);
    expect(
      (await w.as.memberA.patch(`/api/v1/pipeline/stages/${stage.id}`, { version: 1, name: "x" })).status,
    ).toBe(403);

    const product = (
      await w.as.admin.post("/api/v1/products", {
        name: "Fleet tracker",
        family: "Hardware",
        listPriceMinor: 1,
      })
    ).json<Versioned>();
    const price = await w.as.admin.patch(`/api/v1/products/${product.id}`, {
      version: product.version,
      listPriceMinor: 120_000,
      archived: true,
    });
    expect(price.json()).toMatchObject({ listPriceMinor: 120_000, archived: true, family: "Hardware" });
    expect(
      (await w.as.admin.patch(`/api/v1/products/${product.id}`, { version: product.version, name: "x" }))
        .status,
    ).toBe(409);

    const put = await w.as.admin.request("PUT", "/api/v1/exchange-rates", {
      rates: [{ currency: "CHF", date: "2026-01-01", rate: 1.07 }],
    });
    const rate = put
      .json<{ items: (Versioned & { currency: string })[] }>()
      .items.find((r) => r.currency === "CHF");
    expect(rate).toBeTruthy();
    expect((await w.as.admin.delete(`/api/v1/exchange-rates/${rate?.id}`)).status).toBe(204);
    const left = (await w.as.admin.get("/api/v1/exchange-rates?currency=CHF")).json<{ items: unknown[] }>();
    expect(left.items).toEqual([]);
  });
});

describe("value maps", () => {
  it("maps a CRM owner id to a person for every import, and forgets it", async () => {
    const put = await w.as.admin.request("PUT", "/api/v1/imports/value-maps", {
      kind: "owner",
      entries: [{ source: "0055000000CRM42", targetId: w.people.memberA.id }],
    });
    expect(put.json()).toEqual({ items: [{ source: "0055000000crm42", targetId: w.people.memberA.id }] });
    const csv = "External ID,Name,Owner,Amount,Close date\nVM1,Mapped owner,0055000000CRM42,10,2026-05-01\n";
    const job: ImportJob = await importCsv(w.as.admin, "deals", csv);
    expect(job.counts).toMatchObject({ created: 1, rejected: 0 });
    const deal = await t.db.k
      .selectFrom("deals")
      .select("owner_id")
      .where("org_id", "=", w.orgId)
      .where("external_id", "=", "VM1")
      .executeTakeFirstOrThrow();
    expect(deal.owner_id).toBe(w.people.memberA.id);
    const bad = await w.as.admin.request("PUT", "/api/v1/imports/value-maps", {
      kind: "stage",
      entries: [{ source: "Discovery", targetId: w.people.memberA.id }],
    });
    expect([bad.status, bad.json<Err>().error.field]).toEqual([400, "entries.0.targetId"]);
    await w.as.admin.request("PUT", "/api/v1/imports/value-maps", {
      kind: "owner",
      entries: [{ source: "0055000000CRM42", targetId: null }],
    });
    expect((await w.as.admin.get("/api/v1/imports/value-maps?kind=owner")).json()).toEqual({ items: [] });
    const again = await importCsv(
      w.as.admin,
      "deals",
      "External ID,Name,Owner,Amount,Close date\nVM2,Unmapped,0055000000CRM42,10,2026-05-01\n",
    );
    expect(again.counts).toMatchObject({ created: 0, rejected: 1 });
  });
});
