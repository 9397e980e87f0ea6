import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildCrmWorld, put, type CrmWorld } from "../../../test/crm-world";
import { buildWorld, type World } from "../../../test/factory";
import { testApp, type TestApp } from "../../../test/harness";

let t: TestApp;
let w: World;
let c: CrmWorld;
beforeEach(async () => {
  t = await testApp();
  w = await buildWorld(t.app, t.db);
  c = await buildCrmWorld(t.db, w);
});
afterEach(async () => t.close());

type Err = { error: { code: string; field?: string } };
type DealJ = { id: string; version: number; status: string; teamId: string | null; amountOrgMinor: number };
type Page = {
  items: { id: string; name: string; closeDate: string; amountOrgMinor: number }[];
  next: string | null;
};
const ids = (p: Page) => p.items.map((i) => i.id);

describe("deal permissions", () => {
  it("a member of team B gets 404 for team A's deals, and never sees them listed", async () => {
    expect((await w.as.memberB.get(`/api/v1/deals/${c.dealA}`)).status).toBe(404);
    expect(
      (await w.as.memberB.patch(`/api/v1/deals/${c.dealA}`, { version: 1, name: "Mine now" })).status,
    ).toBe(404);
    expect((await w.as.memberB.delete(`/api/v1/deals/${c.dealA}`)).status).toBe(404);
    expect((await w.as.otherAdmin.get(`/api/v1/deals/${c.dealA}`)).status).toBe(404);
    expect(ids((await w.as.memberB.get("/api/v1/deals")).json<Page>())).toEqual([c.dealB]);
    expect(ids((await w.as.otherAdmin.get("/api/v1/deals")).json<Page>())).toEqual([]);
  });

  it("a member edits what they own and reads what their team owns", async () => {
    expect(
      (await w.as.memberA.patch(`/api/v1/deals/${c.dealA}`, { version: 1, amountMinor: 1 })).status,
    ).toBe(200);
    expect((await w.as.memberA.get(`/api/v1/deals/${c.dealA2}`)).status).toBe(200);
    const other = await w.as.memberA.patch(`/api/v1/deals/${c.dealA2}`, { version: 1, amountMinor: 1 });
    expect(other.status).toBe(403);
    expect((await w.as.viewer.get(`/api/v1/deals/${c.dealB}`)).status).toBe(200);
    expect((await w.as.viewer.patch(`/api/v1/deals/${c.dealB}`, { version: 1, amountMinor: 1 })).status).toBe(
      403,
    );
    expect(
      (await w.as.managerA.patch(`/api/v1/deals/${c.dealA2}`, { version: 1, amountMinor: 2 })).status,
    ).toBe(200);
    expect(
      (await w.as.managerA.patch(`/api/v1/deals/${c.dealB}`, { version: 1, amountMinor: 2 })).status,
    ).toBe(404);
  });

  it("lists a manager's subtree through the scope, and the whole org for an admin", async () => {
    expect(new Set(ids((await w.as.managerA.get("/api/v1/deals")).json<Page>()))).toEqual(
      new Set([c.dealA, c.dealA2]),
    );
    expect(ids((await w.as.director.get("/api/v1/deals")).json<Page>())).toHaveLength(3);
    expect(ids((await w.as.viewer.get("/api/v1/deals")).json<Page>())).toHaveLength(3);
    expect(ids((await w.as.admin.get(`/api/v1/deals?teamId=${w.teams.b}`)).json<Page>())).toEqual([c.dealB]);
    expect(ids((await w.as.managerA.get(`/api/v1/deals?teamId=${w.teams.b}`)).json<Page>())).toEqual([]);
    expect(ids((await w.as.memberA.get("/api/v1/deals?mine=true")).json<Page>())).toEqual([c.dealA]);
  });

  it("reassigning is a manager's act, audited; a member cannot give a deal away", async () => {
    const refused = await w.as.memberA.patch(`/api/v1/deals/${c.dealA}`, {
      version: 1,
      ownerId: w.people.memberA2.id,
    });
    expect(refused.status).toBe(403);
    const outside = await w.as.managerA.patch(`/api/v1/deals/${c.dealA}`, {
      version: 1,
      ownerId: w.people.memberB.id,
    });
    expect(outside.status).toBe(403);
    const res = await w.as.managerA.patch(`/api/v1/deals/${c.dealA}`, {
      version: 1,
      ownerId: w.people.memberA2.id,
    });
    expect(res.json()).toMatchObject({ ownerId: w.people.memberA2.id, teamId: w.teams.a });
    const audit = await t.db.k.selectFrom("audit_log").selectAll().where("entity_id", "=", c.dealA).execute();
    expect(audit.map((a) => a.action)).toEqual(["reassign"]);
    expect(audit[0]?.actor_id).toBe(w.people.managerA.id);
    const created = await w.as.memberA.post("/api/v1/deals", {
      name: "For a colleague",
      amountMinor: 10,
      closeDate: "2026-09-01",
      ownerId: w.people.memberA2.id,
    });
    expect(created.status).toBe(403);
  });
});

