// The pipeline, products, exchange rates and saved views.
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

type Stage = { id: string; name: string; kind: string; position: number; version: number };
type Err = { error: { field?: string } };
const stages = async () =>
  (await w.as.memberA.get("/api/v1/pipeline/stages")).json<{ items: Stage[] }>().items;

describe("pipeline", () => {
  it("ships defaults; an admin adds an open stage before the closed ones and reorders", async () => {
    const before = await stages();
    expect(before.map((s) => s.kind)).toEqual(["open", "open", "open", "open", "open", "won", "lost"]);
    expect(
      (await w.as.managerA.post("/api/v1/pipeline/stages", { name: "Demo", probability: 50 })).status,
    ).toBe(403);
    const demo = await w.as.admin.post("/api/v1/pipeline/stages", { name: "Demo", probability: 50 });
    expect(demo.json()).toMatchObject({ position: 6, kind: "open", forecastCategory: "pipeline" });
    expect((await stages()).map((s) => s.name).slice(4, 7)).toEqual(["Negotiation", "Demo", "Closed won"]);
    const dup = await w.as.admin.post("/api/v1/pipeline/stages", { name: "demo", probability: 50 });
    expect(dup.json<Err>().error.field).toBe("name");
    const reversed = (await stages()).map((s) => s.id).reverse();
    const order = await put(w.as.admin, "/api/v1/pipeline/stages/order", { ids: reversed });
    expect(order.json<{ items: Stage[] }>().items.map((s) => s.id)).toEqual(reversed);
    const partial = await put(w.as.admin, "/api/v1/pipeline/stages/order", { ids: reversed.slice(1) });
    expect(partial.json<Err>().error.field).toBe("ids");
  });

  it("keeps one stage of each kind; archived stages take no new deals", async () => {
    const won = await w.as.admin.patch(`/api/v1/pipeline/stages/${c.stages.won}`, {
      version: 1,
      archived: true,
    });
    expect(won.json<Err>().error.field).toBe("archived");
    const wrong = await w.as.admin.patch(`/api/v1/pipeline/stages/${c.stages.won}`, {
      version: 1,
      forecastCategory: "commit",
    });
    expect(wrong.json<Err>().error.field).toBe("forecastCategory");
    expect(
      (await w.as.admin.patch(`/api/v1/pipeline/stages/${c.stages.proposal}`, { version: 1, archived: true }))
        .status,
    ).toBe(200);
    const res = await w.as.memberA.post("/api/v1/deals", {
      name: "x",
      amountMinor: 1,
      closeDate: "2026-01-01",
      stageId: c.stages.proposal,
    });
    expect(res.json<Err>().error.field).toBe("stageId");
    expect((await stages()).map((s) => s.id)).not.toContain(c.stages.proposal);
  });
});

describe("products and exchange rates", () => {
  it("everyone reads the catalogue; only an admin changes it", async () => {
    const list = (await w.as.viewer.get("/api/v1/products?q=platform")).json<{ items: { id: string }[] }>();
    expect(list.items.map((p) => p.id)).toEqual([c.product]);
    expect((await w.as.managerA.post("/api/v1/products", { name: "Support" })).status).toBe(403);
    const made = await w.as.admin.post("/api/v1/products", {
      name: "Support",
      listPriceMinor: 5000,
      externalId: "P-9",
    });
    expect(made.json()).toMatchObject({ currency: "EUR", family: null });
    const dup = await w.as.admin.post("/api/v1/products", { name: "Other", externalId: "P-9" });
    expect(dup.json<Err>().error.field).toBe("externalId");
    const deal = await w.as.memberA.post("/api/v1/deals", {
      name: "With lines",
      amountMinor: 240_000,
      closeDate: "2026-04-01",
      products: [{ productId: c.product, quantity: 2, unitPriceMinor: 120_000 }],
    });
    expect(deal.json()).toMatchObject({ products: [{ productId: c.product, quantity: 2 }] });
  });

  it("refuses a rate for the org's own currency and a non-positive one", async () => {
    const own = await put(w.as.admin, "/api/v1/exchange-rates", {
      rates: [{ currency: "EUR", date: "2026-01-01", rate: 1 }],
    });
    expect(own.json<Err>().error.field).toBe("rates.0.currency");
    const zero = await put(w.as.admin, "/api/v1/exchange-rates", {
      rates: [{ currency: "USD", date: "2026-01-01", rate: 0 }],
    });
    expect(zero.json<Err>().error.field).toBe("rates.0.rate");
    const ok = await put(w.as.admin, "/api/v1/exchange-rates", {
      rates: [{ currency: "USD", date: "2026-01-01", rate: 0.9 }],
    });
    const id = ok.json<{ items: { id: string }[] }>().items[0]?.id;
    expect(
      (await w.as.memberA.get("/api/v1/exchange-rates?currency=USD")).json<{ items: unknown[] }>().items,
    ).toHaveLength(1);
    expect((await w.as.admin.delete(`/api/v1/exchange-rates/${id}`)).status).toBe(204);
  });
});

describe("saved views", () => {
  it("are one's own unless shared; only their author changes them", async () => {
    const mine = (
      await w.as.memberA.post("/api/v1/views", {
        entity: "deals",
        name: "My open",
        query: { status: "open", mine: "true" },
      })
    ).json<{ id: string }>();
    const shared = (
      await w.as.memberA.post("/api/v1/views", {
        entity: "deals",
        name: "Team board",
        query: {},
        shared: true,
      })
    ).json<{ id: string }>();
    const seen = (await w.as.memberB.get("/api/v1/views?entity=deals")).json<{ items: { id: string }[] }>();
    expect(seen.items.map((v) => v.id)).toEqual([shared.id]);
    expect(
      (await w.as.memberB.patch(`/api/v1/views/${shared.id}`, { version: 1, name: "Mine" })).status,
    ).toBe(403);
    expect((await w.as.memberB.delete(`/api/v1/views/${mine.id}`)).status).toBe(404);
    expect(
      (await w.as.viewer.post("/api/v1/views", { entity: "accounts", name: "Viewer view", query: {} }))
        .status,
    ).toBe(201);
    expect((await w.as.memberA.patch(`/api/v1/views/${mine.id}`, { version: 1, shared: true })).status).toBe(
      200,
    );
    expect((await w.as.memberA.delete(`/api/v1/views/${mine.id}`)).status).toBe(204);
  });
});