describe("deal writes", () => {
  it("a stale write gets 409 and changes nothing", async () => {
    expect((await w.as.memberA.patch(`/api/v1/deals/${c.dealA}`, { version: 1, name: "First" })).status).toBe(
      200,
    );
    const stale = await w.as.memberA.patch(`/api/v1/deals/${c.dealA}`, { version: 1, name: "Second" });
    expect(stale.status).toBe(409);
    expect((await w.as.memberA.get(`/api/v1/deals/${c.dealA}`)).json()).toMatchObject({
      name: "First",
      version: 2,
    });
  });

  it("bad input gets a 400 naming the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "x", amountMinor: -5, closeDate: "2026-01-01" }, "amountMinor"],
      [{ name: "x", amountMinor: 1.5, closeDate: "2026-01-01" }, "amountMinor"],
      [{ name: "x", amountMinor: 5, closeDate: "2026-02-30" }, "closeDate"],
      [{ name: "", amountMinor: 5, closeDate: "2026-01-01" }, "name"],
      [{ name: "x", amountMinor: 5, closeDate: "2026-01-01", stageId: "nope" }, "stageId"],
      [{ name: "x", amountMinor: 5, closeDate: "2026-01-01", accountId: c.accountB }, "accountId"],
      [{ name: "x", amountMinor: 5, closeDate: "2026-01-01", currency: "usd" }, "currency"],
      [
        {
          name: "x",
          amountMinor: 5,
          closeDate: "2026-01-01",
          products: [{ productId: "nope", quantity: 1, unitPriceMinor: 1 }],
        },
        "products.0.productId",
      ],
    ];
    for (const [body, field] of cases) {
      const res = await w.as.memberA.post("/api/v1/deals", body);
      expect([res.status, res.json<Err>().error.field]).toEqual([400, field]);
    }
    const bulk = await w.as.memberA.post("/api/v1/deals/bulk", {
      create: [
        { name: "ok", amountMinor: 5, closeDate: "2026-01-01" },
        { name: "bad", amountMinor: 5, closeDate: "2026-01-01", stageId: "nope" },
      ],
    });
    expect([bulk.status, bulk.json<Err>().error.field]).toEqual([400, "create.1.stageId"]);
    expect(await t.db.k.selectFrom("deals").select("id").where("name", "=", "ok").execute()).toEqual([]);
  });

  it("moving to won asks for the close date, to lost for a reason; every move is in the history", async () => {
    const noDate = await w.as.memberA.patch(`/api/v1/deals/${c.dealA}`, {
      version: 1,
      stageId: c.stages.won,
    });
    expect([noDate.status, noDate.json<Err>().error.field]).toEqual([400, "closeDate"]);
    const won = await w.as.memberA.patch(`/api/v1/deals/${c.dealA}`, {
      version: 1,
      stageId: c.stages.won,
      closeDate: "2026-02-15",
    });
    expect(won.json()).toMatchObject({
      status: "won",
      probability: 100,
      forecastCategory: "closed",
      closeDate: "2026-02-15",
    });
    const noReason = await w.as.memberA.patch(`/api/v1/deals/${c.dealA}`, {
      version: 2,
      stageId: c.stages.lost,
      closeDate: "2026-02-16",
    });
    expect(noReason.json<Err>().error.field).toBe("lostReason");
    const lost = await w.as.memberA.patch(`/api/v1/deals/${c.dealA}`, {
      version: 2,
      stageId: c.stages.lost,
      closeDate: "2026-02-16",
      lostReason: "Price",
    });
    expect(lost.json()).toMatchObject({ status: "lost", lostReason: "Price", probability: 0 });
    const reopened = await w.as.memberA.patch(`/api/v1/deals/${c.dealA}`, {
      version: 3,
      stageId: c.stages.proposal,
    });
    expect(reopened.json()).toMatchObject({
      status: "open",
      lostReason: null,
      probability: 60,
      forecastCategory: "best_case",
    });
    const history = (await w.as.managerA.get(`/api/v1/deals/${c.dealA}/history`)).json<{
      items: { toStageId: string }[];
    }>();
    expect(history.items.map((h) => h.toStageId)).toEqual([
      c.stages.first,
      c.stages.won,
      c.stages.lost,
      c.stages.proposal,
    ]);
  });

  it("a closed deal counts for the team its owner was in on the close date", async () => {
    const moved = await w.as.director.patch(`/api/v1/people/${w.people.memberA.id}`, {
      version: 1,
      teamId: w.teams.b,
      teamChangeDate: "2026-03-01",
    });
    expect(moved.status).toBe(200);
    const won = await w.as.admin.patch(`/api/v1/deals/${c.dealA}`, {
      version: 1,
      stageId: c.stages.won,
      closeDate: "2026-02-15",
    });
    expect(won.json<DealJ>().teamId).toBe(w.teams.a);
    const open = await w.as.memberA.post("/api/v1/deals", {
      name: "After the move",
      amountMinor: 1,
      closeDate: "2026-12-01",
    });
    expect(open.json<DealJ>().teamId).toBe(w.teams.b);
    // The won deal stays with team A's manager; member A still owns (and reads) it.
    expect((await w.as.managerA.get(`/api/v1/deals/${c.dealA}`)).status).toBe(200);
    expect((await w.as.memberA.get(`/api/v1/deals/${c.dealA}`)).status).toBe(200);
  });

  it("converts other currencies at the dated rate and again when a rate changes", async () => {
    const body = { name: "Dollar deal", amountMinor: 100_000, currency: "USD", closeDate: "2026-05-01" };
    const noRate = await w.as.memberA.post("/api/v1/deals", body);
    expect([noRate.status, noRate.json<Err>().error.field]).toEqual([400, "currency"]);
    expect((await put(w.as.memberA, "/api/v1/exchange-rates", { rates: [] })).status).toBe(400);
    const rates = await put(w.as.admin, "/api/v1/exchange-rates", {
      rates: [
        { currency: "USD", date: "2026-01-01", rate: 0.9 },
        { currency: "USD", date: "2026-06-01", rate: 0.8 },
        { currency: "JPY", date: "2026-01-01", rate: 0.0062 },
      ],
    });
    expect(rates.status).toBe(200);
    const deal = (await w.as.memberA.post("/api/v1/deals", body)).json<DealJ>();
    expect(deal.amountOrgMinor).toBe(90_000);
    const yen = (
      await w.as.memberA.post("/api/v1/deals", { ...body, currency: "JPY", amountMinor: 1_000_000 })
    ).json<DealJ>();
    expect(yen.amountOrgMinor).toBe(620_000); // ¥1,000,000 has no minor unit: €6,200.00
    await put(w.as.admin, "/api/v1/exchange-rates", {
      rates: [{ currency: "USD", date: "2026-01-01", rate: 0.95 }],
    });
    expect((await w.as.memberA.get(`/api/v1/deals/${deal.id}`)).json<DealJ>().amountOrgMinor).toBe(95_000);
    const later = await w.as.memberA.patch(`/api/v1/deals/${deal.id}`, {
      version: 1,
      closeDate: "2026-07-01",
    });
    expect(later.json<DealJ>().amountOrgMinor).toBe(80_000);
  });

  it("deletes softly and restores", async () => {
    expect((await w.as.memberA.delete(`/api/v1/deals/${c.dealA}`)).status).toBe(204);
    expect((await w.as.memberA.get(`/api/v1/deals/${c.dealA}`)).status).toBe(404);
    expect(ids((await w.as.memberA.get("/api/v1/deals?mine=true")).json<Page>())).toEqual([]);
    const back = await w.as.memberA.post(`/api/v1/deals/${c.dealA}/restore`);
    expect(back.json()).toMatchObject({ id: c.dealA, version: 3 });
    expect((await w.as.memberA.post(`/api/v1/deals/${c.dealA}/restore`)).status).toBe(404);
  });
});
